import { z } from 'zod';
import { MEETING_STATES } from './states';
import {
  BodyId,
  DateOnly,
  Id,
  Instant,
  Locale,
  LocalizedText,
  Region,
  ResolutionBody,
  Role,
  SectorId,
  TimeZone,
  text,
} from './reference';
import { TeamsMeetingIdentity } from './teams-meeting';

/** A resolution that asks for coordination on a topic. */
export const ResolutionRef = z.object({
  body: ResolutionBody,
  number: z.string().max(40).nullable(),
  title: z.string().max(400).nullable(),
  revision: z.string().max(100).nullable(),
});
export type ResolutionRef = z.infer<typeof ResolutionRef>;

/** A coordination topic of the register (or a JIU recommendation / working group tracked like one). */
export const Topic = z.object({
  id: Id,
  title: LocalizedText,
  description: text(4000).default(''),
  kind: z.enum(['topic', 'jiu-recommendation', 'working-group']),
  resolutions: z.array(ResolutionRef).max(50),
  sectors: z.array(SectorId).max(4),
  leadSector: SectorId.nullable(),
  iscgCoordinatorArea: z.boolean(),
  sinceYear: z.number().int().min(1865).max(2100).nullable(),
  status: z.enum(['active', 'dormant', 'closed']),
  /** The JIU recommendations (topics of kind `jiu-recommendation`) this topic follows up; absent on older rows. */
  jiuRecommendations: z.array(Id).max(50).optional(),
});
export type Topic = z.infer<typeof Topic>;

/** A date range in which a person is away. */
export const OutOfOffice = z.object({ from: DateOnly, to: DateOnly });
export type OutOfOffice = z.infer<typeof OutOfOffice>;

/** A person known to the product: focal point, member, chair, secretariat or observer. */
export const Person = z.object({
  id: Id,
  aadObjectId: z.string().min(1).max(64),
  name: text(200).min(1),
  email: z.email().max(320),
  sector: SectorId,
  region: Region.nullable(),
  jobTitle: text(200).default(''),
  locale: Locale,
  timeZone: TimeZone,
  outOfOffice: z.array(OutOfOffice).max(50),
  roles: z.array(Role).min(1),
  /** When the person left the register (retired by the secretariat); they keep their records but may not sign in. */
  retiredAt: Instant.nullable().optional(),
});
export type Person = z.infer<typeof Person>;

/** Who answers for a topic in a sector: the focal point and an alternate; a vacancy when nobody does. */
export const Assignment = z.object({
  id: Id,
  topicId: Id,
  sector: SectorId,
  focalPointId: Id.nullable(),
  alternateId: Id.nullable(),
  iscgCoordinator: z.boolean(),
  /** Since when the focal point is vacant (set when the slot loses its focal point); null or absent when filled. */
  vacantSince: DateOnly.nullable().optional(),
});
export type Assignment = z.infer<typeof Assignment>;

/** The states a meeting moves through, from scheduling to approved minutes. */
export const MeetingState = z.enum(MEETING_STATES);
export type MeetingState = z.infer<typeof MeetingState>;

/** When collection opens, reminds and closes, in days before the meeting (close at a local hour). */
export const WindowSettings = z.object({
  openDaysBefore: z.number().int().min(1).max(60),
  reminderDaysBefore: z.array(z.number().int().min(0).max(60)).max(5),
  closeDaysBefore: z.number().int().min(0).max(30),
  closeLocalTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM'),
});
export type WindowSettings = z.infer<typeof WindowSettings>;

/** The defaults of DESIGN.md: open 10 days before, remind 5 and 2 days before, close 1 day before at 17:00. */
export const DEFAULT_WINDOW: WindowSettings = {
  openDaysBefore: 10,
  reminderDaysBefore: [5, 2],
  closeDaysBefore: 1,
  closeLocalTime: '17:00',
};

/** The meeting's event in the task force's group calendar (Microsoft 365), when the calendar is kept there. */
export const CalendarEventRef = z.object({
  eventId: z.string().min(1).max(400),
});
export type CalendarEventRef = z.infer<typeof CalendarEventRef>;

/** A meeting of a coordination body. */
export const Meeting = z.object({
  id: Id,
  body: BodyId,
  number: z.number().int().min(1).max(10000),
  title: text(300).min(1),
  start: Instant,
  end: Instant,
  timeZone: TimeZone,
  place: text(300).default(''),
  joinUrl: z.url().max(2000).nullable(),
  /** The chat linked to the meeting (its minutes source, where the agenda and minutes are posted). */
  chatId: z.string().max(400).nullable(),
  /** How Teams identifies the meeting; a chat links by itself only when it matches (old rows: null). */
  teamsMeeting: TeamsMeetingIdentity.nullable().default(null),
  window: WindowSettings,
  state: MeetingState,
  chairId: Id.nullable(),
  /** Set when staff re-open collection after it closed: it then stays open until the meeting starts. */
  reopenedAt: Instant.nullable().optional(),
  /** Held online (a Teams meeting) as well as, or instead of, in a room; unset for meetings scheduled before. */
  online: z.boolean().optional(),
  /** Its event in the group calendar; null when the calendar is not kept in Microsoft 365. */
  calendarEvent: CalendarEventRef.nullable().optional(),
  /** When it was last moved to another date; the reminders of the new window are keyed by it. */
  rescheduledAt: Instant.nullable().optional(),
  /** When it was cancelled, and why (state `cancelled`). */
  cancelledAt: Instant.nullable().optional(),
  cancelReason: text(500).optional(),
});
export type Meeting = z.infer<typeof Meeting>;

/** An event or conference a sector plans to attend, reported with a status update; it cannot end before it starts. */
export const PlannedEvent = z
  .object({
    name: text(300).min(1),
    start: DateOnly,
    end: DateOnly,
    place: text(200).default(''),
    participants: z.number().int().min(0).max(1000).default(1),
  })
  .refine((event) => event.end >= event.start, {
    path: ['end'],
    message: 'The event cannot end before it starts: give an end date on or after the start date.',
  });
export type PlannedEvent = z.infer<typeof PlannedEvent>;

/** The fields a focal point fills in; limits are what the card and the API enforce. */
export const UPDATE_LIMITS = { progress: 4000, nextSteps: 2000, escalationAsk: 1000 } as const;

/** One revision of a status update, kept so edits are traceable. */
export const UpdateRevision = z.object({
  revision: z.number().int().min(1),
  submittedAt: Instant,
  authorId: Id,
  progress: z.string(),
  nextSteps: z.string(),
  noChange: z.boolean(),
});
export type UpdateRevision = z.infer<typeof UpdateRevision>;

/** A focal point's status update on one topic for one meeting. */
export const StatusUpdate = z.object({
  id: Id,
  meetingId: Id,
  topicId: Id,
  sector: SectorId,
  authorId: Id,
  progress: text(UPDATE_LIMITS.progress),
  nextSteps: text(UPDATE_LIMITS.nextSteps),
  escalation: z.object({ flag: z.boolean(), ask: text(UPDATE_LIMITS.escalationAsk) }),
  events: z.array(PlannedEvent).max(20),
  noChange: z.boolean(),
  submittedAt: Instant,
  late: z.boolean(),
  revision: z.number().int().min(1),
  history: z.array(UpdateRevision).max(200),
});
export type StatusUpdate = z.infer<typeof StatusUpdate>;

/** A note an owner or staff added to an action (progress, why the due date moved, how it was closed). */
export const ActionNote = z.object({ at: Instant, authorId: Id, text: text(1000).min(1) });
export type ActionNote = z.infer<typeof ActionNote>;

/** A follow-up action agreed in a meeting, tracked until closed. */
export const Action = z.object({
  id: Id,
  topicId: Id.nullable(),
  ownerId: Id.nullable(),
  ownerName: text(200),
  text: text(2000).min(1),
  due: DateOnly.nullable(),
  status: z.enum(['open', 'done', 'dropped']),
  sourceMeetingId: Id,
  createdAt: Instant,
  /** Notes added since the meeting, oldest first; absent on older rows. */
  notes: z.array(ActionNote).max(100).optional(),
  /** When the action was closed (done or dropped); null or absent while open. */
  closedAt: Instant.nullable().optional(),
});
export type Action = z.infer<typeof Action>;

/** A decision recorded in a meeting. */
export const Decision = z.object({
  id: Id,
  meetingId: Id,
  topicId: Id.nullable(),
  agendaItem: z.number().int().min(0).max(1000).nullable(),
  text: text(4000).min(1),
  recordedAt: Instant,
});
export type Decision = z.infer<typeof Decision>;

/** An issue raised to the task force or on to the Coordination Committee (CoCo). */
export const Escalation = z.object({
  id: Id,
  meetingId: Id,
  topicId: Id.nullable(),
  sector: SectorId.nullable(),
  ask: text(2000).min(1),
  to: z.enum(['ISC-TF', 'CoCo']),
  status: z.enum(['open', 'decided', 'withdrawn']),
  raisedAt: Instant,
  /** What the body escalated to decided, kept once known; null or absent until then. */
  outcome: text(2000).nullable().optional(),
  /** When the outcome was recorded. */
  outcomeAt: Instant.nullable().optional(),
});
export type Escalation = z.infer<typeof Escalation>;

/** An external event a sector takes part in; overlaps between sectors are flagged for a decision. */
export const Event = z.object({
  id: Id,
  name: text(300).min(1),
  start: DateOnly,
  end: DateOnly,
  place: text(200),
  sector: SectorId,
  topicId: Id.nullable(),
  participants: z.number().int().min(0).max(1000),
  meetingId: Id.nullable(),
});
export type Event = z.infer<typeof Event>;

/** Who did what and when, for the record. */
export const AuditEntry = z.object({
  id: Id,
  at: Instant,
  actorId: Id,
  action: z.string().min(1).max(100),
  entity: z.string().min(1).max(50),
  entityId: Id,
  detail: z.string().max(2000),
  /** The fields the write changed, as they were (null: the record was created); absent on older entries. */
  before: z.record(z.string(), z.unknown()).nullable().optional(),
  /** The same fields as written (null: the record was deleted). */
  after: z.record(z.string(), z.unknown()).nullable().optional(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

/** What the bot keeps to message a person proactively later (a Teams conversation reference). */
export const ConversationRef = z.object({
  id: Id,
  aadObjectId: z.string().min(1).max(64),
  personId: Id.nullable(),
  conversationId: z.string().min(1).max(400),
  conversationType: z.enum(['personal', 'groupChat', 'channel']),
  serviceUrl: z.url().max(500),
  tenantId: z.string().max(64).nullable(),
  botId: z.string().max(200),
  locale: Locale.nullable(),
  updatedAt: Instant,
});
export type ConversationRef = z.infer<typeof ConversationRef>;

/** The kinds of proactive message the bot sends. */
export const OutboxKind = z.enum(['prompt', 'reminder', 'card-update', 'notice', 'agenda', 'minutes']);
export type OutboxKind = z.infer<typeof OutboxKind>;

/**
 * A proactive message waiting to be sent (the durable outbox). The id is the idempotency key, so the
 * same message can never be queued twice.
 */
export const OutboxMessage = z.object({
  id: z.string().min(1).max(300),
  kind: OutboxKind,
  meetingId: Id.nullable(),
  personId: Id.nullable(),
  topicId: Id.nullable(),
  conversationRefId: Id,
  /** The activity to send, as plain JSON (an OutgoingActivity). */
  activity: z.record(z.string(), z.unknown()),
  /** When set, the message replaces this earlier activity (card update) instead of posting a new one. */
  replaceActivityId: z.string().max(400).nullable(),
  /** `withdrawn`: taken back before it was sent (its meeting was cancelled or moved); never sent. */
  status: z.enum(['pending', 'sending', 'sent', 'undeliverable', 'failed', 'withdrawn']),
  attempts: z.number().int().min(0),
  notBefore: Instant,
  leaseUntil: Instant.nullable(),
  lastError: z.string().max(1000).nullable(),
  sentActivityId: z.string().max(400).nullable(),
  createdAt: Instant,
  sentAt: Instant.nullable(),
});
export type OutboxMessage = z.infer<typeof OutboxMessage>;

/**
 * A meeting's prompt for one topic handed to the alternate: by the focal point, or when collection opened while
 * the focal point's mailbox said they were out of office for the whole window (`out-of-office`).
 */
export const Delegation = z.object({
  id: Id,
  meetingId: Id,
  topicId: Id,
  sector: SectorId,
  fromId: Id,
  toId: Id,
  at: Instant,
  reason: z.enum(['delegated', 'out-of-office']).optional(),
});
export type Delegation = z.infer<typeof Delegation>;

/** A message of a meeting or group chat as the bot recorded it (the raw text is always kept). */
export const ChatRecord = z.object({
  id: z.string().min(1).max(300),
  chatId: z.string().min(1).max(400),
  meetingId: Id.nullable(),
  fromId: z.string().max(200),
  fromName: z.string().max(200),
  fromAadObjectId: z.string().max(64).nullable(),
  text: z.string().max(100_000),
  mentions: z
    .array(
      z.object({
        name: z.string().max(200),
        id: z.string().max(200).optional(),
        aadObjectId: z.string().max(64).optional(),
      }),
    )
    .max(100),
  timestamp: Instant,
});
export type ChatRecord = z.infer<typeof ChatRecord>;

/**
 * Where a feed read by delta query (the meeting calendar's changes) stands, kept with the operational data so that
 * whichever instance runs the scheduler resumes from it. `of` names what it is the position of (the Graph base URL
 * and the calendar): a position of another calendar is not resumed.
 */
export const SyncPosition = z.object({
  id: z.string().min(1).max(100),
  of: z.string().max(1000),
  deltaLink: z.url().max(16_000),
  openedAt: z.iso.datetime(),
  savedAt: z.iso.datetime(),
});
export type SyncPosition = z.infer<typeof SyncPosition>;

/** A stored version of a meeting document (agenda or minutes) with its state and file. */
export const DocumentVersion = z.object({
  id: Id,
  meetingId: Id,
  /** 'report': the annual report to Council, whose `meetingId` is the report's key (e.g. `annual-2026`). */
  kind: z.enum(['agenda', 'minutes', 'report']),
  version: z.number().int().min(1),
  status: z.enum(['draft', 'published', 'superseded']),
  /** The compiled Agenda or Minutes (validated by their own schemas). */
  content: z.record(z.string(), z.unknown()),
  file: z.string().max(400).nullable(),
  addendumFile: z.string().max(400).nullable(),
  /** Where people open the file in the document library (its webUrl: Word for the web); absent with a local folder. */
  fileUrl: z.url().max(2000).optional(),
  addendumFileUrl: z.url().max(2000).optional(),
  createdAt: Instant,
  createdBy: Id,
  publishedAt: Instant.nullable(),
  publishedBy: Id.nullable(),
  /** A draft agenda compiled before staff re-opened collection: compile again to include the new updates. */
  outOfDate: z.boolean().optional(),
});
export type DocumentVersion = z.infer<typeof DocumentVersion>;
