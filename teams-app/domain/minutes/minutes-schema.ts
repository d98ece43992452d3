import { z } from 'zod';
import { AgendaItemId, AgendaItemKind, MeetingHeader } from '../agenda/agenda-schema';
import { DateOnly, Id, Instant, Locale, LocalizedText, SectorId } from '../reference';
import { ChatProblem, ChatSender } from './chat-schema';

/**
 * A line of the attendance: a member of the body from the register (present or absent), or someone else who took
 * part — a register person from outside the body, or a guest not in the register, under their display name.
 */
export const Attendee = z.object({
  personId: Id.nullable(),
  name: z.string().max(200),
  jobTitle: z.string().max(200),
  sector: SectorId.nullable(),
  chair: z.boolean(),
  observer: z.boolean(),
  /** Took part (in the chat or on the roster); false for a member who did not. Older minutes listed only the present. */
  present: z.boolean().default(true),
  /** Not in the register: listed under the display name they used, never matched to a register person by name. */
  guest: z.boolean().default(false),
  /** From the Teams attendance report: when they first joined and last left. */
  joinedAt: Instant.nullable().optional(),
  leftAt: Instant.nullable().optional(),
});
export type Attendee = z.infer<typeof Attendee>;

/** A participant as the meeting roster (or the chat) gives them. */
export const MeetingParticipant = z.object({
  id: z.string().max(200).nullable().optional(),
  name: z.string().max(200),
  aadObjectId: z.string().max(64).nullable().optional(),
});
export type MeetingParticipant = z.infer<typeof MeetingParticipant>;

/** A sector's update presented under an item (or, for escalations, the question asked). */
export const PresentedUpdate = z.object({
  topicId: Id,
  topicTitle: LocalizedText,
  sector: SectorId,
  progress: z.string().max(4000),
  nextSteps: z.string().max(2000),
  noChange: z.boolean(),
  late: z.boolean(),
  question: z.string().max(1000),
});
export type PresentedUpdate = z.infer<typeof PresentedUpdate>;

const entryBase = {
  /** The captured record's id: stable across recompilation, used by the edit helpers. */
  id: z.string().min(1).max(140),
  text: z.string().max(4000),
  topicId: Id.nullable(),
  by: ChatSender,
  at: z.string().max(64),
  raw: z.string(),
  problems: z.array(ChatProblem),
  edited: z.boolean(),
};

/** A point made in the discussion of an item. */
export const DiscussionPoint = z.object({
  id: z.string().min(1).max(140),
  by: ChatSender,
  at: z.string().max(64),
  text: z.string().max(600),
});
export type DiscussionPoint = z.infer<typeof DiscussionPoint>;

/** A decision recorded in the chat. */
export const MinutesDecision = z.object(entryBase);
export type MinutesDecision = z.infer<typeof MinutesDecision>;

/** An action recorded in the chat, with its owner resolved against the register when possible. */
export const MinutesAction = z.object({
  ...entryBase,
  ownerName: z.string().max(200).nullable(),
  ownerId: Id.nullable(),
  ownerSector: SectorId.nullable(),
  due: DateOnly.nullable(),
  dueText: z.string().max(100).nullable(),
});
export type MinutesAction = z.infer<typeof MinutesAction>;

/** An issue escalated to the Coordination Committee (CoCo), with the sector concerned (null: to confirm). */
export const MinutesEscalation = z.object({
  ...entryBase,
  to: z.literal('CoCo'),
  sector: SectorId.nullable(),
});
export type MinutesEscalation = z.infer<typeof MinutesEscalation>;

/** What the meeting did with an action carried from an earlier meeting: still open, closed, or re-dated. */
export const FollowUpOutcome = z.enum(['open', 'closed', 'new-due']);
export type FollowUpOutcome = z.infer<typeof FollowUpOutcome>;

/**
 * An open action from an earlier meeting, as listed under the follow-up item, with the outcome recorded in the
 * chat (`Done: 3`, `Done: 3 — new date 2027-01-15`) or set in the review.
 */
export const MinutesFollowUp = z.object({
  /** The number the agenda shows it under (and `Done:` names it by). */
  number: z.number().int().min(1),
  actionId: Id,
  text: z.string().max(2000),
  topicId: Id.nullable(),
  ownerId: Id.nullable(),
  ownerName: z.string().max(200),
  /** The due date it came with. */
  due: DateOnly.nullable(),
  outcome: FollowUpOutcome,
  /** The new due date when the outcome is `new-due`. */
  newDue: DateOnly.nullable(),
  /** The `Done:` line that set the outcome, or null (not mentioned, or set in the review). */
  recordId: z.string().max(140).nullable(),
  /** Set (or changed) in the review rather than from the chat. */
  edited: z.boolean(),
});
export type MinutesFollowUp = z.infer<typeof MinutesFollowUp>;

/** The minutes of one agenda item. */
export const MinutesItem = z.object({
  id: AgendaItemId,
  number: z.number().int().min(1),
  kind: AgendaItemKind,
  title: z.string().max(300),
  titleEdited: z.boolean(),
  presented: z.array(PresentedUpdate),
  discussion: z.array(DiscussionPoint),
  /** Discussion points left out beyond the cap (the chat transcript keeps them). */
  discussionOmitted: z.number().int().min(0),
  decisions: z.array(MinutesDecision),
  actions: z.array(MinutesAction),
  escalations: z.array(MinutesEscalation),
  /** Under the follow-up item: the open actions from earlier meetings with their outcome (empty elsewhere). */
  followUps: z.array(MinutesFollowUp).default([]),
  /** The topics of the item's numbered sub-items (4.1, 4.2 …), so an entry can be moved to one. */
  subItems: z.array(Id).default([]),
});
export type MinutesItem = z.infer<typeof MinutesItem>;

/** Who accepted a review note as it stands. */
export const NoteAcceptor = z.object({ personId: Id.nullable(), name: z.string().max(200) });
export type NoteAcceptor = z.infer<typeof NoteAcceptor>;

/**
 * A captured line the chair should look at before approving (no owner, impossible date, unknown item, sector to
 * confirm …). Approval needs every note fixed or accepted as it stands (`acceptedBy`, e.g. "keep without owner").
 */
export const ReviewNote = z.object({
  recordId: z.string().max(140),
  kind: z.string().max(20),
  raw: z.string(),
  problems: z.array(ChatProblem).min(1),
  acceptedBy: NoteAcceptor.nullable().default(null),
  acceptedAt: Instant.nullable().default(null),
});
export type ReviewNote = z.infer<typeof ReviewNote>;

/** Draft (or edited) minutes of a meeting. */
export const Minutes = z.object({
  meeting: MeetingHeader,
  locale: Locale,
  compiledAt: Instant,
  /** 1 when compiled, +1 on every edit. */
  revision: z.number().int().min(1),
  agendaRevision: z.number().int().min(1),
  attendance: z.array(Attendee),
  /**
   * Where the attendance comes from: the Teams attendance report of the online meeting, or (when no report could be
   * read) the people who wrote in the meeting chat, which misses those who only listened.
   */
  attendanceSource: z.enum(['attendance-report', 'chat']).default('chat'),
  items: z.array(MinutesItem),
  review: z.array(ReviewNote),
  stats: z.object({
    messages: z.number().int().min(0),
    decisions: z.number().int().min(0),
    actions: z.number().int().min(0),
    escalations: z.number().int().min(0),
    discussion: z.number().int().min(0),
  }),
});
export type Minutes = z.infer<typeof Minutes>;
