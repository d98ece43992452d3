/** The history API: a topic's life in time order, and the audit log filtered by person, record and period. */
import { z } from 'zod';
import { ActionNote, AuditEntry, Escalation } from '../entities';
import { DateOnly, Id, Instant, LocalizedText, SectorId } from '../reference';

/** GET /audit?…: the audit log by person (who acted), record (entity and id) and period, newest first. */
export const AuditFilter = z.strictObject({
  actorId: Id.optional(),
  entity: z.string().min(1).max(50).optional(),
  entityId: Id.optional(),
  from: Instant.or(DateOnly).optional(),
  to: Instant.or(DateOnly).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(400).optional(),
});
export type AuditFilter = z.input<typeof AuditFilter>;

/** An audit entry with the name of whoever acted (null for the scheduler or someone no longer known). */
export const AuditEntryView = AuditEntry.extend({ actorName: z.string().nullable() });
export type AuditEntryView = z.infer<typeof AuditEntryView>;

/** GET /audit: one page, newest first; `total` is not counted (the log is long), hence only the cursor. */
export const AuditPage = z.object({ items: z.array(AuditEntryView), nextCursor: z.string().nullable() });
export type AuditPage = z.infer<typeof AuditPage>;

/** What every entry of a topic's history has: when, which meeting and sector (if any), and who. */
const HistoryBase = {
  at: Instant,
  meetingId: Id.nullable(),
  sector: SectorId.nullable(),
  personId: z.string().nullable(),
  personName: z.string().nullable(),
};

/** One event in a topic's life, in time order: a register change, a status update revision, a record. */
export const HistoryEntry = z.discriminatedUnion('kind', [
  z.object({
    ...HistoryBase,
    kind: z.literal('register'),
    action: z.string(),
    entity: z.string(),
    entityId: z.string(),
    detail: z.string(),
    before: z.record(z.string(), z.unknown()).nullable(),
    after: z.record(z.string(), z.unknown()).nullable(),
  }),
  z.object({
    ...HistoryBase,
    kind: z.literal('update'),
    updateId: Id,
    revision: z.number().int().min(1),
    /** The meeting's revision still stands (false: a later revision replaced it). */
    current: z.boolean(),
    progress: z.string(),
    nextSteps: z.string(),
    noChange: z.boolean(),
    escalated: z.boolean(),
    late: z.boolean(),
  }),
  z.object({
    ...HistoryBase,
    kind: z.literal('decision'),
    decisionId: Id,
    agendaItem: z.number().nullable(),
    text: z.string(),
  }),
  z.object({
    ...HistoryBase,
    kind: z.literal('action'),
    actionId: Id,
    event: z.enum(['raised', 'note', 'done', 'dropped']),
    text: z.string(),
    due: DateOnly.nullable(),
    note: ActionNote.shape.text.nullable(),
  }),
  z.object({
    ...HistoryBase,
    kind: z.literal('escalation'),
    escalationId: Id,
    event: z.enum(['raised', 'decided', 'withdrawn']),
    to: Escalation.shape.to,
    text: z.string(),
  }),
]);
export type HistoryEntry = z.infer<typeof HistoryEntry>;

/** GET /topics/:id/history. */
export const TopicHistory = z.object({
  topic: z.object({ id: Id, title: LocalizedText }),
  entries: z.array(HistoryEntry),
});
export type TopicHistory = z.infer<typeof TopicHistory>;
