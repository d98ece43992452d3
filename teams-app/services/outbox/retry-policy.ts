import { z } from 'zod';
import type { DeliveryReason } from '../../domain';
import { isDeliveryError } from './sender';

/** How the worker retries: attempts before giving up and the exponential backoff (full jitter, capped). */
export const RetryOptions = z.object({
  maxAttempts: z.number().int().min(1).max(100),
  baseDelayMs: z.number().int().min(0),
  maxDelayMs: z.number().int().min(0),
  /** The longest Retry-After honoured as given; longer values are capped. */
  maxRetryAfterMs: z.number().int().min(0),
});
export type RetryOptions = z.infer<typeof RetryOptions>;

/** Defaults: 10 attempts; backoff ceilings 1 s, 2 s, 4 s … capped at 5 min; Retry-After honoured up to 1 h. */
export const DEFAULT_RETRY: RetryOptions = {
  maxAttempts: 10,
  baseDelayMs: 1_000,
  maxDelayMs: 300_000,
  maxRetryAfterMs: 3_600_000,
};

/** What to do with a message whose delivery failed; `reason` is the detail for the logs. */
export type FailureDecision =
  | { action: 'retry'; delayMs: number; reason: string }
  | { action: 'undeliverable'; code: DeliveryReason; reason: string }
  | { action: 'fail'; reason: string };

/** The backoff before the next try after `attempts` tries: uniform in [0, min(cap, base·2^(attempts−1))]. */
export function backoffDelayMs(attempts: number, options: RetryOptions, random: () => number = Math.random): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** Math.max(0, attempts - 1));
  return Math.floor(random() * ceiling);
}

const RETRYABLE = new Set([0, 408, 412, 500, 502, 503, 504]);

/**
 * Classifies a failed delivery after `attempts` tries. 429 waits Retry-After (or backs off); 412, 5xx and
 * network errors back off until `maxAttempts`, then fail; 403 and 404 are undeliverable at once; any other
 * status is a permanent failure.
 */
export function classifyFailure(
  error: unknown,
  attempts: number,
  options: RetryOptions = DEFAULT_RETRY,
  random: () => number = Math.random,
): FailureDecision {
  const status = isDeliveryError(error) ? error.status : 0;
  const code = isDeliveryError(error) && error.code ? ` ${error.code}` : '';
  const detail = error instanceof Error ? error.message : String(error);
  if (status === 403) {
    return {
      action: 'undeliverable',
      code: 'delivery.blocked',
      reason: `app not installed or blocked by the user (403${code})`,
    };
  }
  if (status === 404) {
    return {
      action: 'undeliverable',
      code: 'delivery.not-found',
      reason: `conversation or activity not found (404${code})`,
    };
  }
  if (status === 429 || RETRYABLE.has(status)) {
    const what = status === 429 ? 'throttled by Teams' : status === 0 ? `network error: ${detail}` : 'service error';
    if (attempts >= options.maxAttempts) {
      return {
        action: 'fail',
        reason: truncate(`gave up after ${attempts} attempts; last: ${what} (${status}${code})`),
      };
    }
    const retryAfter = isDeliveryError(error) ? error.retryAfterMs : undefined;
    const delayMs =
      status === 429 && retryAfter !== undefined
        ? Math.min(retryAfter, options.maxRetryAfterMs)
        : backoffDelayMs(attempts, options, random);
    return {
      action: 'retry',
      delayMs,
      reason: truncate(`${what} (${status}${code}); retry ${attempts + 1} in ${delayMs} ms`),
    };
  }
  return { action: 'fail', reason: truncate(`rejected by the connector (${status}${code}): ${detail}`) };
}

/** Keeps an error text within the 1000 characters the outbox stores. */
export function truncate(text: string, max = 1000): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
