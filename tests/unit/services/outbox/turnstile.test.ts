import { RateLimiter, Semaphore, Turnstile } from '../../../../teams-app/services/outbox';
import { VirtualClock } from './virtual-clock';

describe('Turnstile', () => {
  it('grants send slots first come, first served, as the global limit allows', async () => {
    const clock = new VirtualClock(0);
    const limiter = new RateLimiter({
      now: clock.now,
      limits: { perConversation: [], global: [{ limit: 2, windowMs: 1000 }] },
    });
    const turnstile = new Turnstile(limiter, clock);
    const granted: [string, number][] = [];
    await Promise.all(
      ['c1', 'c2', 'c3', 'c4', 'c5'].map((c) => turnstile.turn(c).then(() => granted.push([c, clock.now()]))),
    );
    expect(granted).toEqual([
      ['c1', 0],
      ['c2', 0],
      ['c3', 1000],
      ['c4', 1000],
      ['c5', 2000],
    ]);
  });

  it('does not let a conversation held back by its own limit block the ones behind it', async () => {
    const clock = new VirtualClock(0);
    const limiter = new RateLimiter({ now: clock.now });
    for (let i = 0; i < 7; i += 1) limiter.reserve('busy');
    const turnstile = new Turnstile(limiter, clock);
    const order: string[] = [];
    await Promise.all([
      turnstile.turn('busy').then(() => order.push('busy')),
      turnstile.turn('quiet').then(() => order.push('quiet')),
    ]);
    expect(order).toEqual(['quiet', 'busy']);
    expect(clock.now()).toBe(1000);
  });
});

describe('Turnstile counting sends from their answer', () => {
  it('lets a waiter go as soon as a send under way ends and its window allows', async () => {
    const clock = new VirtualClock(0);
    const limiter = new RateLimiter({
      now: clock.now,
      limits: { perConversation: [], global: [{ limit: 1, windowMs: 1000 }] },
    });
    const turnstile = new Turnstile(limiter, clock, { countFrom: 'answer' });
    await turnstile.turn('c1');
    const second = turnstile.turn('c2').then(() => clock.now());
    clock.advance(250);
    turnstile.end('c1');
    expect(await second).toBe(1250);
  });
});

describe('RateLimiter smoothing', () => {
  it('spreads sends evenly instead of bursting at the start of each window, and still honours the window', () => {
    let t = 0;
    const limiter = new RateLimiter({ now: () => t, smooth: true });
    const times: number[] = [];
    for (let i = 0; times.length < 200; i += 1) {
      const wait = limiter.reserve(`c${i}`);
      if (wait === 0) times.push(t);
      else t += wait;
    }
    const gaps = times.slice(1).map((time, i) => time - times[i]!);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(10);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(30);
    expect(times[199]! - times[0]!).toBeGreaterThanOrEqual(199 * 20 - 10);
    for (const start of times) {
      expect(times.filter((time) => time >= start && time < start + 1000).length).toBeLessThanOrEqual(50);
    }
  });
});

describe('Semaphore', () => {
  it('lets only as many holders in as it has permits and serves waiters in order', async () => {
    const semaphore = new Semaphore(2);
    const first = await semaphore.acquire();
    await semaphore.acquire();
    const order: number[] = [];
    const third = semaphore.acquire().then((release) => (order.push(3), release));
    const fourth = semaphore.acquire().then((release) => (order.push(4), release));
    await Promise.resolve();
    expect(order).toEqual([]);
    first();
    first();
    (await third)();
    await fourth;
    expect(order).toEqual([3, 4]);
  });
});

describe('Turnstile and a changing share', () => {
  it('lets a waiter go as soon as a share is given again, without waiting for its next look', async () => {
    const clock = new VirtualClock(0);
    const limiter = new RateLimiter({
      now: clock.now,
      limits: { perConversation: [], global: [{ limit: 10, windowMs: 1000 }] },
    });
    limiter.shareGlobal(0);
    const turnstile = new Turnstile(limiter, clock, { countFrom: 'answer' });
    let granted = false;
    const turn = turnstile.turn('c1').then(() => (granted = true));
    await Promise.resolve();
    expect(granted).toBe(false);
    limiter.shareGlobal(0.5);
    await turn;
    expect(granted).toBe(true);
    expect(clock.now()).toBe(0);
  });
});
