import { randomUUID } from 'node:crypto';
import type { AuditEntry } from '../../domain';
import { write, type WriteOp } from '../../store';

/** What an audit entry of a register write records: who, what, which record, and the record before and after. */
export interface AuditedWrite {
  actorId: string;
  action: string;
  entity: string;
  entityId: string;
  /** The record before the write (null: created). */
  before: object | null;
  /** The record after the write (null: deleted). */
  after: object | null;
  at: string;
}

function plain(record: object | null): Record<string, unknown> | null {
  if (!record) return null;
  const { etag: _etag, ...rest } = record as Record<string, unknown>;
  return rest;
}

/** The fields that differ between two versions of a record (a field absent on one side counts). */
export function changedFields(before: object | null, after: object | null): string[] {
  const a = plain(before) ?? {};
  const b = plain(after) ?? {};
  return [...new Set([...Object.keys(a), ...Object.keys(b)])]
    .filter((key) => JSON.stringify(a[key] ?? null) !== JSON.stringify(b[key] ?? null))
    .sort();
}

/**
 * The audit entry of a write: on a change, only the fields changed, as they were and as written; on a creation the
 * whole record after, on a deletion the whole record before. Goes into the write's own unit of work.
 */
export function auditEntryOf(entry: AuditedWrite): AuditEntry {
  const before = plain(entry.before);
  const after = plain(entry.after);
  const fields = before && after ? changedFields(before, after) : null;
  const pick = (record: Record<string, unknown>) =>
    Object.fromEntries((fields ?? []).map((key) => [key, record[key] ?? null]));
  const detail = !before ? 'created' : !after ? 'deleted' : `changed: ${(fields ?? []).join(', ')}`;
  return {
    id: randomUUID(),
    at: entry.at,
    actorId: entry.actorId,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId,
    detail: detail.slice(0, 2000),
    before: before && after ? pick(before) : before,
    after: before && after ? pick(after) : after,
  };
}

/** The audit write of a register write, for its unit of work. */
export function auditWrite(entry: AuditedWrite): WriteOp {
  return write.create('audit', auditEntryOf(entry));
}
