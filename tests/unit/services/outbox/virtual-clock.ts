import type { Clock } from '../../../../teams-app/services/outbox';

/**
 * Virtual time for outbox tests: sleeps never wait for real; whenever the process is otherwise idle
 * (next macrotask) the earliest sleeper wakes and the clock jumps to its time.
 */
export class VirtualClock implements Clock {
  private t: number;
  private seq = 0;
  private timers: { at: number; seq: number; resolve: () => void }[] = [];
  private scheduled = false;

  constructor(start = Date.parse('2026-03-01T09:00:00.000Z')) {
    this.t = start;
  }

  now = (): number => this.t;

  /** Moves time forward by hand (sleepers still wake only in order). */
  advance(ms: number): void {
    this.t += ms;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      if (signal?.aborted) return resolve();
      const timer = { at: this.t + Math.max(0, ms), seq: this.seq++, resolve };
      this.timers.push(timer);
      signal?.addEventListener(
        'abort',
        () => {
          this.timers = this.timers.filter((other) => other !== timer);
          resolve();
        },
        { once: true },
      );
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
      const next = this.timers.shift();
      if (!next) return;
      this.t = Math.max(this.t, next.at);
      next.resolve();
      if (this.timers.length > 0) this.schedule();
    });
  }
}

/** A manual millisecond counter for the rate limiter. */
export function manualTime(start = 0): { now: () => number; set: (ms: number) => void; add: (ms: number) => void } {
  let t = start;
  return { now: () => t, set: (ms) => (t = ms), add: (ms) => (t += ms) };
}
