/**
 * The calendar's delta position lives in the store's operational data, so that whichever instance runs the scheduler
 * (a lease moves it between instances) resumes from where the one before left the calendar's changes, instead of
 * reading the calendar whole again; a position an earlier version kept in the data folder is taken over once.
 * Each instance is composed as the server composes it (microsoft365), with its own Graph layer and data folder.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { scheduleMessages } from '../../bot/schedule-messages';
import { fileDeltaPosition } from '../../teams-app/graph/delta-position';
import { ScheduleService } from '../../teams-app/services';
import { Outbox } from '../../teams-app/services/outbox';
import { loadConfig } from '../../teams-app/server/config';
import { createLogger } from '../../teams-app/server/logger';
import { CALENDAR_POSITION_FILE, CALENDAR_POSITION_ID, microsoft365 } from '../../teams-app/server/microsoft365';
import { seedDemoData } from '../../teams-app/store/demo/seed';
import { openSqliteStore } from '../../teams-app/store/sqlite/sqlite-store';
import type { Store } from '../../teams-app/store';
import { CYCLE_SEED } from '../support/cycle-services';
import { GraphEmulator } from '../support/graph-emulator';
import { deltaRequestsSince } from '../support/graph-emulator/testing';
import { emulatedGraph } from '../support/sharepoint';

const SECRETARIAT = { personId: 'megan-bowen', roles: ['secretariat'] as const };
const GROUP_MAIL = 'isc-tf@contoso.com';
const NOW = '2026-11-25T08:00:00.000Z';
const now = () => NOW;

/** A meeting of the task force in December, number `number` on day `day`. */
function meetingInput(number: number, day: number) {
  const date = `2026-12-${String(day).padStart(2, '0')}`;
  return {
    body: 'ISC-TF' as const,
    number,
    title: '',
    start: `${date}T09:30`,
    end: `${date}T12:00`,
    timeZone: 'Europe/Zurich',
    place: 'ITU headquarters, Geneva',
    online: true,
    joinUrl: null,
    chairId: 'patti-fernandez',
    window: { openDaysBefore: 10, reminderDaysBefore: [5, 2], closeDaysBefore: 1, closeLocalTime: '17:00' },
  };
}

let emulator: GraphEmulator;
let store: Store;
const dataDirs: string[] = [];

beforeEach(async () => {
  emulator = new GraphEmulator({ pageSize: 2, refuseAppOnlyGroupCalendar: true });
  store = openSqliteStore({ file: ':memory:' });
  await seedDemoData(store, Date.parse(CYCLE_SEED));
});
afterEach(async () => {
  await store.close();
  for (const dir of dataDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A data folder of one instance. */
function dataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'isc-calendar-position-'));
  dataDirs.push(dir);
  return dir;
}

/** An instance's scheduling service on the shared store, composed as the server does, with its own data folder. */
async function instance(dir: string): Promise<ScheduleService> {
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    DATA_DIR: dir,
    // The Graph emulator (answered in process by the Graph layer below, whatever the address).
    GRAPH_BASE_URL: 'http://127.0.0.1:4000/v1.0',
    CALENDAR_ORGANIZER: emulator.organizer.userPrincipalName,
    CALENDAR_GROUP_MAIL: GROUP_MAIL,
  });
  const graph = emulatedGraph(emulator);
  const { calendar } = await microsoft365(config, createLogger('silent'), graph, store, () => Date.parse(NOW));
  return new ScheduleService({
    store,
    outbox: new Outbox(store, { now: () => Date.parse(NOW) }),
    messages: scheduleMessages,
    calendar,
    now,
  });
}

/** The delta requests the emulator answered since request number `from`. */
const deltaRequests = (from: number) => deltaRequestsSince(emulator, from);

/** The delta token of a delta link or request. */
const tokenOf = (url: string) => /(?:\$|%24)deltatoken=([^&]+)/.exec(url)?.[1] ?? null;

/** True when every one of the requests continues a delta query (none opens the window whole again). */
const resumes = (requests: readonly { url: string }[]) =>
  requests.length > 0 &&
  requests.every((r) => /(\$|%24)(delta|skip)token=/.test(r.url) && !r.url.includes('startDateTime'));

describe('the calendar delta position kept in the store', () => {
  it('lets the next instance to run the scheduler resume from the position the first one saved', async () => {
    const first = await instance(dataDir());
    await first.schedule(SECRETARIAT, meetingInput(35, 10));
    const { meeting: later } = await first.schedule(SECRETARIAT, meetingInput(36, 17));
    await first.syncCalendar();
    expect(deltaRequests(0)[0]?.url).toMatch(/startDateTime=/);
    expect(await store.syncPositions.get(CALENDAR_POSITION_ID)).toMatchObject({
      deltaLink: expect.stringMatching(/deltatoken=/),
      openedAt: NOW,
    });

    // The lease moves to another instance (its data folder has no position); the organiser cancels a meeting.
    emulator.cancelEvent(later.calendarEvent?.eventId ?? '');
    const second = await instance(dataDir());
    const before = emulator.requests().length;
    expect(await second.syncCalendar()).toEqual({ moved: [], cancelled: ['isc-tf-36'], told: 0 });
    expect(resumes(deltaRequests(before))).toBe(true);
    expect((await store.meetings.get('isc-tf-35'))?.state).toBe('scheduled');

    // And the first, leading again, resumes from where the second left (not from its own last round): nothing new.
    const handedOver = (await store.syncPositions.get(CALENDAR_POSITION_ID))?.deltaLink ?? '';
    const again = emulator.requests().length;
    expect(await first.syncCalendar()).toEqual({ moved: [], cancelled: [], told: 0 });
    expect(resumes(deltaRequests(again))).toBe(true);
    expect(tokenOf(handedOver)).toEqual(expect.any(String));
    expect(tokenOf(deltaRequests(again)[0]?.url ?? '')).toBe(tokenOf(handedOver));
  });

  it('takes over the position a data folder kept, once, when the store has none', async () => {
    const dir = dataDir();
    // An earlier version kept the position in the data folder.
    const earlier = await instance(dataDir());
    await earlier.schedule(SECRETARIAT, meetingInput(35, 10));
    await earlier.syncCalendar();
    const saved = await store.syncPositions.get(CALENDAR_POSITION_ID);
    if (!saved) throw new Error('no position was saved');
    await fileDeltaPosition(path.join(dir, CALENDAR_POSITION_FILE), saved.of).save(saved);
    await store.syncPositions.delete(CALENDAR_POSITION_ID, saved.etag);

    const upgraded = await instance(dir);
    const before = emulator.requests().length;
    await upgraded.syncCalendar();
    expect(resumes(deltaRequests(before))).toBe(true);
    expect(await store.syncPositions.get(CALENDAR_POSITION_ID)).toMatchObject({ of: saved.of });

    // From then on the store's position is the one: the file is not read again.
    fs.writeFileSync(path.join(dir, CALENDAR_POSITION_FILE), '{ not a position');
    const next = emulator.requests().length;
    await (await instance(dir)).syncCalendar();
    expect(resumes(deltaRequests(next))).toBe(true);
  });
});
