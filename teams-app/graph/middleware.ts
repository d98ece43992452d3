import { randomUUID } from 'node:crypto';
import type { Context, Middleware, MiddlewareOptions } from '@microsoft/microsoft-graph-client';
import type { ResourceBudget } from './resource-budget';
import { RETRYABLE_STATUSES, THROTTLED_STATUSES, backoffMs, retryDelayMs } from './retry-policy';
import type { GraphAuth, GraphMethod, GraphStats } from './types';

/** Hosts of the Graph service in the public and national clouds: requests to them carry the app's token. */
const GRAPH_HOSTS = new Set([
  'graph.microsoft.com',
  'graph.microsoft.us',
  'dod-graph.microsoft.us',
  'graph.microsoft.de',
  'microsoftgraph.chinacloudapi.cn',
  'canary.graph.microsoft.com',
]);

/**
 * What the layer's middlewares need to know of a request, passed through the client's middleware options: the
 * exact URL to send (so an @odata.nextLink is followed whole, never re-parsed) and what it costs.
 */
export class GraphCall implements MiddlewareOptions {
  /** What the chain threw, as thrown (the SDK wraps errors; the layer gives callers the original). */
  failure: unknown;

  constructor(
    readonly method: GraphMethod,
    readonly url: string,
    readonly units: number,
  ) {}
}

/** The call a context carries (every request of the layer has one). */
function callOf(context: Context): GraphCall | undefined {
  return context.middlewareControl?.getMiddlewareOptions(GraphCall) as GraphCall | undefined;
}

/** A middleware passing on to the next one in the chain. */
abstract class ChainLink implements Middleware {
  private next: Middleware | undefined;

  setNext(next: Middleware): void {
    this.next = next;
  }

  protected pass(context: Context): Promise<void> {
    if (!this.next) throw new Error('The Graph middleware chain has no last handler.');
    return this.next.execute(context);
  }

  abstract execute(context: Context): Promise<void>;
}

/** Answers with lower-case header names, as a plain record. */
export function headersOf(response: Response): Record<string, string> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name.toLowerCase()] = value;
  });
  return headers;
}

/** Methods that may be sent again after a network failure without risk of doing the work twice. */
const IDEMPOTENT = new Set<GraphMethod>(['GET', 'PUT', 'DELETE', 'PATCH']);

/**
 * Retries 429, 503 and 504 (and, for idempotent requests, a failed connection): waits what Graph asked for
 * (`Retry-After` as seconds or a date, the larger of it and `RateLimit-Reset` when both are present), else
 * exponential backoff with jitter; at most `maxAttempts` attempts, then the last answer stands. A throttled
 * answer also holds the budget, so the app's other requests wait too. The SDK's RetryHandler is not in the
 * chain, so nothing is retried twice.
 */
export class RetryMiddleware extends ChainLink {
  constructor(
    private readonly maxAttempts: number,
    private readonly budget: ResourceBudget,
    private readonly clock: { now: () => number; random: () => number; sleep: (ms: number) => Promise<void> },
  ) {
    super();
  }

  async execute(context: Context): Promise<void> {
    const call = callOf(context);
    for (let attempt = 1; ; attempt += 1) {
      let response: Response;
      try {
        await this.pass(context);
        if (!context.response) throw new Error('The Graph middleware chain gave no answer.');
        response = context.response;
      } catch (error) {
        if (call) call.failure = error;
        if (attempt >= this.maxAttempts || !call || !IDEMPOTENT.has(call.method)) throw error;
        await this.clock.sleep(backoffMs(attempt, this.clock.random));
        continue;
      }
      if (!RETRYABLE_STATUSES.has(response.status)) return;
      const delay = retryDelayMs(headersOf(response), attempt, this.clock);
      // SharePoint's throttling is per app: its 429 holds the app's other SharePoint requests too.
      if (THROTTLED_STATUSES.has(response.status) && (call?.units ?? 0) > 0) this.budget.hold(delay);
      if (attempt >= this.maxAttempts) return;
      await response.body?.cancel().catch(() => undefined);
      context.response = undefined;
      await this.clock.sleep(delay);
    }
  }
}

/**
 * Spends the request's resource units from the budget before it goes out (waiting when it is spent), counts
 * round trips and throttled answers, and reads SharePoint's `RateLimit-*` headers back into the budget.
 */
export class MeteringMiddleware extends ChainLink {
  constructor(
    private readonly budget: ResourceBudget,
    private readonly stats: GraphStats,
  ) {
    super();
  }

  async execute(context: Context): Promise<void> {
    const units = callOf(context)?.units ?? 0;
    await this.budget.take(units);
    this.stats.units += units;
    this.stats.roundtrips += 1;
    await this.pass(context);
    const response = context.response;
    if (!response) return;
    if (THROTTLED_STATUSES.has(response.status)) this.stats.throttled += 1;
    this.budget.observe(headersOf(response));
  }
}

/**
 * Puts the exact URL on the request, a deadline, the `User-Agent` SharePoint asks for, a `client-request-id`, and the
 * app's bearer token — only towards Graph itself (its hosts, or the configured base URL's origin), never to an
 * upload URL on another host. The token is never logged.
 */
export class RequestMiddleware extends ChainLink {
  private readonly baseOrigin: string;

  constructor(
    baseUrl: string,
    private readonly auth: GraphAuth,
    private readonly userAgent: string,
    private readonly timeoutMs: number,
  ) {
    super();
    this.baseOrigin = new URL(baseUrl).origin;
  }

  async execute(context: Context): Promise<void> {
    const call = callOf(context);
    if (call) context.request = call.url;
    const url = new URL(typeof context.request === 'string' ? context.request : context.request.url);
    const headers = plainHeaders(context.options?.headers);
    setHeader(headers, 'User-Agent', this.userAgent);
    if (!hasHeader(headers, 'client-request-id')) setHeader(headers, 'client-request-id', randomUUID());
    if (url.origin === this.baseOrigin || (url.protocol === 'https:' && GRAPH_HOSTS.has(url.hostname))) {
      setHeader(headers, 'Authorization', `Bearer ${await this.auth.getAccessToken()}`);
    }
    // A fresh deadline for each attempt: an answer that never comes fails the attempt instead of the app.
    context.options = { ...context.options, headers, signal: AbortSignal.timeout(this.timeoutMs) };
    await this.pass(context);
  }
}

function plainHeaders(headers: HeadersInit | undefined): Record<string, string> {
  if (!headers) return {};
  if (headers instanceof Headers) {
    const plain: Record<string, string> = {};
    headers.forEach((value, name) => {
      plain[name] = value;
    });
    return plain;
  }
  if (Array.isArray(headers)) return Object.fromEntries(headers);
  return { ...(headers as Record<string, string>) };
}

function hasHeader(headers: Record<string, string>, name: string): boolean {
  return Object.keys(headers).some((key) => key.toLowerCase() === name.toLowerCase());
}

/** Sets a header, replacing any spelling of the same name. */
function setHeader(headers: Record<string, string>, name: string, value: string): void {
  for (const key of Object.keys(headers)) {
    if (key.toLowerCase() === name.toLowerCase()) delete headers[key];
  }
  headers[name] = value;
}
