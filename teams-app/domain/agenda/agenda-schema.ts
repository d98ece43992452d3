import { z } from 'zod';
import { BodyId, DateOnly, Id, Instant, Locale, LocalizedText, SectorId } from '../reference';
import { MAX_PLANNED_MINUTES } from './item-timing';

/** The standard items of an ISC-TF/ISCG agenda, plus items the chair adds. */
export const AgendaItemKind = z.enum([
  'opening',
  'actions',
  'escalations',
  'topic-updates',
  'events',
  'jiu',
  'aob',
  'next-meeting',
  'custom',
]);
export type AgendaItemKind = z.infer<typeof AgendaItemKind>;

/** The id of an agenda item: the kind for standard items, `custom-N` for added ones, `addendum-…` in the addendum. */
export const AgendaItemId = z
  .string()
  .min(1)
  .max(60)
  .regex(/^[a-z0-9-]+$/, 'agenda item ids use a-z, 0-9 and - only');
export type AgendaItemId = z.infer<typeof AgendaItemId>;

/** What the agenda says about a meeting: enough to print a title block without the Meeting record. */
export const MeetingHeader = z.object({
  meetingId: Id,
  body: BodyId,
  number: z.number().int().min(1).max(10000),
  title: z.string().max(300),
  start: Instant,
  end: Instant,
  timeZone: z.string().min(1).max(64),
  place: z.string().max(300),
  joinUrl: z.string().max(2000).nullable(),
});
export type MeetingHeader = z.infer<typeof MeetingHeader>;

/** A follow-up action listed under item 2, flagged overdue when its due date has passed. */
export const ActionFollowUp = z.object({
  actionId: Id,
  text: z.string().max(2000),
  topicId: Id.nullable(),
  topicTitle: LocalizedText.nullable(),
  ownerId: Id.nullable(),
  ownerName: z.string().max(200),
  due: DateOnly.nullable(),
  status: z.enum(['overdue', 'open', 'done', 'dropped']),
  daysOverdue: z.number().int().min(1).nullable(),
  sourceMeetingId: Id,
  fromPreviousMeeting: z.boolean(),
});
export type ActionFollowUp = z.infer<typeof ActionFollowUp>;

/** An issue a focal point escalated for a decision (item 3): sector, topic and the question asked. */
export const EscalationEntry = z.object({
  updateId: Id,
  topicId: Id,
  topicTitle: LocalizedText,
  sector: SectorId,
  question: z.string().max(1000),
  authorId: Id,
  authorName: z.string().max(200).nullable(),
});
export type EscalationEntry = z.infer<typeof EscalationEntry>;

/** One sector's update on a topic, as merged into the topic's sub-item. */
export const SectorReport = z.object({
  sector: SectorId,
  updateId: Id,
  authorId: Id,
  authorName: z.string().max(200).nullable(),
  progress: z.string().max(4000),
  nextSteps: z.string().max(2000),
  escalated: z.boolean(),
  revision: z.number().int().min(1),
  submittedAt: Instant,
});
export type SectorReport = z.infer<typeof SectorReport>;

/** Which sectors did not send a usable update on a topic, and why. */
export const SectorGaps = z.object({
  /** Expected to report, sent nothing (neither on time nor late). */
  missingSectors: z.array(SectorId),
  /** Sent their update after the window closed: it is in the addendum. */
  lateSectors: z.array(SectorId),
  /** Have no focal point assigned. */
  vacantSectors: z.array(SectorId),
});
export type SectorGaps = z.infer<typeof SectorGaps>;

/** A topic's sub-item (4.1, 4.2 …): every sector's update merged, with the gaps named. */
export const TopicSection = z.object({
  topicId: Id,
  topicTitle: LocalizedText,
  leadSector: SectorId.nullable(),
  reports: z.array(SectorReport),
  noChangeSectors: z.array(SectorId),
  ...SectorGaps.shape,
});
export type TopicSection = z.infer<typeof TopicSection>;

/** A topic listed on one grouped line: "no change" on every report, or no update at all. */
export const TopicLine = z.object({
  topicId: Id,
  topicTitle: LocalizedText,
  noChangeSectors: z.array(SectorId),
  ...SectorGaps.shape,
});
export type TopicLine = z.infer<typeof TopicLine>;

/** An event a sector plans to attend, as reported with an update (item 5). */
export const EventEntry = z.object({
  key: z.string().min(1).max(140),
  name: z.string().max(300),
  start: DateOnly,
  end: DateOnly,
  place: z.string().max(200),
  participants: z.number().int().min(0),
  sector: SectorId,
  topicId: Id,
  topicTitle: LocalizedText,
  updateId: Id,
  overlapId: z.string().max(40).nullable(),
});
export type EventEntry = z.infer<typeof EventEntry>;

/** Two or more sectors planning the same event (or the same dates on the same topic): ITU should send one voice. */
export const EventOverlap = z.object({
  id: z.string().min(1).max(40),
  reason: z.enum(['same-event', 'same-dates-and-topic']),
  name: z.string().max(300),
  start: DateOnly,
  end: DateOnly,
  sectors: z.array(SectorId).min(2),
  topicIds: z.array(Id).min(1),
  eventKeys: z.array(z.string()).min(2),
  participants: z.number().int().min(0),
  decisionNeeded: z.literal('who-represents-itu'),
});
export type EventOverlap = z.infer<typeof EventOverlap>;

/** The time planned for an agenda item, in whole minutes. */
export const PlannedMinutes = z.number().int().min(1).max(MAX_PLANNED_MINUTES);

/** Who presents an agenda item: a name or a role, as typed. */
export const Presenter = z.string().trim().min(1).max(200);

const itemBase = {
  id: AgendaItemId,
  number: z.number().int().min(1).max(100),
  /** The heading, in the agenda's language; `titleEdited` tells a renderer it was typed by the chair. */
  title: z.string().trim().min(1).max(300),
  titleEdited: z.boolean(),
  /** The chair's or secretariat's note under the heading. */
  note: z.string().max(4000),
  /** In the addendum: the main item this item adds to. */
  refersTo: AgendaItemId.nullable(),
  /** The time the chair plans for the item, in minutes (absent on agendas stored before it existed). */
  plannedMinutes: PlannedMinutes.nullable().optional(),
  /** Who presents the item, as the chair typed it (absent on agendas stored before it existed). */
  presenter: Presenter.nullable().optional(),
};

const topicContent = {
  sections: z.array(TopicSection),
  noChange: z.array(TopicLine),
  noUpdate: z.array(TopicLine),
};

/** One numbered agenda item; its content depends on its kind. */
export const AgendaItem = z.discriminatedUnion('kind', [
  z.object({ ...itemBase, kind: z.literal('opening') }),
  z.object({
    ...itemBase,
    kind: z.literal('actions'),
    previousMeeting: MeetingHeader.nullable(),
    actions: z.array(ActionFollowUp),
  }),
  z.object({ ...itemBase, kind: z.literal('escalations'), escalations: z.array(EscalationEntry) }),
  z.object({ ...itemBase, kind: z.literal('topic-updates'), ...topicContent }),
  z.object({ ...itemBase, kind: z.literal('events'), events: z.array(EventEntry), overlaps: z.array(EventOverlap) }),
  z.object({ ...itemBase, kind: z.literal('jiu'), ...topicContent }),
  z.object({ ...itemBase, kind: z.literal('aob') }),
  z.object({ ...itemBase, kind: z.literal('next-meeting'), next: MeetingHeader.nullable() }),
  z.object({ ...itemBase, kind: z.literal('custom') }),
]);
export type AgendaItem = z.infer<typeof AgendaItem>;

/** An agenda item of one kind. */
export type AgendaItemOf<K extends AgendaItemKind> = Extract<AgendaItem, { kind: K }>;

/** Something the secretariat should look at: an update that could not be placed, an escalation without a question. */
export const AgendaWarning = z.object({
  code: z.enum(['update-unknown-topic', 'update-other-meeting', 'escalation-without-question', 'update-superseded']),
  ref: z.string().max(200),
});
export type AgendaWarning = z.infer<typeof AgendaWarning>;

/** Counts for the tracker and the tab. */
export const AgendaSummary = z.object({
  topics: z.number().int().min(0),
  expectedReports: z.number().int().min(0),
  received: z.number().int().min(0),
  noChange: z.number().int().min(0),
  missing: z.number().int().min(0),
  late: z.number().int().min(0),
  vacant: z.number().int().min(0),
  escalations: z.number().int().min(0),
  overlaps: z.number().int().min(0),
  openActions: z.number().int().min(0),
  overdueActions: z.number().int().min(0),
});
export type AgendaSummary = z.infer<typeof AgendaSummary>;

/** A compiled (and possibly chair-edited) meeting agenda, with the addendum of late updates. */
export const Agenda = z.object({
  meeting: MeetingHeader,
  locale: Locale,
  compiledAt: Instant,
  /** 1 when compiled, +1 on every edit. */
  revision: z.number().int().min(1),
  items: z.array(AgendaItem).min(1).max(60),
  addendum: z.array(AgendaItem).max(10),
  summary: AgendaSummary,
  warnings: z.array(AgendaWarning),
});
export type Agenda = z.infer<typeof Agenda>;
