import type { Middleware } from '@microsoft/microsoft-graph-client';

/** Where the app's Microsoft Graph access token comes from (app-only credentials, or a fixed token for the emulator). */
export interface GraphAuth {
  /** What kind of credential this is, for the start-up summary (never the secret itself). */
  readonly kind: 'client-credentials' | 'static-token';
  /** A bearer token for Graph, refreshed when near expiry. */
  getAccessToken(): Promise<string>;
}

/** How the Graph layer reaches Graph and how gently it treats it. */
export interface GraphSettings {
  /** The version root: https://graph.microsoft.com/v1.0, or http://127.0.0.1:<port>/v1.0 for the emulator. */
  baseUrl: string;
  auth: GraphAuth;
  /** SharePoint resource units the app may spend per minute (default 1,250, the smallest tenant tier). */
  budgetPerMinute?: number;
  /** Attempts per request, the first included, before a throttled or failing answer is given up on (default 5). */
  maxAttempts?: number;
  /** Default `NONISV|ITU|ISCCoordinator/<package version>`, as SharePoint asks of registered apps. */
  userAgent?: string;
  /** How long one attempt may take before it is abandoned (and retried when safe), in ms (default 120,000). */
  timeoutMs?: number;
}

/** HTTP methods the app sends to Graph. */
export type GraphMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** One Graph request, alone or inside a `$batch`. */
export interface GraphRequest {
  /** Batch only: the request's id, unique in the call (one is made up when absent). */
  id?: string;
  method: GraphMethod;
  /** Relative to the base URL (`/sites/{site}/lists/topics/items`), or an absolute URL Graph gave (nextLink, uploadUrl). */
  url: string;
  headers?: Record<string, string>;
  /** A JSON value, or the bytes of an upload. */
  body?: unknown;
  /** Batch only: ids of requests of the same call that must succeed first (Graph answers 424 otherwise). */
  dependsOn?: string[];
  /** SharePoint resource units the request costs, when the default estimate (1 per single read, 2 otherwise) is wrong. */
  units?: number;
}

/** Graph's answer: status, headers with lower-case names, and the body (parsed JSON, or bytes as a Buffer). */
export interface GraphResponse<T = unknown> {
  id?: string;
  status: number;
  headers: Record<string, string>;
  body: T;
}

/** What a delta query brought: the changed items, the link for next time, and whether it had to start over (410). */
export interface DeltaResult<T> {
  items: T[];
  deltaLink: string;
  restarted: boolean;
}

/** Counters of what the layer sent, for benchmarks and diagnostics. */
export interface GraphStats {
  /** Graph requests asked for (each request inside a batch counts; retries do not). */
  requests: number;
  /** HTTP round trips, retries included; a whole `$batch` is one. */
  roundtrips: number;
  /** Answers 429 or 503 (inside batches too). */
  throttled: number;
  /** SharePoint resource units spent (estimated; retries included). */
  units: number;
}

/** The app's Microsoft Graph access: retries, throttling budget, batching, paging and delta in one place. */
export interface GraphApi {
  /** Sends one request; throws GraphError on a non-2xx answer (after retries). */
  request<T>(req: GraphRequest): Promise<GraphResponse<T>>;
  get<T>(url: string, headers?: Record<string, string>): Promise<T>;
  post<T>(url: string, body: unknown, headers?: Record<string, string>): Promise<T>;
  patch<T>(url: string, body: unknown, headers?: Record<string, string>): Promise<T>;
  put<T>(url: string, body: unknown, headers?: Record<string, string>): Promise<T>;
  delete(url: string, headers?: Record<string, string>): Promise<void>;
  /** Every item of a collection, following @odata.nextLink whole. */
  all<T>(url: string, headers?: Record<string, string>): Promise<T[]>;
  /** The pages of a collection, one array per round trip, following @odata.nextLink whole. */
  pages<T>(url: string, headers?: Record<string, string>): AsyncIterable<T[]>;
  /**
   * Any number of requests, sent in `$batch` chunks of at most 20 (requests linked by `dependsOn` stay in one
   * chunk), a 429/503 inside a batch re-queued; responses in the order of the requests, non-2xx returned, not thrown.
   */
  batch(requests: GraphRequest[]): Promise<GraphResponse[]>;
  /** Follows a delta query to its deltaLink; on 410 (token expired) starts over from `initialUrl`. */
  delta<T>(initialUrl: string, deltaLink?: string | null, headers?: Record<string, string>): Promise<DeltaResult<T>>;
  readonly stats: GraphStats;
}

/** Test and tuning hooks of `createGraphApi`. */
export interface GraphApiOptions {
  /** The last middleware, answering instead of the network (the emulator or a scripted fake in tests). */
  middleware?: Middleware;
  /** Waits this long (tests pass a fake that advances a fake clock). */
  sleep?: (ms: number) => Promise<void>;
  /** The clock, in milliseconds (default Date.now). */
  now?: () => number;
  /** A number in [0, 1) for backoff jitter (default Math.random). */
  random?: () => number;
  /** Batches sent at the same time by one `batch` call (default 4). */
  batchConcurrency?: number;
}
