import { z } from 'zod';
import { AppError } from '../../domain';
import type { BusinessCollectionName, Records, Stored } from '../port';
import {
  JSON_PIECE,
  JSON_PIECES,
  RECORD_ID,
  jsonColumnName,
  queryValue,
  type ColumnType,
  type ListSpec,
} from './schema';

/** A list item as Graph returns it with `expand=fields` (only what the store reads). */
export const ListItem = z.object({
  id: z.string().min(1),
  eTag: z.string().min(1),
  fields: z.record(z.string(), z.unknown()),
});
export type ListItem = z.infer<typeof ListItem>;

/** A list item without its fields (what a check of existence and version asks for). */
export const ItemRef = z.object({ id: z.string().min(1), eTag: z.string().min(1) });
export type ItemRef = z.infer<typeof ItemRef>;
/** A page of items without their fields. */
export const ItemRefPage = z.object({ value: z.array(ItemRef) });

/** A page of list items. */
export const ListItemPage = z.object({
  value: z.array(ListItem),
  '@odata.nextLink': z.string().optional(),
});

/** The fieldValueSet answered by an update (its `@odata.etag` is the item's new eTag). */
export const FieldValueSet = z.looseObject({ '@odata.etag': z.string().optional() });

/** What a stored record must at least be: an object with an id (the collection's domain schema is the services'). */
const RecordShape = z.looseObject({ id: z.string().min(1) });

/** A value as a SharePoint column of its type takes it. */
function columnValue(type: ColumnType, value: string | number | boolean | null): unknown {
  if (value === null || value === '') return null;
  if (type === 'dateOnly' && typeof value === 'string') return `${value}T00:00:00Z`;
  return value;
}

/** The fields of the list item that holds `record`: Title, id, query columns, JSON pieces, readable columns. */
export function fieldsOf<K extends BusinessCollectionName>(
  spec: ListSpec<K>,
  record: Records[K],
): Record<string, unknown> {
  const json = JSON.stringify(record);
  const pieces = Math.ceil(json.length / JSON_PIECE) || 1;
  if (pieces > JSON_PIECES) {
    throw new AppError(
      'request.invalid',
      `This ${spec.collection} record is too large to keep in SharePoint (${json.length} characters; at most ${JSON_PIECE * JSON_PIECES}).`,
      { id: record.id },
    );
  }
  const fields: Record<string, unknown> = { Title: spec.title(record), [RECORD_ID.name]: record.id };
  for (const { field, column } of spec.queryColumns)
    fields[column.name] = queryValue((record as Record<string, unknown>)[field]);
  // Every piece is written, the unused ones empty, so a record that shrank leaves no old piece behind.
  for (let piece = 0; piece < JSON_PIECES; piece += 1)
    fields[jsonColumnName(piece)] = piece < pieces ? json.slice(piece * JSON_PIECE, (piece + 1) * JSON_PIECE) : null;
  for (const column of spec.readable) fields[column.name] = columnValue(column.type, column.value(record));
  return fields;
}

/** The record a list item holds, with the item's eTag as its version. */
export function recordOf<T>(spec: Pick<ListSpec, 'listName'>, item: ListItem): Stored<T> {
  let json = '';
  for (let piece = 0; piece < JSON_PIECES; piece += 1) {
    const value = item.fields[jsonColumnName(piece)];
    if (typeof value !== 'string' || value === '') break;
    json += value;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new AppError('store.unavailable', `Item ${item.id} of the list "${spec.listName}" holds no readable record.`);
  }
  const record = RecordShape.safeParse(parsed);
  if (!record.success)
    throw new AppError('store.unavailable', `Item ${item.id} of the list "${spec.listName}" holds no readable record.`);
  return { ...(record.data as T), etag: item.eTag };
}

/** The record without the version tag a caller may have left on it (the etag is the item's, never stored). */
export function withoutEtag<T>(record: T): T {
  const { etag: _etag, ...rest } = record as T & { etag?: string };
  return rest as T;
}
