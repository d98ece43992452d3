/** Requests and replies as the emulator's handlers see them, independent of HTTP server or graph-client middleware. */
import { badRequest } from './errors';

/** A request as given to `GraphEmulator.handle()`: url absolute or a path starting with /v1.0. */
export interface EmulatorRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: Buffer;
}

/** A reply as `GraphEmulator.handle()` returns it. */
export interface EmulatorResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** A request after parsing: path below /v1.0, query, lower-case headers, and the base for absolute links. */
export interface ParsedRequest {
  method: string;
  /** Path below /v1.0, still percent-encoded, without a trailing slash, e.g. `/sites/root`. */
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  body: Buffer;
  /** `<origin>/v1.0`: where nextLinks, deltaLinks and upload URLs point. */
  base: string;
  /** True inside a $batch (the outer request was authenticated and timed). */
  batched: boolean;
}

/** What a handler answers: a JSON value, raw bytes, or nothing (204). */
export interface Reply {
  status: number;
  json?: unknown;
  bytes?: Buffer;
  headers?: Record<string, string>;
}

export const json = (status: number, body: unknown, headers?: Record<string, string>): Reply => ({
  status,
  json: body,
  headers,
});
export const noContent = (): Reply => ({ status: 204 });

/** The JSON body of a request; 400 when it is not JSON. */
export function readJson(req: ParsedRequest): unknown {
  if (req.body.length === 0) return undefined;
  try {
    return JSON.parse(req.body.toString('utf8')) as unknown;
  } catch {
    throw badRequest(
      'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.',
      'BadRequest',
    );
  }
}

/** Normalises header names to lower case (Graph headers are case-insensitive). */
export function lowerCaseHeaders(headers: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) out[name.toLowerCase()] = String(value);
  return out;
}
