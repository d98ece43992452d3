import type { ConversationRef } from '../../../teams-app/domain';
import { ConversationService } from '../../../teams-app/services';
import { openSqliteStore } from '../../../teams-app/store/sqlite/sqlite-store';

function ref(overrides: Partial<ConversationRef> = {}): ConversationRef {
  return {
    id: 'personal.aad-1',
    aadObjectId: 'aad-1',
    personId: 'alex-wilber',
    conversationId: 'a:1',
    conversationType: 'personal',
    serviceUrl: 'https://smba.trafficmanager.net/emea/',
    tenantId: 't',
    botId: '28:bot',
    locale: 'en',
    updatedAt: '2026-11-24T08:00:00.000Z',
    ...overrides,
  };
}

describe('conversation references', () => {
  it('stores the reference of a new person and finds their personal chat', async () => {
    const store = openSqliteStore({ file: ':memory:' });
    const service = new ConversationService(store);
    await service.remember(ref());
    expect((await service.personalChatOf('aad-1'))?.conversationId).toBe('a:1');
    await store.close();
  });

  it('does not rewrite an unchanged reference seen again the same day', async () => {
    const store = openSqliteStore({ file: ':memory:' });
    const service = new ConversationService(store);
    await service.remember(ref());
    const before = await store.conversations.get('personal.aad-1');
    await service.remember(ref({ updatedAt: '2026-11-24T12:00:00.000Z' }));
    expect((await store.conversations.get('personal.aad-1'))?.etag).toBe(before?.etag);
    await store.close();
  });

  it('reads a reference it has read before again only after a reference was written', async () => {
    const store = openSqliteStore({ file: ':memory:' });
    const service = new ConversationService(store);
    await service.remember(ref());
    const get = jest.spyOn(store.conversations, 'get');
    await service.remember(ref({ updatedAt: '2026-11-24T09:00:00.000Z' }));
    await service.remember(ref({ updatedAt: '2026-11-24T10:00:00.000Z' }));
    expect(get).toHaveBeenCalledTimes(1);
    const stored = await store.conversations.get('personal.aad-1');
    await store.conversations.update({ ...ref(), serviceUrl: 'https://elsewhere.example/' }, stored!.etag);
    get.mockClear();
    await service.remember(ref({ updatedAt: '2026-11-24T11:00:00.000Z' }));
    expect(get).toHaveBeenCalledTimes(1);
    expect((await store.conversations.get('personal.aad-1'))?.serviceUrl).toBe(ref().serviceUrl);
    await store.close();
  });

  it('updates a reference whose service URL changed, or that is older than a day', async () => {
    const store = openSqliteStore({ file: ':memory:' });
    const service = new ConversationService(store);
    await service.remember(ref());
    await service.remember(
      ref({ serviceUrl: 'https://smba.trafficmanager.net/amer/', updatedAt: '2026-11-24T09:00:00.000Z' }),
    );
    expect((await store.conversations.get('personal.aad-1'))?.serviceUrl).toBe('https://smba.trafficmanager.net/amer/');
    await service.remember(
      ref({ serviceUrl: 'https://smba.trafficmanager.net/amer/', updatedAt: '2026-11-26T09:00:00.000Z' }),
    );
    expect((await store.conversations.get('personal.aad-1'))?.updatedAt).toBe('2026-11-26T09:00:00.000Z');
    await store.close();
  });
});
