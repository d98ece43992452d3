/**
 * SharePoint's resource-unit throttling: a budget of units per minute for the app, `RateLimit-*` headers once
 * 80 % of it is used, and 429 with `Retry-After` when a request would go over it.
 */
import { GraphHttpError } from './errors';

/** Share of the budget from which SharePoint starts sending RateLimit headers. */
export const WARNING_SHARE = 0.8;
const WINDOW_MS = 60_000;

/** What the throttle decided for one request. */
export interface Admission {
  /** Headers to add to the response (RateLimit-* near the limit). */
  headers: Record<string, string>;
}

/** A per-minute budget of resource units on a fixed window, on the emulator's clock. */
export class Throttle {
  private windowStart = Number.NEGATIVE_INFINITY;
  private used = 0;

  constructor(
    private readonly budgetPerMinute: number | null,
    private readonly now: () => number,
  ) {}

  /** Units used in the current window. */
  get usedUnits(): number {
    this.roll();
    return this.used;
  }

  /**
   * Charges `units` for a request, or throws 429 `activityLimitReached` with `Retry-After` (whole seconds until the
   * window resets) when they do not fit; a refused request costs nothing.
   */
  admit(units: number): Admission {
    if (this.budgetPerMinute === null || units === 0) return { headers: {} };
    this.roll();
    const resetSeconds = Math.max(1, Math.ceil((this.windowStart + WINDOW_MS - this.now()) / 1000));
    if (this.used + units > this.budgetPerMinute) {
      throw new GraphHttpError(429, 'activityLimitReached', 'The request has been throttled', {
        'Retry-After': String(resetSeconds),
        ...this.rateLimitHeaders(resetSeconds),
      });
    }
    this.used += units;
    return { headers: this.used >= WARNING_SHARE * this.budgetPerMinute ? this.rateLimitHeaders(resetSeconds) : {} };
  }

  private rateLimitHeaders(resetSeconds: number): Record<string, string> {
    const limit = this.budgetPerMinute ?? 0;
    return {
      'RateLimit-Limit': String(limit),
      'RateLimit-Remaining': String(Math.max(0, limit - this.used)),
      'RateLimit-Reset': String(resetSeconds),
    };
  }

  private roll(): void {
    const now = this.now();
    if (now >= this.windowStart + WINDOW_MS) {
      this.windowStart = now;
      this.used = 0;
    }
  }
}
