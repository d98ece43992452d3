import os from 'node:os';
/**
 * The meeting calendar API on the embedded store without a Microsoft 365 calendar: schedule, move and cancel a
 * meeting, with each role, the notices and withdrawals they cause in the outbox, repeats and conflicts.
 */
import { CancelAnswer, RescheduleAnswer, Role, ScheduleAnswer, collectionWindow } from '../../teams-app/domain';
import type { RunningServer } from '../../teams-app/server/main';
import { openSqliteStore } from '../../teams-app/store/sqlite/sqlite-store';
import { seedDemoData } from '../../teams-app/store/demo/seed';
import type { Store } from '../../teams-app/store';
import { CYCLE_SEED, cycleServices, installApp } from '../support/cycle-services';
import { devApiCaller, personWithRole } from '../support/admin-api';
import { closeAll } from '../support/lifecycle';
import { startTestServer } from '../support/server';

/** Inside the collection window of isc-tf-32 (the demo meeting 12 days after the seed). */
const NOW = '2026-11-30T08:00:00.000Z';
const SECRETARIAT = 'megan-bowen';
/** The people who installed the app: the only ones the bot can reach with prompts and notices. */
const ASKED = ['alex-wilber', 'lynne-robbins'];

let server: RunningServer;
let store: Store;
let now = NOW;

beforeAll(async () => {
  store = openSqliteStore({ file: ':memory:' });
  await seedDemoData(store, Date.parse(CYCLE_SEED));
  for (const [index, role] of Role.options.entries()) await store.people.create(personWithRole(role, index));
  // Alex and Lynne talked to the bot: their prompts and notices can be delivered.
  await installApp(store, 'alex-wilber', CYCLE_SEED);
  await installApp(store, 'lynne-robbins', CYCLE_SEED);
  server = await startTestServer({ store, seed: false, now: () => now });
});
afterAll(async () => {
  await closeAll(server?.close());
});

const api = devApiCaller(() => server.url);

const ISCG_10 = {
  body: 'ISCG',
  number: 10,
  start: '2027-02-15T14:00',
  end: '2027-02-15T16:30',
  timeZone: 'Europe/Zurich',
  place: 'ITU headquarters, Geneva',
  online: true,
};

describe('who may keep the meeting calendar', () => {
  it.each([...Role.options.filter((role) => role !== 'secretariat'), 'unknown'])(
    'refuses %s to schedule, move or cancel a meeting',
    async (who) => {
      const user = who === 'unknown' ? 'nobody-in-the-register' : `only-${who}`;
      const refused = [
        await api('POST', '/meetings', { ...ISCG_10, number: 99 }, user),
        await api('PATCH', '/meetings/isc-tf-33', { place: 'Bern' }, user),
        await api('POST', '/meetings/isc-tf-33/cancel', {}, user),
      ];
      for (const res of refused) {
        expect(res.status).toBe(403);
        expect(res.body.error.code).toBe('auth.forbidden');
      }
      expect(await store.meetings.get('iscg-99')).toBeNull();
      expect((await store.meetings.get('isc-tf-33'))?.place).not.toBe('Bern');
      expect((await store.meetings.get('isc-tf-33'))?.state).toBe('scheduled');
    },
  );

  it('lets the secretariat schedule, move and cancel', async () => {
    const created = await api('POST', '/meetings', { ...ISCG_10, number: 98 }, 'only-secretariat');
    expect(created.status).toBe(201);
    const moved = await api(
      'PATCH',
      '/meetings/iscg-98',
      { start: '2027-02-16T14:00', end: '2027-02-16T16:00' },
      'only-secretariat',
    );
    expect(moved.status).toBe(200);
    const cancelled = await api('POST', '/meetings/iscg-98/cancel', {}, 'only-secretariat');
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.meeting.state).toBe('cancelled');
  });
});

describe('scheduling a meeting', () => {
  it('stores the meeting with its instants read in its time zone, audited, without a calendar event', async () => {
    const res = await api('POST', '/meetings', ISCG_10);
    expect(res.status).toBe(201);
    const answer = ScheduleAnswer.parse(res.body);
    expect(answer.outcome).toBe('created');
    expect(answer.meeting).toMatchObject({
      id: 'iscg-10',
      body: 'ISCG',
      number: 10,
      title: '10th meeting of the Inter-Sectoral Coordination Group',
      // Geneva is at UTC+1 in February.
      start: '2027-02-15T13:00:00.000Z',
      end: '2027-02-15T15:30:00.000Z',
      state: 'scheduled',
      calendarEvent: null,
      online: true,
    });
    expect(res.etag).toBe(`"${answer.meeting.etag}"`);
    expect(answer.meeting.collection.opensAt).toBe(collectionWindow(answer.meeting).opensAt);
    const audit = await store.audit.all({ where: { entityId: 'iscg-10' } });
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([['meeting.schedule', SECRETARIAT]]);
    expect(JSON.parse(audit[0]?.detail ?? '{}')).toMatchObject({ start: '2027-02-15T13:00:00.000Z' });
  });

  it('answers a repeated request with the meeting already scheduled, creating nothing', async () => {
    const again = await api('POST', '/meetings', ISCG_10);
    expect(again.status).toBe(200);
    expect(again.body.outcome).toBe('unchanged');
    expect((await store.meetings.all({ where: { body: 'ISCG' } })).filter((m) => m.number === 10)).toHaveLength(1);
    expect(await store.audit.all({ where: { entityId: 'iscg-10' } })).toHaveLength(1);
  });

  it('refuses another meeting under a number already scheduled', async () => {
    const clash = await api('POST', '/meetings', { ...ISCG_10, start: '2027-03-01T10:00', end: '2027-03-01T12:00' });
    expect(clash.status).toBe(409);
    expect(clash.body.error.code).toBe('store.already-exists');
    expect((await store.meetings.get('iscg-10'))?.start).toBe('2027-02-15T13:00:00.000Z');
  });

  it('refuses a meeting that ends before it starts, an unknown zone and unknown fields', async () => {
    for (const body of [
      { ...ISCG_10, number: 11, end: '2027-02-15T13:00' },
      { ...ISCG_10, number: 11, timeZone: 'Mars/Olympus_Mons' },
      { ...ISCG_10, number: 11, start: '2027-02-15 14:00' },
      { ...ISCG_10, number: 11, colour: 'blue' },
    ]) {
      const res = await api('POST', '/meetings', body);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('request.invalid');
    }
    expect(await store.meetings.get('iscg-11')).toBeNull();
  });

  it('keeps the chat identity of a Teams link given by hand', async () => {
    const joinUrl =
      'https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc123%40thread.v2/0?context=%7b%22Tid%22%3a%22t%22%7d';
    const res = await api('POST', '/meetings', { ...ISCG_10, number: 12, joinUrl });
    expect(res.body.meeting.teamsMeeting).toEqual({ chatThreadId: '19:meeting_abc123@thread.v2', meetingId: null });
  });
});

describe('moving a meeting whose collection is open', () => {
  beforeAll(async () => {
    const opened = await api('POST', '/meetings/isc-tf-32/collection/open');
    expect(opened.status).toBe(200);
    const prompts = await server.store.outbox.all({ where: { meetingId: 'isc-tf-32', kind: 'prompt' } });
    const pending = [...new Set(prompts.filter((p) => p.status === 'pending').map((p) => p.personId ?? ''))];
    expect(pending.sort()).toEqual(ASKED);
    // The first reminder (5 days before) is due: it is queued for the old window.
    now = '2026-12-02T08:30:00.000Z';
    await server.store.outbox.create({
      id: 'reminder:isc-tf-32:alex-wilber:0',
      kind: 'reminder',
      meetingId: 'isc-tf-32',
      personId: 'alex-wilber',
      topicId: null,
      conversationRefId: 'ref-alex-wilber',
      activity: { type: 'message', text: 'reminder' },
      replaceActivityId: null,
      status: 'pending',
      attempts: 0,
      notBefore: now,
      leaseUntil: null,
      lastError: null,
      sentActivityId: null,
      createdAt: now,
      sentAt: null,
    });
  });

  it('refuses a move made on an older version of the meeting', async () => {
    const res = await api('PATCH', '/meetings/isc-tf-32', { place: 'Bern' }, SECRETARIAT, { 'if-match': '"stale"' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('store.conflict');
    expect((await store.meetings.get('isc-tf-32'))?.place).not.toBe('Bern');
  });

  it('moves the window, withdraws the old reminders and tells everyone asked the new deadline', async () => {
    const before = await store.meetings.get('isc-tf-32');
    if (!before) throw new Error('isc-tf-32 missing');
    const res = await api(
      'PATCH',
      '/meetings/isc-tf-32',
      { start: '2026-12-13T09:30', end: '2026-12-13T12:30' },
      SECRETARIAT,
      { 'if-match': `"${before.etag}"` },
    );
    expect(res.status).toBe(200);
    const answer = RescheduleAnswer.parse(res.body);
    expect(answer.outcome).toBe('moved');
    expect(answer.meeting.start).toBe('2026-12-13T08:30:00.000Z');
    expect(answer.meeting.state).toBe('open');
    expect(answer.meeting.collection.closesAt).toBe('2026-12-12T16:00:00.000Z');
    expect(answer.told).toBe(2);

    const notices = await server.store.outbox.all({ where: { meetingId: 'isc-tf-32', kind: 'notice' } });
    expect(notices.map((n) => n.id).sort()).toEqual(
      ASKED.map((p) => `notice:isc-tf-32:${p}:meeting:moved@2026-12-13T08:30:00.000Z`),
    );
    expect(JSON.stringify(notices[0]?.activity)).toContain('has moved');
    expect((await server.store.outbox.get('reminder:isc-tf-32:alex-wilber:0'))?.status).toBe('withdrawn');
    // The prompts already asked stay: the people keep their cards and answer by the new deadline.
    const prompts = await server.store.outbox.all({ where: { meetingId: 'isc-tf-32', kind: 'prompt' } });
    expect(prompts.some((p) => p.status === 'withdrawn')).toBe(false);
    const audit = (await store.audit.all({ where: { entityId: 'isc-tf-32' } })).filter(
      (a) => a.action === 'meeting.reschedule',
    );
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]?.detail ?? '{}').start).toEqual([before.start, '2026-12-13T08:30:00.000Z']);
  });

  it('repeats nothing when the same move is sent again', async () => {
    const res = await api('PATCH', '/meetings/isc-tf-32', { start: '2026-12-13T09:30', end: '2026-12-13T12:30' });
    expect(res.body.outcome).toBe('unchanged');
    expect(res.body.told).toBe(0);
    expect(await server.store.outbox.all({ where: { meetingId: 'isc-tf-32', kind: 'notice' } })).toHaveLength(2);
    expect(
      (await store.audit.all({ where: { entityId: 'isc-tf-32' } })).filter((a) => a.action === 'meeting.reschedule'),
    ).toHaveLength(1);
  });

  it('sends the reminders of the new window under new keys', async () => {
    now = '2026-12-08T09:00:00.000Z';
    const { collection } = cycleServices(server.store, os.tmpdir(), () => now);
    const tick = await collection.tick();
    expect(tick.reminded).toBe(2);
    const reminder = await server.store.outbox.get('reminder:isc-tf-32:alex-wilber:0@2026-12-13T08:30:00.000Z');
    expect(reminder?.status).toBe('pending');
  });

  it('edits the place without telling anyone', async () => {
    const res = await api('PATCH', '/meetings/isc-tf-32', { place: 'Room C, Varembé' });
    expect(res.body.outcome).toBe('edited');
    expect(res.body.told).toBe(0);
    expect(res.body.meeting.place).toBe('Room C, Varembé');
  });
});

describe('cancelling a meeting', () => {
  it('withdraws what is still queued and tells the people asked, the chair and the secretariat', async () => {
    const res = await api('POST', '/meetings/isc-tf-32/cancel', { reason: 'Clash with Council' });
    expect(res.status).toBe(200);
    const answer = CancelAnswer.parse(res.body);
    expect(answer.outcome).toBe('cancelled');
    expect(answer.meeting.state).toBe('cancelled');
    expect(answer.meeting.cancelReason).toBe('Clash with Council');

    const rows = await server.store.outbox.all({ where: { meetingId: 'isc-tf-32' } });
    const prompts = rows.filter((r) => r.kind === 'prompt');
    expect(prompts.filter((p) => p.status === 'pending')).toEqual([]);
    expect(prompts.filter((p) => p.status === 'withdrawn').length).toBeGreaterThan(0);
    expect(answer.withdrawn).toBe(rows.filter((r) => r.status === 'withdrawn').length - 1);

    const told = rows.filter((r) => r.id.endsWith(':meeting:cancelled'));
    const people = told.map((r) => r.personId).sort();
    expect(people).toEqual(
      expect.arrayContaining(['alex-wilber', 'lynne-robbins', 'patti-fernandez', 'only-secretariat']),
    );
    expect(people).not.toContain(SECRETARIAT);
    // Those the bot can reach get it; the others are recorded as unreachable, not lost.
    expect(
      told
        .filter((r) => r.status === 'pending')
        .map((r) => r.personId)
        .sort(),
    ).toEqual(ASKED);
    expect(JSON.stringify(told.find((r) => r.personId === 'alex-wilber')?.activity)).toContain('Clash with Council');
    expect(
      (await store.audit.all({ where: { entityId: 'isc-tf-32' } })).filter((a) => a.action === 'meeting.cancel'),
    ).toHaveLength(1);
  });

  it('repeats nothing when cancelled again, and the cancelled meeting can no longer move', async () => {
    const before = await server.store.outbox.all({ where: { meetingId: 'isc-tf-32' } });
    const again = await api('POST', '/meetings/isc-tf-32/cancel', {});
    expect(again.body).toMatchObject({ outcome: 'unchanged', withdrawn: 0, told: 0 });
    expect(await server.store.outbox.all({ where: { meetingId: 'isc-tf-32' } })).toHaveLength(before.length);
    const move = await api('PATCH', '/meetings/isc-tf-32', { place: 'Bern' });
    expect(move.status).toBe(409);
    expect(move.body.error.code).toBe('meeting.invalid-transition');
  });

  it('no longer collects for a cancelled meeting', async () => {
    const open = await api('POST', '/meetings/isc-tf-32/collection/open');
    expect(open.status).toBe(409);
    expect(open.body.error.code).toBe('meeting.invalid-transition');
  });
});
