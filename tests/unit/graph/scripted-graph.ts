import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { createGraphApi, staticTokenAuth, type GraphApi, type GraphSettings } from '../../../teams-app/graph';

/** A request as it reached the end of the middleware chain. */
export interface SeenRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
  at: number;
  /** The attempt's deadline. */
  signal?: AbortSignal;
}

/** A scripted answer: status, headers and a JSON body (or bytes), or a function of the request. */
export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
}
export type Script = Reply | ((request: SeenRequest) => Reply | Promise<Reply>);

/**
 * The last middleware of the Graph client in unit tests: records each request and answers from a script
 * (replies queued in order, then a default answer), in memory, as the graph client's own tests do.
 */
export class ScriptedGraph implements Middleware {
  readonly seen: SeenRequest[] = [];
  private readonly queue: Script[] = [];
  private fallback: Script | undefined;

  constructor(private readonly now: () => number = Date.now) {}

  /** Queues answers for the next requests, in order. */
  reply(...replies: Script[]): this {
    this.queue.push(...replies);
    return this;
  }

  /** Answers every request past the queue. */
  otherwise(script: Script): this {
    this.fallback = script;
    return this;
  }

  async execute(context: Context): Promise<void> {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries((context.options?.headers ?? {}) as Record<string, string>)) {
      headers[name.toLowerCase()] = value;
    }
    const raw = context.options?.body;
    const body = typeof raw === 'string' ? (JSON.parse(raw) as unknown) : raw;
    const seen: SeenRequest = {
      method: context.options?.method ?? 'GET',
      url: typeof context.request === 'string' ? context.request : context.request.url,
      headers,
      body,
      at: this.now(),
      signal: context.options?.signal ?? undefined,
    };
    this.seen.push(seen);
    const script = this.queue.shift() ?? this.fallback;
    if (!script) throw new Error(`No scripted answer for ${seen.method} ${seen.url}`);
    const reply = typeof script === 'function' ? await script(seen) : script;
    context.response = toResponse(reply);
  }
}

function toResponse(reply: Reply): Response {
  const status = reply.status ?? 200;
  if (status === 204 || reply.body === undefined) return new Response(null, { status, headers: reply.headers });
  if (Buffer.isBuffer(reply.body)) {
    return new Response(new Uint8Array(reply.body), {
      status,
      headers: { 'content-type': 'application/octet-stream', ...reply.headers },
    });
  }
  return new Response(JSON.stringify(reply.body), {
    status,
    headers: { 'content-type': 'application/json', ...reply.headers },
  });
}

/** Graph's error envelope. */
export function graphError(status: number, code: string, headers: Record<string, string> = {}): Reply {
  return {
    status,
    headers: { 'request-id': `req-${status}-${code}`, ...headers },
    body: { error: { code, message: `Graph says ${code}.`, innerError: { 'request-id': `req-${status}-${code}` } } },
  };
}

/** A clock that only moves when the code under test sleeps; it records every wait. */
export function fakeClock(start = Date.parse('2026-12-01T10:00:00Z')) {
  let time = start;
  const slept: number[] = [];
  return {
    slept,
    now: () => time,
    sleep: async (ms: number) => {
      slept.push(ms);
      time += ms;
    },
    advance: (ms: number) => {
      time += ms;
    },
  };
}

export type FakeClock = ReturnType<typeof fakeClock>;

export const BASE_URL = 'https://graph.microsoft.com/v1.0';

/** A Graph layer answering from the script, on the fake clock, with a fixed jitter. */
export function scriptedGraph(
  overrides: Partial<GraphSettings> = {},
  clock: FakeClock = fakeClock(),
): { graph: GraphApi; script: ScriptedGraph; clock: FakeClock } {
  const script = new ScriptedGraph(clock.now);
  const graph = createGraphApi(
    { baseUrl: BASE_URL, auth: staticTokenAuth('test-token'), budgetPerMinute: 100_000, ...overrides },
    { middleware: script, sleep: clock.sleep, now: clock.now, random: () => 0.5 },
  );
  return { graph, script, clock };
}
