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
  /**
   * Spreads global sends evenly, window/limit apart on average (a generic cell rate algorithm: a send may come
   * up to half a gap early, to make up for a late one), instead of in bursts at the start of each window.
   * Bursts queue up on the way out, so their arrival times at the service drift and trip its window; even
   * spacing keeps that drift to the network jitter, which `marginMs` covers.
   */
  smooth?: boolean;
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
  private readonly globalGap: number;
  /** The theoretical time of the next smoothed send (GCRA). */
  private nextEven = Number.NEGATIVE_INFINITY;
  private callsSinceSweep = 0;

  constructor(options: RateLimiterOptions = {}) {
    this.limits = options.limits ?? TEAMS_LIMITS;
    this.now = options.now ?? monotonicNow;
    this.marginMs = Math.max(0, options.marginMs ?? 0);
    this.conversationKeep = maxOf(this.limits.perConversation, (w) => w.limit);
    this.conversationSpan = maxOf(this.limits.perConversation, (w) => w.windowMs) + this.marginMs;
    this.globalKeep = maxOf(this.limits.global, (w) => w.limit);
    this.globalSpan = maxOf(this.limits.global, (w) => w.windowMs) + this.marginMs;
    this.globalGap = options.smooth ? maxOf(this.limits.global, (w) => (w.windowMs + this.marginMs) / w.limit) : 0;
  }

  /**
   * Asks to send one message to a conversation now. Returns 0 when the send may go at once (the slot is taken);
   * otherwise the milliseconds to wait before asking again (nothing is taken).
   */
  reserve(conversationId: string): number {
    const now = this.now();
    const log = this.conversations.get(conversationId);
    const wait = this.waitAt(now, log, 'all');
    if (wait > 0) return wait;
    this.global.push(now, this.globalKeep, now - this.globalSpan);
    if (this.globalGap > 0) this.nextEven = Math.max(this.nextEven, now) + this.globalGap;
    const target = log ?? new SendLog();
    if (!log) this.conversations.set(conversationId, target);
    target.push(now, this.conversationKeep, now - this.conversationSpan);
    this.sweep(now);
    return 0;
  }

  /**
   * The milliseconds `reserve` would ask to wait now (0 = a send could go), without taking anything; with
   * scope 'conversation', only what the conversation's own limits ask.
   */
  peek(conversationId: string, scope: 'all' | 'conversation' = 'all'): number {
    return this.waitAt(this.now(), this.conversations.get(conversationId), scope);
  }

  /** How many conversations the limiter currently remembers (idle ones are forgotten after the longest window). */
  get trackedConversations(): number {
    return this.conversations.size;
  }

  private waitAt(now: number, log: SendLog | undefined, scope: 'all' | 'conversation'): number {
    let wait = log ? this.waitFor(log, this.limits.perConversation, now) : 0;
    if (scope === 'all') {
      wait = Math.max(wait, this.waitFor(this.global, this.limits.global, now));
      if (this.globalGap > 0) wait = Math.max(wait, this.nextEven - this.globalGap / 2 - now);
    }
    return wait > 0 ? Math.ceil(wait) : 0;
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
