/** Share of the window's limit in use from which SharePoint sends `RateLimit-*` headers and we pace ourselves. */
export const SLOW_DOWN_AT = 0.8;

/** Units of the per-minute budget that may go out at once; the rest is spread evenly over the minute. */
const BURST_SHARE = 0.05;

/** Clock and sleep of a budget (fakes in tests). */
export interface BudgetClock {
  now: () => number;
  sleep: (ms: number) => Promise<void>;
}

/**
 * A client-side budget of SharePoint resource units per minute, so the app stays out of 429 rather than
 * bouncing off it. A request takes its units before it is sent and waits when the budget is spent; any 60 s
 * holds at most the budget (a small burst, the rest spread evenly). When SharePoint reports ≥ 80 % use through
 * `RateLimit-Limit/Remaining/Reset`, the remaining units are spread over the time left until the reset; a 429
 * holds every request until its retry time.
 *
 * It schedules with a "theoretical arrival time" (GCRA): each caller reserves its slot synchronously, then
 * sleeps once, so concurrent callers neither race nor spin.
 */
export class ResourceBudget {
  private readonly burstUnits: number;
  private readonly baseMsPerUnit: number;
  /** When the reserved units will have drained at the current pace. */
  private nextFree = Number.NEGATIVE_INFINITY;
  private slowUntil = Number.NEGATIVE_INFINITY;
  private slowMsPerUnit = 0;
  private holdUntil = Number.NEGATIVE_INFINITY;

  constructor(
    readonly perMinute: number,
    private readonly clock: BudgetClock,
  ) {
    this.burstUnits = Math.max(2, Math.floor(perMinute * BURST_SHARE));
    this.baseMsPerUnit = 60_000 / Math.max(1, perMinute - this.burstUnits);
  }

  /** Waits until `units` may be spent, then counts them as spent. Resolves with the time waited, in ms. */
  async take(units: number): Promise<number> {
    if (units <= 0) return 0;
    const now = this.clock.now();
    const slow = now < this.slowUntil;
    const msPerUnit = slow ? Math.max(this.baseMsPerUnit, this.slowMsPerUnit) : this.baseMsPerUnit;
    const tolerance = slow ? 0 : this.burstUnits * this.baseMsPerUnit;
    const start = Math.max(this.nextFree, now, this.holdUntil);
    this.nextFree = start + units * msPerUnit;
    const wait = Math.max(0, this.nextFree - tolerance - now, this.holdUntil - now);
    if (wait > 0) await this.clock.sleep(wait);
    return wait;
  }

  /** Holds every request until `ms` from now (Graph answered 429 or 503 with this wait). */
  hold(ms: number): void {
    this.holdUntil = Math.max(this.holdUntil, this.clock.now() + ms);
  }

  /** Reads SharePoint's `RateLimit-*` headers of an answer; at ≥ 80 % use, paces the rest until the reset. */
  observe(headers: Record<string, string>): void {
    const limit = Number(headers['ratelimit-limit']);
    const remaining = Number(headers['ratelimit-remaining']);
    const resetSeconds = Number(headers['ratelimit-reset']);
    if (!(limit > 0) || !Number.isFinite(remaining) || !Number.isFinite(resetSeconds) || resetSeconds < 0) return;
    if ((limit - remaining) / limit < SLOW_DOWN_AT) return;
    const now = this.clock.now();
    const resetMs = resetSeconds * 1000;
    if (remaining <= 0) {
      this.hold(resetMs);
      return;
    }
    this.slowUntil = now + resetMs;
    this.slowMsPerUnit = resetMs / remaining;
  }
}
