/**
 * JSON batching (`POST /$batch`): at most 20 requests with unique ids, `dependsOn` ordering with 424 for a failed
 * dependency, each response with its own status (a 429 can sit inside a 200 batch).
 */
import { z } from 'zod';
import { badRequest, errorBody, parseBody } from './errors';
import { lowerCaseHeaders, type ParsedRequest, readJson, type Reply } from './http';
import type { Outcome } from './router';
import type { Route } from './routes';

/** Graph's limit of requests in one batch. */
export const BATCH_LIMIT = 20;

const BatchRequest = z.strictObject({
  id: z.string().min(1),
  method: z.enum(['GET', 'POST', 'PATCH', 'PUT', 'DELETE']),
  url: z.string().min(1),
  headers: z.record(z.string(), z.string()).optional(),
  body: z.unknown().optional(),
  dependsOn: z.array(z.string()).optional(),
  atomicityGroup: z.string().optional(),
});
const BatchBody = z.strictObject({ requests: z.array(BatchRequest).min(1) });
type BatchRequest = z.infer<typeof BatchRequest>;

/** The $batch route; `inner` answers one request of the batch as if it came alone, already authenticated. */
export function batchRoute(
  inner: (req: ParsedRequest) => Promise<Outcome>,
  now: () => number,
  shuffle: () => boolean,
): Route {
  return {
    method: 'POST',
    pattern: /^\/\$batch$/,
    cost: 'free',
    handle: async (req) => {
      const body = parseBody(BatchBody, readJson(req), 'microsoft.graph.batchRequest');
      checkBatch(body.requests);
      const outcomes = new Map<string, Outcome>();
      const run = async (request: BatchRequest): Promise<void> => {
        const failed = (request.dependsOn ?? []).find((id) => {
          const status = outcomes.get(id)?.status ?? 424;
          return status < 200 || status >= 300;
        });
        outcomes.set(
          request.id,
          failed !== undefined
            ? {
                status: 424,
                headers: { 'Content-Type': 'application/json' },
                json: errorBody('FailedDependency', `Dependency '${failed}' failed.`, now()),
              }
            : await inner(innerRequest(req, request)),
        );
      };
      // Requests with dependencies run in order after what they depend on; the rest run side by side.
      const independent = body.requests.filter((r) => !r.dependsOn || r.dependsOn.length === 0);
      await Promise.all(independent.map(run));
      for (const request of body.requests.filter((r) => r.dependsOn && r.dependsOn.length > 0)) await run(request);
      const responses = body.requests.map((request) => responseOf(request.id, outcomes.get(request.id)));
      if (shuffle()) responses.reverse();
      return { status: 200, json: { responses } } satisfies Reply;
    },
  };
}

function checkBatch(requests: BatchRequest[]): void {
  if (requests.length > BATCH_LIMIT)
    throw badRequest(`Limit of ${BATCH_LIMIT} requests per batch exceeded (${requests.length}).`, 'BadRequest');
  const seen = new Set<string>();
  for (const request of requests) {
    if (seen.has(request.id)) throw badRequest(`Batch request contains duplicate id '${request.id}'.`, 'BadRequest');
    for (const dependency of request.dependsOn ?? []) {
      if (!seen.has(dependency))
        throw badRequest(
          `Request '${request.id}' depends on '${dependency}', which is not an earlier request of the batch.`,
          'BadRequest',
        );
    }
    seen.add(request.id);
    if (/^\/?\$batch/.test(request.url))
      throw badRequest(`Request '${request.id}' is a batch; batches do not nest.`, 'BadRequest');
    if (/^https?:/i.test(request.url))
      throw badRequest(
        `Request '${request.id}' has an absolute URL; batch URLs are relative to the version.`,
        'BadRequest',
      );
    const hasBody = request.body !== undefined;
    const contentType = Object.entries(request.headers ?? {}).find(
      ([name]) => name.toLowerCase() === 'content-type',
    )?.[1];
    if (hasBody && !contentType)
      throw badRequest(`Request '${request.id}' has a body but no Content-Type header.`, 'BadRequest');
  }
}

function innerRequest(outer: ParsedRequest, request: BatchRequest): ParsedRequest {
  const relative = request.url.startsWith('/') ? request.url : `/${request.url}`;
  const url = new URL(`http://batch${relative}`);
  const headers = lowerCaseHeaders(request.headers);
  let body = Buffer.alloc(0);
  if (request.body !== undefined) {
    const json = (headers['content-type'] ?? '').includes('json');
    body = json ? Buffer.from(JSON.stringify(request.body)) : Buffer.from(String(request.body), 'base64');
  }
  const path = url.pathname.replace(/\/$/, '');
  return { method: request.method, path, query: url.searchParams, headers, body, base: outer.base, batched: true };
}

function responseOf(id: string, outcome: Outcome | undefined): Record<string, unknown> {
  if (!outcome)
    return { id, status: 500, headers: {}, body: errorBody('generalException', 'No response.', Date.now()) };
  const headers: Record<string, string> = { ...outcome.headers };
  const response: Record<string, unknown> = { id, status: outcome.status, headers };
  if (outcome.json !== undefined) {
    headers['Content-Type'] ??= 'application/json';
    response.body = outcome.json;
  } else if (outcome.bytes !== undefined) {
    headers['Content-Type'] ??= 'application/octet-stream';
    response.body = outcome.bytes.toString('base64');
  }
  return response;
}
