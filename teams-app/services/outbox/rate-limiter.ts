import { monotonicNow } from './clock';
import { TEAMS_LIMITS, type RateLimits, type RateWindow } from './teams-limits';

/** The send times of one key, oldest first, trimmed to what its windows still need. */
class SendLog {
  private times: number[] = [];
  private head = 0;

  get count(): number {
    return this.times.length - this.head;
  }

  /** The time of the n-th most recent send (n = 1 is the newest). */
  newest(n = 1): number | undefined {
    return n <= this.count ? this.times[this.times.length - n] : undefined;
  }

  push(time: number, keep: number, horizon: number): void {
    this.times.push(time);
    while (this.head < this.times.length && (this.count > keep || (this.times[this.head] ?? 0) <= horizon)) {
      this.head += 1;
    }
    if (this.head > 64 && this.head * 2 > this.times.length) {
      this.times = this.times.slice(this.head);
      this.head = 0;
    }
  }
}

/** Options of the rate limiter. */
export interface RateLimiterOptions {
  /** The limits to honour; the Teams bot limits by default. */
  limits?: RateLimits;
  /** A monotonic millisecond clock; `performance.now` by default. */
  now?: () => number;
  /** Extra milliseconds added to every window, to absorb network jitter between us and the service. */
  marginMs?: number;
}

/**
 * Sliding-window rate limiter for proactive messages: per conversation and globally (per app per tenant).
 * `reserve` is O(number of windows), amortised; memory is the sends of the last hour of active conversations.
 */
export class RateLimiter {
  private readonly limits: RateLimits;
  private readonly now: () => number;
  private readonly marginMs: number;
  private readonly global = new SendLog();
  private readonly conversations = new Map<string, SendLog>();
  private readonly conversationKeep: number;
  private readonly conversationSpan: number;
  private readonly globalKeep: number;
  private readonly globalSpan: number;
  private callsSinceSweep = 0;

  constructor(options: RateLimiterOptions = {}) {
    this.limits = options.limits ?? TEAMS_LIMITS;
    this.now = options.now ?? monotonicNow;
    this.marginMs = Math.max(0, options.marginMs ?? 0);
    this.conversationKeep = maxOf(this.limits.perConversation, (w) => w.limit);
    this.conversationSpan = maxOf(this.limits.perConversation, (w) => w.windowMs) + this.marginMs;
    this.globalKeep = maxOf(this.limits.global, (w) => w.limit);
    this.globalSpan = maxOf(this.limits.global, (w) => w.windowMs) + this.marginMs;
  }

  /**
   * Asks to send one message to a conversation now. Returns 0 when the send may go at once (the slot is taken);
   * otherwise the milliseconds to wait before asking again (nothing is taken).
   */
  reserve(conversationId: string): number {
    const now = this.now();
    const log = this.conversations.get(conversationId);
    const wait = Math.max(
      this.waitFor(this.global, this.limits.global, now),
      log ? this.waitFor(log, this.limits.perConversation, now) : 0,
    );
    if (wait > 0) return Math.ceil(wait);
    this.global.push(now, this.globalKeep, now - this.globalSpan);
    const target = log ?? new SendLog();
    if (!log) this.conversations.set(conversationId, target);
    target.push(now, this.conversationKeep, now - this.conversationSpan);
    this.sweep(now);
    return 0;
  }

  /** How many conversations the limiter currently remembers (idle ones are forgotten after the longest window). */
  get trackedConversations(): number {
    return this.conversations.size;
  }

  private waitFor(log: SendLog, windows: readonly RateWindow[], now: number): number {
    let wait = 0;
    for (const window of windows) {
      const oldest = log.newest(window.limit);
      if (oldest !== undefined) wait = Math.max(wait, oldest + window.windowMs + this.marginMs - now);
    }
    return wait;
  }

  /** Forgets idle conversations, scanning the map once per as many calls as it has entries (amortised O(1)). */
  private sweep(now: number): void {
    this.callsSinceSweep += 1;
    if (this.callsSinceSweep < Math.max(1024, this.conversations.size)) return;
    this.callsSinceSweep = 0;
    for (const [id, log] of this.conversations) {
      if ((log.newest() ?? 0) <= now - this.conversationSpan) this.conversations.delete(id);
    }
  }
}

function maxOf(windows: readonly RateWindow[], pick: (w: RateWindow) => number): number {
  return windows.reduce((max, w) => Math.max(max, pick(w)), 0);
}
