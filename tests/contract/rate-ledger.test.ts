import { BlobServiceClient, type ContainerClient } from '@azure/storage-blob';
import { RateLedger, allocateSlots, demandMoved } from '../../teams-app/store/azure/rate-ledger';
import { startAzurite, type RunningAzurite } from '../support/azurite';

jest.setTimeout(60_000);

let azurite: RunningAzurite;
let containers = 0;

beforeAll(async () => {
  azurite = await startAzurite({ inMemory: true });
});

afterAll(async () => {
  await azurite?.stop();
});

async function freshContainer(): Promise<ContainerClient> {
  containers += 1;
  const container = BlobServiceClient.fromConnectionString(azurite.connectionString).getContainerClient(
    `ledger${containers}`,
  );
  await container.create();
  return container;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Instances sharing one ledger, with the demands, presence and applied slots the test controls and records. */
function fleet(container: ContainerClient, options: { windowMs?: number; fenceMs?: number } = {}) {
  const live = new Set<string>();
  const demand = new Map<string, number>();
  const applied = new Map<string, number>();
  /** Every moment the slots in use by all instances together went above the budget. */
  const overBudget: number[] = [];
  const ledgers = new Map<string, RateLedger>();
  const join = (id: string, over: ContainerClient = container) => {
    live.add(id);
    const ledger = new RateLedger({
      container: over,
      instanceId: id,
      slots: 50,
      windowMs: options.windowMs ?? 200,
      marginMs: 10,
      roundMs: 60_000,
      fenceMs: options.fenceMs ?? 120_000,
      demand: () => demand.get(id) ?? 0,
      presentAt: () => (live.has(id) ? Date.now() : null),
      presenceMaxAgeMs: 10_000,
      liveIds: async () => new Set(live),
      apply: (slots) => {
        applied.set(id, slots);
        const total = [...applied.values()].reduce((sum, n) => sum + n, 0);
        if (total > 50) overBudget.push(total);
      },
    });
    ledgers.set(id, ledger);
    ledger.start();
    return ledger;
  };
  return { live, demand, applied, overBudget, ledgers, join };
}

describe('allocateSlots', () => {
  it('meets the smallest needs first, shares the rest evenly between the busiest, and gives nothing without work', () => {
    // Needs 5 and 15 (two seconds' worth) are met; the 30 left go in proportion to the work, so both finish together.
    expect(allocateSlots(50, { a: 10, b: 30 })).toEqual({ a: 13, b: 37 });
    expect(allocateSlots(50, { a: 0, b: 5 })).toEqual({ a: 0, b: 50 });
    expect(allocateSlots(50, { a: 1, b: 1000 })).toEqual({ a: 1, b: 49 });
    // Busy instances get even parts, whatever their backlogs.
    expect(allocateSlots(50, { a: 256, b: 256, c: 256 })).toEqual({ a: 17, b: 17, c: 16 });
    expect(allocateSlots(50, { a: 100, b: 60, c: 300 })).toEqual({ a: 17, b: 17, c: 16 });
    // One near the end of its work (needs 5) leaves the rest to the other two.
    expect(allocateSlots(50, { a: 100, b: 10, c: 100 })).toEqual({ a: 23, b: 5, c: 22 });
    expect(allocateSlots(50, {})).toEqual({});
    // Nobody has work: even parts, ready for the next fan-out.
    expect(allocateSlots(50, { c: 0, a: 0, b: 0 })).toEqual({ a: 17, b: 17, c: 16 });
  });

  it('never hands out more than the budget, even with more wanting instances than slots', () => {
    const parts = allocateSlots(3, { a: 1, b: 5, c: 2, d: 9 });
    expect(Object.values(parts).reduce((s, n) => s + n, 0)).toBe(3);
    expect(parts).toEqual({ a: 1, b: 1, c: 1, d: 0 });
  });
});

describe('demandMoved', () => {
  it('publishes a first demand, a change to or from none, and a move by more than a quarter', () => {
    expect(demandMoved(undefined, 0)).toBe(true);
    expect(demandMoved(0, 1)).toBe(true);
    expect(demandMoved(10, 0)).toBe(true);
    expect(demandMoved(100, 120)).toBe(false);
    expect(demandMoved(100, 130)).toBe(true);
    expect(demandMoved(100, 70)).toBe(true);
  });
});

describe('RateLedger on Azure Blob Storage (Azurite)', () => {
  it('shares the budget by demand and hands slots over only after they cooled', async () => {
    const f = fleet(await freshContainer());
    const a = f.join('a');
    f.demand.set('a', 100);
    await a.round();
    // Alone with work: the whole budget.
    expect(f.applied.get('a')).toBe(50);
    const b = f.join('b');
    f.demand.set('b', 100);
    await b.round();
    // Nothing is free yet: b publishes its demand and waits.
    expect(f.applied.get('b')).toBe(0);
    await a.round();
    // a gives half back once a second round still finds it holding more than its part (work comes in bursts)...
    expect(f.applied.get('a')).toBe(50);
    await a.round();
    // ...its limiter first...
    expect(f.applied.get('a')).toBe(25);
    await b.round();
    // ...but those slots cool for the window before b may use them.
    expect(f.applied.get('b')).toBe(0);
    await sleep(300);
    await b.round();
    expect(f.applied.get('b')).toBe(25);
    // a's work is done: it lets everything go, and b takes it.
    f.demand.set('a', 0);
    await a.round();
    expect(f.applied.get('a')).toBe(0);
    await sleep(300);
    await b.round();
    expect(f.applied.get('b')).toBe(50);
    expect(f.overBudget).toEqual([]);
    await Promise.all([a.stop(), b.stop()]);
  });

  it('frees the slots of an instance whose presence has expired, and not before', async () => {
    const f = fleet(await freshContainer());
    const a = f.join('a');
    f.demand.set('a', 100);
    await a.round();
    expect(f.applied.get('a')).toBe(50);
    a.abandon(); // killed: it neither renews nor gives back
    const b = f.join('b');
    f.demand.set('b', 100);
    await b.round();
    // a still counts as present: its slots stay its own.
    expect(f.applied.get('b')).toBe(0);
    f.live.delete('a'); // its presence lease expired
    f.applied.set('a', 0); // (a dead process sends nothing)
    await sleep(2100); // b trusts its last look at the presence blobs for 2 s
    await b.round();
    expect(f.applied.get('b')).toBe(50);
    await b.stop();
  });

  it('sends nothing once it cannot reach the ledger for the fence time', async () => {
    const container = await freshContainer();
    let reachable = true;
    // The same container, whose ledger blob stops answering on demand (storage unreachable).
    const flaky = new Proxy(container, {
      get(target, property, receiver) {
        if (property !== 'getBlockBlobClient') return Reflect.get(target, property, receiver);
        return (name: string) => {
          const blob = target.getBlockBlobClient(name);
          return new Proxy(blob, {
            get(inner, key, innerReceiver) {
              const value = Reflect.get(inner, key, innerReceiver);
              if ((key === 'download' || key === 'upload') && !reachable) {
                return () => Promise.reject(Object.assign(new Error('unreachable'), { statusCode: 503 }));
              }
              return typeof value === 'function' ? value.bind(inner) : value;
            },
          });
        };
      },
    });
    const f = fleet(container, { fenceMs: 150 });
    const a = f.join('a', flaky);
    f.demand.set('a', 10);
    await a.round();
    expect(f.applied.get('a')).toBe(50);
    reachable = false;
    await a.round(); // fails: the slots stay until the fence
    expect(f.applied.get('a')).toBe(50);
    await sleep(250);
    expect(f.applied.get('a')).toBe(0);
    reachable = true;
    await a.round();
    expect(f.applied.get('a')).toBe(50);
    await a.stop();
  });

  it('never lets the instances together use more than the budget while demands change under racing rounds', async () => {
    const f = fleet(await freshContainer(), { windowMs: 20 });
    const ids = ['a', 'b', 'c'];
    const ledgers = ids.map((id) => f.join(id));
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let step = 0; step < 40; step += 1) {
      for (const id of ids) f.demand.set(id, random() < 0.2 ? 0 : Math.floor(random() * 300));
      // All three read and write the one ledger at the same time: the ETag decides who wins each race.
      await Promise.all(ledgers.map((ledger) => ledger.round()));
      if (step % 5 === 4) await sleep(30);
    }
    expect(f.overBudget).toEqual([]);
    // Left alone with steady demands, they settle on the whole budget.
    for (const id of ids) f.demand.set(id, 200);
    for (let settle = 0; settle < 12; settle += 1) {
      for (const ledger of ledgers) await ledger.round();
      await sleep(30);
    }
    const total = [...f.applied.values()].reduce((s, n) => s + n, 0);
    expect(total).toBeGreaterThanOrEqual(48);
    expect(total).toBeLessThanOrEqual(50);
    for (const id of ids) expect(f.applied.get(id)).toBeGreaterThanOrEqual(14);
    expect(f.overBudget).toEqual([]);
    await Promise.all(ledgers.map((ledger) => ledger.stop()));
  });
});
