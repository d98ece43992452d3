import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createAdapterSender } from '../../bot/adapter-sender';
import {
  Outbox,
  OutboxWorker,
  RateLimiter,
  TEAMS_LIMITS,
  shareGlobalLimits,
  type OutboxWorkerOptions,
  type Sender,
} from '../../teams-app/services/outbox';
import { openSqliteStore } from '../../teams-app/store/sqlite/sqlite-store';
import type { Store } from '../../teams-app/store';
import { seedFanout, startFakeConnector, tallyDeliveries, type FakeConnector } from '../support/fake-connector';

jest.setTimeout(120_000);

// The lease leaves the sender (2 s timeout) a wide margin even on a loaded machine, whose timers fire late.
const LEASE_MS = 8000;

/** Polls (in real time) until the condition holds. */
async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function drained(store: Store): Promise<void> {
  const outbox = new Outbox(store);
  await until(
    async () => {
      const stats = await outbox.stats();
      return stats.pending + stats.sending === 0;
    },
    'the outbox is drained',
    90_000,
  );
}

function realSender(): Sender {
  return createAdapterSender({ appType: 'MultiTenant' }, { timeoutMs: 2000 });
}

function worker(store: Pick<Store, 'outbox' | 'conversations'>, options: Partial<OutboxWorkerOptions> = {}) {
  return new OutboxWorker({
    store,
    sender: realSender(),
    retry: { maxAttempts: 12, baseDelayMs: 50, maxDelayMs: 1000 },
    pollMs: 50,
    leaseMs: LEASE_MS,
    ...options,
  });
}

const never = new Promise<never>(() => undefined);

/** The store as a process sees it: once `dead`, no call ever returns (the process is gone). */
function dyingStore(store: Store, dead: { value: boolean }): Pick<Store, 'outbox' | 'conversations'> {
  const wrap = <T extends object>(target: T): T =>
    new Proxy(target, {
      get(object, property) {
        const value: unknown = Reflect.get(object, property);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) =>
          dead.value ? never : (value as (...a: unknown[]) => unknown).apply(object, args);
      },
    });
  return { outbox: wrap(store.outbox), conversations: wrap(store.conversations) };
}

/** A sender whose requests go to `/w1` on the connector (so the test can cut them off), and stop when dead. */
function dyingSender(dead: { value: boolean }): Sender {
  const sender = realSender();
  return {
    send: (ref, activity) =>
      dead.value ? never : sender.send({ ...ref, serviceUrl: `${ref.serviceUrl}/w1` }, activity),
    update: (ref, id, activity) =>
      dead.value ? never : sender.update({ ...ref, serviceUrl: `${ref.serviceUrl}/w1` }, id, activity),
  };
}

describe('outbox after crashes and with several workers', () => {
  let connector: FakeConnector;
  let dir: string;
  let file: string;
  const stores: Store[] = [];
  const workers: OutboxWorker[] = [];

  function open(): Store {
    const store = openSqliteStore({ file });
    stores.push(store);
    return store;
  }

  /** Starts a worker; afterEach stops it, whatever the test did. */
  function start(store: Pick<Store, 'outbox' | 'conversations'>, options: Partial<OutboxWorkerOptions> = {}) {
    const started = worker(store, options);
    workers.push(started);
    started.start();
    return started;
  }

  beforeEach(async () => {
    connector = await startFakeConnector({ throttleRate: 0.03, serverErrorRate: 0.03, seed: 3 });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outbox-'));
    file = path.join(dir, 'isc.db');
  });

  afterEach(async () => {
    await Promise.all(workers.splice(0).map((w) => w.stop()));
    await connector?.close();
    for (const store of stores.splice(0)) await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('loses and duplicates nothing when a worker dies mid-run and a new one takes over after the leases expire', async () => {
    const first = open();
    const { ids } = await seedFanout(first, connector.serviceUrl, { recipients: 100, perRecipient: 3 });
    const dead = { value: false };
    // Not stopped: it stands for a process that died. Once dead, its calls wait on a promise that never settles,
    // which holds no timer or socket; stop() would wait on them for ever.
    const doomed = worker(dyingStore(first, dead), { sender: dyingSender(dead) });
    doomed.start();
    await until(() => connector.posted.length >= 100, '100 messages are posted');

    // Freeze the connector, let every post it accepted be recorded, and catch some sends in flight.
    connector.pause();
    await until(
      async () => (await first.outbox.all({ where: { status: 'sent' } })).length === connector.posted.length,
      'every accepted post is recorded as sent',
    );
    await until(() => connector.held > 0, 'sends are in flight');
    // The worker's process dies: it writes nothing more, and its requests in flight never reach Teams.
    dead.value = true;
    connector.setFaults({ drop: (request) => request.path.includes('/w1/') });
    connector.dropHeld();
    connector.resume();
    const orphans = (await first.outbox.all({ where: { status: 'sending' } })).length;
    expect(orphans).toBeGreaterThan(0);

    const successor = start(open());
    await drained(stores[1]!);
    await successor.stop();

    expect(tallyDeliveries(connector, ids)).toEqual({ lost: [], duplicates: [], unexpected: [] });
    expect(successor.counters.recovered).toBe(orphans);
    expect((await new Outbox(stores[1]!).stats()).sent).toBe(300);
  });

  it('loses and duplicates nothing when a worker is stopped mid-run and another starts on the same store file', async () => {
    const { ids } = await seedFanout(open(), connector.serviceUrl, { recipients: 100, perRecipient: 3 });
    const first = start(stores[0]!);
    await until(() => connector.posted.length >= 100, '100 messages are posted');
    await first.stop();
    expect(await stores[0]!.outbox.all({ where: { status: 'sending' } })).toHaveLength(0);
    const posted = connector.posted.length;
    expect(posted).toBeLessThan(300);

    const second = start(open());
    await drained(stores[1]!);
    await second.stop();

    expect(tallyDeliveries(connector, ids)).toEqual({ lost: [], duplicates: [], unexpected: [] });
    expect(first.counters.sent + second.counters.sent).toBe(300);
  });

  it('never sends a message twice when two workers share the store file', async () => {
    const { ids } = await seedFanout(open(), connector.serviceUrl, { recipients: 100, perRecipient: 3 });
    const limits = shareGlobalLimits(TEAMS_LIMITS, 2);
    const one = start(stores[0]!, { limiter: new RateLimiter({ limits, marginMs: 20, smooth: true }) });
    const two = start(open(), { limiter: new RateLimiter({ limits, marginMs: 20, smooth: true }) });
    await drained(stores[0]!);
    await Promise.all([one.stop(), two.stop()]);

    expect(tallyDeliveries(connector, ids)).toEqual({ lost: [], duplicates: [], unexpected: [] });
    expect(one.counters.sent + two.counters.sent).toBe(300);
    expect(one.counters.sent).toBeGreaterThan(0);
    expect(two.counters.sent).toBeGreaterThan(0);
  });
});
