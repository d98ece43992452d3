import { createAdapterSender } from '../../bot/adapter-sender';
import {
  DeliveryError,
  Outbox,
  OutboxWorker,
  RateLimiter,
  TEAMS_LIMITS,
  shareGlobalLimits,
  type OutboxWorkerOptions,
  type Sender,
} from '../../teams-app/services/outbox';
import type { Store } from '../../teams-app/store';
import { seedFanout, startFakeConnector, tallyDeliveries, type FakeConnector } from '../support/fake-connector';
import { ScriptedSender, conversationRef, draft } from '../unit/services/outbox/factories';

/** The data a worker reads and writes: the outbox records and the conversation references. */
export type OutboxData = Pick<Store, 'outbox' | 'conversations'>;

/** A worker as one instance runs it, and how it ends. */
export interface RigWorker {
  worker: OutboxWorker;
  /** Where the instance's data calls go (wrapped by `kill`: once killed, no call returns). */
  data: OutboxData;
  /** Stops the worker and gives its share of the work up (a clean shutdown). */
  stop(): Promise<void>;
  /**
   * The instance dies at once: none of its calls (data, work queue, sender) returns any more, nothing is handed
   * over; its leases run out.
   */
  kill(): void;
}

/** One outbox deployment under test: a shared data set, the outbox that queues into it, and its instances. */
export interface OutboxRig {
  data: OutboxData;
  outbox: Outbox;
  /** The rig's outbox writing its records through `records` (e.g. a slow one) instead of the data set's. */
  outboxOver(records: OutboxData['outbox']): Outbox;
  /** Starts a worker as a new instance would (its own connection, its own share of the work). */
  worker(options: Partial<OutboxWorkerOptions> & { sender: Sender }): Promise<RigWorker>;
  close(): Promise<void>;
}

const never = new Promise<never>(() => undefined);

/** An object whose methods, once `dead`, return a promise that never settles (the process is gone). */
export function dying<T extends object>(target: T, dead: { value: boolean }): T {
  return new Proxy(target, {
    get(object, property) {
      const value: unknown = Reflect.get(object, property);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => (dead.value ? never : (value as (...a: unknown[]) => unknown).apply(object, args));
    },
  });
}

/** Polls (in real time) until the condition holds. */
async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function drained(outbox: Outbox, timeoutMs = 90_000): Promise<void> {
  await until(
    async () => {
      const stats = await outbox.stats();
      return stats.pending + stats.sending === 0;
    },
    'the outbox is drained',
    timeoutMs,
  );
}

function realSender(timeoutMs = 2000): Sender {
  return createAdapterSender({ appType: 'MultiTenant' }, { timeoutMs });
}

/** A sender whose requests go to `/w1` on the connector (so a test can cut them off), and stop when dead. */
function dyingSender(dead: { value: boolean }): Sender {
  // A post the connector accepted must be recorded as sent even when the machine is slow to answer: the timeout
  // stays well above a loaded machine's response time, and below half the doomed worker's lease.
  const sender = realSender(DYING_SENDER_TIMEOUT_MS);
  return {
    send: (ref, activity) =>
      dead.value ? never : sender.send({ ...ref, serviceUrl: `${ref.serviceUrl}/w1` }, activity),
    update: (ref, id, activity) =>
      dead.value ? never : sender.update({ ...ref, serviceUrl: `${ref.serviceUrl}/w1` }, id, activity),
  };
}

const RETRY = { maxAttempts: 12, baseDelayMs: 50, maxDelayMs: 1000 };
const DYING_SENDER_TIMEOUT_MS = 8000;

/** The outbox collection with the record of one message written `delayMs` late (a storage call under load). */
function slowToRecord(outbox: OutboxData['outbox'], id: string, delayMs: number): OutboxData['outbox'] {
  return new Proxy(outbox, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property);
      if (typeof value !== 'function') return value;
      if (property !== 'create') return value.bind(target);
      return async (record: { id: string }) => {
        if (record.id === id) await new Promise((resolve) => setTimeout(resolve, delayMs));
        return (value as (r: unknown) => unknown).call(target, record);
      };
    },
  });
}

/**
 * The outbox's behaviour on any adapter (the embedded store polled, Azure Queue Storage with Table Storage
 * records): idempotent queueing, delivery exactly once through 429s, 5xx and dropped connections, undeliverable
 * people, card updates, order per conversation, and no loss or duplicate when a worker is stopped, dies or shares
 * the work with another. Everything runs on real time against the fake Bot Connector.
 */
export function describeOutboxContract(name: string, open: () => Promise<OutboxRig>): void {
  describe(`outbox contract: ${name}`, () => {
    let rig: OutboxRig;
    let connector: FakeConnector | undefined;
    const running: RigWorker[] = [];

    async function start(options: Partial<OutboxWorkerOptions> & { sender: Sender }): Promise<RigWorker> {
      const started = await rig.worker({ retry: RETRY, pollMs: 50, ...options });
      running.push(started);
      started.worker.start();
      return started;
    }

    beforeEach(async () => {
      rig = await open();
    });

    afterEach(async () => {
      await Promise.all(running.splice(0).map((w) => w.stop()));
      await connector?.close();
      connector = undefined;
      await rig.close();
    });

    it('keeps one record when the same message is queued twice, and leaves a sent one alone', async () => {
      await rig.data.conversations.create(conversationRef(1));
      expect(await rig.outbox.enqueue([draft('a', 1), draft('a', 1)])).toEqual({ created: ['a'], existing: ['a'] });
      const sender = new ScriptedSender();
      const one = await start({ sender });
      await drained(rig.outbox);
      await one.stop();
      expect(await rig.outbox.enqueue([draft('a', 1, { activity: { type: 'message', text: 'changed' } })])).toEqual({
        created: [],
        existing: ['a'],
      });
      expect(await rig.outbox.get('a')).toMatchObject({ status: 'sent', attempts: 1, sentActivityId: 'act-1' });
      expect(sender.delivered()).toEqual(['a']);
      expect(await rig.outbox.list({ meetingId: 'm1' })).toHaveLength(1);
    });

    it('records a blocked person as undeliverable, shows them on the list, and sends again after a requeue', async () => {
      await rig.data.conversations.create(conversationRef(1));
      await rig.outbox.enqueue([draft('a', 1), draft('nobody', 2)]);
      const sender = new ScriptedSender();
      sender.fail('a', new DeliveryError(403, 'Forbidden', { code: 'ConversationBlockedByUser' }));
      const one = await start({ sender });
      await drained(rig.outbox);
      expect(await rig.outbox.list({ meetingId: 'm1', status: 'undeliverable' })).toEqual([
        expect.objectContaining({ id: 'a', lastError: expect.stringMatching(/^delivery\.blocked: /) }),
        expect.objectContaining({ id: 'nobody', lastError: expect.stringMatching(/^delivery\.not-installed: /) }),
      ]);
      expect(await rig.outbox.requeue('a')).toBe(true);
      await until(async () => (await rig.outbox.get('a'))?.status === 'sent', 'the requeued message is sent');
      await one.stop();
      expect(sender.delivered()).toEqual(['a']);
      expect(sender.calls).toHaveLength(2);
    });

    it('keeps a conversation in order and sends nothing before its time', async () => {
      await rig.data.conversations.create(conversationRef(1));
      await rig.data.conversations.create(conversationRef(2));
      const later = new Date(Date.now() + 1500).toISOString();
      await rig.outbox.enqueue([draft('1-first', 1), draft('1-second', 1), draft('1-third', 1)]);
      await rig.outbox.enqueue([draft('2-later', 2, { notBefore: later })]);
      const sender = new ScriptedSender();
      sender.fail('1-first', new DeliveryError(429, 'Throttled', { retryAfterMs: 1000 }));
      const times = new Map<string, number>();
      sender.during = async (call) => void times.set(call.text, Date.now());
      const one = await start({ sender });
      await drained(rig.outbox);
      await one.stop();
      expect(sender.delivered().filter((t) => t.startsWith('1-'))).toEqual(['1-first', '1-second', '1-third']);
      expect(times.get('2-later')).toBeGreaterThanOrEqual(Date.parse(later));
      expect(await rig.outbox.get('1-first')).toMatchObject({ status: 'sent', attempts: 2 });
    });

    it('holds a conversation behind an earlier message waiting on its Retry-After, also after another worker takes over', async () => {
      await rig.data.conversations.create(conversationRef(1));
      await rig.data.conversations.create(conversationRef(2));
      await rig.outbox.enqueue([draft('1-first', 1)]);
      const sender = new ScriptedSender();
      sender.fail('1-first', new DeliveryError(429, 'Throttled', { retryAfterMs: 3000 }));
      const one = await start({ sender });
      await until(
        async () => (await rig.outbox.get('1-first'))?.status === 'pending' && sender.calls.length > 0,
        'the first message waits on its Retry-After',
      );
      // A clean handover mid-wait: the new worker knows nothing of the first one's throttle but its record.
      await one.stop();
      const two = await start({ sender });
      // Later messages of the conversation, due at once, and another conversation's.
      await new Promise((resolve) => setTimeout(resolve, 5));
      await rig.outbox.enqueue([draft('1-second', 1), draft('1-third', 1), draft('2-only', 2)]);
      await drained(rig.outbox);
      await two.stop();
      const conversation1 = sender.calls.filter((c) => c.conversationId === 'a:conv-1');
      expect(conversation1.map((c) => [c.text, c.failed === true])).toEqual([
        ['1-first', true],
        ['1-first', false],
        ['1-second', false],
        ['1-third', false],
      ]);
      expect(sender.delivered()).toContain('2-only');
    });

    it('holds a conversation behind an earlier message whose record is written slowly', async () => {
      await rig.data.conversations.create(conversationRef(1));
      const sender = new ScriptedSender();
      const one = await start({ sender });
      const slow = rig.outboxOver(slowToRecord(rig.data.outbox, 's-first', 2500));
      await slow.enqueue([draft('s-first', 1), draft('s-second', 1), draft('s-third', 1)]);
      await drained(rig.outbox);
      await one.stop();
      expect(sender.delivered()).toEqual(['s-first', 's-second', 's-third']);
    });

    it('never sends a withdrawn message, and the rest of its conversation goes on', async () => {
      await rig.data.conversations.create(conversationRef(1));
      const soon = new Date(Date.now() + 1500).toISOString();
      await rig.outbox.enqueue([draft('w-first', 1, { notBefore: soon }), draft('w-second', 1, { notBefore: soon })]);
      // As cancelling the meeting does (withdrawMessages): the record says withdrawn, the work item stays queued.
      const queued = await rig.outbox.get('w-first');
      if (!queued) throw new Error('w-first was not queued');
      const { etag, ...message } = queued;
      await rig.data.outbox.update({ ...message, status: 'withdrawn', leaseUntil: null }, etag);
      const sender = new ScriptedSender();
      const one = await start({ sender });
      await drained(rig.outbox);
      // A moment more for a late look at the withdrawn one (it was due with the other).
      await new Promise((resolve) => setTimeout(resolve, 1000));
      await one.stop();
      expect(sender.calls.map((c) => c.text)).toEqual(['w-second']);
      expect(await rig.outbox.get('w-first')).toMatchObject({ status: 'withdrawn' });
    });

    it('delivers 300 messages to 100 people exactly once despite 429s, 5xx and dropped connections, and marks blocked people undeliverable', async () => {
      connector = await startFakeConnector({
        throttleRate: 0.05,
        throttleWithoutRetryAfterRate: 0.03,
        serverErrorRate: 0.05,
        dropRate: 0.02,
        seed: 7,
      });
      const { ids, refs } = await seedFanout(rig.data, connector.serviceUrl, {
        recipients: 100,
        perRecipient: 3,
        outbox: rig.outbox,
      });
      const blocked = refs.slice(0, 5);
      connector.setFaults({ forbidden: blocked.map((r) => r.conversationId) });
      const blockedIds = new Set(ids.filter((id) => blocked.some((r) => id.includes(`:${r.personId}:`))));

      const one = await start({ sender: realSender(10_000), leaseMs: 30_000 });
      await drained(rig.outbox);
      await one.stop();

      expect(
        tallyDeliveries(
          connector,
          ids.filter((id) => !blockedIds.has(id)),
        ),
      ).toEqual({
        lost: [],
        duplicates: [],
        unexpected: [],
      });
      expect(await rig.outbox.stats()).toMatchObject({ sent: 285, undeliverable: 15, failed: 0, pending: 0 });
      for (const message of await rig.outbox.problems()) expect(blockedIds.has(message.id)).toBe(true);
      expect(one.worker.counters).toMatchObject({ sent: 285, undeliverable: 15, failed: 0 });
      expect(one.worker.counters.retried).toBeGreaterThan(0);
      expect(connector.counts.throttled).toBeGreaterThan(0);
      expect(connector.counts.dropped).toBeGreaterThan(0);
    });

    it('updates delivered cards in place, once each, without posting anything new', async () => {
      connector = await startFakeConnector({ throttleRate: 0.05, serverErrorRate: 0.05, seed: 11 });
      const { ids } = await seedFanout(rig.data, connector.serviceUrl, {
        recipients: 20,
        perRecipient: 2,
        outbox: rig.outbox,
      });
      const one = await start({ sender: realSender(10_000), leaseMs: 30_000 });
      await drained(rig.outbox);
      const sent = await rig.outbox.list({ meetingId: 'isc-tf-1', status: 'sent' });
      await rig.outbox.enqueue(
        sent.map((message) => ({
          id: `update:${message.id}`,
          kind: 'card-update' as const,
          meetingId: message.meetingId,
          personId: message.personId,
          topicId: message.topicId,
          conversationRefId: message.conversationRefId,
          activity: { type: 'message', text: `update:${message.id}` },
          replaceActivityId: message.sentActivityId,
        })),
      );
      await drained(rig.outbox);
      await one.stop();
      expect(tallyDeliveries(connector, ids)).toEqual({ lost: [], duplicates: [], unexpected: [] });
      expect(
        tallyDeliveries(
          connector,
          ids.map((id) => `update:${id}`),
          'updated',
        ),
      ).toEqual({ lost: [], duplicates: [], unexpected: [] });
    });

    it('loses and duplicates nothing when a worker dies mid-run and another takes over after the leases expire', async () => {
      connector = await startFakeConnector({ throttleRate: 0.03, serverErrorRate: 0.03, seed: 3 });
      const { ids } = await seedFanout(rig.data, connector.serviceUrl, {
        recipients: 100,
        perRecipient: 3,
        outbox: rig.outbox,
      });
      const dead = { value: false };
      const doomed = await rig.worker({
        sender: dyingSender(dead),
        retry: RETRY,
        pollMs: 50,
        leaseMs: DYING_SENDER_TIMEOUT_MS * 2 + 1000,
      });
      doomed.worker.start();
      await until(() => connector!.posted.length >= 100, '100 messages are posted');

      // Freeze the connector, let every post it accepted be recorded, and catch some sends in flight.
      connector.pause();
      await until(
        async () => (await rig.outbox.stats()).sent === connector!.posted.length,
        'every accepted post is recorded as sent',
      );
      await until(() => connector!.held > 0, 'sends are in flight');
      doomed.kill();
      connector.setFaults({ drop: (request) => request.path.includes('/w1/') });
      connector.dropHeld();
      connector.resume();
      const orphans = (await rig.outbox.stats()).sending;
      expect(orphans).toBeGreaterThan(0);

      const successor = await start({ sender: realSender(10_000), leaseMs: 30_000 });
      await drained(rig.outbox, 120_000);
      await successor.stop();

      expect(tallyDeliveries(connector, ids)).toEqual({ lost: [], duplicates: [], unexpected: [] });
      expect(successor.worker.counters.recovered).toBe(orphans);
      expect((await rig.outbox.stats()).sent).toBe(300);
    });

    it('loses and duplicates nothing when a worker is stopped mid-run and another starts', async () => {
      connector = await startFakeConnector({ throttleRate: 0.03, serverErrorRate: 0.03, seed: 3 });
      const { ids } = await seedFanout(rig.data, connector.serviceUrl, {
        recipients: 100,
        perRecipient: 3,
        outbox: rig.outbox,
      });
      const first = await start({ sender: realSender(10_000), leaseMs: 30_000 });
      await until(() => connector!.posted.length >= 100, '100 messages are posted');
      await first.stop();
      expect((await rig.outbox.stats()).sending).toBe(0);
      expect(connector.posted.length).toBeLessThan(300);

      const second = await start({ sender: realSender(10_000), leaseMs: 30_000 });
      await drained(rig.outbox);
      await second.stop();

      expect(tallyDeliveries(connector, ids)).toEqual({ lost: [], duplicates: [], unexpected: [] });
      expect(first.worker.counters.sent + second.worker.counters.sent).toBe(300);
    });

    it('never sends a message twice when two workers share the work', async () => {
      connector = await startFakeConnector({ throttleRate: 0.03, serverErrorRate: 0.03, seed: 3 });
      const { ids } = await seedFanout(rig.data, connector.serviceUrl, {
        recipients: 100,
        perRecipient: 3,
        outbox: rig.outbox,
      });
      const limits = shareGlobalLimits(TEAMS_LIMITS, 2);
      const one = await start({
        sender: realSender(10_000),
        leaseMs: 30_000,
        limiter: new RateLimiter({ limits, marginMs: 20, smooth: true }),
      });
      const two = await start({
        sender: realSender(10_000),
        leaseMs: 30_000,
        limiter: new RateLimiter({ limits, marginMs: 20, smooth: true }),
      });
      await drained(rig.outbox);
      await Promise.all([one.stop(), two.stop()]);

      expect(tallyDeliveries(connector, ids)).toEqual({ lost: [], duplicates: [], unexpected: [] });
      expect(one.worker.counters.sent + two.worker.counters.sent).toBe(300);
      expect(one.worker.counters.sent).toBeGreaterThan(0);
      expect(two.worker.counters.sent).toBeGreaterThan(0);
    });
  });
}
