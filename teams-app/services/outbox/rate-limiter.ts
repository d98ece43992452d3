import { monotonicNow } from './clock';
import { TEAMS_LIMITS, type RateLimits, type RateWindow } from './teams-limits';

/**
 * The send times of one key, oldest first, trimmed to what its windows still need; sends still under way count
 * as the newest, at a time not known yet (+Infinity).
 */
class SendLog {
  private times: number[] = [];
  private head = 0;
  private underWay = 0;

  get count(): number {
    return this.times.length - this.head + this.underWay;
  }

  /** The time of the n-th most recent send (n = 1 is the newest); +Infinity for one still under way. */
  newest(n = 1): number | undefined {
    if (n <= this.underWay) return Number.POSITIVE_INFINITY;
    const k = n - this.underWay;
    return k <= this.times.length - this.head ? this.times[this.times.length - k] : undefined;
  }

  /** A send has started; its time is given when it ends (`end`). */
  begin(): void {
    this.underWay += 1;
  }

  /** A send begun earlier ended: it counts from `time` (times come in order), or not at all when null. */
  end(time: number | null, keep: number, horizon: number): void {
    if (this.underWay > 0) this.underWay -= 1;
    if (time !== null) this.push(time, keep, horizon);
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
   * spacing keeps that drift to the network jitter, which `marginMs` covers. (Sends counted from their
   * answer, `begin`/`end`, do not drift and need neither.)
   */
  smooth?: boolean;
}

/**
 * Sliding-window rate limiter for proactive messages: per conversation and globally (per app per tenant).
 * `reserve` is O(number of windows), amortised; memory is the sends of the last hour of active conversations.
 *
 * A send counts from when it is reserved (`reserve`: what a service that stamps arrivals does), or, for a
 * sender, from when its answer came (`begin` … `end`): a request arrives at the service before its answer is
 * back, so a send counted from its answer can never fall into the service's window later than the limiter
 * thinks — whatever the queueing and jitter on the way — and a refused one (429) is not counted app-wide at all.
 */
export class RateLimiter {
  private limits: RateLimits;
  private readonly base: RateLimits;
  private readonly smooth: boolean;
  private readonly now: () => number;
  private readonly marginMs: number;
  private readonly global = new SendLog();
  private readonly conversations = new Map<string, SendLog>();
  private readonly conversationKeep: number;
  private readonly conversationSpan: number;
  private globalKeep: number;
  private readonly globalSpan: number;
  private globalGap: number;
  /** The theoretical time of the next smoothed send (GCRA). */
  private nextEven = Number.NEGATIVE_INFINITY;
  private callsSinceSweep = 0;
  private paused = false;
  private readonly listeners: (() => void)[] = [];

  constructor(options: RateLimiterOptions = {}) {
    this.limits = options.limits ?? TEAMS_LIMITS;
    this.base = this.limits;
    this.smooth = options.smooth ?? false;
    this.now = options.now ?? monotonicNow;
    this.marginMs = Math.max(0, options.marginMs ?? 0);
    this.conversationKeep = maxOf(this.limits.perConversation, (w) => w.limit);
    this.conversationSpan = maxOf(this.limits.perConversation, (w) => w.windowMs) + this.marginMs;
    this.globalKeep = maxOf(this.limits.global, (w) => w.limit);
    this.globalSpan = maxOf(this.limits.global, (w) => w.windowMs) + this.marginMs;
    this.globalGap = options.smooth ? maxOf(this.limits.global, (w) => (w.windowMs + this.marginMs) / w.limit) : 0;
  }

  /**
   * Keeps this limiter to a share (0..1) of the app-wide limits it was made with, from now on: an instance's share
   * when several send as one app (e.g. the outbox partitions it owns out of all). The per-conversation limits stay.
   */
  shareGlobal(share: number): void {
    const fraction = Math.min(1, Math.max(0, share));
    // A share of none holds every send back until a share is given again.
    this.paused = fraction === 0;
    this.limits = {
      perConversation: this.base.perConversation,
      // The small epsilon keeps an exact share (17 of 50 slots) from flooring to one less.
      global: this.base.global.map((w) => ({ ...w, limit: Math.max(1, Math.floor(w.limit * fraction + 1e-9)) })),
    };
    this.globalKeep = maxOf(this.limits.global, (w) => w.limit);
    this.globalGap = this.smooth ? maxOf(this.limits.global, (w) => (w.windowMs + this.marginMs) / w.limit) : 0;
    for (const listener of this.listeners) listener();
  }

  /** Calls `listener` whenever the share changes (a turnstile looks at its waiters again). */
  onShareChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  /**
   * When (on this limiter's clock) no more than `keep` of this limiter's sends count in the app-wide window any
   * more: now when that is so already, +Infinity when more than `keep` sends are still under way (their answers, and
   * so their places in the window, are not known yet). Slots given up after lowering to `keep` are free from then.
   */
  releasableAt(keep: number): number {
    const now = this.now();
    if (this.global.count <= keep) return now;
    const oldest = this.global.newest(keep + 1);
    if (oldest === undefined) return now;
    const windowMs = maxOf(this.limits.global, (w) => w.windowMs);
    return Math.max(now, oldest + windowMs + this.marginMs);
  }

  /** The limiter's own clock (monotonic milliseconds). */
  clockNow(): number {
    return this.now();
  }

  /** The app-wide limits it was made with (before any share). */
  get fullGlobalLimits(): RateLimits['global'] {
    return this.base.global;
  }

  /** The app-wide limits in force (after {@link shareGlobal}). */
  get globalLimits(): RateLimits['global'] {
    return this.limits.global;
  }

  /**
   * Asks to send one message to a conversation now. Returns 0 when the send may go at once (the slot is taken);
   * otherwise the milliseconds to wait before asking again (nothing is taken).
   */
  reserve(conversationId: string): number {
    return this.take(conversationId, 'now');
  }

  /**
   * Like `reserve`, for a send about to go: it counts as under way (in every window, from any time) until
   * `end` says when its answer came. A wait of +Infinity means: until a send under way ends.
   */
  begin(conversationId: string): number {
    return this.take(conversationId, 'under-way');
  }

  /**
   * A send begun with `begin` got its answer now: from now on it counts from this instant. `refused` (the service
   * answered 429 and did not take it) frees its place in the app-wide windows; the conversation still counts it.
   */
  end(conversationId: string, refused = false): void {
    const now = this.now();
    this.global.end(refused ? null : now, this.globalKeep, now - this.globalSpan);
    if (refused && this.globalGap > 0) this.nextEven -= this.globalGap;
    this.conversations.get(conversationId)?.end(now, this.conversationKeep, now - this.conversationSpan);
  }

  private take(conversationId: string, mode: 'now' | 'under-way'): number {
    const now = this.now();
    const log = this.conversations.get(conversationId);
    const wait = this.waitAt(now, log, 'all');
    if (wait > 0) return wait;
    const target = log ?? new SendLog();
    if (!log) this.conversations.set(conversationId, target);
    if (mode === 'now') {
      this.global.push(now, this.globalKeep, now - this.globalSpan);
      target.push(now, this.conversationKeep, now - this.conversationSpan);
    } else {
      this.global.begin();
      target.begin();
    }
    if (this.globalGap > 0) this.nextEven = Math.max(this.nextEven, now) + this.globalGap;
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
      if (this.paused) return Number.POSITIVE_INFINITY;
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
      // A conversation with a send under way (newest = +Infinity) is kept.
      if ((log.newest() ?? 0) <= now - this.conversationSpan) this.conversations.delete(id);
    }
  }
}

function maxOf(windows: readonly RateWindow[], pick: (w: RateWindow) => number): number {
  return windows.reduce((max, w) => Math.max(max, pick(w)), 0);
}
