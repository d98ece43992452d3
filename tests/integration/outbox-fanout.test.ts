import { createAdapterSender } from '../../bot/adapter-sender';
import { Outbox, OutboxWorker, type OutboxWorkerOptions } from '../../teams-app/services/outbox';
import { openSqliteStore } from '../../teams-app/store/sqlite/sqlite-store';
import type { Store } from '../../teams-app/store';
import { seedFanout, startFakeConnector, tallyDeliveries, type FakeConnector } from '../support/fake-connector';

jest.setTimeout(120_000);

/** Polls (in real time) until the outbox has nothing pending or in flight. */
async function drained(outbox: Outbox, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const stats = await outbox.stats();
    if (stats.pending + stats.sending === 0) return;
    if (Date.now() > deadline) throw new Error(`outbox not drained: ${JSON.stringify(stats)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function worker(store: Store, options: Partial<OutboxWorkerOptions> = {}): OutboxWorker {
  return new OutboxWorker({
    store,
    sender: createAdapterSender({ appType: 'MultiTenant' }, { timeoutMs: 10_000 }),
    retry: { maxAttempts: 12, baseDelayMs: 50, maxDelayMs: 1000 },
    pollMs: 100,
    leaseMs: 30_000,
    ...options,
  });
}

describe('outbox fan-out through the Bot Connector', () => {
  let connector: FakeConnector;
  let store: Store;
  const workers: OutboxWorker[] = [];

  /** Starts a worker on the store; afterEach stops it, whatever the test did. */
  function start(on: Store): OutboxWorker {
    const started = worker(on);
    workers.push(started);
    started.start();
    return started;
  }

  afterEach(async () => {
    await Promise.all(workers.splice(0).map((w) => w.stop()));
    await connector?.close();
    await store?.close();
  });

  it('delivers 300 messages to 100 people exactly once despite 429s, 5xx and dropped connections, and marks blocked people undeliverable', async () => {
    connector = await startFakeConnector({
      throttleRate: 0.05,
      throttleWithoutRetryAfterRate: 0.03,
      serverErrorRate: 0.05,
      dropRate: 0.02,
      seed: 7,
    });
    store = openSqliteStore({ file: ':memory:' });
    const { ids, refs } = await seedFanout(store, connector.serviceUrl, { recipients: 100, perRecipient: 3 });
    const blocked = refs.slice(0, 5);
    connector.setFaults({ forbidden: blocked.map((r) => r.conversationId) });
    const blockedIds = new Set(ids.filter((id) => blocked.some((r) => id.includes(`:${r.personId}:`))));
    const outbox = new Outbox(store);

    const running = start(store);
    await drained(outbox);
    await running.stop();

    const tally = tallyDeliveries(
      connector,
      ids.filter((id) => !blockedIds.has(id)),
    );
    expect(tally).toEqual({ lost: [], duplicates: [], unexpected: [] });
    expect(await outbox.stats()).toMatchObject({ sent: 285, undeliverable: 15, failed: 0, pending: 0, sending: 0 });
    for (const message of await outbox.problems()) {
      expect(blockedIds.has(message.id)).toBe(true);
      expect(message.lastError).toContain('app not installed or blocked by the user (403');
    }
    expect(running.counters).toMatchObject({ sent: 285, undeliverable: 15, failed: 0 });
    expect(running.counters.retried).toBeGreaterThan(0);
    expect(connector.counts.throttled).toBeGreaterThan(0);
    expect(connector.counts.serverErrors).toBeGreaterThan(0);
    expect(connector.counts.dropped).toBeGreaterThan(0);
  });

  it('updates delivered cards in place, once each, without posting anything new', async () => {
    connector = await startFakeConnector({ throttleRate: 0.05, serverErrorRate: 0.05, seed: 11 });
    store = openSqliteStore({ file: ':memory:' });
    const { ids } = await seedFanout(store, connector.serviceUrl, { recipients: 20, perRecipient: 2 });
    const outbox = new Outbox(store);
    const first = start(store);
    await drained(outbox);
    const sent = await store.outbox.all({ where: { status: 'sent' } });
    await outbox.enqueue(
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
    await drained(outbox);
    await first.stop();

    expect(tallyDeliveries(connector, ids)).toEqual({ lost: [], duplicates: [], unexpected: [] });
    expect(
      tallyDeliveries(
        connector,
        ids.map((id) => `update:${id}`),
        'updated',
      ),
    ).toEqual({
      lost: [],
      duplicates: [],
      unexpected: [],
    });
    for (const message of sent) {
      const ref = (await store.conversations.get(message.conversationRefId))!;
      expect(connector.activity(ref.conversationId, message.sentActivityId!)).toMatchObject({
        text: `update:${message.id}`,
      });
    }
  });
});
