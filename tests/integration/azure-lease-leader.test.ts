import {
  AzureOutboxQueue,
  type BlobLeaseLeader,
  openAzureOperationalStore,
  openBlobLeaseLeader,
} from '../../teams-app/store/azure';
import { startAzurite, type RunningAzurite } from '../support/azurite';

jest.setTimeout(120_000);

let azurite: RunningAzurite;
let runs = 0;

beforeAll(async () => {
  azurite = await startAzurite();
});

afterAll(async () => {
  await azurite?.stop();
});

/** Polls (in real time) until the condition holds. */
async function until(condition: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('the blob lease leader', () => {
  const started: BlobLeaseLeader[] = [];
  let prefix: string;

  beforeEach(() => {
    runs += 1;
    prefix = `lead${runs}`;
  });

  afterEach(async () => {
    await Promise.all(started.splice(0).map((leader) => leader.stop()));
  });

  /** A contender that records when it leads, as the scheduler would run. */
  async function contender(name: string, log: string[]) {
    const leader = await openBlobLeaseLeader({
      connectionString: azurite.connectionString,
      prefix,
      leaseSeconds: 15,
      renewMs: 200,
    });
    started.push(leader);
    leader.start((leading) => void log.push(`${name}:${leading ? 'up' : 'down'}`));
    return leader;
  }

  it('elects exactly one of three contenders, and another takes over within the lease once the leader stops renewing', async () => {
    const log: string[] = [];
    const three = await Promise.all(['a', 'b', 'c'].map((name) => contender(name, log)));
    await until(() => three.some((l) => l.isLeader), 'a leader is elected');
    // Several rounds of renewals and attempts pass: still exactly one.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(three.filter((l) => l.isLeader)).toHaveLength(1);
    expect(log).toHaveLength(1);

    const first = three.find((l) => l.isLeader)!;
    const firstName = log[0]!.split(':')[0];
    // The leader's process dies: it neither renews nor releases, so its lease must expire (15 s).
    first.abandon();
    await until(() => three.filter((l) => l !== first).some((l) => l.isLeader), 'another contender takes over', 40_000);
    expect(three.filter((l) => l !== first && l.isLeader)).toHaveLength(1);
    expect(log.filter((entry) => entry.endsWith(':up') && !entry.startsWith(`${firstName}:`))).toHaveLength(1);
  });

  it('releases the lease on stop, so the next contender leads at once', async () => {
    const log: string[] = [];
    const one = await contender('one', log);
    await until(() => one.isLeader, 'the first contender leads');
    const two = await contender('two', log);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(two.isLeader).toBe(false);
    await one.stop();
    expect(log).toEqual(['one:up', 'one:down']);
    // Within a few renewal rounds, far sooner than the 15 s lease would expire.
    await until(() => two.isLeader, 'the second contender leads', 5_000);
    expect(log).toEqual(['one:up', 'one:down', 'two:up']);
  });
});

describe('outbox partitions across instances', () => {
  it('gives every partition to exactly one of three instances, and a dead instance’s partitions to the others', async () => {
    runs += 1;
    const settings = { connectionString: azurite.connectionString, prefix: `part${runs}` };
    const store = await openAzureOperationalStore(settings);
    const queues = await Promise.all(
      [1, 2, 3].map((n) =>
        AzureOutboxQueue.open({
          ...settings,
          outbox: store.outbox,
          partitions: 12,
          instanceId: `instance-${n}`,
          renewMs: 200,
          takeoverPauseMs: 0,
        }),
      ),
    );
    try {
      await Promise.all(queues.map((q) => q.start()));
      const owners = () => {
        const all = queues.flatMap((q) => q.ownership.active());
        return { all, distinct: new Set(all).size, per: queues.map((q) => q.ownership.active().length) };
      };
      await until(() => owners().per.every((n) => n === 4), 'each instance serves 4 of the 12 partitions', 30_000);
      expect(owners().distinct).toBe(12);
      expect(owners().all).toHaveLength(12);

      queues[0]!.abandon();
      await until(
        () => queues.slice(1).flatMap((q) => q.ownership.active()).length === 12,
        'the two live instances serve all 12 partitions',
        45_000,
      );
      const live = queues.slice(1).flatMap((q) => q.ownership.active());
      expect(new Set(live).size).toBe(12);
    } finally {
      await Promise.all(queues.slice(1).map((q) => q.stop()));
      await store.close();
    }
  });
});
