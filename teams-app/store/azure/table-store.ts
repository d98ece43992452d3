import { randomUUID } from 'node:crypto';
import { TableClient, type TransactionAction } from '@azure/data-tables';
import { AppError } from '../../domain';
import {
  INDEXES,
  OPERATIONAL_COLLECTIONS,
  isOperational,
  type CollectionName,
  type Committed,
  type OperationalCollectionName,
  type OperationalStore,
  type WriteOp,
} from '../port';
import { MARKER_ROW, literal, rowKeyOf, toEntity } from './entity-codec';
import { AzureStorageSettings, isInsecure, storageNames } from './settings';
import { storageStatus, unavailable } from './storage-errors';
import { TableCollection, strip } from './table-collection';

/** Options of the Table Storage operational store. */
export interface AzureOperationalStoreOptions extends AzureStorageSettings {
  /**
   * How often `version()` looks (in the background, never in the caller's way) for writes by other instances
   * (default 1000 ms).
   */
  refreshMs?: number;
}

/** The store and its table client, for the queue outbox built on the same table. */
export interface AzureOperationalStore extends OperationalStore {
  readonly table: TableClient;
}

/** Entity group transactions take at most 100 operations; one is the change marker. */
const MAX_UNIT = 99;

/** A table client for a connection string (plain HTTP allowed for Azurite). */
export function tableClient(connectionString: string, table: string): TableClient {
  return TableClient.fromConnectionString(connectionString, table, {
    allowInsecureConnection: isInsecure(connectionString),
  });
}

/**
 * The operational store on Azure Table Storage: conversation references, raw chat records and the outbox's
 * delivery records, with ETag concurrency (a stale write is `store.conflict`, a taken id `store.already-exists`).
 *
 * Units of work: Table Storage is atomic within one partition of one table (an entity group transaction, at most
 * 100 operations), so each collection is one partition of one table and a unit writes within one collection, all
 * or nothing. No use case writes two operational collections in one unit; such a unit, or one of more than 99
 * writes, is refused (`internal`) rather than applied half. `ensure` reads first and leaves out records that exist
 * (one created meanwhile makes the transaction fail, and the unit is tried once more). A delete inside a unit of
 * several writes checks its version by a read just before the transaction (the SDK's transactions delete
 * unconditionally); a delete on its own is conditional in the service.
 *
 * Versions: each transaction also upserts the collection's change marker (no condition, so writers never conflict
 * on it) with a fresh token. `version()` answers from memory: this instance's own writes change it at once, and
 * other instances' writes once a background read of the markers (at most every `refreshMs`, started by a call to
 * `version()`) sees their token.
 */
export async function openAzureOperationalStore(options: AzureOperationalStoreOptions): Promise<AzureOperationalStore> {
  const settings = AzureStorageSettings.parse(options);
  const names = storageNames(settings.prefix);
  const table = tableClient(settings.connectionString, names.table);
  try {
    await table.createTable();
  } catch (error) {
    if (storageStatus(error).status !== 409) throw unavailable(error, `create the table ${names.table}`);
  }
  const refreshMs = Math.max(0, options.refreshMs ?? 1000);
  const writes = Object.fromEntries(OPERATIONAL_COLLECTIONS.map((n) => [n, 0])) as Record<
    OperationalCollectionName,
    number
  >;
  const markers = Object.fromEntries(OPERATIONAL_COLLECTIONS.map((n) => [n, ''])) as Record<
    OperationalCollectionName,
    string
  >;
  let refreshedAt = Number.NEGATIVE_INFINITY;
  let refreshing = false;
  let closed = false;

  function changed(name: OperationalCollectionName, token: string): void {
    writes[name] += 1;
    markers[name] = token;
  }

  async function refreshMarkers(): Promise<void> {
    const before = { ...writes };
    const filter = `RowKey eq ${literal(MARKER_ROW)}`;
    for await (const marker of table.listEntities<{ token?: string }>({ queryOptions: { filter } })) {
      const name = marker.partitionKey as OperationalCollectionName;
      // A write of ours since the read began knows better than the read.
      if (!(name in writes) || writes[name] !== before[name] || upserting.has(name)) continue;
      if (typeof marker.token === 'string') markers[name] = marker.token;
    }
  }

  function maybeRefresh(): void {
    if (closed || refreshing || performance.now() - refreshedAt < refreshMs) return;
    refreshing = true;
    refreshedAt = performance.now();
    refreshMarkers()
      .catch(() => undefined)
      .finally(() => (refreshing = false));
  }

  async function commitUnit(unit: readonly WriteOp[], retried = false): Promise<Committed> {
    if (unit.length === 0) return [];
    const name = unit[0]!.collection;
    if (!isOperational(name) || unit.some((w) => w.collection !== name)) {
      throw new AppError('internal', 'A unit of work on Azure Table Storage writes one operational collection.');
    }
    if (unit.length > MAX_UNIT) {
      throw new AppError('internal', `A unit of work on Azure Table Storage writes at most ${MAX_UNIT} records.`);
    }
    const ids = unit.map((w) => (w.op === 'delete' ? w.id : w.record.id));
    if (new Set(ids).size !== ids.length) {
      throw new AppError('internal', 'A unit of work on Azure Table Storage writes each record once.');
    }
    const collection = collections[name];
    if (unit.length === 1 && unit[0]!.op !== 'ensure') return [await writeOne(unit[0]!)];
    const results: (string | null | undefined)[] = unit.map(() => undefined);
    const actions: TransactionAction[] = [];
    const actionOf: number[] = [];
    const fields = INDEXES[name];
    const existing = await Promise.all(
      unit.map((w, i) => (w.op === 'ensure' || w.op === 'delete' ? collection.get(ids[i]!) : null)),
    );
    unit.forEach((w, i) => {
      if (w.op === 'ensure') {
        const found = existing[i];
        if (found) return void (results[i] = found.etag);
        actions.push(['create', toEntity(name, strip(w.record), fields)]);
      } else if (w.op === 'create') {
        actions.push(['create', toEntity(name, strip(w.record), fields)]);
      } else if (w.op === 'update') {
        actions.push(['update', toEntity(name, strip(w.record), fields), 'Replace', { etag: w.etag }]);
      } else {
        if (existing[i]?.etag !== w.etag) throw staleOrMissing(name, w.id);
        actions.push(['delete', { partitionKey: name, rowKey: rowKeyOf(w.id) }]);
        results[i] = null;
        return;
      }
      actionOf.push(i);
    });
    if (actions.length === 0) return results as Committed;
    const token = randomUUID();
    actions.push(['upsert', { partitionKey: name, rowKey: MARKER_ROW, token }, 'Replace']);
    let response;
    try {
      response = await table.submitTransaction(actions);
    } catch (error) {
      const { status } = storageStatus(error);
      if (status === 409 && !retried && unit.some((w) => w.op === 'ensure')) return commitUnit(unit, true);
      const hasCreate = unit.some((w) => w.op === 'create' || w.op === 'ensure');
      throw mapWriteError(error, name, ids.join(', '), hasCreate ? 'create' : 'update');
    }
    changed(name, token);
    let k = 0;
    for (const i of actionOf) {
      const etag = response.subResponses[k]?.etag;
      k += 1;
      if (unit[i]!.op !== 'delete') results[i] = etag ?? (await collection.get(ids[i]!))?.etag ?? null;
    }
    return results as Committed;
  }

  /** A unit of one create, update or delete: one conditional call, no transaction; the marker follows. */
  async function writeOne(only: Exclude<WriteOp, { op: 'ensure' }>): Promise<string | null> {
    const name = only.collection as OperationalCollectionName;
    const id = only.op === 'delete' ? only.id : only.record.id;
    let etag: string | null = null;
    try {
      if (only.op === 'delete') await table.deleteEntity(name, rowKeyOf(id), { etag: only.etag });
      else if (only.op === 'create')
        etag = (await table.createEntity(toEntity(name, strip(only.record), INDEXES[name]))).etag ?? null;
      else {
        const entity = toEntity(name, strip(only.record), INDEXES[name]);
        etag = (await table.updateEntity(entity, 'Replace', { etag: only.etag })).etag ?? null;
      }
    } catch (error) {
      throw mapWriteError(error, name, id, only.op);
    }
    markChanged(name);
    if (only.op !== 'delete' && etag === null) etag = (await collections[name].get(id))?.etag ?? null;
    return etag;
  }

  const upserting = new Set<OperationalCollectionName>();
  const dirty = new Set<OperationalCollectionName>();

  /**
   * Counts a write of this instance at once and tells the others through the collection's marker, one upsert at a
   * time per collection (writes in between share the next one).
   */
  function markChanged(name: OperationalCollectionName): void {
    changed(name, randomUUID());
    if (upserting.has(name)) return void dirty.add(name);
    upserting.add(name);
    void (async () => {
      do {
        dirty.delete(name);
        try {
          await table.upsertEntity({ partitionKey: name, rowKey: MARKER_ROW, token: markers[name] }, 'Replace');
        } catch {
          // The marker only tells other instances to refresh sooner; the write itself stands.
        }
      } while (dirty.has(name) && !closed);
      upserting.delete(name);
    })();
  }

  const collections = {
    conversations: new TableCollection(table, 'conversations', INDEXES.conversations, (u) => commitUnit(u)),
    chatMessages: new TableCollection(table, 'chatMessages', INDEXES.chatMessages, (u) => commitUnit(u)),
    outbox: new TableCollection(table, 'outbox', INDEXES.outbox, (u) => commitUnit(u)),
    syncPositions: new TableCollection(table, 'syncPositions', INDEXES.syncPositions, (u) => commitUnit(u)),
  };

  return {
    ...collections,
    table,
    kind: 'azure-tables',
    commit: (unit) => commitUnit(unit),
    version(...of: CollectionName[]): string {
      maybeRefresh();
      return of
        .filter(isOperational)
        .map((name) => `${writes[name]}.${markers[name]}`)
        .join('|');
    },
    async health() {
      try {
        await table.getAccessPolicy();
        return { ok: true, kind: 'azure-tables', detail: table.url };
      } catch (error) {
        const { status, code } = storageStatus(error);
        return { ok: false, kind: 'azure-tables', detail: `${table.url}: ${status ?? 'no answer'} ${code ?? ''}` };
      }
    },
    async close() {
      closed = true;
    },
  };
}

function staleOrMissing(name: string, id: string): AppError {
  return new AppError('store.conflict', `Someone else changed or removed ${name} "${id}" in the meantime.`, { id });
}

/** Maps a failed write: a taken id, a stale or missing record, or the service being unavailable. */
function mapWriteError(error: unknown, name: string, id: string, op: 'create' | 'update' | 'delete'): AppError {
  const { status, code } = storageStatus(error);
  if (status === 409 && (code === 'EntityAlreadyExists' || op === 'create')) {
    return new AppError('store.already-exists', `${name} "${id}" already exists.`, { id });
  }
  if (status === 412 || status === 404) return staleOrMissing(name, id);
  return unavailable(error, `write ${name}`);
}
