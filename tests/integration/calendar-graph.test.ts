/**
 * The meeting calendar, out-of-office and attendance on Microsoft 365, against the Graph emulator: events with
 * Teams meetings in the group calendar, changes made in Outlook followed by delta, automatic replies read in
 * `$batch`, attendance reports matched to the register.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { scheduleMessages } from '../../bot/schedule-messages';
import { AppError, compileAttendance, bodyMembers, type Person } from '../../teams-app/domain';
import { graphAttendance } from '../../teams-app/graph/attendance';
import { fileDeltaPosition, memoryDeltaPosition } from '../../teams-app/graph/delta-position';
import { graphCalendar, type CalendarOwner } from '../../teams-app/graph/calendar';
import { graphOutOfOffice } from '../../teams-app/graph/out-of-office';
import { createGraphApi, staticTokenAuth, type GraphApi } from '../../teams-app/graph';
import { loadConfig } from '../../teams-app/server/config';
import { createLogger } from '../../teams-app/server/logger';
import { startServer } from '../../teams-app/server/main';
import { provisionSite } from '../../teams-app/store/sharepoint';
import { ScheduleService, type ScheduleDeps } from '../../teams-app/services';
import { Outbox } from '../../teams-app/services/outbox';
import { seedDemoData } from '../../teams-app/store/demo/seed';
import { openSqliteStore } from '../../teams-app/store/sqlite/sqlite-store';
import type { Store } from '../../teams-app/store';
import { CYCLE_SEED, cycleServices, installApp } from '../support/cycle-services';
import { GraphEmulator } from '../support/graph-emulator';
import { deltaRequestsSince } from '../support/graph-emulator/testing';
import { emulatedGraph } from '../support/sharepoint';
import { scriptedGraph } from '../unit/graph/scripted-graph';
import { closeAll } from '../support/lifecycle';
import { startTestServer } from '../support/server';
import type { RunningServer } from '../../teams-app/server/main';

const SECRETARIAT = { personId: 'megan-bowen', roles: ['secretariat'] as const };
const ORGANIZER = 'isc.coordinator@contoso.onmicrosoft.com';
const GROUP_MAIL = 'isc-tf@contoso.com';

/**
 * The two calendars a meeting can live in: the organiser's mailbox inviting the group (the production path: Graph
 * writes group events with delegated permissions only, so its emulator refuses them here as Graph does), and the
 * group's own calendar (delegated access).
 */
type CalendarKind = 'organizer' | 'group';
function ownerOf(kind: CalendarKind, emulator: GraphEmulator): CalendarOwner {
  return kind === 'group'
    ? { group: emulator.groupId }
    : { organizer: emulator.organizer.userPrincipalName, inviteGroup: GROUP_MAIL };
}

/** A clock the tests move. */
function clock(start: string) {
  let now = start;
  return { now: () => now, set: (iso: string) => void (now = iso) };
}

interface Setup {
  emulator: GraphEmulator;
  /** The events of the calendar under test. */
  events: () => any[];
  graph: GraphApi;
  store: Store;
  schedule: ScheduleService;
  time: ReturnType<typeof clock>;
  warnings: string[];
}

async function setup(kind: CalendarKind = 'group'): Promise<Setup> {
  const emulator = new GraphEmulator({ pageSize: 2, refuseAppOnlyGroupCalendar: kind === 'organizer' });
  const graph = emulatedGraph(emulator);
  const store = openSqliteStore({ file: ':memory:' });
  await seedDemoData(store, Date.parse(CYCLE_SEED));
  const time = clock('2026-11-25T08:00:00.000Z');
  const warnings: string[] = [];
  const deps: ScheduleDeps = {
    store,
    outbox: new Outbox(store, { now: () => Date.parse(time.now()) }),
    messages: scheduleMessages,
    calendar: graphCalendar(graph, { owner: ownerOf(kind, emulator), now: () => Date.parse(time.now()) }),
    now: time.now,
    log: { warn: (_detail, message) => void warnings.push(message) },
  };
  const events = () => emulator.events(kind);
  return { emulator, events, graph, store, schedule: new ScheduleService(deps), time, warnings };
}

const ISC_TF_35 = {
  body: 'ISC-TF' as const,
  number: 35,
  title: '',
  start: '2026-12-10T09:30',
  end: '2026-12-10T12:00',
  timeZone: 'Europe/Zurich',
  place: 'ITU headquarters, Geneva',
  online: true,
  joinUrl: null,
  chairId: 'patti-fernandez',
  window: { openDaysBefore: 10, reminderDaysBefore: [5, 2], closeDaysBefore: 1, closeLocalTime: '17:00' },
};

describe.each([
  ["the organiser's calendar inviting the group (app-only access, the default)", 'organizer'],
  ['the group calendar (delegated access)', 'group'],
] as const)('%s on Microsoft Graph', (_name, kind) => {
  let s: Setup;
  beforeEach(async () => {
    s = await setup(kind);
  });
  afterEach(async () => {
    await s.store.close();
  });

  it('creates the event with its Teams meeting and keeps its id, join link and chat thread', async () => {
    const { meeting, outcome } = await s.schedule.schedule(SECRETARIAT, ISC_TF_35);
    expect(outcome).toBe('created');
    const events = s.events();
    expect(events).toHaveLength(1);
    const event = events[0] as any;
    expect(event.subject).toBe('35th meeting of the Inter-Sectoral Coordination Task Force');
    expect(event.start).toEqual({ dateTime: '2026-12-10T08:30:00.0000000', timeZone: 'UTC' });
    expect(event.location.displayName).toBe('ITU headquarters, Geneva');
    expect(meeting.calendarEvent).toEqual({ eventId: event.id });
    expect(meeting.joinUrl).toBe(event.onlineMeeting.joinUrl);
    expect(meeting.teamsMeeting?.chatThreadId).toMatch(/^19:meeting_[^@]+@thread\.v2$/);
  });

  it('creates no second event when the same meeting is scheduled again', async () => {
    await s.schedule.schedule(SECRETARIAT, ISC_TF_35);
    const again = await s.schedule.schedule(SECRETARIAT, ISC_TF_35);
    expect(again.outcome).toBe('unchanged');
    expect(s.events()).toHaveLength(1);
  });

  it('creates an event without a Teams meeting for a meeting held in a room only', async () => {
    const { meeting } = await s.schedule.schedule(SECRETARIAT, { ...ISC_TF_35, online: false });
    expect(meeting.joinUrl).toBeNull();
    expect((s.events()[0] as any).isOnlineMeeting).toBe(false);
  });

  it('gives a meeting made online its Teams meeting, and keeps the link', async () => {
    await s.schedule.schedule(SECRETARIAT, { ...ISC_TF_35, online: false });
    const { meeting } = await s.schedule.reschedule(SECRETARIAT, 'isc-tf-35', { online: true });
    const [event] = s.events() as any[];
    expect(meeting.joinUrl).toBe(event.onlineMeeting.joinUrl);
    expect(meeting.teamsMeeting?.chatThreadId).toMatch(/^19:meeting_/);
  });

  it('moves and then cancels the event with the meeting', async () => {
    await s.schedule.schedule(SECRETARIAT, ISC_TF_35);
    await s.schedule.reschedule(SECRETARIAT, 'isc-tf-35', { start: '2026-12-11T14:00', end: '2026-12-11T16:00' });
    expect((s.events()[0] as any).start.dateTime).toBe('2026-12-11T13:00:00.0000000');
    await s.schedule.cancel(SECRETARIAT, 'isc-tf-35', { reason: '' });
    expect(s.events()).toEqual([]);
    expect((await s.store.meetings.get('isc-tf-35'))?.state).toBe('cancelled');
  });

  it('follows an event moved in Outlook: the window moves and the people asked are told', async () => {
    const { meeting } = await s.schedule.schedule(SECRETARIAT, ISC_TF_35);
    // The first pass reads the calendar whole: the meeting's own event changes nothing.
    expect(await s.schedule.syncCalendar()).toEqual({ moved: [], cancelled: [], told: 0 });
    await installApp(s.store, 'alex-wilber', CYCLE_SEED);
    s.time.set('2026-12-01T08:00:00.000Z');
    const { collection } = cycleServices(s.store, os.tmpdir(), s.time.now);
    await collection.open('isc-tf-35', SECRETARIAT);

    s.emulator.moveEvent(meeting.calendarEvent?.eventId ?? '', '2026-12-15T08:30:00Z', '2026-12-15T11:00:00Z');
    const sync = await s.schedule.syncCalendar();
    expect(sync.moved).toEqual(['isc-tf-35']);
    expect(sync.told).toBe(1);
    const moved = await s.store.meetings.get('isc-tf-35');
    expect(moved).toMatchObject({ start: '2026-12-15T08:30:00.000Z', end: '2026-12-15T11:00:00.000Z', state: 'open' });
    const notice = await s.store.outbox.get('notice:isc-tf-35:alex-wilber:meeting:moved@2026-12-15T08:30:00.000Z');
    expect(notice?.status).toBe('pending');
    const audit = (await s.store.audit.all({ where: { entityId: 'isc-tf-35' } })).map((a) => [a.action, a.actorId]);
    expect(audit).toContainEqual(['meeting.reschedule', 'calendar']);
    // Nothing new on the next pass.
    expect(await s.schedule.syncCalendar()).toEqual({ moved: [], cancelled: [], told: 0 });
  });

  it('follows an event cancelled in Outlook: the cycle is cancelled and its prompts withdrawn', async () => {
    const { meeting } = await s.schedule.schedule(SECRETARIAT, ISC_TF_35);
    await s.schedule.syncCalendar();
    await installApp(s.store, 'alex-wilber', CYCLE_SEED);
    s.time.set('2026-12-01T08:00:00.000Z');
    const { collection } = cycleServices(s.store, os.tmpdir(), s.time.now);
    await collection.open('isc-tf-35', SECRETARIAT);

    s.emulator.cancelEvent(meeting.calendarEvent?.eventId ?? '');
    const sync = await s.schedule.syncCalendar();
    expect(sync.cancelled).toEqual(['isc-tf-35']);
    expect((await s.store.meetings.get('isc-tf-35'))?.state).toBe('cancelled');
    const prompts = await s.store.outbox.all({ where: { meetingId: 'isc-tf-35', kind: 'prompt' } });
    expect(prompts.filter((p) => p.status === 'pending')).toEqual([]);
    const alex = await s.store.outbox.get('notice:isc-tf-35:alex-wilber:meeting:cancelled');
    expect(alex?.status).toBe('pending');
  });

  it('starts the delta over when its token expired (410), applying nothing twice', async () => {
    const { meeting } = await s.schedule.schedule(SECRETARIAT, ISC_TF_35);
    await s.schedule.syncCalendar();
    s.emulator.moveEvent(meeting.calendarEvent?.eventId ?? '', '2026-12-15T08:30:00Z', '2026-12-15T11:00:00Z');
    s.emulator.expireDeltaTokens();
    expect((await s.schedule.syncCalendar()).moved).toEqual(['isc-tf-35']);
    s.emulator.expireDeltaTokens();
    expect(await s.schedule.syncCalendar()).toEqual({ moved: [], cancelled: [], told: 0 });
  });

  it('creates no second event when scheduling is retried after the store failed', async () => {
    let failures = 1;
    const flaky: Store = new Proxy(s.store, {
      get(target, key, receiver) {
        if (key === 'commit' && failures > 0) {
          return async () => {
            failures -= 1;
            throw new AppError('store.unavailable', 'The store is down for a moment.');
          };
        }
        return Reflect.get(target, key, receiver);
      },
    });
    const schedule = new ScheduleService({
      store: flaky,
      outbox: new Outbox(s.store),
      messages: scheduleMessages,
      calendar: graphCalendar(s.graph, { owner: ownerOf(kind, s.emulator) }),
      now: s.time.now,
    });
    await expect(schedule.schedule(SECRETARIAT, ISC_TF_35)).rejects.toMatchObject({ code: 'store.unavailable' });
    const retried = await schedule.schedule(SECRETARIAT, ISC_TF_35);
    expect(retried.outcome).toBe('created');
    expect(s.events().map((e) => e.id)).toEqual([retried.meeting.calendarEvent?.eventId]);
  });

  it('refuses to schedule when the calendar cannot be reached, storing nothing', async () => {
    const nowhere: CalendarOwner =
      kind === 'group' ? { group: 'no-such-group' } : { organizer: 'nobody@contoso.com', inviteGroup: GROUP_MAIL };
    const broken: ScheduleDeps['calendar'] = graphCalendar(s.graph, { owner: nowhere });
    const schedule = new ScheduleService({
      store: s.store,
      outbox: new Outbox(s.store),
      messages: scheduleMessages,
      calendar: broken,
      now: s.time.now,
    });
    await expect(schedule.schedule(SECRETARIAT, ISC_TF_35)).rejects.toMatchObject({ code: 'calendar.unavailable' });
    expect(await s.store.meetings.get('isc-tf-35')).toBeNull();
  });
});

describe("the organiser's calendar on the emulator that refuses app-only group calendar writes", () => {
  it('invites the group to the event in the organiser mailbox, and writes nothing to the group calendar', async () => {
    const s = await setup('organizer');
    try {
      await s.schedule.schedule(SECRETARIAT, ISC_TF_35);
      const [event] = s.events();
      expect(event.attendees).toEqual([
        expect.objectContaining({ type: 'required', emailAddress: expect.objectContaining({ address: GROUP_MAIL }) }),
      ]);
      expect(event.isOnlineMeeting).toBe(true);
      expect(s.emulator.events('group')).toEqual([]);
      const delta = s.emulator.requests().filter((r) => r.url.includes('/calendarView/delta'));
      expect(delta).toEqual([]);
      await s.schedule.syncCalendar();
      const paths = s.emulator.requests().map((r) => `${r.method} ${r.url.split('?')[0]}`);
      const user = `/users/${encodeURIComponent(ORGANIZER)}`;
      expect(paths).toEqual(expect.arrayContaining([`POST ${user}/events`, `GET ${user}/calendarView/delta`]));
      expect(paths.filter((p) => p.includes('/groups/'))).toEqual([]);
    } finally {
      await s.store.close();
    }
  });

  it('refuses the group calendar with calendar.unavailable saying to configure the organiser, storing nothing', async () => {
    const s = await setup('organizer');
    try {
      const schedule = new ScheduleService({
        store: s.store,
        outbox: new Outbox(s.store),
        messages: scheduleMessages,
        calendar: graphCalendar(s.graph, { owner: { group: s.emulator.groupId } }),
        now: s.time.now,
      });
      const refused = schedule.schedule(SECRETARIAT, ISC_TF_35);
      await expect(refused).rejects.toMatchObject({
        code: 'calendar.unavailable',
        details: expect.objectContaining({ graphStatus: 403, configure: 'CALENDAR_ORGANIZER, CALENDAR_GROUP_MAIL' }),
      });
      await expect(refused).rejects.toThrow(/delegated permissions only.*CALENDAR_ORGANIZER.*CALENDAR_GROUP_MAIL/s);
      expect(await s.store.meetings.get('isc-tf-35')).toBeNull();
      expect(s.emulator.events('group')).toEqual([]);
    } finally {
      await s.store.close();
    }
  });
});

describe('the calendar delta position, kept across restarts', () => {
  it('resumes after a restart where it left, without reading the calendar whole, and sees what was deleted meanwhile', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'isc-calendar-'));
    const emulator = new GraphEmulator({ pageSize: 2, refuseAppOnlyGroupCalendar: true });
    const store = openSqliteStore({ file: ':memory:' });
    const now = () => '2026-11-25T08:00:00.000Z';
    /** The scheduling service as the server composes it at start: a new Graph layer, the position in the data folder. */
    const start = () =>
      new ScheduleService({
        store,
        outbox: new Outbox(store, { now: () => Date.parse(now()) }),
        messages: scheduleMessages,
        calendar: graphCalendar(emulatedGraph(emulator), {
          owner: ownerOf('organizer', emulator),
          now: () => Date.parse(now()),
          position: fileDeltaPosition(path.join(dataDir, 'calendar-delta.json'), 'emulator organizer'),
        }),
        now,
      });
    const deltaRequests = (from: number) => deltaRequestsSince(emulator, from);
    try {
      await seedDemoData(store, Date.parse(CYCLE_SEED));
      let schedule = start();
      await schedule.schedule(SECRETARIAT, ISC_TF_35);
      const { meeting: later } = await schedule.schedule(SECRETARIAT, {
        ...ISC_TF_35,
        number: 36,
        start: '2027-01-20T09:30',
        end: '2027-01-20T12:00',
      });
      await schedule.syncCalendar();
      expect(deltaRequests(0)[0]?.url).toMatch(/startDateTime=/);

      // The server stops; meanwhile the organiser deletes the January meeting in Outlook; the server starts again.
      emulator.cancelEvent(later.calendarEvent?.eventId ?? '');
      schedule = start();
      const before = emulator.requests().length;
      const sync = await schedule.syncCalendar();

      expect(sync).toEqual({ moved: [], cancelled: ['isc-tf-36'], told: 0 });
      const resumed = deltaRequests(before);
      expect(resumed.length).toBeGreaterThan(0);
      expect(resumed.map((r) => /(\$|%24)(delta|skip)token=/.test(r.url))).toEqual(resumed.map(() => true));
      expect(resumed.filter((r) => r.url.includes('startDateTime'))).toEqual([]);
      expect((await store.meetings.get('isc-tf-35'))?.state).not.toBe('cancelled');
      // And again from the position saved by that pass: nothing new.
      expect(await start().syncCalendar()).toEqual({ moved: [], cancelled: [], told: 0 });
    } finally {
      await store.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('takes an event moved out of the window for a move, and opens the window again once it has aged', async () => {
    const s = await setup('organizer');
    try {
      const position = memoryDeltaPosition();
      const schedule = new ScheduleService({
        store: s.store,
        outbox: new Outbox(s.store),
        messages: scheduleMessages,
        calendar: graphCalendar(s.graph, {
          owner: ownerOf('organizer', s.emulator),
          now: () => Date.parse(s.time.now()),
          daysAhead: 30,
          renewAfterDays: 10,
          position,
        }),
        now: s.time.now,
      });
      const { meeting } = await schedule.schedule(SECRETARIAT, ISC_TF_35);
      await schedule.syncCalendar();
      const opened = (await position.load())?.openedAt;
      expect(opened).toBe('2026-11-25T08:00:00.000Z');

      // Moved beyond the 30 days the view covers: the delta says "removed", the event is still there.
      s.emulator.moveEvent(meeting.calendarEvent?.eventId ?? '', '2027-01-20T08:30:00Z', '2027-01-20T11:00:00Z');
      expect(await schedule.syncCalendar()).toMatchObject({ moved: ['isc-tf-35'], cancelled: [] });
      expect(await s.store.meetings.get('isc-tf-35')).toMatchObject({
        state: 'scheduled',
        start: '2027-01-20T08:30:00.000Z',
      });

      s.time.set('2026-12-07T08:00:00.000Z');
      const before = s.emulator.requests().length;
      await schedule.syncCalendar();
      const fresh = s.emulator
        .requests()
        .slice(before)
        .filter((r) => /calendarView\/delta\?startDateTime=2026-12-06/.test(r.url));
      expect(fresh).not.toEqual([]);
      expect((await position.load())?.openedAt).toBe('2026-12-07T08:00:00.000Z');
    } finally {
      await s.store.close();
    }
  });

  it('reads the changes of a pass again when the pass failed before they were applied', async () => {
    const s = await setup('organizer');
    try {
      const { meeting } = await s.schedule.schedule(SECRETARIAT, ISC_TF_35);
      await s.schedule.syncCalendar();
      s.emulator.moveEvent(meeting.calendarEvent?.eventId ?? '', '2026-12-15T08:30:00Z', '2026-12-15T11:00:00Z');
      // A store that fails outright (not an app error) stops the pass before its changes are applied.
      const failing: Store = new Proxy(s.store, {
        get(target, key, receiver) {
          if (key === 'meetings') throw new Error('connection lost');
          return Reflect.get(target, key, receiver);
        },
      });
      const calendar = graphCalendar(s.graph, { owner: ownerOf('organizer', s.emulator) });
      const deps: ScheduleDeps = {
        store: failing,
        outbox: new Outbox(s.store),
        messages: scheduleMessages,
        calendar,
        now: s.time.now,
      };
      await calendar.changes();
      await calendar.applied();
      s.emulator.moveEvent(meeting.calendarEvent?.eventId ?? '', '2026-12-16T08:30:00Z', '2026-12-16T11:00:00Z');
      await expect(new ScheduleService(deps).syncCalendar()).rejects.toThrow('connection lost');
      const again = await new ScheduleService({ ...deps, store: s.store }).syncCalendar();
      expect(again.moved).toEqual(['isc-tf-35']);
      expect((await s.store.meetings.get('isc-tf-35'))?.start).toBe('2026-12-16T08:30:00.000Z');
    } finally {
      await s.store.close();
    }
  });
});

describe("the organiser's calendar, inviting the group (app-only access)", () => {
  it("creates, moves, cancels and follows the meetings in the organiser's mailbox, with the group invited", async () => {
    const { graph, script } = scriptedGraph();
    const calendar = graphCalendar(graph, {
      owner: { organizer: ORGANIZER, inviteGroup: 'isc-tf@contoso.com' },
      now: () => Date.parse('2026-12-01T00:00:00Z'),
    });
    const joinUrl = 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_org1%40thread.v2/0';
    script.reply(
      { status: 201, body: { id: 'ev-1', onlineMeeting: { joinUrl } } },
      { body: { id: 'ev-1' } },
      { status: 204 },
      {
        body: {
          value: [
            {
              id: 'ev-2',
              start: { dateTime: '2026-12-20T08:00:00.0000000', timeZone: 'UTC' },
              end: { dateTime: '2026-12-20T10:00:00.0000000', timeZone: 'UTC' },
            },
          ],
          '@odata.deltaLink': 'https://graph.microsoft.com/v1.0/users/x/calendarView/delta?$deltatoken=t1',
        },
      },
    );
    const store = openSqliteStore({ file: ':memory:' });
    try {
      await seedDemoData(store, Date.parse(CYCLE_SEED));
      const stored = await store.meetings.get('isc-tf-33');
      if (!stored) throw new Error('demo meeting isc-tf-33 missing');
      const meeting = { ...stored, calendarEvent: { eventId: 'ev-1' } };
      expect(await calendar.create(meeting)).toEqual({
        eventId: 'ev-1',
        joinUrl,
        chatThreadId: '19:meeting_org1@thread.v2',
      });
      await calendar.update(meeting);
      await calendar.cancel(meeting, '');
      expect(await calendar.changes()).toEqual([
        { eventId: 'ev-2', cancelled: false, start: '2026-12-20T08:00:00.000Z', end: '2026-12-20T10:00:00.000Z' },
      ]);
    } finally {
      await store.close();
    }
    const user = `/users/${encodeURIComponent(ORGANIZER)}`;
    expect(script.seen.map((r) => `${r.method} ${new URL(r.url).pathname.replace('/v1.0', '')}`)).toEqual([
      `POST ${user}/events`,
      `PATCH ${user}/events/ev-1`,
      `DELETE ${user}/events/ev-1`,
      `GET ${user}/calendarView/delta`,
    ]);
    expect(script.seen[0]?.body).toMatchObject({
      attendees: [{ type: 'required', emailAddress: { address: 'isc-tf@contoso.com' } }],
      isOnlineMeeting: true,
      onlineMeetingProvider: 'teamsForBusiness',
    });
  });
});

describe('out-of-office from the mailboxes', () => {
  it('reads automatic replies in batches and says who is away for the whole period', async () => {
    const s = await setup();
    try {
      const people = (await s.store.people.all()).slice(0, 5);
      const [always, covering, partial, off, unknown] = people;
      if (!always || !covering || !partial || !off || !unknown)
        throw new Error('the demo register has fewer than 5 people');
      const user = (p: Person) => ({ id: p.aadObjectId, userPrincipalName: p.email });
      s.emulator.setMailboxSettings(user(always), { automaticRepliesSetting: { status: 'alwaysEnabled' } });
      s.emulator.setMailboxSettings(user(covering), {
        automaticRepliesSetting: {
          status: 'scheduled',
          scheduledStartDateTime: '2026-11-20T00:00:00Z',
          scheduledEndDateTime: '2026-12-20T00:00:00Z',
        },
      });
      s.emulator.setMailboxSettings(user(partial), {
        automaticRepliesSetting: {
          status: 'scheduled',
          scheduledStartDateTime: '2026-11-20T00:00:00Z',
          scheduledEndDateTime: '2026-12-03T00:00:00Z',
        },
      });
      s.emulator.setMailboxSettings(user(off), { automaticRepliesSetting: { status: 'disabled' } });
      const warned: unknown[] = [];
      const mailboxes = graphOutOfOffice(s.graph, { warn: (detail) => void warned.push(detail) });
      const away = await mailboxes.awayDuring(people, '2026-12-01T08:00:00.000Z', '2026-12-09T16:00:00.000Z');
      expect(Object.fromEntries(away)).toEqual({
        [always.id]: true,
        [covering.id]: true,
        [partial.id]: false,
        [off.id]: false,
        [unknown.id]: null,
      });
      expect(warned).toEqual([{ personId: unknown.id, status: 404 }]);
    } finally {
      await s.store.close();
    }
  });

  it('hands the prompt of a focal point whose mailbox answers out of office to the alternate when collection opens', async () => {
    const s = await setup();
    try {
      const slot = (await s.store.assignments.all()).find((a) => a.focalPointId && a.alternateId);
      if (!slot?.focalPointId || !slot.alternateId) throw new Error('the demo register has no slot with an alternate');
      const focal = await s.store.people.get(slot.focalPointId);
      if (!focal) throw new Error('focal point missing');
      s.emulator.setMailboxSettings(
        { id: focal.aadObjectId, userPrincipalName: focal.email },
        { automaticRepliesSetting: { status: 'alwaysEnabled' } },
      );
      s.time.set('2026-11-30T08:00:00.000Z');
      const { collection } = cycleServices(s.store, os.tmpdir(), s.time.now, {
        outOfOffice: graphOutOfOffice(s.graph),
      });
      const before = s.graph.stats.roundtrips;
      await collection.open('isc-tf-32', SECRETARIAT);
      const people = new Set((await s.store.assignments.all()).flatMap((a) => (a.alternateId ? [a.focalPointId] : [])));
      expect(s.graph.stats.roundtrips - before).toBe(Math.ceil(people.size / 20));
      const prompt = `prompt:isc-tf-32:${slot.alternateId}:${slot.topicId}:${slot.sector}`;
      expect(await s.store.outbox.get(prompt)).not.toBeNull();
      expect(await s.store.outbox.get(`prompt:isc-tf-32:${focal.id}:${slot.topicId}:${slot.sector}`)).toBeNull();
      const delegation = await s.store.delegations.get(`isc-tf-32.${slot.topicId}.${slot.sector}`);
      expect(delegation).toMatchObject({ fromId: focal.id, toId: slot.alternateId, reason: 'out-of-office' });
      const tracker = await collection.tracker('isc-tf-32', SECRETARIAT);
      const row = tracker.rows.find((r) => r.topicId === slot.topicId && r.sector === slot.sector);
      expect(row?.personId).toBe(slot.alternateId);
    } finally {
      await s.store.close();
    }
  });
});

describe('attendance from the Teams attendance report', () => {
  it('matches register members by Entra id or e-mail, with when they joined and left', async () => {
    const s = await setup();
    try {
      const { meeting } = await s.schedule.schedule(SECRETARIAT, ISC_TF_35);
      const people = await s.store.people.all();
      const members = bodyMembers(people);
      const [byId, byEmail] = members;
      if (!byId || !byEmail) throw new Error('the demo register has fewer than 2 members');
      s.emulator.addAttendanceReport(meeting.calendarEvent?.eventId ?? '', {
        records: [
          {
            emailAddress: 'someone.else@contoso.com',
            userId: byId.aadObjectId,
            displayName: byId.name,
            intervals: [
              { join: '2026-12-10T08:31:00Z', leave: '2026-12-10T09:10:00Z' },
              { join: '2026-12-10T09:20:00Z', leave: '2026-12-10T10:55:00Z' },
            ],
          },
          {
            emailAddress: byEmail.email.toUpperCase(),
            displayName: byEmail.name,
            intervals: [{ join: '2026-12-10T08:40:00Z', leave: '2026-12-10T10:00:00Z' }],
          },
          {
            emailAddress: 'guest@example.org',
            displayName: 'Visiting Expert',
            intervals: [{ join: '2026-12-10T09:00:00Z', leave: '2026-12-10T09:30:00Z' }],
          },
        ],
      });
      const report = await graphAttendance(s.graph, { organizer: ORGANIZER }).report(meeting);
      expect(report).toHaveLength(3);
      const attendance = compileAttendance({ meeting, members, people, participants: [], report });
      expect(attendance.find((a) => a.personId === byId.id)).toMatchObject({
        present: true,
        joinedAt: '2026-12-10T08:31:00.000Z',
        leftAt: '2026-12-10T10:55:00.000Z',
      });
      expect(attendance.find((a) => a.personId === byEmail.id)).toMatchObject({ present: true });
      expect(attendance.find((a) => a.name === 'Visiting Expert')).toMatchObject({ guest: true, present: true });
      expect(attendance.filter((a) => !a.guest && !a.present).length).toBe(members.length - 2);
    } finally {
      await s.store.close();
    }
  });

  it('reads no report for a meeting without one, or without a Teams link', async () => {
    const s = await setup();
    try {
      const { meeting } = await s.schedule.schedule(SECRETARIAT, ISC_TF_35);
      const attendance = graphAttendance(s.graph, { organizer: ORGANIZER });
      expect(await attendance.report(meeting)).toBeNull();
      expect(await attendance.report({ ...meeting, joinUrl: null })).toBeNull();
    } finally {
      await s.store.close();
    }
  });
});

describe('the server with CALENDAR_ORGANIZER and CALENDAR_GROUP_MAIL set (the app-only path)', () => {
  it("schedules into the organiser's calendar through the HTTP API, the group invited, the Teams link kept", async () => {
    const emulator = new GraphEmulator({ refuseAppOnlyGroupCalendar: true });
    const http = await emulator.listen(0);
    let server: RunningServer | undefined;
    try {
      server = await startTestServer({
        seedAt: CYCLE_SEED,
        now: () => '2026-11-25T08:00:00.000Z',
        env: {
          GRAPH_BASE_URL: http.url,
          CALENDAR_ORGANIZER: emulator.organizer.userPrincipalName,
          CALENDAR_GROUP_MAIL: GROUP_MAIL,
        },
      });
      const res = await fetch(`${server.url}/api/v1/meetings`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-dev-user': 'megan-bowen' },
        body: JSON.stringify({ ...ISC_TF_35, window: undefined }),
      });
      expect(res.status).toBe(201);
      const body = (await res.json()) as any;
      const [event] = emulator.events('organizer') as any[];
      expect(body.meeting.calendarEvent).toEqual({ eventId: event?.id });
      expect(body.meeting.joinUrl).toBe(event?.onlineMeeting.joinUrl);
      expect(body.meeting.teamsMeeting.chatThreadId).toMatch(/^19:meeting_[^@]+@thread\.v2$/);
      expect(event?.attendees.map((a: any) => a.emailAddress.address)).toEqual([GROUP_MAIL]);
      expect(emulator.events('group')).toEqual([]);
    } finally {
      await closeAll(server?.close(), http.close());
    }
  });

  it('sends the SharePoint store, the library and the calendar through one Graph layer (one budget)', async () => {
    const emulator = new GraphEmulator({ refuseAppOnlyGroupCalendar: true });
    const http = await emulator.listen(0);
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'isc-m365-'));
    let server: RunningServer | undefined;
    try {
      await provisionSite(
        createGraphApi({ baseUrl: http.url, auth: staticTokenAuth(emulator.token), budgetPerMinute: 1_000_000 }),
        emulator.siteId,
      );
      const before = emulator.stats.requests;
      server = await startServer(
        loadConfig({
          PORT: '0',
          LOG_LEVEL: 'silent',
          DATA_DIR: dataDir,
          STORE: 'sharepoint',
          GRAPH_BASE_URL: http.url,
          SHAREPOINT_SITE_ID: emulator.siteId,
          GRAPH_BUDGET_PER_MINUTE: '1000000',
          CALENDAR_ORGANIZER: emulator.organizer.userPrincipalName,
          CALENDAR_GROUP_MAIL: GROUP_MAIL,
        }),
        {
          logger: createLogger('silent'),
          background: false,
          seedAt: CYCLE_SEED,
          now: () => '2026-11-25T08:00:00.000Z',
        },
      );
      const res = await fetch(`${server.url}/api/v1/meetings`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-dev-user': 'megan-bowen' },
        body: JSON.stringify({ ...ISC_TF_35, window: undefined }),
      });
      expect(res.status).toBe(201);
      expect(emulator.events('organizer')).toHaveLength(1);
      expect(emulator.items('ISC Meetings').map((m) => m.RecordId)).toContain('isc-tf-35');
      // Every request the emulator answered since the start came through the server's one Graph layer.
      expect(server.graph?.stats.roundtrips).toBe(emulator.stats.requests - before);
    } finally {
      await closeAll(server?.close(), http.close());
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('the calendar settings', () => {
  const production = {
    MICROSOFT_APP_ID: 'app',
    MICROSOFT_APP_PASSWORD: 'secret',
    MICROSOFT_APP_TENANT_ID: 'tenant',
    AAD_CLIENT_ID: 'app',
  };

  it('refuses the group calendar on Graph at start-up, saying to set the organiser and the group address', () => {
    expect(() => loadConfig({ ...production, CALENDAR_GROUP_ID: 'g-1' })).toThrow(
      /CALENDAR_GROUP_ID works on the Graph emulator only.*CALENDAR_ORGANIZER.*CALENDAR_GROUP_MAIL/s,
    );
  });

  it("takes the organiser's calendar on Graph, and the group calendar on the emulator", () => {
    const organizer = loadConfig({ ...production, CALENDAR_ORGANIZER: ORGANIZER, CALENDAR_GROUP_MAIL: GROUP_MAIL });
    expect(organizer.calendar).toEqual({ organizer: ORGANIZER, groupMail: GROUP_MAIL });
    const emulated = loadConfig({ GRAPH_BASE_URL: 'http://127.0.0.1:4000/v1.0', CALENDAR_GROUP_ID: 'g-1' });
    expect(emulated.calendar.groupId).toBe('g-1');
  });
});

describe('the server with CALENDAR_GROUP_ID set', () => {
  it('schedules into the group calendar through the HTTP API, keeping the event and its Teams link', async () => {
    const emulator = new GraphEmulator();
    const http = await emulator.listen(0);
    let server: RunningServer | undefined;
    try {
      server = await startTestServer({
        seedAt: CYCLE_SEED,
        now: () => '2026-11-25T08:00:00.000Z',
        env: { GRAPH_BASE_URL: http.url, CALENDAR_GROUP_ID: emulator.groupId },
      });
      const res = await fetch(`${server.url}/api/v1/meetings`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-dev-user': 'megan-bowen' },
        body: JSON.stringify({ ...ISC_TF_35, window: undefined }),
      });
      expect(res.status).toBe(201);
      const body = (await res.json()) as any;
      const [event] = emulator.events();
      expect(body.meeting.calendarEvent).toEqual({ eventId: event?.id });
      expect(body.meeting.joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/meetup-join\//);
    } finally {
      await closeAll(server?.close(), http.close());
    }
  });
});
