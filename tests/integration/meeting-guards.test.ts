import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError, collectionWindow, type Caller } from '../../teams-app/domain';
import type { Store } from '../../teams-app/store';
import { CYCLE_SEED, chatLine, cycleServices, cycleStore, installApp } from '../support/cycle-services';

/** The guards a chair expects, enforced by the services (so the bot and the tab cannot disagree). */

const MEETING = 'isc-tf-32';
const chair: Caller = { personId: 'patti-fernandez', roles: ['chair'] };
const secretariat: Caller = { personId: 'megan-bowen', roles: ['secretariat'] };

let now = CYCLE_SEED;
let store: Store;
let dir: string;
const services = () => cycleServices(store, dir, () => now);

beforeEach(async () => {
  now = CYCLE_SEED;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'isc-guards-'));
  store = await cycleStore(MEETING);
});
afterEach(async () => {
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

async function meetingWindow() {
  const meeting = await store.meetings.get(MEETING);
  if (!meeting) throw new Error('demo meeting missing');
  return collectionWindow(meeting);
}

async function submit(personId: string, topicId: string, sector: 'BR' | 'TSB' | 'BDT' | 'GS') {
  const caller: Caller = { personId, roles: ['focal-point'] };
  await services().collection.submit(caller, { meetingId: MEETING, topicId, sector, progress: 'Moved on.' });
}

describe('compiling while collection runs', () => {
  it('asks for confirmation with the missing count when collection is open, and compiles once confirmed', async () => {
    now = (await meetingWindow()).opensAt;
    await services().collection.open(MEETING, secretariat);
    await submit('alex-wilber', 'accessibility', 'BDT');
    const error = await refusal(services().meetings.compileAgenda(MEETING, chair));
    expect(error.code).toBe('collection.incomplete');
    expect(error.details).toMatchObject({ state: 'open', answered: 1 });
    const { expected, missing } = error.details as { expected: number; missing: number };
    expect(expected).toBeGreaterThan(20);
    expect(missing).toBe(expected - 1);
    expect(error.message).toContain(`${missing} of ${expected}`);
    expect((await store.meetings.get(MEETING))?.state).toBe('open');

    const version = await services().meetings.compileAgenda(MEETING, chair, { confirm: true });
    expect(version.status).toBe('draft');
    expect((await store.meetings.get(MEETING))?.state).toBe('agenda-draft');
    // The agenda counts what the chair confirmed: vacancies are neither expected nor missing, only vacant.
    const { summary } = version.agenda;
    expect(summary.vacant).toBeGreaterThan(0);
    expect(summary).toMatchObject({ expectedReports: expected, received: 1, missing: missing });
  });

  it('asks for confirmation before collection ever opened', async () => {
    const error = await refusal(services().meetings.compileAgenda(MEETING, chair));
    expect(error.code).toBe('collection.incomplete');
    expect(error.details).toMatchObject({ state: 'scheduled', answered: 0 });
    expect((await store.meetings.get(MEETING))?.state).toBe('scheduled');
  });

  it('compiles without asking once the window has closed', async () => {
    const window = await meetingWindow();
    now = window.opensAt;
    await services().collection.tick();
    now = window.closesAt;
    await services().collection.tick();
    const version = await services().meetings.compileAgenda(MEETING, chair);
    expect(version.status).toBe('draft');
  });
});

describe('re-opening collection after a compile', () => {
  it('marks the draft out of date, asks those still missing again and stays open until the meeting', async () => {
    const window = await meetingWindow();
    now = window.opensAt;
    await services().collection.open(MEETING, secretariat);
    await submit('alex-wilber', 'accessibility', 'BDT');
    const draft = await services().meetings.compileAgenda(MEETING, chair, { confirm: true });

    now = new Date(Date.parse(window.closesAt) + 3_600_000).toISOString();
    const result = await services().collection.open(MEETING, secretariat);
    expect(result.reopened).toBe(true);
    expect(result.meeting.state).toBe('open');
    expect((await store.documents.get(draft.id))?.outOfDate).toBe(true);
    const told = await store.outbox.all({ where: { meetingId: MEETING, kind: 'reminder' } });
    expect(told.length).toBeGreaterThan(0);
    expect(told.every((m) => m.id.startsWith('reopen:'))).toBe(true);
    expect(told.some((m) => m.personId === 'alex-wilber' && m.id.includes('accessibility'))).toBe(false);

    // The scheduler does not close it again at the old deadline …
    await services().collection.tick();
    expect((await store.meetings.get(MEETING))?.state).toBe('open');
    // … and an update sent now is not late.
    await submit('alex-wilber', 'youth', 'BDT');
    const update = (await store.statusUpdates.all({ where: { meetingId: MEETING, topicId: 'youth' } }))[0];
    expect(update?.late).toBe(false);

    const recompiled = await services().meetings.compileAgenda(MEETING, chair, { confirm: true });
    expect(recompiled.version).toBe(2);
    expect(recompiled.outOfDate).toBeFalsy();
  });

  it('is refused to anyone but the secretariat', async () => {
    const error = await refusal(services().collection.open(MEETING, chair));
    expect(error.code).toBe('auth.forbidden');
  });
});

describe('reporting delivery honestly', () => {
  it('names who could not be reached and why, and retries those who have since installed the app', async () => {
    now = (await meetingWindow()).opensAt;
    const result = await services().collection.open(MEETING, secretariat);
    expect(result.undeliverable).toBeGreaterThan(0);
    expect(result.undeliverablePeople.length).toBe(result.undeliverable);
    const alex = result.undeliverablePeople.find((p) => p.personId === 'alex-wilber');
    expect(alex).toMatchObject({ name: 'Alex Wilber', reasonCode: 'delivery.not-installed' });

    const tracker = await services().collection.tracker(MEETING, secretariat);
    expect(tracker.rows.find((r) => r.personId === 'alex-wilber')?.status).toBe('undeliverable');

    await installApp(store, 'alex-wilber', now);
    const retried = await services().collection.retryUndeliverable(MEETING, secretariat);
    expect(retried.queued).toBeGreaterThan(0);
    expect(retried.undeliverablePeople.some((p) => p.personId === 'alex-wilber')).toBe(false);
    const alexPrompts = await store.outbox.all({
      where: { meetingId: MEETING, personId: 'alex-wilber', kind: 'prompt' },
    });
    expect(alexPrompts.every((m) => m.status === 'pending' && m.conversationRefId === 'ref-alex-wilber')).toBe(true);
  });

  it('tells slots not asked yet from slots asked and waiting', async () => {
    await installApp(store, 'alex-wilber', now);
    const before = await services().collection.tracker(MEETING, secretariat);
    expect(before.counts['not-asked']).toBeGreaterThan(0);
    expect(before.counts.pending).toBe(0);
    now = (await meetingWindow()).opensAt;
    await services().collection.open(MEETING, secretariat);
    const after = await services().collection.tracker(MEETING, secretariat);
    expect(after.rows.filter((r) => r.personId === 'alex-wilber').every((r) => r.status === 'pending')).toBe(true);
    expect(after.counts['not-asked']).toBe(0);
  });
});

async function publishedAgenda() {
  await services().meetings.compileAgenda(MEETING, chair, { confirm: true });
  await services().meetings.publishAgenda(MEETING, chair);
  return store.meetings.get(MEETING);
}

describe('minutes guards', () => {
  it('refuses to draft minutes before the meeting starts, naming the start', async () => {
    const meeting = await publishedAgenda();
    const error = await refusal(services().meetings.compileMinutes(MEETING, chair));
    expect(error.code).toBe('minutes.too-early');
    expect(error.message).toContain('Europe/Zurich');
    expect(error.details).toMatchObject({ startsAt: meeting?.start });
  });

  it('asks for confirmation before approving minutes with nothing in them', async () => {
    const meeting = await publishedAgenda();
    now = meeting?.start ?? now;
    await services().meetings.compileMinutes(MEETING, chair);
    const error = await refusal(services().meetings.approveMinutes(MEETING, chair));
    expect(error.code).toBe('minutes.empty');
    expect((await store.meetings.get(MEETING))?.state).toBe('minutes-draft');
    const approved = await services().meetings.approveMinutes(MEETING, chair, { confirm: true });
    expect(approved.status).toBe('published');
  });

  it('refuses approval while a review note is open, and approves once it is accepted', async () => {
    const meeting = await publishedAgenda();
    now = meeting?.start ?? now;
    await store.chatMessages.create(chatLine(MEETING, 1, 'Action: circulate the toolkit'));
    const draft = await services().meetings.compileMinutes(MEETING, chair);
    expect(draft.minutes.review.length).toBeGreaterThan(0);
    const error = await refusal(services().meetings.approveMinutes(MEETING, chair));
    expect(error.code).toBe('minutes.unresolved-notes');
    expect(error.details).toMatchObject({ count: draft.minutes.review.length });

    let current = draft;
    for (const note of draft.minutes.review) {
      current = await services().meetings.editMinutes(MEETING, chair, { op: 'accept-note', recordId: note.recordId });
    }
    expect(current.minutes.review.every((n) => n.acceptedBy?.personId === 'patti-fernandez')).toBe(true);
    const approved = await services().meetings.approveMinutes(MEETING, chair);
    expect(approved.status).toBe('published');
  });
});
