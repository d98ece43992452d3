import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openSqliteStore } from '../../teams-app/store/sqlite/sqlite-store';
import { MIGRATIONS, migrate } from '../../teams-app/store/sqlite/migrations';
import { seedDemoData } from '../../teams-app/store/demo/seed';
import { describeStoreContract } from './store-contract';

describeStoreContract('sqlite (in memory)', async () => openSqliteStore({ file: ':memory:' }));

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
