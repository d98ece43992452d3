/** Statuses Graph documents as transient: throttled (429), service unavailable (503), gateway timeout (504). */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 503, 504]);

/** Statuses SharePoint and Graph use to say "slow down". */
export const THROTTLED_STATUSES: ReadonlySet<number> = new Set([429, 503]);

/** Backoff when Graph gives no wait: 1 s doubling per attempt, capped at 32 s, with jitter. */
export const BACKOFF = { baseMs: 1000, maxMs: 32_000 } as const;

/**
 * `Retry-After` in milliseconds: delta-seconds (`120`) or an HTTP date (`Wed, 21 Oct 2026 07:28:00 GMT`).
 * Undefined when absent or unreadable.
 */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** `RateLimit-Reset` (seconds until the window resets) in milliseconds. */
export function parseRateLimitReset(value: string | undefined): number | undefined {
  if (value === undefined || !/^\s*\d+(\.\d+)?\s*$/.test(value)) return undefined;
  return Math.round(Number(value) * 1000);
}

/**
 * The wait Graph asked for in these headers: `Retry-After`, or the larger of `Retry-After` and
 * `RateLimit-Reset` when both are present (SharePoint's guidance). Undefined when there is neither.
 */
export function requestedWaitMs(headers: Record<string, string>, now: number): number | undefined {
  const retryAfter = parseRetryAfter(headers['retry-after'], now);
  const reset = parseRateLimitReset(headers['ratelimit-reset']);
  if (retryAfter === undefined) return reset;
  return reset === undefined ? retryAfter : Math.max(retryAfter, reset);
}

/** Exponential backoff with jitter for attempt `attempt` (1 = the first retry): between half and all of the step. */
export function backoffMs(attempt: number, random: () => number): number {
  const step = Math.min(BACKOFF.maxMs, BACKOFF.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(step / 2 + (step / 2) * random());
}

/** How long to wait before retrying after this answer: what Graph asked for, else backoff. */
export function retryDelayMs(
  headers: Record<string, string>,
  attempt: number,
  clock: { now: () => number; random: () => number },
): number {
  return requestedWaitMs(headers, clock.now()) ?? backoffMs(attempt, clock.random);
}
