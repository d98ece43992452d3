import type { TableEntity, TableEntityResult } from '@azure/data-tables';
import { AppError } from '../../domain';

/**
 * How a record sits in a Table Storage entity:
 * - PartitionKey: the collection name (one partition per collection, so a unit of work within a collection is one
 *   entity group transaction); RowKey: `r` + the id's UTF-8 bytes in hex, which keeps every character Table
 *   Storage forbids in keys out and sorts like the ids themselves (byte order).
 * - The record as JSON in `d0`, `d1`, … (a string property holds at most 64 KiB; a chat message may be longer),
 *   `n` the number of parts.
 * - Each indexed field as `x_<field>`: `s<value>` for a value (booleans and numbers as text, like the SQLite
 *   columns), `n` for null, so equality filters on them, null included, run in the service.
 */
export const RECORD_PREFIX = 'r';
/** The row of a collection's change marker (sorts after every record row). */
export const MARKER_ROW = 'v';
const PART_CHARS = 30_000;

export function rowKeyOf(id: string): string {
  return RECORD_PREFIX + Buffer.from(id, 'utf8').toString('hex');
}

/** The stored form of an indexed value, as filters compare it. */
export function indexValue(value: unknown): string {
  if (value === null || value === undefined) return 'n';
  if (typeof value === 'boolean') return value ? 'strue' : 'sfalse';
  return `s${String(value)}`;
}

/** The property holding an indexed field. */
export function indexProperty(field: string): string {
  return `x_${field}`;
}

/** The entity of a record (its etag left out). */
export function toEntity(
  partitionKey: string,
  record: { id: string },
  fields: readonly string[],
): TableEntity<Record<string, unknown>> {
  const json = JSON.stringify(record);
  const entity: TableEntity<Record<string, unknown>> = { partitionKey, rowKey: rowKeyOf(record.id) };
  let parts = 0;
  for (let start = 0; start < json.length || parts === 0; start += PART_CHARS) {
    entity[`d${parts}`] = json.slice(start, start + PART_CHARS);
    parts += 1;
  }
  entity.n = parts;
  for (const field of fields) entity[indexProperty(field)] = indexValue(Reflect.get(record, field));
  return entity;
}

/** The record an entity holds, with the entity's ETag as its version. */
export function fromEntity<T>(entity: TableEntityResult<Record<string, unknown>>): T & { etag: string } {
  const parts = Number(entity.n);
  let json = '';
  for (let i = 0; i < parts; i += 1) json += String(entity[`d${i}`] ?? '');
  if (!entity.etag || !json) throw new AppError('store.unavailable', 'A stored entity has no record or no ETag.');
  return { ...(JSON.parse(json) as T), etag: entity.etag };
}

/** An OData string literal (single quotes doubled). */
export function literal(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
