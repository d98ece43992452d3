import type { TableClient, TableEntityResult } from '@azure/data-tables';
import { AppError } from '../../domain';
import {
  etagOf,
  write,
  type Collection,
  type ListQuery,
  type OperationalCollectionName,
  type Page,
  type Records,
  type Stored,
  type WriteOp,
} from '../port';
import { MARKER_ROW, RECORD_PREFIX, fromEntity, indexProperty, indexValue, literal, rowKeyOf } from './entity-codec';
import { storageStatus, unavailable } from './storage-errors';

const MAX_PAGE = 500;
const DEFAULT_PAGE = 100;

type Entity = TableEntityResult<Record<string, unknown>>;

/** Commits the writes of one unit of work of one collection (the store's, shared with units from `commit`). */
export type UnitCommitter = (writes: readonly WriteOp[]) => Promise<readonly (string | null)[]>;

function encodeCursor(value: string): string {
  return Buffer.from(value, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string | null | undefined): string | null {
  if (!cursor) return null;
  const value = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!value) throw new AppError('request.invalid', 'The page cursor is not valid.');
  return value;
}

/** The text a field sorts by (as the SQLite columns store it); null sorts first. */
function sortValue(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return String(value);
}

/**
 * One operational collection on Table Storage (see entity-codec.ts for the layout). Reads filter in the service on
 * the indexed fields; without `orderBy` pages follow the id order with a keyset cursor (exact pages, no skipped or
 * repeated record when others write in between); with `orderBy` the matching records are sorted here, since Table
 * Storage only orders by key (the operational lists are small: a meeting's messages, a chat's records).
 * Writes go through the store's unit committer, so a single write and a unit share one path (ETag checks, the
 * change marker).
 */
export class TableCollection<
  K extends OperationalCollectionName,
  T extends Records[K] = Records[K],
> implements Collection<T> {
  constructor(
    private readonly client: TableClient,
    private readonly name: K,
    private readonly fields: readonly string[],
    private readonly commitUnit: UnitCommitter,
  ) {}

  private checkField(field: string): void {
    if (!this.fields.includes(field)) {
      throw new AppError('request.invalid', `"${field}" cannot be filtered or sorted on in ${this.name}.`);
    }
  }

  private filter(query: Omit<ListQuery<T>, 'cursor'>, after: string | null): string {
    const clauses = [
      `PartitionKey eq ${literal(this.name)}`,
      `RowKey gt ${literal(after ?? RECORD_PREFIX)}`,
      `RowKey lt ${literal(MARKER_ROW)}`,
    ];
    for (const [field, value] of Object.entries(query.where ?? {})) {
      this.checkField(field);
      clauses.push(`${indexProperty(field)} eq ${literal(indexValue(value))}`);
    }
    if (query.orderBy) this.checkField(query.orderBy);
    return clauses.join(' and ');
  }

  /** Entities matching the filter in key order, up to `limit`. */
  private async entities(filter: string, limit = Number.POSITIVE_INFINITY): Promise<Entity[]> {
    const found: Entity[] = [];
    try {
      const pages = this.client
        .listEntities<Record<string, unknown>>({ queryOptions: { filter } })
        .byPage({ maxPageSize: Math.min(1000, Number.isFinite(limit) ? limit : 1000) });
      for await (const page of pages) {
        for (const entity of page) {
          found.push(entity);
          if (found.length >= limit) return found;
        }
      }
    } catch (error) {
      throw unavailable(error, `list ${this.name}`);
    }
    return found;
  }

  async get(id: string): Promise<Stored<T> | null> {
    try {
      const entity = await this.client.getEntity<Record<string, unknown>>(this.name, rowKeyOf(id));
      return fromEntity<T>(entity);
    } catch (error) {
      if (storageStatus(error).status === 404) return null;
      throw unavailable(error, `read ${this.name}`);
    }
  }

  async list(query: ListQuery<T> = {}): Promise<Page<T>> {
    const pageSize = Math.min(Math.max(query.pageSize ?? DEFAULT_PAGE, 1), MAX_PAGE);
    const cursor = decodeCursor(query.cursor);
    if (query.orderBy) {
      const offset = cursor === null ? 0 : Number(cursor);
      if (!Number.isInteger(offset) || offset < 0)
        throw new AppError('request.invalid', 'The page cursor is not valid.');
      const sorted = await this.sorted(query);
      const more = sorted.length > offset + pageSize;
      return {
        items: sorted.slice(offset, offset + pageSize),
        nextCursor: more ? encodeCursor(String(offset + pageSize)) : null,
      };
    }
    const entities = await this.entities(this.filter(query, cursor), pageSize + 1);
    const items = entities.slice(0, pageSize);
    const last = items.at(-1);
    return {
      items: items.map((entity) => fromEntity<T>(entity)),
      nextCursor: entities.length > pageSize && last?.rowKey ? encodeCursor(last.rowKey) : null,
    };
  }

  async all(query: Omit<ListQuery<T>, 'cursor'> = {}): Promise<Stored<T>[]> {
    if (query.orderBy) return this.sorted(query);
    return (await this.entities(this.filter(query, null))).map((entity) => fromEntity<T>(entity));
  }

  private async sorted(query: Omit<ListQuery<T>, 'cursor'>): Promise<Stored<T>[]> {
    const field = query.orderBy as string;
    const records = (await this.entities(this.filter(query, null))).map((entity) => fromEntity<T>(entity));
    const direction = query.descending ? -1 : 1;
    const keyed = records.map((record) => ({ record, key: sortValue(Reflect.get(record, field)) }));
    keyed.sort((a, b) => {
      if (a.key !== b.key) {
        if (a.key === null) return -direction;
        if (b.key === null) return direction;
        return (a.key < b.key ? -1 : 1) * direction;
      }
      return a.record.id < b.record.id ? -1 : a.record.id > b.record.id ? 1 : 0;
    });
    return keyed.map((k) => k.record);
  }

  async create(record: T): Promise<Stored<T>> {
    const clean = strip(record);
    const committed = await this.commitUnit([write.create(this.name, clean)]);
    return { ...clean, etag: etagOf(committed, 0) };
  }

  async update(record: T, expectedEtag: string): Promise<Stored<T>> {
    const clean = strip(record);
    const committed = await this.commitUnit([write.update(this.name, { ...clean, etag: expectedEtag })]);
    return { ...clean, etag: etagOf(committed, 0) };
  }

  async delete(id: string, expectedEtag: string): Promise<void> {
    await this.commitUnit([write.remove(this.name, id, expectedEtag)]);
  }
}

/** The record without a version tag a caller may have left on it. */
export function strip<T>(record: T): T {
  const { etag: _etag, ...rest } = record as T & { etag?: string };
  return rest as T;
}
