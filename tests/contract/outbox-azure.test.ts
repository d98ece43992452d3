import { Outbox, OutboxWorker, RateLimiter } from '../../teams-app/services/outbox';
import { AzureOutboxQueue, openAzureOperationalStore, type AzureOperationalStore } from '../../teams-app/store/azure';
import { startAzurite, type RunningAzurite } from '../support/azurite';
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
