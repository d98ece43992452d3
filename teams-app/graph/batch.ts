import { z } from 'zod';
import { GraphError, graphErrorFrom } from './graph-error';
import type { ResourceBudget } from './resource-budget';
import { RETRYABLE_STATUSES, THROTTLED_STATUSES, requestedWaitMs, retryDelayMs } from './retry-policy';
import { resourceUnits } from './resource-units';
import type { GraphRequest, GraphResponse, GraphStats } from './types';

/** Graph takes at most 20 requests in one `$batch`. */
export const BATCH_LIMIT = 20;

/** One answer inside a `$batch` response. */
const BatchItemResponse = z.object({
  id: z.string(),
  status: z.number().int(),
  headers: z.record(z.string(), z.string()).optional(),
  body: z.unknown().optional(),
});

/** The `$batch` response body: the answers, in any order. */
export const BatchResponseBody = z.object({ responses: z.array(BatchItemResponse) });
export type BatchResponseBody = z.infer<typeof BatchResponseBody>;

/** What the batch helper needs of the client. */
export interface BatchDeps {
  /** Sends one HTTP request through the middleware chain (retries of the whole batch included), without counting it. */
  send(request: GraphRequest): Promise<GraphResponse>;
  /** The request's URL relative to the version root (`/sites/...`), as a batch step needs it. */
  relativeUrl(url: string): string;
  budget: ResourceBudget;
  stats: GraphStats;
  clock: { now: () => number; random: () => number; sleep: (ms: number) => Promise<void> };
  maxAttempts: number;
  concurrency: number;
}

/** A request of the call with its place, its wire id and the places it depends on. */
interface Step {
  index: number;
  wireId: string;
  request: GraphRequest;
  dependsOn: number[];
  attempts: number;
}

/**
 * Sends any number of requests as `$batch` calls of at most 20 (requests linked by `dependsOn` kept in one call),
 * reads each answer on its own status, re-queues a 429/503/504 inside a successful batch after the wait it asked
 * for (the SDK does not retry inside a batch) together with the requests that failed with 424 because of it, and
 * answers in the order of the requests. Non-2xx answers are returned, not thrown; a failed batch call throws.
 */
export async function sendBatch(requests: GraphRequest[], deps: BatchDeps): Promise<GraphResponse[]> {
  const steps = planSteps(requests);
  deps.stats.requests += requests.length;
  const results: (GraphResponse | undefined)[] = new Array(requests.length);
  let pending = steps;
  while (pending.length > 0) {
    pending = settleFailedDependencies(pending, results);
    if (pending.length === 0) break;
    const chunks = packChunks(pending);
    const answers = await inPool(chunks, deps.concurrency, (chunk) => sendChunk(chunk, results, deps));
    const requeued = new Set<number>();
    let wait = 0;
    const byIndex = new Map<number, GraphResponse>();
    for (const answer of answers.flat()) byIndex.set(answer.step.index, answer.response);
    for (const step of pending) {
      const response = byIndex.get(step.index) ?? missingAnswer();
      if (response.headers) deps.budget.observe(response.headers);
      if (THROTTLED_STATUSES.has(response.status)) deps.stats.throttled += 1;
      if (RETRYABLE_STATUSES.has(response.status) && step.attempts < deps.maxAttempts) {
        const delay = retryDelayMs(response.headers, step.attempts, deps.clock);
        if (THROTTLED_STATUSES.has(response.status) && unitsOf(step.request) > 0) deps.budget.hold(delay);
        wait = Math.max(wait, delay);
        requeued.add(step.index);
      }
    }
    // A request that failed only because a request it depends on was throttled goes again with it.
    let grew = true;
    while (grew) {
      grew = false;
      for (const step of pending) {
        if (requeued.has(step.index) || byIndex.get(step.index)?.status !== 424) continue;
        if (step.dependsOn.some((d) => requeued.has(d))) {
          requeued.add(step.index);
          step.attempts -= 1;
          grew = true;
        }
      }
    }
    for (const step of pending) {
      if (!requeued.has(step.index)) results[step.index] = byIndex.get(step.index) ?? missingAnswer();
    }
    pending = pending.filter((step) => requeued.has(step.index));
    if (pending.length > 0 && wait > 0) await deps.clock.sleep(wait);
  }
  return results.map((response, index) => ({
    ...(response ?? missingAnswer()),
    id: requests[index]?.id ?? `${index + 1}`,
  }));
}

/** Checks ids and dependencies and gives each request a wire id (its position: callers' ids may be anything). */
function planSteps(requests: GraphRequest[]): Step[] {
  const byId = new Map<string, number>();
  requests.forEach((request, index) => {
    if (request.id === undefined) return;
    const key = request.id.toLowerCase(); // Graph compares batch ids without regard to case
    if (byId.has(key)) throw invalid(`The batch has the request id "${request.id}" twice.`);
    byId.set(key, index);
  });
  return requests.map((request, index) => ({
    index,
    wireId: `${index + 1}`,
    request,
    attempts: 0,
    dependsOn: (request.dependsOn ?? []).map((id) => {
      const target = byId.get(id.toLowerCase());
      if (target === undefined || target === index)
        throw invalid(`Request "${request.id}" depends on unknown "${id}".`);
      return target;
    }),
  }));
}

/**
 * Answers 424, as Graph would, for a step whose dependency has already failed for good (it was re-queued on its
 * own and the dependency did not succeed); the others stay pending.
 */
function settleFailedDependencies(pending: Step[], results: (GraphResponse | undefined)[]): Step[] {
  let settled = true;
  let left = pending;
  while (settled) {
    settled = false;
    left = left.filter((step) => {
      const failed = step.dependsOn.some((d) => results[d] !== undefined && !isSuccess(results[d]));
      if (!failed) return true;
      results[step.index] = {
        status: 424,
        headers: {},
        body: { error: { code: 'failedDependency', message: 'A request this one depends on failed.' } },
      };
      settled = true;
      return false;
    });
  }
  return left;
}

/**
 * Groups the pending steps so that each one travels with the steps it depends on, then packs the groups, in the
 * order of the requests, into chunks of at most 20.
 */
function packChunks(pending: Step[]): Step[][] {
  const pendingIndexes = new Set(pending.map((s) => s.index));
  const parent = new Map<number, number>(pending.map((s) => [s.index, s.index]));
  const find = (i: number): number => {
    const p = parent.get(i) ?? i;
    if (p === i) return i;
    const root = find(p);
    parent.set(i, root);
    return root;
  };
  for (const step of pending) {
    for (const dep of step.dependsOn) {
      if (pendingIndexes.has(dep)) parent.set(find(step.index), find(dep));
    }
  }
  const groups = new Map<number, Step[]>();
  for (const step of pending) {
    const root = find(step.index);
    groups.set(root, [...(groups.get(root) ?? []), step]);
  }
  const chunks: Step[][] = [];
  let current: Step[] = [];
  for (const group of [...groups.values()].sort((a, b) => (a[0]?.index ?? 0) - (b[0]?.index ?? 0))) {
    if (group.length > BATCH_LIMIT) throw invalid(`${group.length} requests depend on each other; a batch takes 20.`);
    if (current.length + group.length > BATCH_LIMIT) {
      chunks.push(current);
      current = [];
    }
    current.push(...group);
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/** Sends one `$batch` call and pairs each answer with its step. */
async function sendChunk(
  chunk: Step[],
  done: (GraphResponse | undefined)[],
  deps: BatchDeps,
): Promise<{ step: Step; response: GraphResponse }[]> {
  const body = {
    requests: chunk.map((step) => {
      step.attempts += 1;
      const dependsOn = step.dependsOn
        .filter((d) => done[d] === undefined)
        .map((d) => chunk.find((s) => s.index === d)?.wireId)
        .filter((id): id is string => id !== undefined);
      return { id: step.wireId, ...wireRequest(step.request, deps), ...(dependsOn.length ? { dependsOn } : {}) };
    }),
  };
  const units = chunk.reduce((sum, step) => sum + unitsOf(step.request), 0);
  const request: GraphRequest = { method: 'POST', url: '/$batch', body, units };
  const response = await deps.send(request);
  if (response.status < 200 || response.status >= 300) {
    throw graphErrorFrom(response, request, requestedWaitMs(response.headers, deps.clock.now()));
  }
  const parsed = BatchResponseBody.safeParse(response.body);
  if (!parsed.success) {
    throw new GraphError({
      status: response.status,
      code: 'invalidBatchResponse',
      message: 'Graph answered a $batch with an unreadable body.',
    });
  }
  const byWireId = new Map(chunk.map((step) => [step.wireId, step]));
  return parsed.data.responses.flatMap((item) => {
    const step = byWireId.get(item.id);
    return step ? [{ step, response: itemResponse(item) }] : [];
  });
}

/** A step as Graph wants it in a batch: a relative URL; a body with its Content-Type (bytes as base64). */
function wireRequest(request: GraphRequest, deps: BatchDeps): Record<string, unknown> {
  const headers: Record<string, string> = { ...request.headers };
  const hasContentType = Object.keys(headers).some((k) => k.toLowerCase() === 'content-type');
  let body: unknown = request.body;
  if (body instanceof Uint8Array) {
    body = Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('base64');
    if (!hasContentType) headers['Content-Type'] = 'application/octet-stream';
  } else if (body !== undefined && !hasContentType) {
    headers['Content-Type'] = 'application/json';
  }
  return {
    method: request.method,
    url: deps.relativeUrl(request.url),
    ...(Object.keys(headers).length ? { headers } : {}),
    ...(body !== undefined ? { body } : {}),
  };
}

/** An answer inside a batch as a GraphResponse: lower-case headers; a non-JSON body (base64 in a batch) as bytes. */
function itemResponse(item: z.infer<typeof BatchItemResponse>): GraphResponse {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(item.headers ?? {})) headers[name.toLowerCase()] = value;
  const contentType = headers['content-type'] ?? '';
  const body =
    typeof item.body === 'string' && contentType !== '' && !contentType.includes('json')
      ? Buffer.from(item.body, 'base64')
      : item.body;
  return { id: item.id, status: item.status, headers, body };
}

/** Graph left a request of the batch unanswered: treat it as unavailable, so it is sent again. */
function missingAnswer(): GraphResponse {
  return { status: 503, headers: {}, body: undefined };
}

function unitsOf(request: GraphRequest): number {
  return request.units ?? resourceUnits(request.method, request.url);
}

function isSuccess(response: GraphResponse | undefined): boolean {
  return response !== undefined && response.status >= 200 && response.status < 300;
}

function invalid(message: string): GraphError {
  return new GraphError({ status: 400, code: 'invalidRequest', message });
}

/** Runs `work` over the items, at most `limit` at a time; results in the order of the items. */
async function inPool<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}
