import type { Clock } from './clock';
import type { RateLimiter } from './rate-limiter';

interface Waiter {
  conversationId: string;
  resolve: () => void;
}

/**
 * Hands out rate-limited send slots first come, first served, with a single timer for all waiters (no
 * thundering herd of lanes polling the limiter). A waiter held back by its own conversation's limit does not
 * block the ones behind it.
 */
export class Turnstile {
  private readonly waiters: Waiter[] = [];
  private driving = false;
  private nap: AbortController | undefined;

  constructor(
    private readonly limiter: RateLimiter,
    private readonly clock: Clock,
  ) {}

  /** How many sends are waiting for a slot. */
  get waiting(): number {
    return this.waiters.length;
  }

  /** Resolves when a message to the conversation may go; the slot is then taken. */
  turn(conversationId: string): Promise<void> {
    if (this.waiters.length === 0 && this.limiter.reserve(conversationId) === 0) return Promise.resolve();
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
          const wait = this.limiter.reserve(waiter.conversationId);
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
          await this.clock.sleep(soonest, this.nap.signal);
          this.nap = undefined;
        }
      }
    } finally {
      this.driving = false;
    }
  }
}
