import type { Clock } from './clock';
import type { RateLimiter } from './rate-limiter';

interface Waiter {
  conversationId: string;
  resolve: () => void;
}

/** The longest the turnstile sleeps when every waiter waits for a send under way to end (`end` wakes it sooner). */
const UNDER_WAY_RECHECK_MS = 1000;

/**
 * Hands out rate-limited send slots first come, first served, with a single timer for all waiters (no
 * thundering herd of lanes polling the limiter). A waiter held back by its own conversation's limit does not
 * block the ones behind it.
 *
 * With `countFrom: 'answer'` a slot counts as under way until `end` says the send got its answer (see
 * RateLimiter.begin): the limiter then never overshoots the service's windows, whatever the time on the way.
 */
export class Turnstile {
  private readonly waiters: Waiter[] = [];
  private driving = false;
  private nap: AbortController | undefined;
  private readonly take: (conversationId: string) => number;

  constructor(
    private readonly limiter: RateLimiter,
    private readonly clock: Clock,
    options: { countFrom?: 'slot' | 'answer' } = {},
  ) {
    this.take = options.countFrom === 'answer' ? (id) => limiter.begin(id) : (id) => limiter.reserve(id);
    // A new share (more, or again some) may let waiters go now.
    limiter.onShareChange(() => {
      if (this.waiters.length > 0) this.nap?.abort();
    });
  }

  /** A send whose slot was taken (countFrom 'answer') got its answer; `refused` when the service answered 429. */
  end(conversationId: string, refused = false): void {
    this.limiter.end(conversationId, refused);
    // The freed place may let a waiter go now.
    if (this.waiters.length > 0) this.nap?.abort();
  }

  /** How many sends are waiting for a slot. */
  get waiting(): number {
    return this.waiters.length;
  }

  /** Resolves when a message to the conversation may go; the slot is then taken. */
  turn(conversationId: string): Promise<void> {
    if (this.waiters.length === 0 && this.take(conversationId) === 0) return Promise.resolve();
    return new Promise((resolve) => {
      this.waiters.push({ conversationId, resolve });
      // A newcomer may be free to go while those ahead wait on their own conversation: look again now.
      this.nap?.abort();
      void this.drive();
    });
  }

  private async drive(): Promise<void> {
    if (this.driving) return;
    this.driving = true;
    try {
      while (this.waiters.length > 0) {
        let soonest = Number.POSITIVE_INFINITY;
        let granted = false;
        for (let i = 0; i < this.waiters.length; i += 1) {
          const waiter = this.waiters[i]!;
          const wait = this.take(waiter.conversationId);
          if (wait === 0) {
            this.waiters.splice(i, 1);
            waiter.resolve();
            granted = true;
            break;
          }
          soonest = Math.min(soonest, wait);
        }
        if (!granted) {
          this.nap = new AbortController();
          await this.clock.sleep(Number.isFinite(soonest) ? soonest : UNDER_WAY_RECHECK_MS, this.nap.signal);
          this.nap = undefined;
        }
      }
    } finally {
      this.driving = false;
    }
  }
}
