import { QueueServiceClient } from '@azure/storage-queue';
import { openAzureOperationalStore } from '../../teams-app/store/azure';
import { startAzurite } from '../support/azurite';
async function main() {
  const azurite = await startAzurite();
  const store = await openAzureOperationalStore({ connectionString: azurite.connectionString, prefix: 'lat' });
  const q = QueueServiceClient.fromConnectionString(azurite.connectionString).getQueueClient('latq');
  await q.createIfNotExists();
  let t = performance.now();
  for (let i = 0; i < 100; i++) await store.chatMessages.get('x' + i);
  console.log('table get ms/op', (performance.now() - t) / 100);
  t = performance.now();
  for (let i = 0; i < 50; i++) await store.chatMessages.create({ id: 'c' + i, chatId: 'c', meetingId: null, fromId: 'a', fromName: 'a', fromAadObjectId: null, text: 'x', mentions: [], timestamp: '2026-01-01T00:00:00.000Z' });
  console.log('table create ms/op', (performance.now() - t) / 50);
  t = performance.now();
  for (let i = 0; i < 50; i++) await q.sendMessage('{}');
  console.log('queue send ms/op', (performance.now() - t) / 50);
  t = performance.now();
  await Promise.all(Array.from({length: 200}, (_, i) => store.chatMessages.get('y' + i)));
  console.log('200 parallel gets ms', performance.now() - t);
  await azurite.stop();
}
main();
