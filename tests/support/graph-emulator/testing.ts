/** Conveniences for tests that talk to the emulator: a graph-client `Client` wired to it, and a raw caller. */
import { AuthenticationHandler, Client } from '@microsoft/microsoft-graph-client';
import type { GraphEmulator } from './index';

/** A graph-client `Client` whose chain is: bearer token → emulator (answering in-process). */
export function graphClientFor(emulator: GraphEmulator): Client {
  const auth = new AuthenticationHandler({ getAccessToken: () => Promise.resolve(emulator.token) });
  return Client.initWithMiddleware({ middleware: [auth, emulator.middleware()] });
}

/** A response read by `callerFor`: status, lower-case headers and the parsed JSON body (null when empty). */
export interface RawResponse<T = any> {
  status: number;
  headers: Record<string, string>;
  body: T;
}

/**
 * A function calling the emulator directly with the accepted token: `call(method, path, body?, headers?)`, `path`
 * below /v1.0 or an absolute link it returned. Bodies are JSON unless a Buffer.
 */
export function callerFor(emulator: GraphEmulator) {
  return async <T = any>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<RawResponse<T>> => {
    const url = /^https?:/.test(path) ? path : `/v1.0${path}`;
    const bytes = body === undefined ? undefined : Buffer.isBuffer(body) ? body : Buffer.from(JSON.stringify(body));
    const contentType: Record<string, string> =
      body === undefined
        ? {}
        : { 'content-type': Buffer.isBuffer(body) ? 'application/octet-stream' : 'application/json' };
    const reply = await emulator.handle({
      method,
      url,
      headers: { authorization: `Bearer ${emulator.token}`, ...contentType, ...headers },
      body: bytes,
    });
    const lower = Object.fromEntries(Object.entries(reply.headers).map(([k, v]) => [k.toLowerCase(), v]));
    const isJson = (lower['content-type'] ?? '').includes('json');
    return {
      status: reply.status,
      headers: lower,
      body: (isJson && reply.body.length > 0 ? JSON.parse(reply.body.toString('utf8')) : reply.body) as T,
    };
  };
}

/** The calendar delta requests the emulator answered since request number `from` (batched ones included). */
export function deltaRequestsSince(emulator: GraphEmulator, from: number) {
  return emulator
    .requests()
    .slice(from)
    .filter((r) => r.url.includes('/calendarView/delta'));
}
