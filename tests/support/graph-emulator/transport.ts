/** The emulator's two doors: a graph-client middleware answering in-process, and an HTTP server on 127.0.0.1. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import type { EmulatorRequest, EmulatorResponse } from './http';

type Handle = (req: EmulatorRequest) => Promise<EmulatorResponse>;

/** A graph-client middleware that answers every request from `handle` (use it as the last of the chain). */
export function emulatorMiddleware(handle: Handle): Middleware {
  return {
    async execute(context: Context): Promise<void> {
      const request = context.request;
      const url = typeof request === 'string' ? request : request.url;
      const options = context.options ?? {};
      const method = (options.method ?? (typeof request === 'string' ? 'GET' : request.method)).toUpperCase();
      const headers: Record<string, string> = {};
      new Headers(options.headers as HeadersInit | undefined).forEach((value, name) => {
        headers[name] = value;
      });
      const reply = await handle({ method, url, headers, body: await bodyBytes(options.body) });
      const status = reply.status;
      const nullBody = status === 204 || status === 304 || reply.body.length === 0;
      context.response = new Response(nullBody ? null : new Uint8Array(reply.body), { status, headers: reply.headers });
    },
  };
}

async function bodyBytes(body: unknown): Promise<Buffer | undefined> {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return Buffer.from(body);
  if (Buffer.isBuffer(body)) return body;
  if (body instanceof Uint8Array) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  if (body instanceof ArrayBuffer) return Buffer.from(body);
  if (typeof Blob !== 'undefined' && body instanceof Blob) return Buffer.from(await body.arrayBuffer());
  return Buffer.from(String(body));
}

/** A running HTTP emulator: its base URL (`http://127.0.0.1:<port>/v1.0`) and how to stop it. */
export interface EmulatorServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Serves `handle` over HTTP on 127.0.0.1 (port 0 picks a free one). */
export async function listenHttp(handle: Handle, port = 0): Promise<EmulatorServer> {
  const server = http.createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(incoming.headers))
        if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
      const url = `http://${incoming.headers.host ?? '127.0.0.1'}${incoming.url ?? '/'}`;
      handle({ method: incoming.method ?? 'GET', url, headers, body: Buffer.concat(chunks) }).then(
        (reply) => {
          outgoing.writeHead(reply.status, reply.headers);
          outgoing.end(reply.body);
        },
        (error: unknown) => {
          outgoing.writeHead(500, { 'Content-Type': 'text/plain' });
          outgoing.end(String(error));
        },
      );
    });
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const actual = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${actual}/v1.0`,
    port: actual,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
