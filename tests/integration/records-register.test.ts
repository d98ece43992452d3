/**
 * The records across meetings: a topic's history in time order, the audit log by person, record and period, the
 * actions register (filters, owners closing with a note or a new date, staff reassigning), the bot's `done <number>`
 * in the owner's language, a closed action in the next agenda's follow-up item, and escalation outcomes.
 */
import {
  ActionPage,
  ActionView,
  AuditPage,
  DecisionPage,
  EscalationPage,
  EscalationView,
  TopicHistory,
  type Action,
} from '../../teams-app/domain';
import type { RunningServer } from '../../teams-app/server/main';
import { messageActivity, postActivity, AAD } from '../support/activities';
import { devApiCaller } from '../support/admin-api';
import { closeAll } from '../support/lifecycle';
import { startReplyCapture, type ReplyCapture } from '../support/reply-capture';
import { startTestServer } from '../support/server';

/** Inside the collection window of the demo's next ISC-TF meeting (isc-tf-32). */
const SEED = '2026-11-24T08:00:00.000Z';
let now = '2026-11-30T08:00:00.000Z';
let server: RunningServer;
let connector: ReplyCapture;

/** Moves the clock on a few minutes, so that each step has its own instant. */
function tick(minutes = 5): string {
  now = new Date(Date.parse(now) + minutes * 60_000).toISOString();
  return now;
}

const api = devApiCaller(() => server.url);

/** What the bot answers a person in the 1:1 chat, as one text. */
async function ask(text: string, aad: string, name: string): Promise<string> {
  connector.activities.length = 0;
  const res = await postActivity(server.url, messageActivity(connector.serviceUrl, text, { aad, name }));
  expect(res.status).toBeLessThan(300);
  return JSON.stringify((await connector.waitFor(1)).map((activity) => activity.body));
}

/** A third open action for Alex, due after the demo's two, so that `done 3` names it. */
const THIRD: Action = {
  id: 'isc-tf-31.a5',
  topicId: 'youth',
  ownerId: 'alex-wilber',
  ownerName: 'Alex Wilber',
  text: 'Collect youth summit nominations from the regional offices.',
  due: '2026-12-20',
  status: 'open',
  sourceMeetingId: 'isc-tf-31',
  createdAt: '2026-11-04T11:00:00.000Z',
};

beforeAll(async () => {
  server = await startTestServer({ now: () => now, seedAt: SEED });
  connector = await startReplyCapture();
  await server.store.actions.create(THIRD);
  await server.store.decisions.create({
    id: 'isc-tf-31.d1',
    meetingId: 'isc-tf-31',
    topicId: 'accessibility',
    agendaItem: 4,
    text: 'The accessibility toolkit is published jointly by the three Bureaux.',
    recordedAt: '2026-11-04T10:30:00.000Z',
  });
  await server.store.escalations.create({
    id: 'isc-tf-31.e1',
    meetingId: 'isc-tf-31',
    topicId: 'accessibility',
    sector: 'TSB',
    ask: 'Who funds the sign-language interpretation at regional events?',
    to: 'CoCo',
    status: 'open',
    raisedAt: '2026-11-04T10:45:00.000Z',
  });
});
afterAll(async () => {
  await closeAll(server?.close(), connector?.close());
});

describe('the actions register', () => {
  it('lists the actions of every meeting, with their topic, meeting, owner sector and overdue flag', async () => {
    const res = await api('GET', '/actions', undefined, 'alex-wilber');
    expect(res.status).toBe(200);
    expect(ActionPage.safeParse(res.body).success).toBe(true);
    expect(res.body.items.map((a: Action) => a.id)).toEqual([
      'isc-tf-31.a2',
      'isc-tf-31.a1',
      'isc-tf-31.a4',
      'isc-tf-31.a3',
      'isc-tf-31.a5',
    ]);
    const overdue = res.body.items.find((a: any) => a.id === 'isc-tf-31.a2');
    expect(overdue).toMatchObject({ overdue: true, sector: 'BDT', meeting: { id: 'isc-tf-31', number: 31 } });
  });

  it.each([
    ['owner', 'ownerId=alex-wilber', ['isc-tf-31.a2', 'isc-tf-31.a1', 'isc-tf-31.a5']],
    ['topic', 'topicId=space', ['isc-tf-31.a4']],
    ['sector of the owner', 'sector=TSB', ['isc-tf-31.a3']],
    ['overdue', 'overdue=true', ['isc-tf-31.a2', 'isc-tf-31.a1']],
    ['due period', 'dueFrom=2026-12-01&dueTo=2026-12-04', ['isc-tf-31.a4', 'isc-tf-31.a3']],
    ['text', 'q=COP', ['isc-tf-31.a3']],
    ['meeting', 'meetingId=isc-tf-32', []],
    ['resolution', `resolution=${encodeURIComponent('PP 175')}`, ['isc-tf-31.a1']],
  ])('filters by %s', async (_what, query, ids) => {
    const res = await api('GET', `/actions?${query}`);
    expect(res.body.items.map((a: Action) => a.id)).toEqual(ids);
  });

  it('pages a long list with a cursor', async () => {
    const first = await api('GET', '/actions?limit=2');
    expect(first.body).toMatchObject({ total: 5, nextCursor: '2' });
    const second = await api('GET', `/actions?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.items.map((a: Action) => a.id)).toEqual(['isc-tf-31.a4', 'isc-tf-31.a3']);
  });

  it('refuses a filter it does not know', async () => {
    const res = await api('GET', '/actions?colour=red');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('request.invalid');
  });

  it('lets the owner move the due date with a note, and refuses someone else', async () => {
    tick();
    const res = await api(
      'PATCH',
      '/actions/isc-tf-31.a2',
      { due: '2026-12-15', note: 'Waiting for the GS plan.' },
      'alex-wilber',
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ due: '2026-12-15', overdue: false, status: 'open' });
    expect(res.body.notes).toEqual([{ at: now, authorId: 'alex-wilber', text: 'Waiting for the GS plan.' }]);
    const other = await api('PATCH', '/actions/isc-tf-31.a2', { status: 'done' }, 'adele-vance');
    expect(other.status).toBe(403);
    expect(other.body.error.code).toBe('action.not-owner');
  });

  it('lets the owner close an action, recording when, with the audit entry before and after', async () => {
    tick();
    const read = (await api('GET', '/actions?ownerId=alex-wilber')).body.items.find(
      (a: any) => a.id === 'isc-tf-31.a1',
    );
    const res = await api(
      'PATCH',
      '/actions/isc-tf-31.a1',
      { status: 'done', note: 'Toolkit shared.', etag: read.etag },
      'alex-wilber',
    );
    expect(res.body).toMatchObject({ status: 'done', closedAt: now });
    const stale = await api('PATCH', '/actions/isc-tf-31.a1', { status: 'open', etag: read.etag }, 'alex-wilber');
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('store.conflict');
    const audit = await server.store.audit.all({ where: { entity: 'actions', entityId: 'isc-tf-31.a1' } });
    expect(audit).toEqual([
      expect.objectContaining({
        action: 'action.close',
        actorId: 'alex-wilber',
        at: now,
        before: expect.objectContaining({ status: 'open', closedAt: null }),
        after: expect.objectContaining({ status: 'done', closedAt: now }),
      }),
    ]);
  });

  it('lets staff reassign an action, and not its owner', async () => {
    const owner = await api('PATCH', '/actions/isc-tf-31.a4', { ownerId: 'lee-gu' }, 'isaiah-langer');
    expect(owner.status).toBe(403);
    expect(owner.body.error.code).toBe('auth.forbidden');
    tick();
    const staff = await api('PATCH', '/actions/isc-tf-31.a4', { ownerId: 'lee-gu' }, 'patti-fernandez');
    expect(staff.status).toBe(200);
    expect(staff.body).toMatchObject({ ownerId: 'lee-gu', ownerName: 'Lee Gu', sector: 'TSB' });
  });

  it('tells the new owner of a reassigned action, through the outbox, in their language', async () => {
    // Staff gave isc-tf-31.a4 to Lee Gu (who reads Chinese) just before.
    const notices = async () =>
      (await server.store.outbox.all({ where: { personId: 'lee-gu' } })).filter(
        (row) => row.kind === 'notice' && row.id.includes('isc-tf-31.a4'),
      );
    const told = await notices();
    expect(told).toHaveLength(1);
    const action = await server.store.actions.get('isc-tf-31.a4');
    expect(told[0]).toMatchObject({ meetingId: 'isc-tf-31', topicId: action?.topicId });
    const text = String(told[0]?.activity.text);
    expect(text).toContain('Patti Fernandez');
    expect(text).toContain(action?.text);
    expect(text).toMatch(/交给您/);
    // Only the new owner is told.
    const others = (await server.store.outbox.all()).filter(
      (row) => row.kind === 'notice' && row.id.includes('isc-tf-31.a4') && row.personId !== 'lee-gu',
    );
    expect(others).toEqual([]);
  });

  it('reads one action and one escalation again by id, as the tab does after a conflict', async () => {
    const read = await api('GET', '/actions/isc-tf-31.a1', undefined, 'alex-wilber');
    expect(read.status).toBe(200);
    expect(ActionView.parse(read.body)).toMatchObject({ id: 'isc-tf-31.a1', status: 'done', sector: 'BDT' });
    const listed = (await api('GET', '/actions?ownerId=alex-wilber&status=done')).body.items.find(
      (a: any) => a.id === 'isc-tf-31.a1',
    );
    expect(read.body).toEqual(listed);
    const missing = await api('GET', '/actions/no-such-action', undefined, 'alex-wilber', { 'accept-language': 'fr' });
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('action.not-found');
    const escalation = await api('GET', '/escalations/isc-tf-31.e1', undefined, 'alex-wilber');
    expect(escalation.status).toBe(200);
    expect(EscalationView.parse(escalation.body)).toMatchObject({ id: 'isc-tf-31.e1', topicId: 'accessibility' });
    expect((await api('GET', '/escalations/nope', undefined, 'alex-wilber')).status).toBe(404);
  });
});

describe('the bot closes the owner’s action by its number', () => {
  it('lists the open actions, numbered, when no number is given', async () => {
    const text = await ask('done', AAD.alex, 'Alex Wilber');
    expect(text).toContain('Your open actions');
    expect(text).toMatch(/1\W+Align BDT emergency telecom.*\(due 2026-12-15\).*2\W+Collect youth summit nominations/);
  });

  it('closes action 3… of the owner, here their second, and says which', async () => {
    const none = await ask('done 3', AAD.alex, 'Alex Wilber');
    expect(none).toContain('You have no open action number 3.');
    tick();
    const closed = await ask('done 2', AAD.alex, 'Alex Wilber');
    expect(closed).toContain('Action 2 is closed: Collect youth summit nominations');
    expect((await server.store.actions.get('isc-tf-31.a5'))?.status).toBe('done');
  });

  it('understands `done 3` after a third open action arrives, in any of the six languages', async () => {
    for (const [id, due] of [
      ['isc-tf-31.a6', '2026-12-21'],
      ['isc-tf-31.a7', '2026-12-22'],
    ] as const) {
      await server.store.actions.create({ ...THIRD, id, due, text: `Follow-up ${id}.` });
    }
    tick();
    const closed = await ask('done 3', AAD.alex, 'Alex Wilber');
    expect(closed).toContain('Action 3 is closed: Follow-up isc-tf-31.a7.');
    expect((await server.store.actions.get('isc-tf-31.a7'))?.status).toBe('done');
    // Adele reads French: "fait 1" closes her first open action.
    const adele = await ask('fait 1', AAD.adele, 'Adele Vance');
    expect(adele).toContain('L’action 1 est close'.replace('’', "'"));
    expect((await server.store.actions.get('isc-tf-31.a3'))?.status).toBe('done');
  });

  it('shows the closed action as done in the next agenda’s follow-up item', async () => {
    const compiled = await api('POST', '/meetings/isc-tf-32/agenda/compile', { confirm: true }, 'patti-fernandez');
    expect(compiled.status).toBe(201);
    const item = compiled.body.agenda.items.find((i: any) => i.kind === 'actions');
    const statuses = Object.fromEntries(item.actions.map((a: any) => [a.actionId, a.status]));
    expect(statuses).toMatchObject({
      'isc-tf-31.a1': 'done',
      'isc-tf-31.a3': 'done',
      'isc-tf-31.a5': 'done',
      'isc-tf-31.a2': 'open',
      'isc-tf-31.a6': 'open',
    });
  });
});

describe('decisions and escalations', () => {
  it('lists decisions with their meeting, item and wording, filtered', async () => {
    const res = await api('GET', '/decisions?sector=TSB&q=toolkit', undefined, 'miriam-graham');
    expect(DecisionPage.safeParse(res.body).success).toBe(true);
    expect(res.body.items).toEqual([
      expect.objectContaining({ id: 'isc-tf-31.d1', agendaItem: 4, meeting: expect.objectContaining({ number: 31 }) }),
    ]);
    expect((await api('GET', '/decisions?topicId=space')).body.items).toEqual([]);
  });

  it('lets staff record an escalation’s outcome, and keeps it', async () => {
    const member = await api(
      'PATCH',
      '/escalations/isc-tf-31.e1',
      { status: 'decided', outcome: 'BDT funds it.' },
      'alex-wilber',
    );
    expect(member.status).toBe(403);
    const undecided = await api('PATCH', '/escalations/isc-tf-31.e1', { status: 'decided' });
    expect(undecided.status).toBe(400);
    tick();
    const decided = await api('PATCH', '/escalations/isc-tf-31.e1', {
      status: 'decided',
      outcome: 'CoCo: BDT funds interpretation from its regional budget.',
    });
    expect(decided.status).toBe(200);
    expect(EscalationView.safeParse(decided.body).success).toBe(true);
    expect(decided.body).toMatchObject({ status: 'decided', outcomeAt: now });
    const listed = await api('GET', '/escalations?status=decided', undefined, 'alex-wilber');
    expect(EscalationPage.safeParse(listed.body).success).toBe(true);
    expect(listed.body.items.map((e: any) => e.outcome)).toEqual([
      'CoCo: BDT funds interpretation from its regional budget.',
    ]);
  });
});

describe('a topic’s history', () => {
  it('gives register changes, update revisions, decisions, actions and escalations in time order', async () => {
    const slot = { topicId: 'accessibility', sector: 'BDT' };
    tick();
    await api('POST', '/meetings/isc-tf-32/updates', { ...slot, progress: 'Toolkit drafted.' }, 'alex-wilber');
    tick();
    await api(
      'POST',
      '/meetings/isc-tf-32/updates',
      { ...slot, baseRevision: 1, progress: 'Toolkit published.' },
      'alex-wilber',
    );
    tick();
    const etag = (await api('GET', '/topics/accessibility')).body.etag;
    expect((await api('PATCH', '/topics/accessibility', { description: 'Res. 175 follow-up.', etag })).status).toBe(
      200,
    );

    const res = await api('GET', '/topics/accessibility/history', undefined, 'miriam-graham');
    expect(res.status).toBe(200);
    expect(TopicHistory.safeParse(res.body).success).toBe(true);
    const entries: any[] = res.body.entries;
    const times = entries.map((e) => Date.parse(e.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const summary = entries.map((e) =>
      e.kind === 'update'
        ? `update ${e.meetingId} ${e.sector} r${e.revision}`
        : e.kind === 'register'
          ? `register ${e.action}`
          : `${e.kind} ${e.event ?? e.decisionId}`,
    );
    expect(summary).toEqual([
      'update isc-tf-31 BDT r1',
      'update isc-tf-31 TSB r1',
      'decision isc-tf-31.d1',
      'escalation raised',
      'action raised',
      'action note',
      'action done',
      'escalation decided',
      'update isc-tf-32 BDT r1',
      'update isc-tf-32 BDT r2',
      'register topic.update',
    ]);
    expect(entries.at(-1)).toMatchObject({ personName: 'Megan Bowen', before: { description: '' } });
    expect(entries.find((e) => e.revision === 1 && e.meetingId === 'isc-tf-32')).toMatchObject({
      current: false,
      progress: 'Toolkit drafted.',
    });
  });

  it('answers 404 with a code for an unknown topic', async () => {
    const res = await api('GET', '/topics/no-such-topic/history');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('topic.not-found');
  });
});

describe('the audit log', () => {
  it('is for the secretariat only', async () => {
    const res = await api('GET', '/audit', undefined, 'patti-fernandez');
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('auth.forbidden');
  });

  it('filters by person, record and period, newest first, and pages with a cursor', async () => {
    const byAlex = await api('GET', '/audit?actorId=alex-wilber');
    expect(AuditPage.safeParse(byAlex.body).success).toBe(true);
    expect(byAlex.body.items.every((e: any) => e.actorId === 'alex-wilber' && e.actorName === 'Alex Wilber')).toBe(
      true,
    );
    const at = byAlex.body.items.map((e: any) => e.at);
    expect(at).toEqual([...at].sort().reverse());
    expect(byAlex.body.items.map((e: any) => e.action)).toEqual(
      expect.arrayContaining(['action.close', 'action.update', 'update.submit', 'update.revise']),
    );

    const record = await api('GET', '/audit?entity=actions&entityId=isc-tf-31.a4');
    expect(record.body.items.map((e: any) => [e.action, e.before.ownerId, e.after.ownerId])).toEqual([
      ['action.reassign', 'isaiah-langer', 'lee-gu'],
    ]);

    const all = (await api('GET', '/audit?limit=500')).body.items as any[];
    const middle = all[Math.floor(all.length / 2)].at as string;
    const period = await api('GET', `/audit?from=${encodeURIComponent(middle)}&limit=500`);
    expect(period.body.items.length).toBeGreaterThan(0);
    expect(period.body.items.every((e: any) => e.at >= middle)).toBe(true);
    expect(period.body.items.length).toBe(all.filter((e) => e.at >= middle).length);
    const day = await api('GET', '/audit?to=2026-11-29');
    expect(day.body.items).toEqual([]);

    const pages: string[] = [];
    let cursor: string | null = null;
    do {
      const page: any = await api('GET', `/audit?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      pages.push(...page.body.items.map((e: any) => e.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(pages).toEqual(all.map((e) => e.id));
  });
});
