import { AppError, type Action } from '../../teams-app/domain';
import { write } from '../../teams-app/store';
import { openSharePointStore, provisionSite } from '../../teams-app/store/sharepoint';
import { JSON_PIECE } from '../../teams-app/store/sharepoint/schema';
import { GraphEmulator } from '../support/graph-emulator';
import { emulatedGraph, sharePointSite } from '../support/sharepoint';
import { describeStoreContract } from './store-contract';

describeStoreContract(
  'sharepoint records + sqlite operational data, composed, on the Graph emulator',
  async () => (await sharePointSite({ pageSize: 7 })).store,
);

const action = (id: string, overrides: Partial<Action> = {}): Action => ({
  id,
  topicId: 'space',
  ownerId: 'alex-wilber',
  ownerName: 'Alex Wilber',
  text: `Action ${id}`,
  due: '2026-12-01',
  status: 'open',
  sourceMeetingId: 'isc-tf-31',
  createdAt: '2026-11-01T10:00:00.000Z',
  ...overrides,
});

describe('sharepoint store', () => {
  it('keeps one list item per record: typed columns, indexed query columns, the JSON, the item eTag as version', async () => {
    const { emulator, store } = await sharePointSite();
    try {
      const created = await store.actions.create(action('a1', { ownerId: null }));
      const [fields] = emulator.items('ISC Actions');
      expect(fields).toMatchObject({
        Title: 'Action a1',
        RecordId: 'a1',
        IscOwnerId: '(none)',
        IscStatus: 'open',
        OwnerName: 'Alex Wilber',
        Due: '2026-12-01T00:00:00Z',
      });
      expect(JSON.parse(String(fields?.RecordJson))).toEqual(action('a1', { ownerId: null }));
      expect(created.etag).toBe(fields?.['@odata.etag']);
    } finally {
      await store.close();
    }
  });

  it('queries only indexed columns, so every query works on a list past 5,000 items', async () => {
    const { emulator, store } = await sharePointSite();
    try {
      const list = emulator.list('ISC Actions');
      const queried = ['RecordId', 'IscTopicId', 'IscOwnerId', 'IscStatus', 'IscSourceMeetingId'];
      for (const name of queried) expect(list?.columns.find((c) => c.name === name)?.indexed).toBe(true);
      expect(list?.columns.find((c) => c.name === 'RecordId')?.enforceUniqueValues).toBe(true);
      // The emulator refuses a filter or sort on a column without an index (400): these pass.
      await store.actions.create(action('a1'));
      await store.actions.all({ where: { status: 'open', topicId: 'space' }, orderBy: 'sourceMeetingId' });
    } finally {
      await store.close();
    }
  });

  it('follows only page cursors that lead to list items of its own site', async () => {
    const { store } = await sharePointSite();
    try {
      const elsewhere = Buffer.from('/users/someone/messages?$top=5').toString('base64url');
      await expect(store.actions.list({ cursor: elsewhere })).rejects.toMatchObject({ code: 'request.invalid' });
      const otherSite = Buffer.from('/sites/other/lists/x/items?$top=5').toString('base64url');
      await expect(store.actions.list({ cursor: otherSite })).rejects.toMatchObject({ code: 'request.invalid' });
    } finally {
      await store.close();
    }
  });

  it('splits a record larger than a multi-line text column over several, and reads it back whole', async () => {
    const { emulator, store } = await sharePointSite();
    try {
      const long = 'x'.repeat(JSON_PIECE * 2);
      const created = await store.decisions.create({
        id: 'd1',
        meetingId: 'isc-tf-31',
        topicId: null,
        agendaItem: null,
        text: long,
        recordedAt: '2026-12-06T10:00:00.000Z',
      });
      const [fields] = emulator.items('ISC Decisions');
      expect(String(fields?.RecordJson3).length).toBeGreaterThan(0);
      expect((await store.decisions.get('d1'))?.text).toBe(long);
      // Shrinking clears the pieces no longer used.
      await store.decisions.update({ ...created, text: 'short' }, created.etag);
      expect(emulator.items('ISC Decisions')[0]?.RecordJson2).toBeUndefined();
      expect((await store.decisions.get('d1'))?.text).toBe('short');
    } finally {
      await store.close();
    }
  });

  it('refuses a record too large for its list item before writing anything', async () => {
    const { emulator, store } = await sharePointSite();
    try {
      const error = await store.audit
        .create({
          id: 'x1',
          at: '2026-12-06T10:00:00.000Z',
          actorId: 'alex-wilber',
          action: 'test',
          entity: 'topic',
          entityId: 'space',
          detail: 'y'.repeat(JSON_PIECE * 9),
        })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('request.invalid');
      expect(emulator.items('ISC Audit')).toEqual([]);
    } finally {
      await store.close();
    }
  });

  it('sees a write by another instance of the store in its version after the next poll', async () => {
    const emulator = new GraphEmulator();
    const graph = emulatedGraph(emulator);
    await provisionSite(graph, emulator.siteId);
    const reader = await openSharePointStore({ graph, siteId: emulator.siteId, changePollMs: 0 });
    const writer = await openSharePointStore({
      graph: emulatedGraph(emulator),
      siteId: emulator.siteId,
      changePollMs: 0,
    });
    try {
      const before = reader.version('actions');
      await writer.actions.create(action('a1'));
      expect(reader.version('actions')).toBe(before);
      await reader.refresh();
      expect(reader.version('actions')).not.toBe(before);
    } finally {
      await reader.close();
      await writer.close();
    }
  });

  it('looks for other writers in the background, so their write shows in the version without being asked', async () => {
    const emulator = new GraphEmulator();
    const graph = emulatedGraph(emulator);
    await provisionSite(graph, emulator.siteId);
    const reader = await openSharePointStore({ graph, siteId: emulator.siteId, changePollMs: 20 });
    const writer = await openSharePointStore({
      graph: emulatedGraph(emulator),
      siteId: emulator.siteId,
      changePollMs: 0,
    });
    try {
      const before = reader.version('actions');
      await writer.actions.create(action('a1'));
      while (reader.version('actions') === before) await new Promise((resolve) => setTimeout(resolve, 10));
      expect(reader.version('actions')).not.toBe(before);
    } finally {
      await reader.close();
      await writer.close();
    }
  });

  it('finds a record again after another instance deleted and re-created it', async () => {
    const emulator = new GraphEmulator();
    const graph = emulatedGraph(emulator);
    await provisionSite(graph, emulator.siteId);
    const first = await openSharePointStore({ graph, siteId: emulator.siteId, changePollMs: 0 });
    const second = await openSharePointStore({ graph, siteId: emulator.siteId, changePollMs: 0 });
    try {
      const a1 = await first.actions.create(action('a1'));
      await second.actions.delete('a1', a1.etag);
      const again = await second.actions.create(action('a1', { text: 'again' }));
      expect((await first.actions.get('a1'))?.text).toBe('again');
      await first.actions.update({ ...again, status: 'done' }, again.etag);
      expect((await second.actions.get('a1'))?.status).toBe('done');
    } finally {
      await first.close();
      await second.close();
    }
  });

  it('leaves the steps before a write that lost a race between check and apply, and a retried unit converges', async () => {
    const emulator = new GraphEmulator();
    const graph = emulatedGraph(emulator);
    await provisionSite(graph, emulator.siteId);
    const other = await openSharePointStore({
      graph: emulatedGraph(emulator),
      siteId: emulator.siteId,
      changePollMs: 0,
    });
    let race: (() => Promise<unknown>) | null = null;
    // The other writer's edit lands right after this store has checked the unit (its first batch).
    const racing: typeof graph = Object.assign(Object.create(graph) as typeof graph, {
      async batch(requests: Parameters<typeof graph.batch>[0]) {
        const answers = await graph.batch(requests);
        const run = race;
        race = null;
        await run?.();
        return answers;
      },
    });
    const store = await openSharePointStore({ graph: racing, siteId: emulator.siteId, changePollMs: 0 });
    try {
      const a1 = await store.actions.create(action('a1'));
      race = async () => other.actions.update({ ...a1, text: 'edited elsewhere' }, a1.etag);
      const unit = (current: typeof a1) => [
        write.ensure('actions', action('a2')),
        write.update('actions', { ...current, status: 'done' }),
      ];
      await expect(store.commit(unit(a1))).rejects.toMatchObject({ code: 'store.conflict' });
      expect(await store.actions.get('a2')).not.toBeNull();
      expect((await store.actions.get('a1'))?.status).toBe('open');

      await store.commit(unit((await store.actions.get('a1'))!));
      expect((await store.actions.all()).map((a) => a.id)).toEqual(['a1', 'a2']);
      expect(await store.actions.get('a1')).toMatchObject({ text: 'edited elsewhere', status: 'done' });
    } finally {
      await store.close();
      await other.close();
    }
  });

  it('keeps a unit of work that a retry completes: ensures find their records, the state change comes last', async () => {
    const { store } = await sharePointSite();
    try {
      const a1 = await store.actions.create(action('a1'));
      const unit = [
        write.ensure('decisions', {
          id: 'd1',
          meetingId: 'isc-tf-31',
          topicId: null,
          agendaItem: null,
          text: 'Decided',
          recordedAt: '2026-12-06T10:00:00.000Z',
        }),
        write.update('actions', { ...a1, status: 'done' }),
      ];
      // A first try that stopped after its first step (a crash): the decision is there, the action unchanged.
      await store.commit([unit[0]!]);
      await store.commit(unit);
      expect((await store.decisions.all()).map((d) => d.id)).toEqual(['d1']);
      expect((await store.actions.get('a1'))?.status).toBe('done');
    } finally {
      await store.close();
    }
  });
});
