/**
 * The follow-up register's answers and requests: the decisions, actions and escalations of every meeting, across
 * meetings, filtered and paged; the owner's and staff's changes to an action or an escalation. Shared by the server
 * and the tab.
 */
import { z } from 'zod';
import { Action, Decision, Escalation, Meeting } from '../entities';
import { DateOnly, Id, LocalizedText, SectorId, text } from '../reference';
import { EtagField } from './admin';
import { Etag } from './register';

/** A page of a list: the items, how many match in all, and the cursor of the next page (null on the last). */
export function itemPage<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int().min(0), nextCursor: z.string().nullable() });
}

/** The meeting a record comes from, as a list shows it. */
export const MeetingRef = Meeting.pick({ id: true, body: true, number: true, title: true, start: true });
export type MeetingRef = z.infer<typeof MeetingRef>;

/** What the records lists show of a record's topic and meeting. */
const Context = {
  topicTitle: LocalizedText.nullable(),
  meeting: MeetingRef.nullable(),
};

/** An action with its version, its topic and meeting, the owner's sector, and whether it is overdue today. */
export const ActionView = Action.extend({
  etag: Etag,
  ...Context,
  sector: SectorId.nullable(),
  overdue: z.boolean(),
});
export type ActionView = z.infer<typeof ActionView>;

/** GET /actions. */
export const ActionPage = itemPage(ActionView);
export type ActionPage = z.infer<typeof ActionPage>;

/** A decision with its version, its topic and meeting (its meeting, item and wording as recorded). */
export const DecisionView = Decision.extend({ etag: Etag, ...Context });
export type DecisionView = z.infer<typeof DecisionView>;

/** GET /decisions. */
export const DecisionPage = itemPage(DecisionView);
export type DecisionPage = z.infer<typeof DecisionPage>;

/** An escalation with its version, its topic and meeting, and its outcome once known. */
export const EscalationView = Escalation.extend({ etag: Etag, ...Context });
export type EscalationView = z.infer<typeof EscalationView>;

/** GET /escalations. */
export const EscalationPage = itemPage(EscalationView);
export type EscalationPage = z.infer<typeof EscalationPage>;

/** A yes/no filter: a boolean, or `true` / `false` in a query string. */
const flag = z.union([z.boolean(), z.enum(['true', 'false']).transform((value) => value === 'true')]);

/** The filters shared by the three records lists (query string), and the page wanted. */
const RecordsFilterShape = {
  topicId: Id.optional(),
  sector: SectorId.optional(),
  meetingId: Id.optional(),
  /** A resolution the record's topic follows: "PP 191", "WTDC 37" or a number alone. */
  resolution: z.string().trim().min(1).max(60).optional(),
  q: z.string().trim().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(200).optional(),
};

/** GET /actions?…: filters of the actions register. */
export const ActionFilter = z.strictObject({
  ...RecordsFilterShape,
  ownerId: Id.optional(),
  status: Action.shape.status.optional(),
  overdue: flag.optional(),
  dueFrom: DateOnly.optional(),
  dueTo: DateOnly.optional(),
});
export type ActionFilter = z.input<typeof ActionFilter>;

/** GET /decisions?…: filters of the decisions register. */
export const DecisionFilter = z.strictObject({ ...RecordsFilterShape });
export type DecisionFilter = z.input<typeof DecisionFilter>;

/** GET /escalations?…: filters of the escalations register. */
export const EscalationFilter = z.strictObject({
  ...RecordsFilterShape,
  status: Escalation.shape.status.optional(),
  to: Escalation.shape.to.optional(),
});
export type EscalationFilter = z.input<typeof EscalationFilter>;

/**
 * PATCH /actions/:id: the owner (or staff) closes, drops or re-opens it, adds a note or moves the due date; staff
 * alone give it to someone else (`ownerId`). `etag` (or If-Match), when sent, must be the version read.
 */
export const ActionChange = z
  .strictObject({
    status: Action.shape.status.optional(),
    note: text(1000).min(1).optional(),
    due: DateOnly.nullable().optional(),
    ownerId: Id.optional(),
    etag: EtagField.optional(),
  })
  .refine((p) => Object.keys(p).some((key) => key !== 'etag'), 'Say what to change: status, note, due or ownerId.');
export type ActionChange = z.input<typeof ActionChange>;

/** PATCH /escalations/:id: staff record where it stands and its outcome once known. */
export const EscalationChange = z
  .strictObject({
    status: Escalation.shape.status.optional(),
    outcome: text(2000).min(1).nullable().optional(),
    etag: EtagField.optional(),
  })
  .refine((p) => p.status !== undefined || p.outcome !== undefined, 'Say what to change: status or outcome.');
export type EscalationChange = z.input<typeof EscalationChange>;
