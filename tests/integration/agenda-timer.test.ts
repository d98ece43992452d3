/**
 * The agenda timer's server side: the planned time and presenter of agenda items (validated, kept through edits,
 * readable on agendas stored before they existed), sub-items moved within their item, and the current item with
 * the time it became current, polled with its version as ETag.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Agenda, CurrentItemState } from '../../teams-app/domain';
import type { RunningServer } from '../../teams-app/server/main';
import { closeAll } from '../support/lifecycle';
import { startTestServer } from '../support/server';

const MEETING = 'isc-tf-32';
let now = '2026-11-30T08:00:00.000Z';
let server: RunningServer;
let dataDir: string;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'isc-agenda-timer-'));
  server = await startTestServer({ now: () => now, env: { DATA_DIR: dataDir }, seedAt: '2026-11-24T08:00:00.000Z' });
});
afterAll(async () => {
  await closeAll(server?.close());
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

async function api(method: string, url: string, body?: unknown, user = 'megan-bowen', headers = {}) {
  const res = await fetch(`${server.url}/api/v1${url}`, {
    method,
    headers: { 'content-type': 'application/json', 'x-dev-user': user, ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? (JSON.parse(text) as any) : null };
}

async function edit(edit: unknown) {
  const current = (await api('GET', `/meetings/${MEETING}/agenda`)).body;
  return api('PATCH', `/meetings/${MEETING}/agenda`, { expectedRevision: current.agenda.revision, edit });
}

const item = (body: any, id: string) => body.agenda.items.find((i: any) => i.id === id);

describe('planned time and presenter of agenda items', () => {
  beforeAll(async () => {
    await api('POST', `/meetings/${MEETING}/collection/open`);
    for (const [topicId, sector, user] of [
      ['accessibility', 'BDT', 'alex-wilber'],
      ['youth', 'BDT', 'alex-wilber'],
      ['accessibility', 'TSB', 'adele-vance'],
    ] as const) {
      const sent = await api(
        'POST',
        `/meetings/${MEETING}/updates`,
        { topicId, sector, progress: 'Work goes on.' },
        user,
      );
      expect(sent.status).toBe(201);
    }
    expect((await api('POST', `/meetings/${MEETING}/agenda/compile`, { confirm: true })).status).toBe(201);
  });

  it('reads a compiled agenda without planned times, as agendas stored before them are', async () => {
    const stored = (await api('GET', `/meetings/${MEETING}/agenda`)).body;
    const legacy = stored.agenda.items.map(({ plannedMinutes: _p, presenter: _s, ...rest }: any) => rest);
    expect(Agenda.safeParse({ ...stored.agenda, items: legacy }).success).toBe(true);
    expect(item(stored, 'opening').plannedMinutes ?? null).toBeNull();
  });

  it('sets, keeps and clears the planned minutes and the presenter of an item', async () => {
    const set = await edit({
      op: 'edit',
      itemId: 'escalations',
      patch: { plannedMinutes: 20, presenter: '  Patti Fernandez ' },
    });
    expect(set.status).toBe(200);
    expect(item(set.body, 'escalations')).toMatchObject({ plannedMinutes: 20, presenter: 'Patti Fernandez' });

    const retitled = await edit({ op: 'edit', itemId: 'escalations', patch: { note: 'Decide the lead sector.' } });
    expect(item(retitled.body, 'escalations')).toMatchObject({ plannedMinutes: 20, presenter: 'Patti Fernandez' });

    const cleared = await edit({ op: 'edit', itemId: 'escalations', patch: { plannedMinutes: null, presenter: '' } });
    expect(item(cleared.body, 'escalations')).toMatchObject({ plannedMinutes: null, presenter: null });
  });

  it.each([
    ['no minutes', { plannedMinutes: 0 }],
    ['more than a day of meeting', { plannedMinutes: 481 }],
    ['a fraction of a minute', { plannedMinutes: 2.5 }],
    ['minutes as text', { plannedMinutes: '10' }],
    ['a presenter name that is too long', { presenter: 'x'.repeat(201) }],
    ['an unknown field', { duration: 10 }],
  ])('refuses %s and leaves the agenda as it was', async (_name, patch) => {
    const before = (await api('GET', `/meetings/${MEETING}/agenda`)).body.agenda.revision;
    const res = await edit({ op: 'edit', itemId: 'opening', patch });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('request.invalid');
    expect((await api('GET', `/meetings/${MEETING}/agenda`)).body.agenda.revision).toBe(before);
  });

  it('adds an item with its planned time and presenter', async () => {
    const res = await edit({
      op: 'add',
      item: { title: 'Budget for joint events', plannedMinutes: 15, presenter: 'Megan Bowen' },
    });
    expect(res.status).toBe(200);
    expect(res.body.agenda.items.find((i: any) => i.title === 'Budget for joint events')).toMatchObject({
      kind: 'custom',
      plannedMinutes: 15,
      presenter: 'Megan Bowen',
    });
  });

  it('moves a sub-item within its item, and refuses one outside it', async () => {
    const before = item((await api('GET', `/meetings/${MEETING}/agenda`)).body, 'topic-updates');
    const topics = before.sections.map((s: any) => s.topicId);
    expect(topics.length).toBeGreaterThanOrEqual(2);
    const moved = await edit({ op: 'move-sub', itemId: 'topic-updates', from: 2, to: 1 });
    expect(moved.status).toBe(200);
    expect(item(moved.body, 'topic-updates').sections.map((s: any) => s.topicId)).toEqual([
      topics[1],
      topics[0],
      ...topics.slice(2),
    ]);
    expect((await edit({ op: 'move-sub', itemId: 'topic-updates', from: 1, to: 99 })).status).toBe(400);
    expect((await edit({ op: 'move-sub', itemId: 'opening', from: 1, to: 1 })).status).toBe(400);
  });
});

describe('the current item, polled', () => {
  const url = `/meetings/${MEETING}/current-item`;

  beforeAll(async () => {
    expect((await api('POST', `/meetings/${MEETING}/agenda/publish`)).status).toBe(200);
  });

  it('has no current item before the chair sets one', async () => {
    const res = await api('GET', url, undefined, 'alex-wilber');
    expect(res.status).toBe(200);
    expect(CurrentItemState.parse(res.body)).toMatchObject({ item: null, sub: null, since: null, serverTime: now });
  });

  it('tells since when an item is current, in server time, and keeps the time when the chair sets it again', async () => {
    now = '2026-12-07T09:05:00.000Z';
    expect((await api('POST', url, { item: 2 }, 'patti-fernandez')).status).toBe(200);
    now = '2026-12-07T09:12:30.000Z';
    const res = await api('GET', url, undefined, 'alex-wilber');
    expect(res.body).toMatchObject({ item: 2, sub: null, since: '2026-12-07T09:05:00.000Z', serverTime: now });

    expect((await api('POST', url, { item: 2 }, 'patti-fernandez')).status).toBe(200);
    expect((await api('GET', url)).body.since).toBe('2026-12-07T09:05:00.000Z');
  });

  it('answers 304 to a poller that already has the position, and the new position once it moves', async () => {
    const first = await api('GET', url);
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toBe(`W/"${first.body.version}"`);
    expect(first.headers.get('cache-control')).toBe('no-store');

    now = '2026-12-07T09:14:00.000Z';
    const unchanged = await api('GET', url, undefined, 'alex-wilber', { 'if-none-match': etag });
    expect(unchanged.status).toBe(304);
    expect(unchanged.body).toBeNull();

    expect((await api('POST', url, { item: 4, sub: 1 }, 'patti-fernandez')).status).toBe(200);
    const moved = await api('GET', url, undefined, 'alex-wilber', { 'if-none-match': etag });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ item: 4, sub: 1, since: '2026-12-07T09:14:00.000Z' });
    expect(moved.headers.get('etag')).not.toBe(etag);
  });

  it('refuses a pointer past the end of the agenda and keeps the current item', async () => {
    const res = await api('POST', url, { item: 60 }, 'patti-fernandez');
    expect(res.status).toBe(400);
    expect((await api('GET', url)).body).toMatchObject({ item: 4, sub: 1 });
  });
});

describe('decisions and actions added by hand in the minutes review', () => {
  const minutes = `/meetings/${MEETING}/minutes`;
  const editMinutes = async (edit: unknown) => {
    const current = (await api('GET', minutes)).body;
    return api('PATCH', minutes, { expectedRevision: current.minutes.revision, edit }, 'patti-fernandez');
  };
  const itemOf = (body: any, number: number) => body.minutes.items.find((i: any) => i.number === number);

  beforeAll(async () => {
    now = '2026-12-07T10:30:00.000Z';
    expect((await api('POST', `${minutes}/compile`, undefined, 'patti-fernandez')).status).toBe(201);
  });

  it('adds a decision under an item, written by the reviewer', async () => {
    const res = await editMinutes({ op: 'add-decision', entry: { item: 2, text: 'BDT leads the 2027 event.' } });
    expect(res.status).toBe(200);
    expect(itemOf(res.body, 2).decisions).toEqual([
      expect.objectContaining({
        id: 'manual-1',
        text: 'BDT leads the 2027 event.',
        topicId: null,
        by: { id: 'patti-fernandez', name: 'Patti Fernandez' },
        problems: [],
      }),
    ]);
  });

  it.each([
    ['an item the minutes do not have', { op: 'add-decision', entry: { item: 99, text: 'Noted.' } }],
    ['a sub-item the item does not have', { op: 'add-decision', entry: { item: 1, sub: 3, text: 'Noted.' } }],
    ['an empty text', { op: 'add-action', entry: { item: 1, text: '  ' } }],
    ['an impossible due date', { op: 'add-action', entry: { item: 1, text: 'Do it', due: '2027-02-30' } }],
  ])('refuses %s', async (_name, edit) => {
    const current = (await api('GET', minutes)).body;
    const res = await api('PATCH', minutes, { expectedRevision: current.minutes.revision, edit }, 'patti-fernandez');
    expect(res.status).toBe(400);
  });

  it('adds an action under a sub-item with its owner and due date, and records it on approval', async () => {
    const item = (await api('GET', minutes)).body.minutes.items.find((i: any) => i.subItems.length > 0);
    const res = await editMinutes({
      op: 'add-action',
      entry: {
        item: item.number,
        sub: 1,
        text: 'Circulate the toolkit',
        ownerName: 'Alex Wilber',
        ownerId: 'alex-wilber',
        due: '2027-01-15',
      },
    });
    expect(res.status).toBe(200);
    expect(itemOf(res.body, item.number).actions).toEqual([
      expect.objectContaining({ id: 'manual-2', topicId: item.subItems[0], ownerId: 'alex-wilber', due: '2027-01-15' }),
    ]);
    const approved = await api('POST', `${minutes}/approve`, { confirm: true }, 'patti-fernandez');
    expect(approved.status).toBe(200);
    const recorded = await server.store.actions.all({ where: { sourceMeetingId: MEETING } });
    expect(recorded).toEqual([
      expect.objectContaining({ text: 'Circulate the toolkit', ownerId: 'alex-wilber', due: '2027-01-15' }),
    ]);
  });
});
