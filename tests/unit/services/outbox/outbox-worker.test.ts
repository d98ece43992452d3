import type { OutboxMessage } from '../../../../teams-app/domain';
import {
  DeliveryError,
  Outbox,
  OutboxWorker,
  RateLimiter,
  systemClock,
  type OutboxProgress,
  type OutboxWorkerOptions,
} from '../../../../teams-app/services/outbox';
import type { Store } from '../../../../teams-app/store';
import { ScriptedSender, draft, storeWithPeople } from './factories';
import { VirtualClock } from './virtual-clock';

async function setup(people: number, options: Partial<OutboxWorkerOptions> = {}) {
  const store = await storeWithPeople(people);
  const clock = new VirtualClock();
  const outbox = new Outbox(store, { now: clock.now });
  const sender = new ScriptedSender();
  const events: OutboxProgress[] = [];
  const worker = new OutboxWorker({
    store,
    sender,
    clock,
    limiter: new RateLimiter({ now: clock.now }),
    random: () => 0.5,
    retry: { maxAttempts: 4, baseDelayMs: 1000, maxDelayMs: 8000 },
    onProgress: (event) => events.push(event),
    ...options,
  });
  return { store, clock, outbox, sender, worker, events };
}

async function row(store: Store, id: string) {
  const found = await store.outbox.get(id);
  if (!found) throw new Error(`no outbox row ${id}`);
  return found;
}

/** Polls (in real time) until the condition holds. */
async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** A message left in 'sending' by a worker that died mid-send. */
function orphan(id: string, person: number, leaseUntil: string, overrides: Partial<OutboxMessage> = {}): OutboxMessage {
  return {
    ...draft(id, person),
    meetingId: 'm1',
    personId: `p${person}`,
    topicId: 't1',
    activity: { type: 'message', text: id },
    replaceActivityId: null,
    status: 'sending',
    attempts: 1,
    notBefore: '2026-03-01T08:00:00.000Z',
    leaseUntil,
    lastError: null,
    sentActivityId: null,
    createdAt: '2026-03-01T08:00:00.000Z',
    sentAt: null,
    ...overrides,
  } as OutboxMessage;
}

describe('OutboxWorker', () => {
  it('sends every due message once and records the activity id and the time', async () => {
    const { store, outbox, sender, worker, clock } = await setup(3);
    await outbox.enqueue([draft('a', 1), draft('b', 2), draft('c', 3)]);
    expect(await worker.runOnce()).toMatchObject({ sent: 3, retried: 0, undeliverable: 0, failed: 0 });
    expect(sender.delivered().sort()).toEqual(['a', 'b', 'c']);
    const a = await row(store, 'a');
    expect(a).toMatchObject({ status: 'sent', attempts: 1, leaseUntil: null, lastError: null });
    expect(a.sentActivityId).toMatch(/^act-/);
    expect(Date.parse(a.sentAt ?? '')).toBeLessThanOrEqual(clock.now());
    expect(await worker.runOnce()).toMatchObject({ sent: 0 });
    expect(sender.calls).toHaveLength(3);
  });

  it('leaves a message alone until its notBefore has passed', async () => {
    const { outbox, sender, worker, clock } = await setup(1);
    await outbox.enqueue([draft('later', 1, { notBefore: new Date(clock.now() + 60_000).toISOString() })]);
    await worker.runOnce();
    expect(sender.calls).toHaveLength(0);
    clock.advance(60_000);
    await worker.runOnce();
    expect(sender.delivered()).toEqual(['later']);
  });

  it('updates a card in place when the message replaces an earlier activity', async () => {
    const { store, outbox, sender, worker } = await setup(1);
    await outbox.enqueue([draft('upd', 1, { kind: 'card-update', replaceActivityId: '1:card' })]);
    await worker.runOnce();
    expect(sender.calls).toEqual([{ op: 'update', conversationId: 'a:conv-1', text: 'upd', activityId: '1:card' }]);
    expect(await row(store, 'upd')).toMatchObject({ status: 'sent', sentActivityId: '1:card' });
  });

  it('retries a 429 after exactly the Retry-After the connector asked for', async () => {
    const { store, outbox, sender, worker, clock } = await setup(1);
    await outbox.enqueue([draft('a', 1)]);
    sender.fail('a', new DeliveryError(429, 'Throttled', { retryAfterMs: 3000 }));
    const start = clock.now();
    expect(await worker.runOnce()).toMatchObject({ sent: 0, retried: 1 });
    const waiting = await row(store, 'a');
    expect(waiting).toMatchObject({ status: 'pending', attempts: 1, leaseUntil: null });
    expect(Date.parse(waiting.notBefore)).toBe(start + 3000);
    expect(waiting.lastError).toContain('429');
    clock.advance(3000);
    expect(await worker.runOnce()).toMatchObject({ sent: 1 });
    expect(await row(store, 'a')).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('backs off with jitter on a 429 without Retry-After', async () => {
    const { store, outbox, sender, worker, clock } = await setup(1);
    await outbox.enqueue([draft('a', 1)]);
    sender.fail('a', new DeliveryError(429, 'Throttled'));
    const start = clock.now();
    await worker.runOnce();
    expect(Date.parse((await row(store, 'a')).notBefore)).toBe(start + 500);
  });

  it('retries 5xx and network errors with backoff, then marks the message failed after the last attempt', async () => {
    const { store, outbox, sender, worker, clock } = await setup(1);
    await outbox.enqueue([draft('a', 1)]);
    sender.fail('a', new DeliveryError(503, 'Unavailable'), new DeliveryError(0, 'socket hang up'));
    sender.fail('a', new DeliveryError(500, 'Oops'), new DeliveryError(502, 'Bad gateway'));
    for (let i = 0; i < 4; i += 1) {
      await worker.runOnce();
      clock.advance(10_000);
    }
    expect(sender.calls).toHaveLength(4);
    const failed = await row(store, 'a');
    expect(failed).toMatchObject({ status: 'failed', attempts: 4 });
    expect(failed.lastError).toContain('gave up after 4 attempts');
    expect(worker.counters).toMatchObject({ retried: 3, failed: 1, sent: 0 });
  });

  it('marks a 403 undeliverable at once, records why and never retries it', async () => {
    const { store, outbox, sender, worker, clock, events } = await setup(1);
    await outbox.enqueue([draft('a', 1)]);
    sender.fail('a', new DeliveryError(403, 'Forbidden', { code: 'ConversationBlockedByUser' }));
    await worker.runOnce();
    clock.advance(3_600_000);
    await worker.runOnce();
    expect(sender.calls).toHaveLength(1);
    expect(await row(store, 'a')).toMatchObject({
      status: 'undeliverable',
      lastError: 'delivery.blocked: app not installed or blocked by the user (403 ConversationBlockedByUser)',
    });
    expect(events.map((e) => e.type)).toEqual(['undeliverable']);
  });

  it('marks a 404 undeliverable without retrying', async () => {
    const { store, outbox, sender, worker } = await setup(1);
    await outbox.enqueue([draft('a', 1)]);
    sender.fail('a', new DeliveryError(404, 'NotFound'));
    await worker.runOnce();
    expect((await row(store, 'a')).status).toBe('undeliverable');
    expect(sender.calls).toHaveLength(1);
  });

  it('marks a message undeliverable without sending when the bot has no conversation with the person', async () => {
    const { store, outbox, sender, worker } = await setup(1);
    await outbox.enqueue([draft('a', 1, { conversationRefId: 'personal.nobody' })]);
    expect(await worker.runOnce()).toMatchObject({ undeliverable: 1 });
    expect(sender.calls).toHaveLength(0);
    expect((await row(store, 'a')).lastError).toMatch(/^delivery\.not-installed: no conversation reference/);
  });

  it('keeps a conversation in order: a message waits while the one before it is retried', async () => {
    const { outbox, sender, worker, clock } = await setup(2);
    await outbox.enqueue([draft('1-first', 1), draft('1-second', 1), draft('2-other', 2)]);
    sender.fail('1-first', new DeliveryError(429, 'Throttled', { retryAfterMs: 2000 }));
    await worker.runOnce();
    expect(sender.delivered()).toEqual(['2-other']);
    clock.advance(2000);
    await worker.runOnce();
    expect(sender.delivered()).toEqual(['2-other', '1-first', '1-second']);
  });

  it('sends across conversations concurrently but one at a time within a conversation', async () => {
    const { outbox, sender, worker, clock } = await setup(5);
    const drafts = [];
    for (let p = 1; p <= 5; p += 1) for (let k = 1; k <= 3; k += 1) drafts.push(draft(`${p}-${k}`, p));
    await outbox.enqueue(drafts);
    const inFlight = new Map<string, number>();
    let most = 0;
    let mostInOne = 0;
    sender.during = async (call) => {
      inFlight.set(call.conversationId, (inFlight.get(call.conversationId) ?? 0) + 1);
      most = Math.max(
        most,
        [...inFlight.values()].reduce((a, b) => a + b, 0),
      );
      mostInOne = Math.max(mostInOne, ...inFlight.values());
      await clock.sleep(50);
      inFlight.set(call.conversationId, (inFlight.get(call.conversationId) ?? 0) - 1);
    };
    await worker.runOnce();
    expect(sender.delivered()).toHaveLength(15);
    expect(mostInOne).toBe(1);
    expect(most).toBeGreaterThan(1);
    for (let p = 1; p <= 5; p += 1) {
      expect(sender.delivered().filter((t) => t.startsWith(`${p}-`))).toEqual([`${p}-1`, `${p}-2`, `${p}-3`]);
    }
  });

  it('spaces messages to one person as the Teams limits require', async () => {
    const { outbox, sender, worker, clock } = await setup(1);
    await outbox.enqueue(Array.from({ length: 9 }, (_, i) => draft(`m${i}`, 1)));
    const times: number[] = [];
    sender.during = async () => {
      times.push(clock.now());
    };
    await worker.runOnce();
    expect(times).toHaveLength(9);
    expect(times[7]! - times[0]!).toBeGreaterThanOrEqual(1000);
    expect(times[8]! - times[0]!).toBeGreaterThanOrEqual(2000);
  });

  it('never lets two workers on one store send the same message', async () => {
    const { store, outbox, sender, clock } = await setup(10);
    const drafts = [];
    for (let p = 1; p <= 10; p += 1) for (let k = 1; k <= 4; k += 1) drafts.push(draft(`${p}-${k}`, p));
    await outbox.enqueue(drafts);
    sender.during = () => clock.sleep(20);
    const make = () =>
      new OutboxWorker({ store, sender, clock, limiter: new RateLimiter({ now: clock.now }), random: () => 0.5 });
    const [one, two] = [make(), make()];
    const [a, b] = await Promise.all([one.runOnce(), two.runOnce()]);
    expect(a.sent + b.sent).toBe(40);
    expect(sender.delivered().sort()).toEqual(drafts.map((d) => d.id).sort());
  });

  it('takes back a message a crashed worker left in sending once its lease has expired, and sends it', async () => {
    const { store, sender, worker, clock, events } = await setup(1);
    const leaseUntil = new Date(clock.now() + 30_000).toISOString();
    await store.outbox.create(orphan('stuck', 1, leaseUntil));
    await worker.runOnce();
    expect(sender.calls).toHaveLength(0);
    expect((await row(store, 'stuck')).status).toBe('sending');
    clock.advance(30_001);
    expect(await worker.runOnce()).toMatchObject({ recovered: 1, sent: 1 });
    expect(sender.delivered()).toEqual(['stuck']);
    expect(await row(store, 'stuck')).toMatchObject({ status: 'sent', attempts: 2 });
    expect(events.map((e) => e.type)).toEqual(['recovered', 'sent']);
  });

  it('under the at-most-once policy fails an interrupted new message instead of resending it', async () => {
    const { store, sender, worker, clock } = await setup(1, { interruptedSend: 'fail' });
    await store.outbox.create(orphan('stuck', 1, new Date(clock.now() - 1).toISOString()));
    await store.outbox.create(
      orphan('card', 1, new Date(clock.now() - 1).toISOString(), { kind: 'card-update', replaceActivityId: '1:x' }),
    );
    await worker.runOnce();
    expect((await row(store, 'stuck')).status).toBe('failed');
    expect(sender.calls.map((c) => [c.op, c.text])).toEqual([['update', 'card']]);
  });

  it('stop() lets the send in flight finish and leaves the rest pending, and a new worker carries on', async () => {
    const store = await storeWithPeople(1);
    await new Outbox(store).enqueue(Array.from({ length: 5 }, (_, i) => draft(`m${i}`, 1)));
    const sender = new ScriptedSender();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    sender.during = () => gate;
    const worker = new OutboxWorker({ store, sender, clock: systemClock, pollMs: 10 });
    worker.start();
    try {
      await until(
        () => sender.calls.length === 0 && (worker as unknown as { inFlight: Set<string> }).inFlight.size === 1,
      );
      const stopped = worker.stop();
      release();
      await stopped;
    } finally {
      release();
      await worker.stop();
    }
    expect(worker.started).toBe(false);
    const rows = await store.outbox.all();
    expect(rows.filter((r) => r.status === 'sent').map((r) => r.id)).toEqual(['m0']);
    expect(rows.filter((r) => r.status === 'pending')).toHaveLength(4);
    sender.during = async () => undefined;
    await new OutboxWorker({ store, sender, clock: systemClock }).runOnce();
    expect(sender.delivered()).toEqual(['m0', 'm1', 'm2', 'm3', 'm4']);
  });

  it('under start() sends a retry as soon as it is due rather than at the next poll', async () => {
    const { store, outbox, sender, worker, clock } = await setup(1, { pollMs: 60_000 });
    await outbox.enqueue([draft('a', 1)]);
    sender.fail('a', new DeliveryError(429, 'Throttled', { retryAfterMs: 1500 }));
    const start = clock.now();
    worker.start();
    try {
      await until(() => sender.delivered().length === 1);
    } finally {
      await worker.stop();
    }
    const sentAt = Date.parse((await row(store, 'a')).sentAt ?? '');
    expect(sentAt - start).toBeGreaterThanOrEqual(1500);
    expect(sentAt - start).toBeLessThan(60_000);
  });

  it('renews the lease of a claimed message that waited long for its rate-limit slot', async () => {
    const store = await storeWithPeople(2);
    const clock = new VirtualClock();
    await new Outbox(store, { now: clock.now }).enqueue([draft('a', 1), draft('b', 2)]);
    const leases: string[] = [];
    const update = store.outbox.update.bind(store.outbox);
    store.outbox.update = async (record, etag) => {
      if (record.id === 'b' && record.status === 'sending') leases.push(record.leaseUntil ?? '');
      return update(record, etag);
    };
    const sender = new ScriptedSender();
    const limits = { perConversation: [], global: [{ limit: 1, windowMs: 10_000 }] };
    const worker = new OutboxWorker({
      store,
      sender,
      clock,
      leaseMs: 4000,
      limiter: new RateLimiter({ now: clock.now, limits }),
    });
    const start = clock.now();
    await worker.runOnce();
    expect(sender.delivered()).toEqual(['a', 'b']);
    expect(leases.map((l) => Date.parse(l) - start)).toEqual([4000, 14_000]);
  });

  it('reports progress with counters for the tracker', async () => {
    const { outbox, sender, worker, events } = await setup(3);
    await outbox.enqueue([draft('ok', 1), draft('blocked', 2), draft('busy', 3)]);
    sender.fail('blocked', new DeliveryError(403, 'Forbidden'));
    sender.fail('busy', new DeliveryError(429, 'Throttled', { retryAfterMs: 1000 }));
    await worker.runOnce();
    expect(worker.counters).toEqual({ sent: 1, retried: 1, undeliverable: 1, failed: 0, recovered: 0, conflicts: 0 });
    expect(events.map((e) => e.type).sort()).toEqual(['retry', 'sent', 'undeliverable']);
    const retry = events.find((e) => e.type === 'retry');
    expect(retry).toMatchObject({ delayMs: 1000, message: { id: 'busy', status: 'pending' } });
  });

  it('keeps delivering when a progress listener throws', async () => {
    const { outbox, sender, worker } = await setup(2, {
      onProgress: () => {
        throw new Error('listener bug');
      },
    });
    await outbox.enqueue([draft('a', 1), draft('b', 2)]);
    await worker.runOnce();
    expect(sender.delivered().sort()).toEqual(['a', 'b']);
  });
});
