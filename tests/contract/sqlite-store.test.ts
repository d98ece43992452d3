import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Action } from '../../teams-app/domain';
import { composeStores, write, type Store } from '../../teams-app/store';
import { openSqliteStore } from '../../teams-app/store/sqlite/sqlite-store';
import { MIGRATIONS, migrate } from '../../teams-app/store/sqlite/migrations';
import { seedDemoData } from '../../teams-app/store/demo/seed';
import { describeStoreContract } from './store-contract';

describeStoreContract('sqlite (in memory)', async () => openSqliteStore({ file: ':memory:' }));
describeStoreContract('sqlite records + sqlite operational data, composed', async () =>
  composeStores(openSqliteStore({ file: ':memory:' }), openSqliteStore({ file: ':memory:' })),
);

describe('a composed store', () => {
  it('refuses a unit of work that mixes business records and operational data, writing nothing', async () => {
    const records = openSqliteStore({ file: ':memory:' });
    const operational = openSqliteStore({ file: ':memory:' });
    const store = composeStores(records, operational);
    const meeting = await seededMeeting(store);
    await expect(
      store.commit([
        write.update('meetings', { ...meeting, place: 'Geneva' }),
        write.create('chatMessages', {
          id: 'm1',
          chatId: 'c1',
          meetingId: meeting.id,
          messageId: 'm1',
          timestamp: '2026-12-01T10:00:00.000Z',
        } as never),
      ]),
    ).rejects.toMatchObject({ code: 'internal' });
    expect((await store.meetings.get(meeting.id))?.etag).toBe(meeting.etag);
    await store.close();
  });
});

describe('sqlite store on disk', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'isc-store-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('keeps data across a restart and seeds demo data only once', async () => {
    const file = path.join(dir, 'db.sqlite');
    const first = openSqliteStore({ file });
    expect(await seedDemoData(first)).toBe(true);
    const topic = await first.topics.get('space');
    await first.topics.update({ ...topic!, description: 'edited by the secretariat' }, topic!.etag);
    await first.close();

    const second = openSqliteStore({ file });
    expect(await seedDemoData(second)).toBe(false);
    expect((await second.topics.get('space'))?.description).toBe('edited by the secretariat');
    expect(await second.topics.all()).toHaveLength(18);
    await second.close();
  });

  it('changes its version when another connection has written the same file, and not on a write to another collection', async () => {
    const file = path.join(dir, 'db.sqlite');
    const reader = openSqliteStore({ file });
    const writer = openSqliteStore({ file });
    try {
      await seedDemoData(writer);
      const before = reader.version('topics');
      expect(reader.version('topics')).toBe(before);
      const topic = await writer.topics.get('space');
      await writer.topics.update({ ...topic!, description: 'edited elsewhere' }, topic!.etag);
      // Another connection's write shows from the next turn of the event loop.
      await new Promise((resolve) => setImmediate(resolve));
      const after = reader.version('topics');
      expect(after).not.toBe(before);
      await reader.actions.create({
        id: 'a1',
        topicId: 'space',
        ownerId: 'alex-wilber',
        ownerName: 'Alex Wilber',
        text: 'Action',
        due: '2026-12-01',
        status: 'open',
        sourceMeetingId: 'isc-tf-31',
        createdAt: '2026-11-01T10:00:00.000Z',
      });
      expect(reader.version('topics')).toBe(after);
    } finally {
      await reader.close();
      await writer.close();
    }
  });

  it('uses write-ahead logging', async () => {
    const file = path.join(dir, 'db.sqlite');
    const store = openSqliteStore({ file });
    await store.close();
    const db = new Database(file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('applies each migration once, in order, and records it', () => {
    const db = new Database(':memory:');
    const applied: number[] = [];
    const migrations = [
      { version: 2, name: 'second', up: () => applied.push(2) },
      { version: 1, name: 'first', up: () => applied.push(1) },
    ];
    expect(migrate(db, migrations)).toEqual([1, 2]);
    expect(migrate(db, migrations)).toEqual([]);
    expect(applied).toEqual([1, 2]);
    expect(
      migrate(
        db,
        MIGRATIONS.filter((m) => m.version > 2),
      ),
    ).toEqual([]);
    db.close();
  });

  it('rolls back a migration that fails and does not record it', () => {
    const db = new Database(':memory:');
    const broken = [
      {
        version: 1,
        name: 'broken',
        up: (d: Database.Database) => {
          d.exec('CREATE TABLE half_done (x TEXT)');
          throw new Error('boom');
        },
      },
    ];
    expect(() => migrate(db, broken)).toThrow('boom');
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half_done'").get()).toBeUndefined();
    expect(db.prepare('SELECT COUNT(*) AS n FROM schema_migrations').get()).toEqual({ n: 0 });
    db.close();
  });
});

describe('sqlite group commit', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'isc-commit-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const action = (id: string): Action => ({
    id,
    topicId: 'space',
    ownerId: 'alex-wilber',
    ownerName: 'Alex Wilber',
    text: `Action ${id}`,
    due: '2026-12-01',
    status: 'open',
    sourceMeetingId: 'isc-tf-31',
    createdAt: '2026-11-01T10:00:00.000Z',
  });

  /** The pages written to the log by `run` on a fresh store file (another connection counts them). */
  async function logPagesOf(name: string, run: (store: Store) => Promise<unknown>): Promise<number> {
    const file = path.join(dir, `${name}.sqlite`);
    const store = openSqliteStore({ file });
    const observer = new Database(file);
    try {
      observer.pragma('wal_checkpoint(TRUNCATE)');
      await run(store);
      return (observer.pragma('wal_checkpoint(PASSIVE)') as { log: number }[])[0]?.log ?? 0;
    } finally {
      observer.close();
      await store.close();
    }
  }

  it('commits the units of one turn of the event loop in one transaction, writing the pages they share once', async () => {
    const units = ['a1', 'a2', 'a3'].map((id) => [write.create('actions', action(id))]);
    const together = await logPagesOf('together', (store) => Promise.all(units.map((u) => store.commit(u))));
    const apart = await logPagesOf('apart', async (store) => {
      for (const u of units) await store.commit(u);
    });
    expect(together).toBeGreaterThan(0);
    expect(together * 2).toBeLessThan(apart);
  });

  it('settles a unit only once it is committed, and commits what waits when the store closes', async () => {
    const file = path.join(dir, 'db.sqlite');
    const store = openSqliteStore({ file });
    const committed = store.commit([write.create('actions', action('a1'))]);
    expect(await store.actions.get('a1')).toBeNull();
    await store.close();
    await expect(committed).resolves.toEqual(['1']);
    const reopened = openSqliteStore({ file });
    expect(await reopened.actions.get('a1')).not.toBeNull();
    await reopened.close();
  });
});

async function seededMeeting(store: Store) {
  await seedDemoData(store, Date.parse('2026-12-01T09:00:00Z'));
  const [meeting] = await store.meetings.all();
  if (!meeting) throw new Error('the demo data has no meeting');
  return meeting;
}
