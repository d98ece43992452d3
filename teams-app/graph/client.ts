import {
  Client,
  HTTPMessageHandler,
  ResponseType,
  type GraphRequest as SdkRequest,
} from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import { AppError } from '../domain';
import { sendBatch } from './batch';
import { GraphError, graphErrorFrom } from './graph-error';
import { GraphCall, MeteringMiddleware, RequestMiddleware, RetryMiddleware, headersOf } from './middleware';
import { collectionPages, followDelta } from './paging';
import { ResourceBudget } from './resource-budget';
import { resourceUnits } from './resource-units';
import { requestedWaitMs } from './retry-policy';
import type { GraphApi, GraphApiOptions, GraphRequest, GraphResponse, GraphSettings, GraphStats } from './types';
import { DEFAULT_USER_AGENT } from './user-agent';

/** The smallest tenant tier of SharePoint's per-app resource units per minute. */
export const DEFAULT_BUDGET_PER_MINUTE = 1250;
/** Attempts per request, the first included. */
export const DEFAULT_MAX_ATTEMPTS = 5;
/** How long one attempt may take, in ms. */
export const DEFAULT_TIMEOUT_MS = 120_000;

/** The settings a Graph layer starts from, checked once. */
const SettingsSchema = z.object({
  baseUrl: z.url({ protocol: /^https?$/ }),
  budgetPerMinute: z.number().int().min(10).default(DEFAULT_BUDGET_PER_MINUTE),
  maxAttempts: z.number().int().min(1).max(10).default(DEFAULT_MAX_ATTEMPTS),
  userAgent: z.string().min(1).default(DEFAULT_USER_AGENT),
  timeoutMs: z.number().int().min(1).default(DEFAULT_TIMEOUT_MS),
});

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The production Graph layer, on the Graph SDK's middleware chain (`Client.initWithMiddleware`): our retry,
 * budget and request middlewares, then the network (or, in tests, the emulator given as `options.middleware`).
 */
export function createGraphApi(settings: GraphSettings, options: GraphApiOptions = {}): GraphApi {
  const parsed = SettingsSchema.safeParse(settings);
  if (!parsed.success) {
    throw new AppError('graph.failed', `The Graph settings are not usable: ${parsed.error.issues[0]?.message}`);
  }
  const { budgetPerMinute, maxAttempts, userAgent, timeoutMs } = parsed.data;
  const baseUrl = parsed.data.baseUrl.replace(/\/+$/, '');
  const clock = {
    now: options.now ?? Date.now,
    sleep: options.sleep ?? realSleep,
    random: options.random ?? Math.random,
  };
  const stats: GraphStats = { requests: 0, roundtrips: 0, throttled: 0, units: 0 };
  const budget = new ResourceBudget(budgetPerMinute, clock);
  const base = new URL(baseUrl);
  const client = Client.initWithMiddleware({
    baseUrl: base.origin,
    defaultVersion: base.pathname.replace(/^\/+|\/+$/g, ''),
    middleware: [
      new RetryMiddleware(maxAttempts, budget, clock),
      new MeteringMiddleware(budget, stats),
      new RequestMiddleware(baseUrl, settings.auth, userAgent, timeoutMs),
      options.middleware ?? new HTTPMessageHandler(),
    ],
  });

  const absoluteUrl = (url: string) =>
    /^https?:\/\//i.test(url) ? url : `${baseUrl}${url.startsWith('/') ? '' : '/'}${url}`;
  const relativeUrl = (url: string) => {
    const absolute = absoluteUrl(url);
    if (absolute.startsWith(`${baseUrl}/`)) return absolute.slice(baseUrl.length);
    throw new GraphError({ status: 400, code: 'invalidRequest', message: 'A batch step must address Graph itself.' });
  };

  /** One request through the chain, answered whatever its status. */
  const send = async (req: GraphRequest): Promise<GraphResponse> => {
    const url = absoluteUrl(req.url);
    const call = new GraphCall(req.method, url, req.units ?? resourceUnits(req.method, url));
    const { body, contentType } = encodeBody(req.body);
    const headers = { ...req.headers };
    if (contentType && !Object.keys(headers).some((k) => k.toLowerCase() === 'content-type')) {
      headers['Content-Type'] = contentType;
    }
    const sdkRequest = client
      .api(url.startsWith(`${baseUrl}/`) ? url.slice(baseUrl.length) : url)
      .headers(headers)
      .middlewareOptions([call])
      .responseType(ResponseType.RAW);
    let raw: Response;
    try {
      raw = await dispatch(sdkRequest, req.method, body);
    } catch (error) {
      const cause = call.failure ?? error;
      if (cause instanceof GraphError || cause instanceof AppError) throw cause;
      throw new GraphError({
        status: 0,
        code: 'network',
        message: `Graph could not be reached (${cause instanceof Error ? cause.message : 'unknown failure'}).`,
        method: req.method,
        url,
      });
    }
    return { id: req.id, status: raw.status, headers: headersOf(raw), body: await readBody(raw) };
  };

  const request = async <T>(req: GraphRequest): Promise<GraphResponse<T>> => {
    stats.requests += 1;
    const response = await send(req);
    if (response.status < 200 || response.status >= 300) {
      throw graphErrorFrom(response, req, requestedWaitMs(response.headers, clock.now()));
    }
    // The body is Graph's JSON: callers parse it with the zod schema of what they asked for.
    return response as GraphResponse<T>;
  };
  const counted = (req: GraphRequest) => request<unknown>(req);

  return {
    request,
    get: async <T>(url: string, headers?: Record<string, string>) =>
      (await request<T>({ method: 'GET', url, headers })).body,
    post: async <T>(url: string, body: unknown, headers?: Record<string, string>) =>
      (await request<T>({ method: 'POST', url, body, headers })).body,
    patch: async <T>(url: string, body: unknown, headers?: Record<string, string>) =>
      (await request<T>({ method: 'PATCH', url, body, headers })).body,
    put: async <T>(url: string, body: unknown, headers?: Record<string, string>) =>
      (await request<T>({ method: 'PUT', url, body, headers })).body,
    delete: async (url: string, headers?: Record<string, string>) => {
      await request({ method: 'DELETE', url, headers });
    },
    pages: <T>(url: string, headers?: Record<string, string>) => collectionPages<T>(counted, url, headers),
    all: async <T>(url: string, headers?: Record<string, string>) => {
      const items: T[] = [];
      for await (const page of collectionPages<T>(counted, url, headers)) items.push(...page);
      return items;
    },
    batch: (requests: GraphRequest[]) =>
      sendBatch(requests, {
        send,
        relativeUrl,
        budget,
        stats,
        clock,
        maxAttempts,
        concurrency: options.batchConcurrency ?? 4,
      }),
    delta: <T>(initialUrl: string, deltaLink?: string | null, headers?: Record<string, string>) =>
      followDelta<T>(counted, initialUrl, deltaLink, headers),
    stats,
  };
}

/** A request body for the wire: bytes as they are, anything else as JSON. */
function encodeBody(body: unknown): { body: unknown; contentType?: string } {
  if (body === undefined) return { body: undefined };
  if (Buffer.isBuffer(body)) return { body, contentType: 'application/octet-stream' };
  if (body instanceof Uint8Array) {
    return {
      body: Buffer.from(body.buffer, body.byteOffset, body.byteLength),
      contentType: 'application/octet-stream',
    };
  }
  return { body: JSON.stringify(body), contentType: 'application/json' };
}

function dispatch(request: SdkRequest, method: GraphRequest['method'], body: unknown): Promise<Response> {
  switch (method) {
    case 'GET':
      return request.get();
    case 'POST':
      return request.post(body);
    case 'PUT':
      return request.put(body);
    case 'PATCH':
      return request.patch(body);
    case 'DELETE':
      return request.delete();
  }
}

/** The body of an answer: JSON parsed, other content as bytes, nothing for 204. */
async function readBody(response: Response): Promise<unknown> {
  if (response.status === 204 || response.status === 304) return undefined;
  const bytes = Buffer.from(await response.arrayBuffer());
  if (bytes.length === 0) return undefined;
  const contentType = response.headers.get('content-type') ?? '';
  if (!contentType.includes('json') && contentType !== '') return bytes;
  try {
    return JSON.parse(bytes.toString('utf8')) as unknown;
  } catch {
    return contentType === '' ? bytes : bytes.toString('utf8');
  }
}
