import { INDEXES, type BusinessCollectionName, type Records } from '../port';

/** The SharePoint column types the store uses (Graph columnDefinition facets). */
export type ColumnType = 'text' | 'note' | 'dateTime' | 'dateOnly' | 'number' | 'boolean';

/** A column of a list: what provisioning creates, and how a record fills it. */
export interface ColumnSpec {
  /** Internal name (Graph `name`, the key in an item's `fields`). */
  name: string;
  /** What people see in SharePoint. */
  displayName: string;
  type: ColumnType;
  indexed: boolean;
  /** Unique values (enforceUniqueValues; SharePoint requires the column to be indexed too). */
  unique?: boolean;
  /** Kept out of SharePoint's forms (the record's JSON: for the app, not for people). */
  hidden?: boolean;
}

/** A column filled from a record, for people who read and filter the list in SharePoint. */
interface ReadableColumn<T> extends ColumnSpec {
  value: (record: T) => string | number | boolean | null;
}

/** How one business collection is kept in a SharePoint list. */
export interface ListSpec<K extends BusinessCollectionName = BusinessCollectionName> {
  collection: K;
  /** The list's display name, also how the store addresses it (`/lists/{displayName}`). */
  listName: string;
  /** The built-in Title column's value. */
  title: (record: Records[K]) => string;
  /** Indexed query columns, one per field of INDEXES, named by {@link queryColumn}. */
  queryColumns: readonly { field: string; column: ColumnSpec }[];
  /** Typed columns people read in SharePoint views (not queried by the app). */
  readable: readonly ReadableColumn<Records[K]>[];
}

/** The column holding the record's id: indexed and unique, so a second create of an id is refused (409). */
export const RECORD_ID: ColumnSpec = {
  name: 'RecordId',
  displayName: 'Record id',
  type: 'text',
  indexed: true,
  unique: true,
};

/**
 * The record's full JSON. A plain multi-line text column holds 63,999 characters in SharePoint lists; the JSON is
 * cut into pieces of {@link JSON_PIECE} characters over RecordJson, RecordJson2 … RecordJson{@link JSON_PIECES}
 * (about 470,000 characters in all). A larger record is refused with `request.invalid` before anything is
 * written: no business record comes near that (the largest, a minutes document, is bounded by its schema).
 */
export const JSON_PIECE = 60_000;
export const JSON_PIECES = 8;
/** The column of the JSON's piece `piece` (0-based): RecordJson, RecordJson2, … */
export const jsonColumnName = (piece: number): string => (piece === 0 ? 'RecordJson' : `RecordJson${piece + 1}`);
/** The JSON columns of every list, in piece order. */
export const JSON_COLUMNS: readonly ColumnSpec[] = Array.from({ length: JSON_PIECES }, (_, piece) => ({
  name: jsonColumnName(piece),
  displayName: piece === 0 ? 'Record (JSON)' : `Record (JSON, part ${piece + 1})`,
  type: 'note' as const,
  indexed: false,
  hidden: true,
}));

/**
 * The query column of a field: `Isc` + the field's name with a capital (`status` → `IscStatus`), so no field
 * meets a SharePoint built-in name (Author, Status, Created …).
 */
export function queryColumn(field: string): string {
  return `Isc${field.charAt(0).toUpperCase()}${field.slice(1)}`;
}

/**
 * How a value of an indexed field is written in its query column: text, with null as {@link NULL_VALUE} so that
 * "no owner" can be filtered on like any value (SharePoint cannot filter list items on an empty column).
 */
export const NULL_VALUE = '(none)';
/** A field's value as its query column holds it (see {@link NULL_VALUE}). */
export function queryValue(value: unknown): string {
  if (value === null || value === undefined) return NULL_VALUE;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return String(value);
}

/** SharePoint's single-line text limit. */
const TEXT_LIMIT = 255;
const clip = (value: string): string => (value.length > TEXT_LIMIT ? `${value.slice(0, TEXT_LIMIT - 1)}…` : value);

function text<T>(name: string, displayName: string, value: (r: T) => string | null): ReadableColumn<T> {
  return { name, displayName, type: 'text', indexed: false, value: (r) => nullableClip(value(r)) };
}
/** What a readable multi-line column shows of a longer text (the whole text is in the record's JSON). */
const NOTE_LIMIT = 60_000;
function note<T>(name: string, displayName: string, value: (r: T) => string | null): ReadableColumn<T> {
  return { name, displayName, type: 'note', indexed: false, value: (r) => clipNote(value(r)) };
}
const clipNote = (value: string | null) =>
  value !== null && value.length > NOTE_LIMIT ? `${value.slice(0, NOTE_LIMIT - 1)}…` : value;
function dateTime<T>(name: string, displayName: string, value: (r: T) => string | null): ReadableColumn<T> {
  return { name, displayName, type: 'dateTime', indexed: false, value };
}
function dateOnly<T>(name: string, displayName: string, value: (r: T) => string | null): ReadableColumn<T> {
  return { name, displayName, type: 'dateOnly', indexed: false, value };
}
function number<T>(name: string, displayName: string, value: (r: T) => number | null): ReadableColumn<T> {
  return { name, displayName, type: 'number', indexed: false, value };
}
function boolean<T>(name: string, displayName: string, value: (r: T) => boolean): ReadableColumn<T> {
  return { name, displayName, type: 'boolean', indexed: false, value };
}
const nullableClip = (value: string | null) => (value === null ? null : clip(value));

/** A field's name as people read it: `sourceMeetingId` → "Source meeting id". */
function spoken(field: string): string {
  const words = field.replace(/([A-Z])/g, ' $1').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function list<K extends BusinessCollectionName>(
  collection: K,
  listName: string,
  title: (record: Records[K]) => string,
  readable: readonly ReadableColumn<Records[K]>[],
): ListSpec<K> {
  return {
    collection,
    listName,
    title: (record) => clip(title(record)),
    queryColumns: INDEXES[collection].map((field) => ({
      field,
      column: { name: queryColumn(field), displayName: spoken(field), type: 'text', indexed: true },
    })),
    readable,
  };
}

/** Every business collection's list: name, title, indexed query columns and readable columns. */
export const LISTS: { [K in BusinessCollectionName]: ListSpec<K> } = {
  topics: list('topics', 'ISC Topics', (t) => t.title.en, [
    note('Description', 'Description', (t) => t.description),
    text('Sectors', 'Sectors', (t) => t.sectors.join(', ')),
    number('SinceYear', 'Since', (t) => t.sinceYear),
  ]),
  people: list('people', 'ISC People', (p) => p.name, [
    text('JobTitle', 'Job title', (p) => p.jobTitle),
    text('Roles', 'Roles', (p) => p.roles.join(', ')),
    text('PersonLocale', 'Language', (p) => p.locale),
  ]),
  assignments: list('assignments', 'ISC Assignments', (a) => `${a.topicId} / ${a.sector}`, [
    boolean('IscgCoordinator', 'ISCG coordinator', (a) => a.iscgCoordinator),
  ]),
  meetings: list('meetings', 'ISC Meetings', (m) => m.title, [
    dateTime('MeetingStart', 'Starts', (m) => m.start),
    dateTime('MeetingEnd', 'Ends', (m) => m.end),
    text('Place', 'Place', (m) => m.place),
    number('MeetingNumber', 'Number', (m) => m.number),
  ]),
  statusUpdates: list('statusUpdates', 'ISC Status Updates', (u) => `${u.topicId} / ${u.sector}`, [
    note('Progress', 'Progress', (u) => u.progress),
    note('NextSteps', 'Next steps', (u) => u.nextSteps),
    dateTime('SubmittedAt', 'Submitted', (u) => u.submittedAt),
    boolean('Late', 'Late', (u) => u.late),
    boolean('Escalated', 'Escalation', (u) => u.escalation.flag),
  ]),
  actions: list('actions', 'ISC Actions', (a) => a.text, [
    text('OwnerName', 'Owner', (a) => a.ownerName),
    dateOnly('Due', 'Due', (a) => a.due),
  ]),
  decisions: list('decisions', 'ISC Decisions', (d) => d.text, [
    note('DecisionText', 'Decision', (d) => d.text),
    dateTime('RecordedAt', 'Recorded', (d) => d.recordedAt),
  ]),
  escalations: list('escalations', 'ISC Escalations', (e) => e.ask, [
    text('EscalatedTo', 'To', (e) => e.to),
    dateTime('RaisedAt', 'Raised', (e) => e.raisedAt),
  ]),
  events: list('events', 'ISC Events', (e) => e.name, [
    dateOnly('EventEnd', 'Ends', (e) => e.end),
    text('Place', 'Place', (e) => e.place),
    number('Participants', 'Participants', (e) => e.participants),
  ]),
  audit: list('audit', 'ISC Audit', (a) => `${a.action} ${a.entity} ${a.entityId}`, [
    text('ActorId', 'Actor', (a) => a.actorId),
    note('Detail', 'Detail', (a) => a.detail),
  ]),
  delegations: list('delegations', 'ISC Delegations', (d) => `${d.topicId}: ${d.fromId} → ${d.toId}`, [
    dateTime('DelegatedAt', 'Delegated', (d) => d.at),
  ]),
  documents: list('documents', 'ISC Documents', (d) => `${d.meetingId} ${d.kind} v${d.version}`, [
    text('FileName', 'File', (d) => d.file),
    dateTime('PublishedAt', 'Published', (d) => d.publishedAt),
  ]),
};

/** Every column a list has besides Title, in the order provisioning creates them. */
export function columnsOf(spec: Pick<ListSpec, 'queryColumns'> & { readable: readonly ColumnSpec[] }): ColumnSpec[] {
  return [
    RECORD_ID,
    ...spec.queryColumns.map((q) => q.column),
    ...JSON_COLUMNS,
    ...spec.readable.map((c) => ({ name: c.name, displayName: c.displayName, type: c.type, indexed: c.indexed })),
  ];
}

/** The document library of the meeting documents and its columns (set on each file's list item). */
export const LIBRARY = {
  /** The site's default document library ("Documents", Shared Documents); the files go under this folder. */
  listName: 'Documents',
  root: 'ISC Coordinator',
  columns: [
    { name: 'IscMeeting', displayName: 'Meeting', type: 'text', indexed: true },
    { name: 'IscDocumentKind', displayName: 'Document kind', type: 'text', indexed: true },
    { name: 'IscDocumentVersion', displayName: 'Document version', type: 'number', indexed: false },
    { name: 'IscDocumentStatus', displayName: 'Document status', type: 'text', indexed: true },
  ] satisfies ColumnSpec[],
} as const;

/** Graph's columnDefinition body for a column spec. */
export function columnDefinition(column: ColumnSpec): Record<string, unknown> {
  const facet: Record<ColumnType, Record<string, unknown>> = {
    text: { text: { allowMultipleLines: false, maxLength: TEXT_LIMIT } },
    note: { text: { allowMultipleLines: true, textType: 'plain' } },
    dateTime: { dateTime: { format: 'dateTime' } },
    dateOnly: { dateTime: { format: 'dateOnly' } },
    number: { number: {} },
    boolean: { boolean: {} },
  };
  return {
    name: column.name,
    displayName: column.displayName,
    indexed: column.indexed,
    ...(column.unique ? { enforceUniqueValues: true } : {}),
    ...(column.hidden ? { hidden: true } : {}),
    ...facet[column.type],
  };
}
