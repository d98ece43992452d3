/** Finds the route of a request, checks its token, charges its resource units, and turns failures into Graph errors. */
import { randomUUID } from 'node:crypto';
import { errorBody, GraphHttpError } from './errors';
import type { Faults } from './faults';
import type { ParsedRequest } from './http';
import { paramsOf, type Route, UNITS } from './routes';
import { normaliseSitePath } from './site';
import type { Throttle } from './throttle';

/** A response before it is serialised: JSON or bytes, and headers. */
export interface Outcome {
  status: number;
  headers: Record<string, string>;
  json?: unknown;
  bytes?: Buffer;
}

/** Counters the emulator reports. */
export interface EmulatorStats {
  /** HTTP round trips (a $batch counts once). */
  requests: number;
  /** Requests inside $batch bodies. */
  batchedRequests: number;
  /** Requests answered 429 (inside batches too). */
  throttled: number;
  /** Resource units charged. */
  units: number;
}

/** A request as the emulator saw it, for tests that check what a client sent. */
export interface RecordedRequest {
  method: string;
  /** Path below /v1.0 with its query string. */
  url: string;
  status: number;
  batched: boolean;
  /** Request headers in lower case (the Authorization header left out). */
  headers: Record<string, string>;
}

/** How many requests the log keeps (the oldest go first). */
const LOG_LIMIT = 10_000;

/** Dispatches parsed requests to the resource modules' routes. */
export class Router {
  readonly log: RecordedRequest[] = [];

  constructor(
    private readonly routes: Route[],
    private readonly throttle: Throttle,
    private readonly faults: Faults,
    private readonly now: () => number,
    private readonly stats: EmulatorStats,
  ) {}

  /** Answers one request; `authenticated` says whether it carried the accepted bearer token. */
  async dispatch(req: ParsedRequest, authenticated: boolean): Promise<Outcome> {
    const outcome = await this.answer(req, authenticated);
    const { authorization: _token, ...headers } = req.headers;
    const query = req.query.toString();
    this.log.push({
      method: req.method,
      url: query ? `${req.path}?${query}` : req.path,
      status: outcome.status,
      batched: req.batched,
      headers,
    });
    if (this.log.length > LOG_LIMIT) this.log.shift();
    return outcome;
  }

  private async answer(req: ParsedRequest, authenticated: boolean): Promise<Outcome> {
    let extra: Record<string, string> = {};
    try {
      const { route, params, normalised } = this.authorised(req, authenticated);
      const fault = this.faults.take(normalised);
      if (fault) throw fault;
      const units = UNITS[route.cost];
      extra = this.throttle.admit(units).headers;
      this.stats.units += units;
      const reply = await route.handle(normalised, params);
      const headers = { ...extra, ...(reply.headers ?? {}) };
      return { status: reply.status, headers, json: reply.json, bytes: reply.bytes };
    } catch (error) {
      if (error instanceof GraphHttpError) {
        if (error.status === 429) this.stats.throttled += 1;
        return {
          status: error.status,
          headers: { ...extra, ...error.headers },
          json: errorBody(error.code, error.message, this.now()),
        };
      }
      const message = error instanceof Error ? error.message : String(error);
      return {
        status: 500,
        headers: extra,
        json: errorBody('generalException', `Emulator failure: ${message}`, this.now()),
      };
    }
  }

  /** The route of a request, or 401 first when the request lacks the token and the route is not pre-authenticated. */
  private authorised(
    req: ParsedRequest,
    authenticated: boolean,
  ): { route: Route; params: Record<string, string>; normalised: ParsedRequest } {
    const unauthenticated = () =>
      new GraphHttpError(401, 'InvalidAuthenticationToken', 'Access token is empty.', {
        'WWW-Authenticate': 'Bearer realm=""',
      });
    try {
      const normalised = { ...req, path: normaliseSitePath(req.path) };
      const found = this.find(normalised);
      if (!authenticated && !found.route.anonymous) throw unauthenticated();
      return { ...found, normalised };
    } catch (error) {
      throw authenticated ? error : unauthenticated();
    }
  }

  private find(req: ParsedRequest): { route: Route; params: Record<string, string> } {
    let pathMatched = false;
    for (const route of this.routes) {
      const match = route.pattern.exec(req.path);
      if (!match) continue;
      if (route.method === req.method) return { route, params: paramsOf(match) };
      pathMatched = true;
    }
    if (pathMatched)
      throw new GraphHttpError(405, 'BadRequest', `The HTTP method '${req.method}' is not allowed on this resource.`);
    const segment = req.path.split('/').filter(Boolean).pop() ?? '';
    throw new GraphHttpError(400, 'BadRequest', `Resource not found for the segment '${decodeURIComponent(segment)}'.`);
  }
}

/** Response headers every answer carries. */
export function standardHeaders(outcome: Outcome): Record<string, string> {
  const requestId = randomUUID();
  const headers: Record<string, string> = {
    'request-id': requestId,
    'client-request-id': requestId,
    ...outcome.headers,
  };
  if (outcome.json !== undefined)
    headers['Content-Type'] =
      'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';
  else if (outcome.bytes !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type'))
    headers['Content-Type'] = 'application/octet-stream';
  return headers;
}
