import { AppError, type ChatRecord, type ConversationRef } from '../../teams-app/domain';
import { storedDeltaPosition } from '../../teams-app/graph/delta-position';
import { write, type OperationalStore } from '../../teams-app/store';

/** A conversation reference for person `n`; the ids contain characters Table Storage keys forbid. */
function ref(n: number, overrides: Partial<ConversationRef> = {}): ConversationRef {
  return {
    id: `personal/p${n}#?`,
    aadObjectId: `aad-${n}`,
    personId: `p${n}`,
    conversationId: `a:conv-${n}`,
    conversationType: 'personal',
    serviceUrl: 'https://smba.trafficmanager.net/emea/',
    tenantId: 'tenant-1',
    botId: '28:bot',
    locale: 'en',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

/** A chat record of chat `chatId` at minute `minute`. */
function chat(id: string, minute: number, overrides: Partial<ChatRecord> = {}): ChatRecord {
  return {
    id,
    chatId: '19:meeting_abc@thread.v2',
    meetingId: 'm1',
    fromId: 'p1',
    fromName: 'Alex Wilber',
    fromAadObjectId: null,
    text: `line ${id}`,
    mentions: [],
    timestamp: `2026-12-01T10:${String(minute).padStart(2, '0')}:00.000Z`,
    ...overrides,
  };
}

async function expectCode(promise: Promise<unknown>, code: string): Promise<void> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
}

/**
 * The behaviour every operational store must have (the embedded SQLite one, Azure Table Storage): the Collection
 * contract on the conversation references, chat records, outbox and sync positions, units of work within a
 * collection, versions.
 */
export function describeOperationalStoreContract(name: string, open: () => Promise<OperationalStore>): void {
  describe(`operational store contract: ${name}`, () => {
    let store: OperationalStore;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      await store.close();
    });

    it('creates a record with a version, reads it back, and refuses a taken id', async () => {
      const created = await store.conversations.create(ref(1));
      expect(created.etag).toEqual(expect.any(String));
      expect(await store.conversations.get(ref(1).id)).toEqual(created);
      expect(await store.conversations.get('personal/nobody')).toBeNull();
      await expectCode(store.conversations.create(ref(1, { locale: 'fr' })), 'store.already-exists');
      expect((await store.conversations.get(ref(1).id))?.locale).toBe('en');
    });

    it('updates with the current version only, and deletes with it', async () => {
      const created = await store.conversations.create(ref(1));
      const updated = await store.conversations.update({ ...created, locale: 'fr' }, created.etag);
      expect(updated.etag).not.toBe(created.etag);
      await expectCode(store.conversations.update({ ...created, locale: 'es' }, created.etag), 'store.conflict');
      expect((await store.conversations.get(ref(1).id))?.locale).toBe('fr');
      await expectCode(store.conversations.delete(ref(1).id, created.etag), 'store.conflict');
      await store.conversations.delete(ref(1).id, updated.etag);
      expect(await store.conversations.get(ref(1).id)).toBeNull();
      await expectCode(store.conversations.update(ref(9), updated.etag), 'store.conflict');
    });

    it('does not store the etag inside the record', async () => {
      const created = await store.conversations.create({ ...ref(1), etag: 'forged' } as ConversationRef);
      expect(created.etag).not.toBe('forged');
      expect((await store.conversations.get(ref(1).id))?.etag).toBe(created.etag);
    });

    it('filters on indexed fields, null included, and keeps them in step with updates', async () => {
      await store.conversations.create(ref(1));
      const two = await store.conversations.create(ref(2, { personId: null, conversationType: 'groupChat' }));
      await store.conversations.create(ref(3));
      const ids = async (where: object) =>
        (await store.conversations.all({ where: where as never })).map((r) => r.personId ?? r.id);
      expect(await ids({ aadObjectId: 'aad-1', conversationType: 'personal' })).toEqual(['p1']);
      expect(await ids({ personId: null })).toEqual([ref(2).id]);
      expect(await ids({ conversationType: 'personal' })).toEqual(['p1', 'p3']);
      await store.conversations.update({ ...two, conversationType: 'personal', personId: 'p2' }, two.etag);
      expect(await ids({ conversationType: 'personal' })).toEqual(['p1', 'p2', 'p3']);
      expect(await ids({ personId: null })).toEqual([]);
    });

    it('refuses to filter or sort on a field that is not indexed', async () => {
      await expectCode(store.conversations.list({ where: { serviceUrl: 'x' } as never }), 'request.invalid');
      await expectCode(store.chatMessages.list({ orderBy: 'text' }), 'request.invalid');
    });

    it('pages through every record exactly once, in id order without orderBy and in field order with it', async () => {
      for (let i = 0; i < 23; i += 1) {
        await store.chatMessages.create(chat(`c${String(i).padStart(2, '0')}`, 59 - i));
      }
      const pages = async (orderBy?: 'timestamp', descending = false) => {
        const seen: string[] = [];
        let cursor: string | null = null;
        let count = 0;
        do {
          const page: Awaited<ReturnType<OperationalStore['chatMessages']['list']>> = await store.chatMessages.list({
            pageSize: 5,
            cursor,
            ...(orderBy ? { orderBy, descending } : {}),
          });
          seen.push(...page.items.map((c) => c.id));
          cursor = page.nextCursor;
          count += 1;
        } while (cursor);
        return { seen, count };
      };
      const byId = await pages();
      expect(byId.count).toBe(5);
      expect(byId.seen).toEqual([...byId.seen].sort());
      expect(new Set(byId.seen).size).toBe(23);
      const byTime = await pages('timestamp');
      expect(byTime.seen).toEqual([...byId.seen].reverse());
      expect((await pages('timestamp', true)).seen).toEqual(byId.seen);
      expect((await store.chatMessages.all({ orderBy: 'timestamp' })).map((c) => c.id)).toEqual(byTime.seen);
    });

    it('keeps a chat message longer than one table property holds', async () => {
      const text = 'Décision : '.repeat(9000);
      await store.chatMessages.create(chat('long', 1, { text }));
      expect((await store.chatMessages.get('long'))?.text).toBe(text);
    });

    it('keeps the calendar delta position for whichever instance reads it next, and a stale write changes nothing', async () => {
      const link = (token: string) =>
        `https://graph.microsoft.com/v1.0/users/o/calendarView/delta?$deltatoken=${token}${'x'.repeat(2000)}`;
      const openedAt = '2026-12-01T08:00:00.000Z';
      const leader = storedDeltaPosition(store.syncPositions, 'calendar', 'graph organizer o');
      const next = storedDeltaPosition(store.syncPositions, 'calendar', 'graph organizer o');
      expect(await next.load()).toBeNull();
      await leader.save({ deltaLink: link('a'), openedAt });
      expect(await next.load()).toEqual({ deltaLink: link('a'), openedAt });
      await next.save({ deltaLink: link('b'), openedAt });
      expect(await leader.load()).toEqual({ deltaLink: link('b'), openedAt });
      // A position of another calendar is not resumed.
      expect(await storedDeltaPosition(store.syncPositions, 'calendar', 'graph group g').load()).toBeNull();
      const stored = await store.syncPositions.get('calendar');
      if (!stored) throw new Error('no position');
      await store.syncPositions.update({ ...stored, deltaLink: link('c') }, stored.etag);
      await expectCode(store.syncPositions.update({ ...stored, deltaLink: link('d') }, stored.etag), 'store.conflict');
      expect((await store.syncPositions.get('calendar'))?.deltaLink).toBe(link('c'));
    });

    describe('unit of work', () => {
      it('applies every write of a unit together and answers with each version', async () => {
        const one = await store.conversations.create(ref(1));
        const committed = await store.commit([
          write.update('conversations', { ...one, locale: 'ar' }),
          write.create('conversations', ref(2)),
          write.ensure('conversations', ref(3)),
        ]);
        expect(committed).toHaveLength(3);
        expect(committed[0]).toBe((await store.conversations.get(ref(1).id))?.etag);
        expect(committed[1]).toBe((await store.conversations.get(ref(2).id))?.etag);
        expect(committed[2]).toBe((await store.conversations.get(ref(3).id))?.etag);
        expect((await store.conversations.get(ref(1).id))?.locale).toBe('ar');
      });

      it('writes nothing when one write of the unit is stale or meets a taken id', async () => {
        const one = await store.conversations.create(ref(1));
        await store.conversations.update({ ...one, locale: 'zh' }, one.etag);
        await expectCode(
          store.commit([
            write.create('conversations', ref(2)),
            write.update('conversations', { ...one, locale: 'ru' }),
          ]),
          'store.conflict',
        );
        await expectCode(
          store.commit([write.create('conversations', ref(3)), write.create('conversations', ref(1))]),
          'store.already-exists',
        );
        expect(await store.conversations.get(ref(2).id)).toBeNull();
        expect(await store.conversations.get(ref(3).id)).toBeNull();
        expect((await store.conversations.get(ref(1).id))?.locale).toBe('zh');
      });

      it('keeps an existing record on ensure and deletes with the version read', async () => {
        const one = await store.conversations.create(ref(1));
        const committed = await store.commit([
          write.ensure('conversations', ref(1, { locale: 'es' })),
          write.ensure('conversations', ref(2)),
        ]);
        expect(committed[0]).toBe(one.etag);
        expect((await store.conversations.get(ref(1).id))?.locale).toBe('en');
        const two = await store.conversations.get(ref(2).id);
        await store.commit([
          write.remove('conversations', ref(1).id, one.etag),
          write.remove('conversations', ref(2).id, two!.etag),
        ]);
        expect(await store.conversations.all()).toEqual([]);
      });
    });

    describe('version', () => {
      it('changes after every kind of write to a collection, and only then', async () => {
        const seen = [store.version('conversations')];
        expect(store.version('conversations')).toBe(seen[0]);
        const one = await store.conversations.create(ref(1));
        seen.push(store.version('conversations'));
        const updated = await store.conversations.update({ ...one, locale: 'fr' }, one.etag);
        seen.push(store.version('conversations'));
        await store.commit([write.create('conversations', ref(2))]);
        seen.push(store.version('conversations'));
        await store.conversations.delete(ref(1).id, updated.etag);
        seen.push(store.version('conversations'));
        expect(new Set(seen).size).toBe(seen.length);
        expect(store.version('conversations')).toBe(seen.at(-1));
      });

      it('covers every collection named', async () => {
        const before = store.version('chatMessages', 'outbox');
        await store.chatMessages.create(chat('c1', 1));
        expect(store.version('chatMessages', 'outbox')).not.toBe(before);
      });
    });

    it('reports its health', async () => {
      const health = await store.health();
      expect(health.ok).toBe(true);
      expect(health.kind).toBe(store.kind);
    });
  });
}
