import type Database from 'better-sqlite3';
import { INDEXES } from '../port';

/** A schema change, applied once, in order, inside a transaction. */
export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database): void;
}

function collectionTable(name: string, indexes: readonly string[]): string {
  const columns = indexes.map((field) => `, "${field}" TEXT`).join('');
  return `CREATE TABLE IF NOT EXISTS "${name}" (id TEXT PRIMARY KEY, version INTEGER NOT NULL, data TEXT NOT NULL${columns})`;
}

/**
 * Creates any collection table, indexed column or index the port declares and the database lacks.
 * Idempotent: run after the versioned migrations at every start, so a new collection needs no migration.
 * One transaction: all of it or none, and one commit instead of one per statement.
 */
export function ensureCollections(db: Database.Database): void {
  db.transaction(() => createCollections(db))();
}

function createCollections(db: Database.Database): void {
  for (const [name, fields] of Object.entries(INDEXES)) {
    db.exec(collectionTable(name, []));
    const existing = new Set(
      (db.prepare(`PRAGMA table_info("${name}")`).all() as { name: string }[]).map((c) => c.name),
    );
    for (const field of fields) {
      if (!existing.has(field)) db.exec(`ALTER TABLE "${name}" ADD COLUMN "${field}" TEXT`);
      db.exec(`CREATE INDEX IF NOT EXISTS "ix_${name}_${field}" ON "${name}" ("${field}")`);
    }
  }
}

/** The versioned migrations of the embedded store (data changes), oldest first. */
export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'metadata',
    up(db) {
      db.exec('CREATE TABLE IF NOT EXISTS metadata (key TEXT PRIMARY KEY, value TEXT NOT NULL)');
    },
  },
];

/** Brings a database up to the newest schema version; returns the versions it applied. */
export function migrate(db: Database.Database, migrations: Migration[] = MIGRATIONS): number[] {
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
  );
  const applied = new Set(
    (db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((row) => row.version),
  );
  const done: number[] = [];
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    if (applied.has(migration.version)) continue;
    db.transaction(() => {
      migration.up(db);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        migration.version,
        migration.name,
        new Date().toISOString(),
      );
    })();
    done.push(migration.version);
  }
  return done;
}
