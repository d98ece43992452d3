/**
 * Three server instances, each its own process, on one Azurite (the operational store: outbox queues and records,
 * conversation references, leases) and one business store file, with one fake Bot Connector that enforces the Teams
 * limits (per conversation, and 50 requests/s for the app across all instances) and throttles 5 % of requests with
 * Retry-After. A fan-out is delivered exactly once and in order per conversation; an instance killed with SIGKILL
 * mid-run loses nothing, the others finish its work, and the only duplicates are the posts Teams took while their
 * sender died; the scheduler runs on exactly one instance, and another takes over when it dies.
 */
import type { FakeConnector, RecordedActivity } from '../support/fake-connector';
import { seedFanout, startFakeConnector, tallyDeliveries } from '../support/fake-connector';
import { startAzurite, type RunningAzurite } from '../support/azurite';
import { openSharedOutbox, startInstances, type InstanceGroup, type SharedOutbox } from '../support/instances';

jest.setTimeout(300_000);

const INSTANCES = 3;
/** 300 messages: enough to keep three instances busy for seconds (the 1,500 are the benchmark's). */
const RECIPIENTS = 100;
const TOPICS = 3;
/** Recipients queued for at once (each a round trip to the storage per call, as several services would). */
const QUEUING = 8;
/**
 * Short, so the messages a killed instance held come back within seconds (its partitions take 15 s anyway); long
 * enough that the send timeout it implies (half of it) is not reached by a CI machine running other suites beside
 * this one (a timed-out send that still arrives is retried: a duplicate the kill did not cause).
 */
const LEASE_MS = 16_000;

/** Polls (in real time) until the condition holds. */
async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 150_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The texts each conversation received, in the order the connector accepted them. */
function byConversation(records: readonly RecordedActivity[]): Map<string, string[]> {
  const texts = new Map<string, string[]>();
  for (const record of records) {
    texts.set(record.conversationId, [...(texts.get(record.conversationId) ?? []), String(record.activity.text)]);
  }
  return texts;
}

describe('three instances on one Azure Storage account (Azurite)', () => {
  let azurite: RunningAzurite | undefined;
  let connector: FakeConnector | undefined;
  let group: InstanceGroup | undefined;
  let shared: SharedOutbox | undefined;

  async function start() {
    azurite = await startAzurite();
    connector = await startFakeConnector({ throttleRate: 0.05, retryAfterSeconds: 1, seed: 13 });
    group = await startInstances({
      count: INSTANCES,
      env: {
        OPS_STORE: 'azure',
        AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
        OUTBOX_LEASE_MS: String(LEASE_MS),
      },
    });
    shared = await openSharedOutbox({ connectionString: azurite.connectionString });
    return { connector, group, shared };
  }

  /**
   * Waits until Teams has taken every expected message (read from the connector: cheap), then until the outbox says
   * nothing is left to send (its counts read every record, so they are not polled while the fan-out runs).
   */
  async function drained(outbox: SharedOutbox['outbox'], ids: readonly string[]): Promise<void> {
    await until(() => {
      const taken = new Set(connector?.posted.map((record) => String(record.activity.text)));
      return ids.every((id) => taken.has(id));
    }, 'Teams has taken every message');
    await until(async () => {
      const stats = await outbox.stats();
      return stats.pending + stats.sending === 0;
    }, 'the outbox is drained');
  }

  /** The instances that logged becoming the scheduler's leader, in order. */
  function leaders(): number[] {
    return (group?.logs() ?? []).filter((line) => line.leader === true).map((line) => line.instance);
  }

  afterEach(async () => {
    await shared?.close();
    await group?.stopAll();
    await connector?.close();
    await azurite?.stop();
    shared = group = connector = azurite = undefined;
  });

  it('delivers a fan-out exactly once, within the limits of the app as a whole, with one scheduler', async () => {
    const { connector, group, shared } = await start();
    const { ids } = await seedFanout(shared.store, connector.serviceUrl, {
      recipients: RECIPIENTS,
      perRecipient: TOPICS,
      outbox: shared.outbox,
      concurrency: QUEUING,
    });

    await drained(shared.outbox, ids);

    expect(tallyDeliveries(connector, ids)).toEqual({ lost: [], duplicates: [], unexpected: [] });
    expect(await shared.outbox.stats()).toMatchObject({ sent: ids.length, failed: 0, undeliverable: 0 });
    // Together the instances never went over a limit: every 429 was an injected one, and each was retried.
    expect(connector.counts.limitThrottled).toBe(0);
    expect(connector.counts.throttled).toBeGreaterThan(0);
    // One scheduler: one instance became leader, and only it ran the scheduled jobs.
    expect(leaders()).toHaveLength(1);
    const ran = new Set(
      group
        .logs()
        .filter((l) => l.msg === 'scheduled job ran')
        .map((l) => l.instance),
    );
    expect([...ran]).toEqual(leaders());
  });

  it('keeps each conversation in order across instances while messages are still being queued', async () => {
    const { connector, shared } = await start();
    const { ids } = await seedFanout(shared.store, connector.serviceUrl, {
      recipients: 50,
      perRecipient: TOPICS,
      outbox: shared.outbox,
      concurrency: QUEUING,
    });

    await drained(shared.outbox, ids);

    expect(tallyDeliveries(connector, ids)).toEqual({ lost: [], duplicates: [], unexpected: [] });
    // A conversation's prompts were queued topic 1, 2, 3 (one enqueue): they must arrive in that order.
    const outOfOrder = [...byConversation(connector.posted)].filter(
      ([, texts]) => texts.join('\n') !== [...texts].sort().join('\n'),
    );
    expect(outOfOrder).toEqual([]);
  });

  it('loses nothing when the leading instance is killed mid-run: the others finish its work, resending only what Teams took as it died, and one of them takes the scheduler over', async () => {
    const { connector, group, shared } = await start();
    const { ids } = await seedFanout(shared.store, connector.serviceUrl, {
      recipients: RECIPIENTS,
      perRecipient: TOPICS,
      outbox: shared.outbox,
      concurrency: QUEUING,
    });
    await until(() => connector.posted.length >= ids.length / 10, 'a tenth of the messages are posted');
    const [leader] = leaders();
    expect(leader).toBeDefined();
    const victim = group.get(leader!);
    // The instances share the app's budget by demand, so one may finish its own partitions early: the victim is
    // caught while it still holds work (a tenth of the fan-out out, each instance has most of its part left).
    await until(async () => {
      const health = (await (await fetch(`${victim.url}/healthz`)).json()) as { outbox?: { held?: number } };
      return (health.outbox?.held ?? 0) > 0;
    }, 'the victim holds work items');

    // Hold the connector's answers, let every accepted post be marked sent, and catch some of the victim's sends in
    // flight (told apart by the ports of its connections).
    connector.pause();
    await until(
      async () => (await shared.store.outbox.all({ where: { status: 'sent' } })).length === connector.posted.length,
      'every accepted post is recorded as sent',
    );
    await until(() => {
      const ports = victim.tcpPorts();
      return connector.heldFrom().some((port) => ports.has(port));
    }, 'the victim has sends in flight');
    const killedAt = Date.now();
    await victim.kill();
    // Teams takes the dead instance's posts anyway (the worst case: it never learns they arrived).
    connector.setFaults({ throttleRate: 0 });
    connector.resume();
    connector.setFaults({ throttleRate: 0.05 });

    // Another instance takes the scheduler over once the dead leader's lease (15 s) has run out.
    await group.waitForLog(
      (line) => line.leader === true && line.time >= killedAt,
      'another instance runs the scheduler',
      90_000,
    );
    await drained(shared.outbox, ids);

    const orphans = connector.posted.filter((record) => record.clientGone).map((r) => String(r.activity.text));
    expect(orphans.length).toBeGreaterThan(0);
    const tally = tallyDeliveries(connector, ids);
    expect(tally.lost).toEqual([]);
    expect(tally.unexpected).toEqual([]);
    // At most one duplicate per send the victim had in flight, and only those.
    expect(tally.duplicates.sort()).toEqual([...orphans].sort());
    expect(await shared.outbox.stats()).toMatchObject({ sent: ids.length, failed: 0, undeliverable: 0 });
    // The survivors took the victim's claimed messages back once their leases expired.
    const recovered = group
      .logs()
      .filter((line) => line.kind === 'recovered' && line.instance !== victim.index)
      .map((line) => String(line.outbox));
    expect(recovered).toEqual(expect.arrayContaining(orphans));
    // Exactly one survivor became the leader after the kill.
    const successors = group.logs().filter((line) => line.leader === true && line.time >= killedAt);
    expect(successors).toHaveLength(1);
    expect(successors[0]!.instance).not.toBe(victim.index);
    expect(group.alive()).toHaveLength(INSTANCES - 1);
  });
});
