import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError, collectionWindow, type Caller } from '../../teams-app/domain';
import type { FileStore, Store } from '../../teams-app/store';
import { CYCLE_SEED, chatLine, cycleServices, cycleStore } from '../support/cycle-services';

/**
 * Every multi-step operation of the cycle, with a fault injected at each step: a document store that fails
 * once, a store write that conflicts once, a crash between two steps (a fresh service instance on the same
 * store picks up). Each must converge on retry or on the next scheduler pass, with exactly one published
 * version and nothing created twice.
 */

const SEED = CYCLE_SEED;
const MEETING = 'isc-tf-32';
const chair: Caller = { personId: 'patti-fernandez', roles: ['chair'] };
const secretariat = { personId: 'megan-bowen', roles: ['secretariat' as const] };

let now = SEED;
let store: Store;
let dir: string;

/** Faults to inject once: the next call of the named step throws. */
const faults = { fileSave: false, commit: null as null | 'conflict' | 'crash', outboxCreate: false };

function faultyFiles(inner: FileStore): FileStore {
  return {
    async saveOnce(file, content) {
      if (faults.fileSave) {
        faults.fileSave = false;
        throw new Error('disk full');
      }
      return inner.saveOnce(file, content);
    },
    read: (file) => inner.read(file),
  };
}

/** The store with faults on its unit of work and on queueing a message. */
function faultyStore(inner: Store): Store {
  const outbox = inner.outbox;
  return {
    ...inner,
    async commit(writes) {
      const fault = faults.commit;
      faults.commit = null;
      if (fault === 'conflict') throw new AppError('store.conflict', 'Someone else changed it in the meantime.');
      if (fault === 'crash') throw new Error('process killed');
      return inner.commit(writes);
    },
    outbox: {
      ...outbox,
      get: (id) => outbox.get(id),
      list: (q) => outbox.list(q),
      all: (q) => outbox.all(q),
      update: (r, e) => outbox.update(r, e),
      delete: (id, e) => outbox.delete(id, e),
      async create(record) {
        if (faults.outboxCreate) {
          faults.outboxCreate = false;
          throw new Error('process killed');
        }
        return outbox.create(record);
      },
    },
  };
}

let renderHook: (() => Promise<void>) | null = null;

/** A fresh set of services on the same store and files, as after a restart. */
function services() {
  return cycleServices(faultyStore(store), dir, () => now, {
    files: faultyFiles,
    async beforeRender() {
      const hook = renderHook;
      renderHook = null;
      await hook?.();
    },
  });
}

async function expectFailure(promise: Promise<unknown>): Promise<unknown> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).not.toBeNull();
  return error;
}

async function published(kind: 'agenda' | 'minutes') {
  return (await store.documents.all({ where: { meetingId: MEETING, kind } })).filter((v) => v.status === 'published');
}

async function posts(kind: 'agenda' | 'minutes') {
  return store.outbox.all({ where: { meetingId: MEETING, kind } });
}

beforeEach(async () => {
  now = SEED;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'isc-faults-'));
  store = await cycleStore(MEETING);
  faults.fileSave = false;
  faults.commit = null;
  faults.outboxCreate = false;
  renderHook = null;
});

afterEach(async () => {
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function draftAgenda() {
  const { meetings } = services();
  return meetings.compileAgenda(MEETING, chair, { confirm: true });
}

describe('publishing the agenda converges', () => {
  it('completes on retry after the document store failed once', async () => {
    await draftAgenda();
    faults.fileSave = true;
    await expectFailure(services().meetings.publishAgenda(MEETING, chair));
    expect(await published('agenda')).toHaveLength(0);
    expect((await store.meetings.get(MEETING))?.state).toBe('agenda-draft');

    const version = await services().meetings.publishAgenda(MEETING, chair);
    expect(version.status).toBe('published');
    expect(await published('agenda')).toHaveLength(1);
    expect((await store.meetings.get(MEETING))?.state).toBe('agenda-published');
    expect(await posts('agenda')).toHaveLength(1);
  });

  it('keeps the previous version published until the new one is, when a write conflicts once', async () => {
    await draftAgenda();
    const v1 = await services().meetings.publishAgenda(MEETING, chair);
    await services().meetings.compileAgenda(MEETING, chair);
    faults.commit = 'conflict';
    await expectFailure(services().meetings.publishAgenda(MEETING, chair));
    expect((await published('agenda')).map((v) => v.id)).toEqual([v1.id]);

    const v2 = await services().meetings.publishAgenda(MEETING, chair);
    expect((await published('agenda')).map((v) => v.id)).toEqual([v2.id]);
    expect((await store.documents.get(v1.id))?.status).toBe('superseded');
  });

  it('retried after a crash between the file and the record, reuses the file and publishes once', async () => {
    await draftAgenda();
    faults.commit = 'crash';
    await expectFailure(services().meetings.publishAgenda(MEETING, chair));
    const files = fs.readdirSync(path.join(dir, 'documents', MEETING));
    expect(files).toHaveLength(1);

    await services().meetings.publishAgenda(MEETING, chair);
    expect(fs.readdirSync(path.join(dir, 'documents', MEETING))).toEqual(files);
    expect(await published('agenda')).toHaveLength(1);
  });

  it('after a crash before the chat post, the next scheduler pass posts it once', async () => {
    await draftAgenda();
    faults.outboxCreate = true;
    await expectFailure(services().meetings.publishAgenda(MEETING, chair));
    expect(await published('agenda')).toHaveLength(1);
    expect(await posts('agenda')).toHaveLength(0);

    const repaired = await services().meetings.reconcile();
    expect(repaired.posted).toHaveLength(1);
    expect(await posts('agenda')).toHaveLength(1);
    expect((await services().meetings.reconcile()).posted).toHaveLength(0);
    // A chair who clicks Approve again gets the published agenda back, nothing new.
    const again = await services().meetings.publishAgenda(MEETING, chair);
    expect(again.status).toBe('published');
    expect(await posts('agenda')).toHaveLength(1);
    expect(await published('agenda')).toHaveLength(1);
  });

  it('refuses with a conflict when the agenda is edited during publishing, and a plain retry publishes the edit', async () => {
    const draft = await draftAgenda();
    const item = draft.agenda.items.at(-1);
    if (!item) throw new Error('empty agenda');
    renderHook = async () => {
      await services().meetings.editAgenda(MEETING, chair, {
        op: 'edit',
        itemId: item.id,
        patch: { title: 'Next meeting (date to confirm)' },
      });
    };
    const error = await expectFailure(services().meetings.publishAgenda(MEETING, chair));
    expect(error).toMatchObject({ code: 'store.conflict' });
    expect(await published('agenda')).toHaveLength(0);

    const version = await services().meetings.publishAgenda(MEETING, chair);
    expect(version.agenda.items.at(-1)?.title).toBe('Next meeting (date to confirm)');
    expect(await published('agenda')).toHaveLength(1);
  });
});

async function draftMinutes() {
  await draftAgenda();
  await services().meetings.publishAgenda(MEETING, chair);
  const meeting = await store.meetings.get(MEETING);
  now = new Date(Date.parse(meeting?.start ?? SEED) + 3_600_000).toISOString();
  await store.chatMessages.create(chatLine(MEETING, 1, 'Item 4'));
  await store.chatMessages.create(chatLine(MEETING, 2, 'Decision: BDT and TSB publish one accessibility toolkit.'));
  await store.chatMessages.create(chatLine(MEETING, 3, 'Action: Alex Wilber to circulate the toolkit by 2026-12-20'));
  return services().meetings.compileMinutes(MEETING, chair);
}

async function minutesRecords() {
  const [decisions, actions] = await Promise.all([
    store.decisions.all({ where: { meetingId: MEETING } }),
    store.actions.all({ where: { sourceMeetingId: MEETING } }),
  ]);
  return { decisions: decisions.length, actions: actions.length };
}

describe('approving the minutes converges', () => {
  it('completes on retry after the document store failed once, creating the actions once', async () => {
    await draftMinutes();
    faults.fileSave = true;
    await expectFailure(services().meetings.approveMinutes(MEETING, chair));
    expect((await store.meetings.get(MEETING))?.state).toBe('minutes-draft');
    expect(await minutesRecords()).toEqual({ decisions: 0, actions: 0 });

    await services().meetings.approveMinutes(MEETING, chair);
    expect((await store.meetings.get(MEETING))?.state).toBe('minutes-approved');
    expect(await minutesRecords()).toEqual({ decisions: 1, actions: 1 });
    expect(await published('minutes')).toHaveLength(1);
  });

  it('writes nothing when the process dies before the records, and a fresh instance completes it', async () => {
    await draftMinutes();
    faults.commit = 'crash';
    await expectFailure(services().meetings.approveMinutes(MEETING, chair));
    expect(await minutesRecords()).toEqual({ decisions: 0, actions: 0 });
    expect(await published('minutes')).toHaveLength(0);

    await services().meetings.approveMinutes(MEETING, chair);
    await services().meetings.approveMinutes(MEETING, chair);
    expect(await minutesRecords()).toEqual({ decisions: 1, actions: 1 });
    expect(await published('minutes')).toHaveLength(1);
  });

  it('after a crash before the chat post, the next pass posts it and approving again creates nothing', async () => {
    await draftMinutes();
    faults.outboxCreate = true;
    await expectFailure(services().meetings.approveMinutes(MEETING, chair));
    expect((await store.meetings.get(MEETING))?.state).toBe('minutes-approved');
    expect(await posts('minutes')).toHaveLength(0);

    expect((await services().meetings.reconcile()).posted).toHaveLength(1);
    const again = await services().meetings.approveMinutes(MEETING, chair);
    expect(again.status).toBe('published');
    expect(await posts('minutes')).toHaveLength(1);
    expect(await minutesRecords()).toEqual({ decisions: 1, actions: 1 });
  });
});

describe('compiling converges', () => {
  it('leaves the meeting as it was when the compile fails, and the next pass compiles a closed window', async () => {
    const { collection } = services();
    const meeting = await store.meetings.get(MEETING);
    if (!meeting) throw new Error('demo meeting missing');
    const window = collectionWindow(meeting);
    now = window.opensAt;
    await collection.tick();
    expect((await store.meetings.get(MEETING))?.state).toBe('open');
    now = window.closesAt;
    await collection.tick();
    expect((await store.meetings.get(MEETING))?.state).toBe('closed');

    faults.commit = 'crash';
    await expectFailure(services().meetings.reconcile());
    expect((await store.meetings.get(MEETING))?.state).toBe('closed');
    expect(await store.documents.all({ where: { meetingId: MEETING } })).toHaveLength(0);

    const repaired = await services().meetings.reconcile();
    expect(repaired.compiled).toEqual([MEETING]);
    expect((await store.meetings.get(MEETING))?.state).toBe('agenda-draft');
    expect(await store.documents.all({ where: { meetingId: MEETING, kind: 'agenda' } })).toHaveLength(1);
    expect((await services().meetings.reconcile()).compiled).toEqual([]);
  });
});

describe('opening collection converges', () => {
  it('queues every prompt exactly once after a crash part-way through the fan-out', async () => {
    const first = await services().collection.open(MEETING, secretariat);
    const expected = (await store.outbox.all({ where: { meetingId: MEETING, kind: 'prompt' } })).length;
    expect(expected).toBeGreaterThan(5);
    expect(first.meeting.state).toBe('open');

    // The same fan-out on a second meeting, killed after the first prompt.
    const other = 'isc-tf-33';
    let created = 0;
    const inner = store.outbox.create.bind(store.outbox);
    store.outbox.create = async (record) => {
      created += 1;
      if (created === 2) throw new Error('process killed');
      return inner(record);
    };
    await expectFailure(services().collection.open(other, secretariat));
    store.outbox.create = inner;
    expect((await store.meetings.get(other))?.state).toBe('scheduled');

    const retried = await services().collection.open(other, secretariat);
    expect(retried.meeting.state).toBe('open');
    const prompts = await store.outbox.all({ where: { meetingId: other, kind: 'prompt' } });
    expect(prompts).toHaveLength(expected);
    expect(new Set(prompts.map((p) => p.id)).size).toBe(expected);
  });
});
