import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../domain';
import {
  INDEXES,
  type Collection,
  type CollectionName,
  type Committed,
  type ListQuery,
  type Page,
  type Records,
  type Store,
  type Stored,
} from '../port';
import { groupCommit } from './group-commit';
import { ensureCollections, migrate } from './migrations';

const MAX_PAGE = 500;
const DEFAULT_PAGE = 100;

type Row = { id: string; version: number; data: string };

function columnValue(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return String(value);
}

function decodeCursor(cursor: string | null | undefined): number {
  if (!cursor) return 0;
  const offset = Number(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!Number.isInteger(offset) || offset < 0) throw new AppError('request.invalid', 'The page cursor is not valid.');
  return offset;
}

class SqliteCollection<T extends { id: string }> implements Collection<T> {
  private readonly fields: readonly string[];
  private readonly statements: {
    get: Database.Statement<[string], Row>;
    insert: Database.Statement;
    update: Database.Statement;
    /** The update of a record whose indexed fields keep their values: it leaves the indexes alone (~3× cheaper). */
    updateData: Database.Statement;
    remove: Database.Statement<[string, number]>;
  };

  constructor(
    private readonly db: Database.Database,
    private readonly name: CollectionName,
    /** Called after each write of this collection (the store's change counters). */
    private readonly changed: () => void,
  ) {
    this.fields = INDEXES[name];
    const quoted = this.fields.map((f) => `"${f}"`);
    this.statements = {
      get: db.prepare(`SELECT id, version, data FROM "${name}" WHERE id = ?`),
      insert: db.prepare(
        `INSERT INTO "${name}" (id, version, data${quoted.map((q) => `, ${q}`).join('')}) VALUES (?, 1, ?${this.fields.map(() => ', ?').join('')})`,
      ),
      update: db.prepare(
        `UPDATE "${name}" SET version = version + 1, data = ?${quoted.map((q) => `, ${q} = ?`).join('')} WHERE id = ? AND version = ?`,
      ),
      updateData: db.prepare(
        `UPDATE "${name}" SET version = version + 1, data = ? WHERE id = ? AND version = ?${quoted.map((q) => ` AND ${q} IS ?`).join('')}`,
      ),
      remove: db.prepare(`DELETE FROM "${name}" WHERE id = ? AND version = ?`),
    };
  }

  /** Prepared list statements, by SQL text (the shapes are few: fields × order). */
  private readonly listStatements = new Map<string, Database.Statement>();

  private statement(sql: string): Database.Statement {
    let statement = this.listStatements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.listStatements.set(sql, statement);
    }
    return statement;
  }

  private toStored(row: Row): Stored<T> {
    return { ...(JSON.parse(row.data) as T), etag: String(row.version) };
  }

  private indexValues(record: T): (string | null)[] {
    return this.fields.map((field) => columnValue((record as Record<string, unknown>)[field]));
  }

  private strip(record: T): T {
    const { etag: _etag, ...rest } = record as T & { etag?: string };
    return rest as T;
  }

  private checkField(field: string): void {
    if (!this.fields.includes(field)) {
      throw new AppError('request.invalid', `"${field}" cannot be filtered or sorted on in ${this.name}.`);
    }
  }

  async get(id: string): Promise<Stored<T> | null> {
    const row = this.statements.get.get(id);
    return row ? this.toStored(row) : null;
  }

  async list(query: ListQuery<T> = {}): Promise<Page<T>> {
    const clauses: string[] = [];
    const params: (string | number)[] = [];
    for (const [field, value] of Object.entries(query.where ?? {})) {
      this.checkField(field);
      if (value === null) clauses.push(`"${field}" IS NULL`);
      else {
        clauses.push(`"${field}" = ?`);
        params.push(columnValue(value) as string);
      }
    }
    if (query.orderBy) this.checkField(query.orderBy);
    const pageSize = Math.min(Math.max(query.pageSize ?? DEFAULT_PAGE, 1), MAX_PAGE);
    const offset = decodeCursor(query.cursor);
    const order = query.orderBy ? `"${query.orderBy}" ${query.descending ? 'DESC' : 'ASC'}, id` : 'id';
    const where = clauses.length ? `WHERE ${clauses.join(' AND ')}` : '';
    const rows = this.statement(
      `SELECT id, version, data FROM "${this.name}" ${where} ORDER BY ${order} LIMIT ? OFFSET ?`,
    ).all(...params, pageSize + 1, offset) as Row[];
    const more = rows.length > pageSize;
    return {
      items: rows.slice(0, pageSize).map((row) => this.toStored(row)),
      nextCursor: more ? Buffer.from(String(offset + pageSize)).toString('base64url') : null,
    };
  }

  async all(query: Omit<ListQuery<T>, 'cursor'> = {}): Promise<Stored<T>[]> {
    const items: Stored<T>[] = [];
    let cursor: string | null = null;
    do {
      const page: Page<T> = await this.list({ ...query, pageSize: MAX_PAGE, cursor });
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return items;
  }

  async create(record: T): Promise<Stored<T>> {
    return this.createNow(record);
  }

  async update(record: T, expectedEtag: string): Promise<Stored<T>> {
    return this.updateNow(record, expectedEtag);
  }

  async delete(id: string, expectedEtag: string): Promise<void> {
    this.deleteNow(id, expectedEtag);
  }

  /** The synchronous writes, shared by the single calls and the unit of work (inside one transaction). */
  createNow(record: T): Stored<T> {
    const clean = this.strip(record);
    try {
      this.statements.insert.run(clean.id, JSON.stringify(clean), ...this.indexValues(clean));
      this.changed();
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
        throw new AppError('store.already-exists', `${this.name} "${clean.id}" already exists.`, { id: clean.id });
      }
      throw error;
    }
    return { ...clean, etag: '1' };
  }

  /** Creates the record unless its id is taken (an idempotent step of a unit of work); returns its version. */
  ensureNow(record: T): string {
    const existing = this.statements.get.get(record.id);
    return existing ? String(existing.version) : this.createNow(record).etag;
  }

  updateNow(record: T, expectedEtag: string): Stored<T> {
    const clean = this.strip(record);
    const expected = Number(expectedEtag);
    const data = JSON.stringify(clean);
    const indexed = this.indexValues(clean);
    // Most updates keep the indexed fields (a revised status update, a renewed lease): try that first, and only
    // when no row matched (a field changed, or the version is stale) run the update that rewrites the indexes.
    const result =
      this.statements.updateData.run(data, clean.id, expected, ...indexed).changes === 1
        ? { changes: 1 }
        : this.statements.update.run(data, ...indexed, clean.id, expected);
    if (result.changes === 0) throw this.missingOrStale(clean.id);
    this.changed();
    return { ...clean, etag: String(expected + 1) };
  }

  deleteNow(id: string, expectedEtag: string): void {
    const result = this.statements.remove.run(id, Number(expectedEtag));
    if (result.changes === 0) throw this.missingOrStale(id);
    this.changed();
  }

  private missingOrStale(id: string): AppError {
    const current = this.statements.get.get(id);
    if (!current) return new AppError('store.conflict', `${this.name} "${id}" no longer exists.`, { id });
    return new AppError('store.conflict', `Someone else changed ${this.name} "${id}" in the meantime.`, {
      id,
      currentEtag: String(current.version),
    });
  }
}

/** Options for the embedded store. */
export interface SqliteStoreOptions {
  /** A file path, or ':memory:' for tests. */
  file: string;
}

/** Opens (creating and migrating as needed) the embedded SQLite store. */
export function openSqliteStore(options: SqliteStoreOptions): Store {
  if (options.file !== ':memory:') fs.mkdirSync(path.dirname(options.file), { recursive: true });
  const db = new Database(options.file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  migrate(db);
  ensureCollections(db);
  // Writes through this connection count per collection; commits by other connections (another process on the
  // same file) change SQLite's data_version. Together they make the store's version tokens. A write rolled back
  // with its unit of work still counts: one more refresh of a read model, never a stale one.
  const names = Object.keys(INDEXES) as CollectionName[];
  const writeCounts = Object.fromEntries(names.map((name) => [name, 0])) as Record<CollectionName, number>;
  const dataVersion = db.prepare<[], number>('PRAGMA data_version').pluck();
  // Asked once per turn of the event loop: the calls of one request share the answer (another process's write is
  // seen from the next turn on; this process's own writes, counted above, at once).
  let externalVersion: number | null = null;
  const external = (): number => {
    if (externalVersion === null) {
      externalVersion = dataVersion.get() ?? 0;
      setImmediate(() => (externalVersion = null));
    }
    return externalVersion;
  };
  const collections = Object.fromEntries(
    names.map((name) => [name, new SqliteCollection(db, name, () => (writeCounts[name] += 1))]),
  ) as unknown as { [K in CollectionName]: SqliteCollection<Records[K]> };
  const commits = groupCommit(db, (writes): Committed =>
    writes.map((w) => {
      const collection: SqliteCollection<{ id: string }> = collections[w.collection];
      if (w.op === 'create') return collection.createNow(w.record).etag;
      if (w.op === 'ensure') return collection.ensureNow(w.record);
      if (w.op === 'update') return collection.updateNow(w.record, w.etag).etag;
      collection.deleteNow(w.id, w.etag);
      return null;
    }),
  );
  return {
    ...collections,
    kind: 'sqlite',
    commit: commits.commit,
    version(...of) {
      return `${external()}:${of.map((name) => writeCounts[name]).join('.')}`;
    },
    async health() {
      try {
        db.prepare('SELECT 1').get();
        return {
          ok: true,
          kind: 'sqlite',
          detail: options.file === ':memory:' ? 'in memory' : path.resolve(options.file),
        };
      } catch (error) {
        return { ok: false, kind: 'sqlite', detail: (error as Error).message };
      }
    },
    async close() {
      if (!db.open) return;
      commits.flush();
      db.close();
    },
  };
}
