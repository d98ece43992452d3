import { openAzureOperationalStore, type AzureOperationalStore } from '../../teams-app/store/azure';
import { openSqliteStore } from '../../teams-app/store/sqlite/sqlite-store';
import { startAzurite, type RunningAzurite } from '../support/azurite';
import { describeOperationalStoreContract } from './operational-store-contract';

let azurite: RunningAzurite;
let stores = 0;

beforeAll(async () => {
  azurite = await startAzurite();
});

afterAll(async () => {
  await azurite?.stop();
});

/** A store on its own table, so the tests of the file share one Azurite and not their data. */
function openAzure(options: { prefix?: string; refreshMs?: number } = {}): Promise<AzureOperationalStore> {
  stores += 1;
  return openAzureOperationalStore({
    connectionString: azurite.connectionString,
    prefix: options.prefix ?? `c${stores}`,
    refreshMs: options.refreshMs,
  });
}

describeOperationalStoreContract('sqlite (in memory)', async () => openSqliteStore({ file: ':memory:' }));
describeOperationalStoreContract('azure table storage (Azurite)', () => openAzure());

describe('azure table storage across instances', () => {
  it('sees another instance write through the version token without being asked to read', async () => {
    const one = await openAzure({ prefix: 'shared1', refreshMs: 0 });
    const two = await openAzure({ prefix: 'shared1', refreshMs: 0 });
    const before = two.version('conversations');
    await one.conversations.create({
      id: 'personal.p1',
      aadObjectId: 'aad-1',
      personId: 'p1',
      conversationId: 'a:1',
      conversationType: 'personal',
      serviceUrl: 'https://smba.trafficmanager.net/emea/',
      tenantId: null,
      botId: '28:bot',
      locale: null,
      updatedAt: '2026-01-01T00:00:00.000Z',
    });
    const deadline = Date.now() + 10_000;
    while (two.version('conversations') === before && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(two.version('conversations')).not.toBe(before);
    expect((await two.conversations.get('personal.p1'))?.etag).toBe((await one.conversations.get('personal.p1'))?.etag);
    await Promise.all([one.close(), two.close()]);
  });

  it('refuses a unit of work across two collections and writes nothing', async () => {
    const store = await openAzure();
    await expect(
      store.commit([
        { collection: 'chatMessages', op: 'ensure', record: { id: 'x' } as never },
        { collection: 'outbox', op: 'ensure', record: { id: 'y' } as never },
      ]),
    ).rejects.toMatchObject({ code: 'internal' });
    expect(await store.chatMessages.get('x')).toBeNull();
    await store.close();
  });
});
