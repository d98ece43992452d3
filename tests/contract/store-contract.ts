import { AppError, type Action } from '../../teams-app/domain';
import { write, type Store } from '../../teams-app/store';

/** Builds an action record; the store contract uses actions because they have several indexed fields. */
function action(id: string, overrides: Partial<Action> = {}): Action {
  return {
    id,
    topicId: 'accessibility',
    ownerId: 'alex-wilber',
    ownerName: 'Alex Wilber',
    text: `Action ${id}`,
    due: '2026-12-01',
    status: 'open',
    sourceMeetingId: 'isc-tf-31',
    createdAt: '2026-11-01T10:00:00.000Z',
    ...overrides,
  };
}

async function expectCode(promise: Promise<unknown>, code: string): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

/**
 * The behaviour every Store adapter must have (SQLite now, SharePoint lists later): versioned writes,
 * typed conflicts, paging, filters on indexed fields only.
 */
export function describeStoreContract(name: string, open: () => Promise<Store>): void {
  describe(`store contract: ${name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      await store.close();
    });

    it('creates a record with a version and reads it back', async () => {
      const created = await store.actions.create(action('a1'));
      expect(created.etag).toEqual(expect.any(String));
      const read = await store.actions.get('a1');
      expect(read).toEqual(created);
    });

    it('returns null for an unknown id', async () => {
      expect(await store.actions.get('missing')).toBeNull();
    });

    it('refuses to create a record whose id exists, so ids work as idempotency keys', async () => {
      await store.actions.create(action('a1'));
      await expectCode(store.actions.create(action('a1', { text: 'other' })), 'store.already-exists');
      expect((await store.actions.get('a1'))?.text).toBe('Action a1');
    });

    it('updates with the current version and gives a new version', async () => {
      const created = await store.actions.create(action('a1'));
      const updated = await store.actions.update({ ...created, status: 'done' }, created.etag);
      expect(updated.etag).not.toBe(created.etag);
      expect((await store.actions.get('a1'))?.status).toBe('done');
    });

    it('refuses a stale write with a typed conflict and keeps the newer data', async () => {
      const created = await store.actions.create(action('a1'));
      await store.actions.update({ ...created, text: 'first writer' }, created.etag);
      const error = await expectCode(
        store.actions.update({ ...created, text: 'second writer' }, created.etag),
        'store.conflict',
      );
      expect(error.status).toBe(409);
      expect((await store.actions.get('a1'))?.text).toBe('first writer');
    });

    it('refuses to update or delete a record that does not exist', async () => {
      await expectCode(store.actions.update(action('ghost'), '1'), 'store.conflict');
      await expectCode(store.actions.delete('ghost', '1'), 'store.conflict');
    });

    it('deletes only with the current version', async () => {
      const created = await store.actions.create(action('a1'));
      const updated = await store.actions.update({ ...created, text: 'changed' }, created.etag);
      await expectCode(store.actions.delete('a1', created.etag), 'store.conflict');
      await store.actions.delete('a1', updated.etag);
      expect(await store.actions.get('a1')).toBeNull();
    });

    it('filters on indexed fields, including null', async () => {
      await store.actions.create(action('a1', { ownerId: 'alex-wilber' }));
      await store.actions.create(action('a2', { ownerId: 'adele-vance' }));
      await store.actions.create(action('a3', { ownerId: null, status: 'done' }));
      expect((await store.actions.all({ where: { ownerId: 'alex-wilber' } })).map((a) => a.id)).toEqual(['a1']);
      expect((await store.actions.all({ where: { ownerId: null } })).map((a) => a.id)).toEqual(['a3']);
      expect((await store.actions.all({ where: { status: 'open', ownerId: 'adele-vance' } })).map((a) => a.id)).toEqual(
        ['a2'],
      );
    });

    it('refuses to filter or sort on a field that is not indexed', async () => {
      await expectCode(store.actions.list({ where: { text: 'x' } as never }), 'request.invalid');
      await expectCode(store.actions.list({ orderBy: 'text' }), 'request.invalid');
    });

    it('pages through every record exactly once, in order', async () => {
      for (let i = 0; i < 23; i += 1)
        await store.actions.create(
          action(`a${String(i).padStart(2, '0')}`, { due: `2026-12-${String(28 - i).padStart(2, '0')}` }),
        );
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page: Awaited<ReturnType<Store['actions']['list']>> = await store.actions.list({
          pageSize: 5,
          cursor,
          orderBy: 'sourceMeetingId',
        });
        seen.push(...page.items.map((a) => a.id));
        cursor = page.nextCursor;
        pages += 1;
      } while (cursor);
      expect(pages).toBe(5);
      expect(seen).toHaveLength(23);
      expect(new Set(seen).size).toBe(23);
      expect((await store.actions.all()).map((a) => a.id)).toEqual([...seen].sort());
    });

    it('orders by an indexed field, descending when asked', async () => {
      await store.meetings.create(meetingAt('m1', '2026-12-01T09:00:00.000Z'));
      await store.meetings.create(meetingAt('m2', '2027-01-01T09:00:00.000Z'));
      await store.meetings.create(meetingAt('m3', '2026-11-01T09:00:00.000Z'));
      expect((await store.meetings.all({ orderBy: 'start' })).map((m) => m.id)).toEqual(['m3', 'm1', 'm2']);
      expect((await store.meetings.all({ orderBy: 'start', descending: true })).map((m) => m.id)).toEqual([
        'm2',
        'm1',
        'm3',
      ]);
    });

    it('keeps indexed fields in step with updates', async () => {
      const created = await store.actions.create(action('a1', { status: 'open' }));
      await store.actions.update({ ...created, status: 'done' }, created.etag);
      expect(await store.actions.all({ where: { status: 'open' } })).toEqual([]);
      expect((await store.actions.all({ where: { status: 'done' } })).map((a) => a.id)).toEqual(['a1']);
    });

    it('does not store the etag inside the record', async () => {
      const created = await store.actions.create({ ...action('a1'), etag: 'forged' } as Action);
      expect(created.etag).not.toBe('forged');
    });

    describe('unit of work', () => {
      it('applies every write of a unit together', async () => {
        const a1 = await store.actions.create(action('a1'));
        await store.commit([
          write.update('actions', { ...a1, status: 'done' }),
          write.create('actions', action('a2')),
          write.ensure('actions', action('a3')),
        ]);
        expect((await store.actions.get('a1'))?.status).toBe('done');
        expect(await store.actions.get('a2')).not.toBeNull();
        expect(await store.actions.get('a3')).not.toBeNull();
      });

      it('writes nothing when one write of the unit is stale', async () => {
        const a1 = await store.actions.create(action('a1'));
        await store.actions.update({ ...a1, text: 'edited elsewhere' }, a1.etag);
        await expectCode(
          store.commit([write.create('actions', action('a2')), write.update('actions', { ...a1, status: 'done' })]),
          'store.conflict',
        );
        expect(await store.actions.get('a2')).toBeNull();
        expect((await store.actions.get('a1'))?.text).toBe('edited elsewhere');
      });

      it('writes nothing when a create in the unit meets a taken id', async () => {
        await store.actions.create(action('a1'));
        await expectCode(
          store.commit([write.create('actions', action('a2')), write.create('actions', action('a1'))]),
          'store.already-exists',
        );
        expect(await store.actions.get('a2')).toBeNull();
      });

      it('keeps an existing record on ensure, so a retried unit creates nothing twice', async () => {
        await store.actions.create(action('a1'));
        await store.commit([write.ensure('actions', action('a1', { text: 'second try' }))]);
        expect((await store.actions.get('a1'))?.text).toBe('Action a1');
      });

      it('deletes with the version read', async () => {
        const a1 = await store.actions.create(action('a1'));
        await store.commit([write.remove('actions', 'a1', a1.etag)]);
        expect(await store.actions.get('a1')).toBeNull();
      });

      it('keeps units committed at the same time apart: a stale one fails alone', async () => {
        const a1 = await store.actions.create(action('a1'));
        await store.actions.update({ ...a1, text: 'edited elsewhere' }, a1.etag);
        const [first, stale, last] = await Promise.allSettled([
          store.commit([write.create('actions', action('a2'))]),
          store.commit([write.create('actions', action('a3')), write.update('actions', { ...a1, status: 'done' })]),
          store.commit([write.create('actions', action('a4'))]),
        ]);
        expect([first?.status, last?.status]).toEqual(['fulfilled', 'fulfilled']);
        expect(stale?.status === 'rejected' && stale.reason instanceof AppError && stale.reason.code).toBe(
          'store.conflict',
        );
        expect(await store.actions.get('a2')).not.toBeNull();
        expect(await store.actions.get('a3')).toBeNull();
        expect(await store.actions.get('a4')).not.toBeNull();
      });

      it('answers with the version each write left on its record, in the order of the writes', async () => {
        const a1 = await store.actions.create(action('a1'));
        const a2 = await store.actions.create(action('a2'));
        const committed = await store.commit([
          write.update('actions', { ...a1, status: 'done' }),
          write.create('actions', action('a3')),
          write.ensure('actions', action('a2', { text: 'second try' })),
          write.ensure('actions', action('a4')),
          write.remove('actions', 'a2', a2.etag),
        ]);
        expect(committed).toHaveLength(5);
        expect(committed[0]).toBe((await store.actions.get('a1'))?.etag);
        expect(committed[0]).not.toBe(a1.etag);
        expect(committed[1]).toBe((await store.actions.get('a3'))?.etag);
        expect(committed[2]).toBe(a2.etag);
        expect(committed[3]).toBe((await store.actions.get('a4'))?.etag);
        expect(committed[4]).toBeNull();
      });
    });

    describe('version', () => {
      it('changes after every kind of write to a collection, and only then', async () => {
        const seen = [store.version('actions')];
        expect(store.version('actions')).toBe(seen[0]);
        const a1 = await store.actions.create(action('a1'));
        seen.push(store.version('actions'));
        const a1b = await store.actions.update({ ...a1, status: 'done' }, a1.etag);
        seen.push(store.version('actions'));
        await store.commit([write.create('actions', action('a2'))]);
        seen.push(store.version('actions'));
        await store.actions.delete('a1', a1b.etag);
        seen.push(store.version('actions'));
        expect(new Set(seen).size).toBe(seen.length);
        expect(store.version('actions')).toBe(seen.at(-1));
      });

      it('covers every collection named', async () => {
        const before = store.version('topics', 'actions');
        await store.actions.create(action('a1'));
        expect(store.version('topics', 'actions')).not.toBe(before);
      });
    });

    it('reports its health', async () => {
      const health = await store.health();
      expect(health.ok).toBe(true);
      expect(health.kind).toBe(store.kind);
    });
  });
}

function meetingAt(id: string, start: string) {
  return {
    id,
    body: 'ISC-TF' as const,
    number: 1,
    title: id,
    start,
    end: start,
    timeZone: 'Europe/Zurich',
    place: '',
    joinUrl: null,
    chatId: null,
    teamsMeeting: null,
    window: { openDaysBefore: 10, reminderDaysBefore: [5, 2], closeDaysBefore: 1, closeLocalTime: '17:00' },
    state: 'scheduled' as const,
    chairId: null,
  };
}
