/**
 * Scale-out fan-out benchmark: three server instances (separate processes) on one Azure Storage account (Azurite:
 * the outbox queues and records, leases) deliver a collection window's prompts — 500 focal points × 3 topics = 1,500
 * messages — through the production Bot Connector sender to one fake connector that enforces the Teams limits for
 * the app as a whole (50 requests/s) and injects 5 % 429s (Retry-After: 1). Two runs, each on fresh stores: all
 * instances up; and one instance killed with SIGKILL when half the messages are out (its partitions and the messages
 * it held come back when their leases expire).
 * elapsed_s: from the start of queuing to the first delivery of the last message; bound_s: the messages at 50
 * requests/s. lost / duplicates: expected messages the connector never took / took more than once; max_copies: the
 * most any message was taken (with an instance killed, the posts it had under way when it died are sent again, once:
 * 2). Targets: ratio ≤ 1.1, and ≤ 1.3 with one instance killed.
 * Azurite runs in memory and the clock starts once the instances share the partitions evenly (a deployment's steady
 * state); the fan-out is queued by 16 callers at once, through the outbox's own enqueue.
 * Run: npx tsx tests/bench/fanout-scaleout-bench.ts
 */
import { startAzurite } from '../support/azurite';
import { seedFanout, startFakeConnector, tallyDeliveries } from '../support/fake-connector';
import {
  openSharedOutbox,
  startInstances,
  waitForOutboxBalance,
  type InstanceGroup,
  type SharedOutbox,
} from '../support/instances';

const INSTANCES = 3;
const RECIPIENTS = 500;
const TOPICS_PER_RECIPIENT = 3;
const THROTTLE_RATE = 0.05;
const APP_RPS = 50;
/** Recipients queued for at once, as the services of several instances would (each call a storage round trip). */
const QUEUING = 16;
/** The lease of a claimed message: how long a killed instance's claims wait before the others take them back. */
const LEASE_MS = 6000;

async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 300_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('the fan-out did not finish in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The most times any one text was delivered. */
function maxCopies(texts: readonly string[]): number {
  const copies = new Map<string, number>();
  for (const text of texts) copies.set(text, (copies.get(text) ?? 0) + 1);
  return Math.max(0, ...copies.values());
}

/** One fan-out on fresh stores; with `kill`, instance 2 is killed once half the messages are delivered. */
async function fanout(kill: boolean): Promise<object> {
  // Azurite keeps its data in memory here: its workspace files are the emulator's, not the service's, and on this
  // machine they would make the storage calls, not the product, the measure.
  const azurite = await startAzurite({ inMemory: true });
  const connector = await startFakeConnector({ throttleRate: THROTTLE_RATE, retryAfterSeconds: 1, seed: 42 });
  let group: InstanceGroup | undefined;
  let shared: SharedOutbox | undefined;
  try {
    group = await startInstances({
      count: INSTANCES,
      env: {
        OPS_STORE: 'azure',
        AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
        OUTBOX_LEASE_MS: String(LEASE_MS),
      },
      logLevel: 'warn',
    });
    shared = await openSharedOutbox({ connectionString: azurite.connectionString });
    // The recipients' conversation references first (stored when each installed the app), then the fan-out. The
    // clock starts when the messages start being queued: the instances deliver while the rest are queued.
    await seedFanout(shared.store, connector.serviceUrl, {
      recipients: RECIPIENTS,
      perRecipient: 0,
      concurrency: QUEUING,
    });
    // A deployment's instances are up and share the partitions evenly long before a fan-out starts.
    await waitForOutboxBalance(group);
    const started = performance.now();
    // Instance 2 dies when half the messages are out, whether or not they are all queued by then.
    const victim = group.get(2);
    const killed = kill
      ? until(() => connector.posted.length >= (RECIPIENTS * TOPICS_PER_RECIPIENT) / 2).then(() => victim.kill())
      : Promise.resolve();
    killed.catch(() => undefined); // awaited below; a failed seeding must not leave it unhandled
    const { ids } = await seedFanout(shared.store, connector.serviceUrl, {
      recipients: RECIPIENTS,
      perRecipient: TOPICS_PER_RECIPIENT,
      outbox: shared.outbox,
      concurrency: QUEUING,
      refsStored: true,
    });
    const queuedS = (performance.now() - started) / 1000;
    await killed;
    const expected = new Set(ids);
    const firstDelivery = new Map<string, number>();
    await until(() => {
      for (const record of connector.posted) {
        const text = String(record.activity.text);
        if (expected.has(text) && !firstDelivery.has(text)) firstDelivery.set(text, record.at);
      }
      return firstDelivery.size === expected.size;
    });
    const finished = Math.max(...firstDelivery.values());
    // Whatever a killed instance left in flight is resent only after its lease: wait for the outbox to settle.
    const outbox = shared.outbox;
    await until(async () => {
      const stats = await outbox.stats();
      return stats.pending + stats.sending === 0;
    });
    const elapsedS = (finished - started) / 1000;
    const boundS = ids.length / APP_RPS;
    const tally = tallyDeliveries(connector, ids);
    return {
      bench: 'fanout-scaleout',
      instances: INSTANCES,
      ...(kill ? { killed: 1 } : {}),
      recipients: RECIPIENTS,
      messages: ids.length,
      elapsed_s: Number(elapsedS.toFixed(2)),
      bound_s: boundS,
      ratio: Number((elapsedS / boundS).toFixed(3)),
      lost: tally.lost.length,
      duplicates: tally.duplicates.length,
      max_copies: maxCopies(connector.posted.map((record) => String(record.activity.text))),
      lease_s: LEASE_MS / 1000,
      queued_s: Number(queuedS.toFixed(2)),
      injected_429: connector.counts.throttled,
      limit_429: connector.counts.limitThrottled,
      requests: connector.counts.requests,
    };
  } finally {
    await shared?.close();
    await group?.stopAll();
    await connector.close();
    await azurite.stop();
  }
}

/** Runs the fan-out with all instances, then with one killed midway; one JSON object per run. */
export async function runFanoutScaleoutBench(): Promise<object[]> {
  return [await fanout(false), await fanout(true)];
}

if (require.main === module) {
  runFanoutScaleoutBench()
    .then((lines) => {
      for (const line of lines) console.log(JSON.stringify(line));
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}
