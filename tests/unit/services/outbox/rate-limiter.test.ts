import { RateLimiter, TEAMS_LIMITS } from '../../../../teams-app/services/outbox';
import { manualTime } from './virtual-clock';

/** Sends `count` messages to one conversation as early as the limiter allows; returns the send times. */
function sendGreedily(limiter: RateLimiter, time: ReturnType<typeof manualTime>, conversation: string, count: number) {
  const times: number[] = [];
  while (times.length < count) {
    const wait = limiter.reserve(conversation);
    if (wait === 0) times.push(time.now());
    else time.add(wait);
  }
  return times;
}

describe('RateLimiter', () => {
  it('lets 7 messages into a conversation in one second and makes the 8th wait for the window', () => {
    const time = manualTime();
    const limiter = new RateLimiter({ now: time.now });
    for (let i = 0; i < 7; i += 1) expect(limiter.reserve('c1')).toBe(0);
    expect(limiter.reserve('c1')).toBe(1000);
    time.add(999);
    expect(limiter.reserve('c1')).toBe(1);
    time.add(1);
    expect(limiter.reserve('c1')).toBe(0);
  });

  it('allows only 8 messages in any 2 seconds even when the 1-second limit would allow more', () => {
    const time = manualTime();
    const limiter = new RateLimiter({ now: time.now });
    for (let i = 0; i < 7; i += 1) limiter.reserve('c1');
    time.set(1000);
    expect(limiter.reserve('c1')).toBe(0);
    expect(limiter.reserve('c1')).toBe(1000);
    time.set(2000);
    expect(limiter.reserve('c1')).toBe(0);
  });

  it('allows only 60 messages in any 30 seconds', () => {
    const time = manualTime();
    const limiter = new RateLimiter({ now: time.now });
    const times = sendGreedily(limiter, time, 'c1', 61);
    expect(times.filter((t) => t < 30_000)).toHaveLength(60);
    expect(times[60]).toBe(30_000);
  });

  it('allows only 1800 messages in any hour', () => {
    const time = manualTime();
    const limiter = new RateLimiter({ now: time.now });
    const times = sendGreedily(limiter, time, 'c1', 1801);
    expect(times.filter((t) => t < 3_600_000)).toHaveLength(1800);
    expect(times[1800]).toBe(3_600_000);
  });

  it('caps the whole app at 50 messages per second across conversations', () => {
    const time = manualTime();
    const limiter = new RateLimiter({ now: time.now });
    for (let i = 0; i < 50; i += 1) expect(limiter.reserve(`c${i}`)).toBe(0);
    expect(limiter.reserve('another')).toBe(1000);
    expect(limiter.reserve('c0')).toBe(1000);
    time.add(1000);
    expect(limiter.reserve('another')).toBe(0);
  });

  it('takes no slot when it answers with a wait', () => {
    const time = manualTime();
    const limiter = new RateLimiter({ now: time.now });
    for (let i = 0; i < 7; i += 1) limiter.reserve('busy');
    for (let i = 0; i < 100; i += 1) expect(limiter.reserve('busy')).toBeGreaterThan(0);
    for (let i = 0; i < 43; i += 1) expect(limiter.reserve(`other${i}`)).toBe(0);
  });

  it('tells the wait without taking a slot when asked to peek', () => {
    const time = manualTime();
    const limiter = new RateLimiter({ now: time.now });
    for (let i = 0; i < 6; i += 1) limiter.reserve('c1');
    for (let i = 0; i < 5; i += 1) expect(limiter.peek('c1')).toBe(0);
    expect(limiter.reserve('c1')).toBe(0);
    expect(limiter.peek('c1')).toBe(1000);
  });

  it('keeps conversations independent under the global cap', () => {
    const time = manualTime();
    const limiter = new RateLimiter({ now: time.now });
    for (let i = 0; i < 7; i += 1) limiter.reserve('a');
    expect(limiter.reserve('a')).toBeGreaterThan(0);
    expect(limiter.reserve('b')).toBe(0);
  });

  it('widens every window by the safety margin', () => {
    const time = manualTime();
    const limiter = new RateLimiter({ now: time.now, marginMs: 25 });
    for (let i = 0; i < 7; i += 1) limiter.reserve('c1');
    expect(limiter.reserve('c1')).toBe(1025);
  });

  it('gives the same answers for the same sequence of calls', () => {
    const run = () => {
      const time = manualTime();
      const limiter = new RateLimiter({ now: time.now });
      const waits: number[] = [];
      for (let i = 0; i < 500; i += 1) {
        const wait = limiter.reserve(`c${i % 13}`);
        waits.push(wait);
        time.add(wait > 0 ? wait : i % 3);
      }
      return waits;
    };
    expect(run()).toEqual(run());
  });

  it('forgets conversations idle for longer than the longest window', () => {
    const time = manualTime();
    const limiter = new RateLimiter({ now: time.now });
    for (let i = 0; i < 2000; i += 1) {
      limiter.reserve(`old${i}`);
      time.add(20);
    }
    time.add(TEAMS_LIMITS.perConversation[3]!.windowMs + 1);
    for (let i = 0; i < 2100; i += 1) {
      limiter.reserve(`new${i % 5}`);
      time.add(1000);
    }
    expect(limiter.trackedConversations).toBeLessThanOrEqual(5 + 1024);
    expect(limiter.trackedConversations).toBeGreaterThanOrEqual(5);
  });
});

describe('RateLimiter counting sends from their answer', () => {
  const twoPerSecond = { perConversation: [{ limit: 7, windowMs: 1000 }], global: [{ limit: 2, windowMs: 1000 }] };

  it('holds a place in every window while a send is under way and counts it from its answer', () => {
    const time = manualTime();
    const limiter = new RateLimiter({ now: time.now, limits: twoPerSecond });
    expect(limiter.begin('c1')).toBe(0);
    expect(limiter.begin('c2')).toBe(0);
    expect(limiter.begin('c3')).toBe(Number.POSITIVE_INFINITY);
    time.add(300);
    limiter.end('c1');
    // The first send arrived by its answer at 300 ms at the latest: its place frees one window after that.
    expect(limiter.begin('c3')).toBe(1000);
    time.add(1000);
    expect(limiter.begin('c3')).toBe(0);
  });

  it('frees the app-wide place of a send the service refused, but not its place in the conversation', () => {
    const time = manualTime();
    const limiter = new RateLimiter({
      now: time.now,
      limits: { perConversation: [{ limit: 1, windowMs: 1000 }], global: [{ limit: 1, windowMs: 1000 }] },
    });
    expect(limiter.begin('c1')).toBe(0);
    time.add(10);
    limiter.end('c1', true);
    expect(limiter.begin('c2')).toBe(0);
    limiter.end('c2');
    expect(limiter.peek('c1', 'conversation')).toBe(1000);
  });

  it('never lets more sends reach the service in a window than the limit, however late the answers come', () => {
    const time = manualTime();
    const limiter = new RateLimiter({ now: time.now, limits: twoPerSecond });
    const arrivals: number[] = [];
    const underWay: { id: string; answerAt: number }[] = [];
    for (let step = 0; arrivals.length < 40; step += 1) {
      // Each send arrives somewhere between its start and its answer (here: just before the answer).
      const latency = (step * 37) % 400;
      for (const send of underWay.filter((s) => s.answerAt <= time.now())) {
        limiter.end(send.id);
        underWay.splice(underWay.indexOf(send), 1);
      }
      if (limiter.begin(`c${step % 5}`) === 0) {
        arrivals.push(time.now() + latency - 1);
        underWay.push({ id: `c${step % 5}`, answerAt: time.now() + latency });
      }
      time.add(7);
    }
    arrivals.sort((a, b) => a - b);
    for (const start of arrivals) {
      expect(arrivals.filter((a) => a >= start && a < start + 1000).length).toBeLessThanOrEqual(2);
    }
  });
});

describe('RateLimiter shares of the app-wide budget', () => {
  const fiftyPerSecond = { perConversation: [{ limit: 7, windowMs: 1000 }], global: [{ limit: 50, windowMs: 1000 }] };

  it('keeps an exact share of whole slots (17 of 50), and a share of none holds every send back', () => {
    const time = manualTime();
    const limiter = new RateLimiter({ now: time.now, limits: fiftyPerSecond });
    limiter.shareGlobal(17 / 50);
    expect(limiter.globalLimits).toEqual([{ limit: 17, windowMs: 1000 }]);
    limiter.shareGlobal(0);
    expect(limiter.reserve('c1')).toBe(Number.POSITIVE_INFINITY);
    expect(limiter.peek('c1', 'conversation')).toBe(0);
    limiter.shareGlobal(1);
    expect(limiter.reserve('c1')).toBe(0);
  });

  it('tells when the sends beyond a lower share stop counting in the window', () => {
    const time = manualTime();
    const limiter = new RateLimiter({ now: time.now, limits: fiftyPerSecond });
    for (let i = 0; i < 5; i += 1) {
      limiter.reserve(`c${i}`);
      time.add(100);
    }
    // Sends at 0, 100, 200, 300, 400; now 500. Keeping 5 or more frees the rest at once.
    expect(limiter.releasableAt(5)).toBe(500);
    // Keeping 2: the third newest (at 200) leaves the window at 1200.
    expect(limiter.releasableAt(2)).toBe(1200);
    expect(limiter.releasableAt(0)).toBe(1400);
    // A send still under way has no known place yet.
    expect(limiter.begin('c9')).toBe(0);
    expect(limiter.releasableAt(0)).toBe(Number.POSITIVE_INFINITY);
    limiter.end('c9');
    expect(limiter.releasableAt(0)).toBe(1500);
  });

  it('tells its listeners when its share changes', () => {
    const limiter = new RateLimiter({ limits: fiftyPerSecond });
    const heard: number[] = [];
    limiter.onShareChange(() => heard.push(limiter.globalLimits[0]!.limit));
    limiter.shareGlobal(0.5);
    limiter.shareGlobal(0.2);
    expect(heard).toEqual([25, 10]);
  });
});
