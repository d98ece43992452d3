import { z } from 'zod';
import { AppError, type ErrorCode } from '../domain';

/** Graph's error envelope: `{ error: { code, message, innerError: { request-id, date } } }`. */
export const GraphErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string().optional(),
    innerError: z
      .object({ 'request-id': z.string().optional(), 'client-request-id': z.string().optional() })
      .loose()
      .optional(),
  }),
});
export type GraphErrorBody = z.infer<typeof GraphErrorBody>;

/** What a GraphError is built from. */
export interface GraphErrorInit {
  status: number;
  code: string;
  message: string;
  requestId?: string;
  retryAfterMs?: number;
  method?: string;
  url?: string;
}

/**
 * A failed Graph request: Graph's HTTP status and error code (`itemNotFound`, `nameAlreadyExists`, …), its
 * request id for support, and the wait Graph asked for. `appCode` / `toAppError()` give the app's error for it.
 * Status 0 with code `network` means Graph was not reached at all.
 */
export class GraphError extends Error {
  readonly status: number;
  readonly code: string;
  readonly requestId: string | undefined;
  readonly retryAfterMs: number | undefined;
  /** The request, as `GET /sites/{id}/lists/topics/items` (path only: no query, which may hold personal data). */
  readonly request: string | undefined;

  constructor(init: GraphErrorInit) {
    super(init.message);
    this.name = 'GraphError';
    this.status = init.status;
    this.code = init.code;
    this.requestId = init.requestId;
    this.retryAfterMs = init.retryAfterMs;
    this.request = init.method && init.url ? `${init.method} ${pathOnly(init.url)}` : undefined;
  }

  /** The app's error code for this failure. */
  get appCode(): ErrorCode {
    return appCodeFor(this.status, this.code);
  }

  /** The coded error the services throw and the HTTP layer shows, with Graph's request id kept for support. */
  toAppError(): AppError {
    return new AppError(this.appCode, this.message, {
      graphStatus: this.status,
      graphCode: this.code,
      ...(this.requestId ? { graphRequestId: this.requestId } : {}),
    });
  }
}

/** True when the value is a GraphError (with the given status, when one is given). */
export function isGraphError(value: unknown, status?: number): value is GraphError {
  return value instanceof GraphError && (status === undefined || value.status === status);
}

/** The app's error code for a Graph status and error code. */
export function appCodeFor(status: number, code: string): ErrorCode {
  if (status === 412) return 'store.conflict';
  if (status === 409) return code === 'nameAlreadyExists' ? 'store.already-exists' : 'store.conflict';
  if (status === 404 || status === 410) return 'graph.not-found';
  if (status === 401 || status === 403) return 'graph.access-denied';
  if (status === 429 || status === 503 || status === 504) return 'graph.busy';
  return 'graph.failed';
}

/** Builds the GraphError for a non-2xx answer from its status, headers and (parsed) body. */
export function graphErrorFrom(
  response: { status: number; headers: Record<string, string>; body: unknown },
  request: { method: string; url: string },
  retryAfterMs?: number,
): GraphError {
  const parsed = GraphErrorBody.safeParse(response.body);
  const inner = parsed.success ? parsed.data.error : undefined;
  return new GraphError({
    status: response.status,
    code: inner?.code ?? `http${response.status}`,
    message: inner?.message || `Graph answered ${response.status} to ${request.method} ${pathOnly(request.url)}.`,
    requestId: response.headers['request-id'] ?? inner?.innerError?.['request-id'],
    retryAfterMs,
    method: request.method,
    url: request.url,
  });
}

function pathOnly(url: string): string {
  const query = url.indexOf('?');
  return query < 0 ? url : url.slice(0, query);
}
