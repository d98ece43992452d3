import { AppError } from '../domain';
import type {
  Action,
  Assignment,
  AuditEntry,
  ConversationRef,
  OutboxMessage,
  Delegation,
  ChatRecord,
  DocumentVersion,
  Decision,
  Escalation,
  Event,
  Meeting,
  Person,
  StatusUpdate,
  SyncPosition,
  Topic,
} from '../domain';

/** A record as stored: the entity plus its version tag (an ETag in SharePoint, a counter in SQLite). */
export type Stored<T> = T & { etag: string };

/** One page of a list call; `nextCursor` is null on the last page. */
export interface Page<T> {
  items: Stored<T>[];
  nextCursor: string | null;
}

/** A list call: equality filters on indexed fields only, ordered by an indexed field, paged. */
export interface ListQuery<T> {
  where?: Partial<Record<keyof T & string, string | number | boolean | null>>;
  orderBy?: keyof T & string;
  descending?: boolean;
  pageSize?: number;
  cursor?: string | null;
}

/**
 * A collection of one kind of record. Writes take the version the caller read: a stale write
 * fails with `store.conflict`, never overwrites silently.
 */
export interface Collection<T extends { id: string }> {
  get(id: string): Promise<Stored<T> | null>;
  list(query?: ListQuery<T>): Promise<Page<T>>;
  /** Every record matching the query, following all pages. */
  all(query?: Omit<ListQuery<T>, 'cursor'>): Promise<Stored<T>[]>;
  /** Adds a record; `store.already-exists` when the id is taken (ids double as idempotency keys). */
  create(record: T): Promise<Stored<T>>;
  /** Replaces a record if its version is still `expectedEtag`. */
  update(record: T, expectedEtag: string): Promise<Stored<T>>;
  delete(id: string, expectedEtag: string): Promise<void>;
}

/** The fields each collection can filter and order on (SharePoint indexed columns). */
export const INDEXES = {
  topics: ['kind', 'status', 'leadSector'],
  people: ['aadObjectId', 'sector', 'email'],
  assignments: ['topicId', 'sector', 'focalPointId', 'alternateId'],
  meetings: ['body', 'start', 'state'],
  statusUpdates: ['meetingId', 'topicId', 'sector', 'authorId'],
  actions: ['ownerId', 'topicId', 'status', 'sourceMeetingId'],
  decisions: ['meetingId', 'topicId'],
  escalations: ['meetingId', 'topicId', 'status'],
  events: ['meetingId', 'sector', 'start'],
  audit: ['entity', 'entityId', 'at'],
  conversations: ['aadObjectId', 'personId', 'conversationType', 'conversationId'],
  outbox: ['status', 'meetingId', 'personId', 'notBefore', 'kind'],
  delegations: ['meetingId', 'topicId', 'fromId', 'toId'],
  chatMessages: ['chatId', 'meetingId', 'timestamp'],
  documents: ['meetingId', 'kind', 'status'],
  syncPositions: [],
} as const;

/** The names of the collections every store adapter provides. */
export type CollectionName = keyof typeof INDEXES;

/**
 * Operational data: delivery queue, conversation references, raw chat records and the positions of feeds read by
 * delta (the meeting calendar's). They stay in the operational store (the embedded SQLite on one instance, Azure
 * Storage when scaled out) whatever holds the business records (SQLite or SharePoint lists). No unit of work mixes
 * the two kinds.
 */
export const OPERATIONAL_COLLECTIONS = ['outbox', 'conversations', 'chatMessages', 'syncPositions'] as const;
export type OperationalCollectionName = (typeof OPERATIONAL_COLLECTIONS)[number];
/** The task force's records: what people read, filter and keep (SharePoint lists in production). */
export type BusinessCollectionName = Exclude<CollectionName, OperationalCollectionName>;
export const BUSINESS_COLLECTIONS = (Object.keys(INDEXES) as CollectionName[]).filter(
  (name): name is BusinessCollectionName => !(OPERATIONAL_COLLECTIONS as readonly string[]).includes(name),
);

export function isOperational(name: CollectionName): name is OperationalCollectionName {
  return (OPERATIONAL_COLLECTIONS as readonly string[]).includes(name);
}

/** The record type of each collection. */
export interface Records {
  topics: Topic;
  people: Person;
  assignments: Assignment;
  meetings: Meeting;
  statusUpdates: StatusUpdate;
  actions: Action;
  decisions: Decision;
  escalations: Escalation;
  events: Event;
  audit: AuditEntry;
  conversations: ConversationRef;
  outbox: OutboxMessage;
  delegations: Delegation;
  chatMessages: ChatRecord;
  documents: DocumentVersion;
  syncPositions: SyncPosition;
}

/** The health of a store, for /healthz. */
export interface StoreHealth {
  ok: boolean;
  kind: string;
  detail: string;
}

/**
 * One write of a unit of work. `ensure` creates a record unless one with its id exists (an idempotent
 * step: a retried operation finds it there and moves on); `update` and `delete` carry the version read.
 */
export type WriteOp = {
  [K in CollectionName]:
    | { collection: K; op: 'create'; record: Records[K] }
    | { collection: K; op: 'ensure'; record: Records[K] }
    | { collection: K; op: 'update'; record: Records[K]; etag: string }
    | { collection: K; op: 'delete'; id: string; etag: string };
}[CollectionName];

/**
 * Builds the writes of a unit of work, keeping each collection's name and record type together. (TypeScript
 * cannot check a generic collection against the distributed union, hence the one conversion per builder.)
 */
export const write = {
  create: <K extends CollectionName>(collection: K, record: Records[K]): WriteOp =>
    ({ collection, op: 'create', record }) as unknown as WriteOp,
  ensure: <K extends CollectionName>(collection: K, record: Records[K]): WriteOp =>
    ({ collection, op: 'ensure', record }) as unknown as WriteOp,
  /** Replaces a record read earlier, if it is still the version read (its etag). */
  update: <K extends CollectionName>(collection: K, record: Stored<Records[K]>): WriteOp =>
    ({ collection, op: 'update', record, etag: record.etag }) as unknown as WriteOp,
  remove: <K extends CollectionName>(collection: K, id: string, etag: string): WriteOp =>
    ({ collection, op: 'delete', id, etag }) as unknown as WriteOp,
};

/**
 * The version tags a unit of work left, one per write in its order: the new record's for `create` and `update`,
 * the kept or new record's for `ensure`, null for `delete`.
 */
export type Committed = readonly (string | null)[];

/** The version tag the write at `index` of a committed unit left on its record (a create, ensure or update). */
export function etagOf(committed: Committed, index: number): string {
  const etag = committed[index];
  if (typeof etag !== 'string') throw new AppError('internal', `Write ${index} of the unit left no record.`);
  return etag;
}

/** What every adapter has besides its collections. */
interface StoreBase {
  readonly kind: string;
  /**
   * Applies the writes in order as one unit: all of them or none. A stale `update`/`delete` fails the whole
   * unit with `store.conflict`, a taken id on `create` with `store.already-exists`; nothing is written then.
   * Resolves with the version tag each write left on its record, in the order of the writes (see {@link etagOf}),
   * once they are committed. An adapter may commit units that arrive together in one go (the SQLite one does, per
   * turn of the event loop); each unit is still all or nothing on its own.
   */
  commit(writes: readonly WriteOp[]): Promise<Committed>;
  /**
   * A token that changes whenever one of the named collections changes: at once for a write through this store,
   * and (at the latest from the next turn of the event loop) for one by any other writer of the same data; the
   * same token means the same contents. Read models cache on it (the register view): read the token before the
   * records, so a write in between only costs one more refresh. Cheap: no I/O beyond a local check.
   */
  version(...collections: CollectionName[]): string;
  health(): Promise<StoreHealth>;
  close(): Promise<void>;
}

/** The store port: one collection per entity. Adapters: sqlite (embedded) and sharepoint (production). */
export type Store = { [K in CollectionName]: Collection<Records[K]> } & StoreBase;

/** A store of the business records only (the SharePoint adapter); composed with an operational store. */
export type BusinessStore = { [K in BusinessCollectionName]: Collection<Records[K]> } & StoreBase;

/** A store of the operational data only (the Azure Storage adapter); composed with a business store. */
export type OperationalStore = { [K in OperationalCollectionName]: Collection<Records[K]> } & StoreBase;
