import { Outbox, OutboxWorker, RateLimiter } from '../../teams-app/services/outbox';
import { AzureOutboxQueue, openAzureOperationalStore, type AzureOperationalStore } from '../../teams-app/store/azure';
import { startAzurite, type RunningAzurite } from '../support/azurite';
import { ScriptedSender, conversationRef, draft } from '../unit/services/outbox/factories';
import { describeOutboxContract, dying, type OutboxData } from './outbox-contract';

jest.setTimeout(180_000);

let azurite: RunningAzurite;
let deployments = 0;

beforeAll(async () => {
  azurite = await startAzurite();
});

afterAll(async () => {
  await azurite?.stop();
});

describeOutboxContract('azure queue storage with table records (Azurite)', async () => {
  deployments += 1;
  const settings = { connectionString: azurite.connectionString, prefix: `ob${deployments}` };
  const stores: AzureOperationalStore[] = [];
  const queues: AzureOutboxQueue[] = [];
  const openStore = async () => {
    const store = await openAzureOperationalStore(settings);
    stores.push(store);
    return store;
  };
  const data = await openStore();
  // The request-serving side only announces messages; it serves no partition.
  const announcer = await AzureOutboxQueue.open({ ...settings, outbox: data.outbox, partitions: 4 });
  return {
    data,
    outbox: new Outbox(data, { queue: announcer }),
    outboxOver: (records) => new Outbox({ outbox: records }, { queue: announcer }),
    async worker(options) {
      const store = await openStore();
      const limiter = options.limiter ?? new RateLimiter();
      const queue = await AzureOutboxQueue.open({
        ...settings,
        outbox: store.outbox,
        limiter,
        partitions: 4,
        leaseMs: options.leaseMs,
        renewMs: 500,
        takeoverPauseMs: 200,
      });
      queues.push(queue);
      await queue.start();
      const dead = { value: false };
      const own: OutboxData = { outbox: dying(store.outbox, dead), conversations: dying(store.conversations, dead) };
      const worker = new OutboxWorker({ ...options, store: own, source: dying(queue, dead), limiter });
      return {
        worker,
        data: own,
        stop: async () => {
          if (dead.value) return;
          await worker.stop();
          await queue.stop();
        },
        kill: () => {
          dead.value = true;
          queue.abandon();
        },
      };
    },
    async close() {
      for (const queue of queues.splice(0)) queue.abandon();
      for (const store of stores.splice(0)) await store.close();
    },
  };
});

describe('the queue outbox on Azure Storage', () => {
  it('announces again a pending record left without a work item, so it is sent rather than lost', async () => {
    deployments += 1;
    const settings = { connectionString: azurite.connectionString, prefix: `ob${deployments}` };
    const store = await openAzureOperationalStore(settings);
    const queue = await AzureOutboxQueue.open({
      ...settings,
      outbox: store.outbox,
      partitions: 2,
      takeoverPauseMs: 0,
      sweepMs: 200,
      orphanAfterMs: 1000,
    });
    const sender = new ScriptedSender();
    const worker = new OutboxWorker({ store, sender, source: queue, pollMs: 50 });
    try {
      await store.conversations.create(conversationRef(1));
      // The enqueuing instance died between writing the record and announcing it: a record, no work item.
      const recorder = new Outbox({ outbox: store.outbox });
      await recorder.enqueue([draft('orphan', 1)]);
      await queue.start();
      worker.start();
      const deadline = Date.now() + 60_000;
      while ((await store.outbox.get('orphan'))?.status !== 'sent' && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(sender.delivered()).toEqual(['orphan']);
      expect(await store.outbox.get('orphan')).toMatchObject({ status: 'sent', attempts: 1 });
    } finally {
      await worker.stop();
      await queue.stop();
      await store.close();
    }
  });

  it('moves a work item received too often without an outcome to the dead-letter queue and shows its message as undeliverable', async () => {
    deployments += 1;
    const settings = { connectionString: azurite.connectionString, prefix: `ob${deployments}` };
    const store = await openAzureOperationalStore(settings);
    const queue = await AzureOutboxQueue.open({
      ...settings,
      outbox: store.outbox,
      partitions: 2,
      leaseMs: 1000,
      maxDequeue: 2,
      takeoverPauseMs: 0,
    });
    const poisoned: (string | null)[] = [];
    const watched = await AzureOutboxQueue.open({
      ...settings,
      outbox: store.outbox,
      partitions: 2,
      leaseMs: 1000,
      maxDequeue: 2,
      takeoverPauseMs: 0,
      onPoison: (event) => poisoned.push(event.id),
    });
    try {
      const outbox = new Outbox(store, { queue });
      await outbox.enqueue([draft('stuck', 1)]);
      await watched.start();
      // A worker that takes the item and dies before any outcome, again and again (each time its lease runs out).
      const received: string[] = [];
      const deadline = Date.now() + 60_000;
      while (poisoned.length === 0 && Date.now() < deadline) {
        for (const record of await watched.due(Date.now(), 10)) received.push(record.id);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect(received).toEqual(['stuck', 'stuck']);
      expect(poisoned).toEqual(['stuck']);
      expect(await outbox.list({ meetingId: 'm1', status: 'undeliverable' })).toEqual([
        expect.objectContaining({ id: 'stuck', lastError: expect.stringMatching(/^delivery\.poison: /) }),
      ]);
      const dead = (await watched.deadLetterQueue.receiveMessages({ numberOfMessages: 5 })).receivedMessageItems;
      expect(dead.map((m) => JSON.parse(m.messageText).id)).toEqual(['stuck']);
    } finally {
      await watched.stop();
      await store.close();
    }
  });
});
