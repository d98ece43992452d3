import { createAdapterSender } from '../../bot/adapter-sender';
import { Outbox, OutboxWorker, RateLimiter } from '../../teams-app/services/outbox';
import { AzureOutboxQueue, openAzureOperationalStore } from '../../teams-app/store/azure';
import { startAzurite } from '../support/azurite';
import { seedFanout, startFakeConnector, tallyDeliveries } from '../support/fake-connector';

async function main() {
  const azurite = await startAzurite();
  const connector = await startFakeConnector({ throttleRate: 0.05, seed: 5 });
  const settings = { connectionString: azurite.connectionString, prefix: 'probe' };
  const store = await openAzureOperationalStore(settings);
  const limiter = new RateLimiter();
  const queue = await AzureOutboxQueue.open({ ...settings, outbox: store.outbox, limiter, partitions: 12, leaseMs: 30000, takeoverPauseMs: 0 });
  const outbox = new Outbox(store, { queue });
  let t = Date.now();
  const { ids } = await seedFanout(store, connector.serviceUrl, { recipients: 200, perRecipient: 3, outbox });
  console.log('enqueue ms', Date.now() - t);
  await queue.start();
  const worker = new OutboxWorker({ store, source: queue, limiter, sender: createAdapterSender({ appType: 'MultiTenant' }, { timeoutMs: 10000 }), pollMs: 50, leaseMs: 30000 });
  t = Date.now();
  worker.start();
  for (;;) {
    const s = await outbox.stats();
    if (s.pending + s.sending === 0) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  console.log('drain ms', Date.now() - t, 'posted', connector.posted.length, JSON.stringify(worker.counters), JSON.stringify(tallyDeliveries(connector, ids)).slice(0, 200));
  await worker.stop(); await queue.stop(); await store.close(); await connector.close(); await azurite.stop();
}
main().catch((e) => { console.error(e); process.exit(1); });
