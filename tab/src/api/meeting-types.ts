/** The shapes of the meeting workspace API: collection tracker, agenda and minutes versions, edits. */
import type {
  Agenda,
  CollectionWindow,
  DocumentVersion,
  LocalizedText,
  Meeting,
  Minutes,
  SectorId,
  StatusUpdate,
  TrackerStatus,
} from '../../../teams-app/domain';

export type { Agenda, Minutes, StatusUpdate, TrackerStatus };

/** Agenda items, minutes items and their parts, as the documents hold them. */
export type AgendaItem = Agenda['items'][number];
export type MinutesItem = Minutes['items'][number];
export type MinutesAction = MinutesItem['actions'][number];
export type MinutesEscalation = MinutesItem['escalations'][number];
/** An open action from an earlier meeting, listed under the follow-up item with what the meeting did with it. */
export type MinutesFollowUp = MinutesItem['followUps'][number];
/** A line of the minutes' review; `acceptedBy` once the chair or the secretariat accepted it as it is. */
export type ReviewNote = Minutes['review'][number];
/** A member of the body (present or absent), or someone else who took part (`guest` when not in the register). */
export type Attendee = Minutes['attendance'][number];

/** One topic × sector of the collection tracker, with names and the topic's title. */
export interface TrackerRowView {
  topicId: string;
  sector: SectorId;
  status: TrackerStatus;
  personId: string | null;
  personName: string | null;
  answeredById: string | null;
  answeredByName: string | null;
  at: string | null;
  reason: string | null;
  topicTitle: LocalizedText;
}

/** The collection tracker of a meeting: its window, a row per topic × sector and the counts by status. */
export interface Tracker {
  meeting: Pick<Meeting, 'id' | 'title' | 'state'>;
  window: CollectionWindow;
  rows: TrackerRowView[];
  counts: Record<TrackerStatus, number>;
}

/** A focal point Teams could not reach, and why (the app is not installed, they blocked it …). */
export interface UndeliverablePerson {
  personId: string;
  name: string;
  reason: string;
}

/** What sending prompts did: prompts queued, and those Teams could not deliver, with who and why. */
export interface DeliveryReport {
  queued: number;
  undeliverable: number;
  /** Who could not be reached (one line per person). */
  undeliverablePeople: UndeliverablePerson[];
}

/** What opening (or re-opening) collection did. */
export interface CollectionOpened extends DeliveryReport {
  meetingId: string;
  state: Meeting['state'];
  /** True when staff opened collection again after it had closed (or after a compile). */
  reopened: boolean;
}

/** Why compiling was refused while collection is open or never opened (`collection.incomplete`). */
export interface CollectionIncomplete {
  state: Meeting['state'] | null;
  expected: number;
  answered: number;
  missing: number;
  /** When collection would close on its own (servers that send it). */
  closesAt: string | null;
}

/** A stored document version (its content comes parsed, as `agenda` or `minutes`). */
export type DocumentVersionView = Omit<DocumentVersion, 'content'> & { etag: string };

/**
 * An agenda version: draft, published (with its .docx) or superseded; `outOfDate` when collection was re-opened
 * after this draft was compiled.
 */
export type AgendaVersion = DocumentVersionView & { kind: 'agenda'; agenda: Agenda; outOfDate?: boolean };

/** A minutes version: draft, or published (approved) with its .docx. */
export type MinutesVersion = DocumentVersionView & { kind: 'minutes'; minutes: Minutes };

/** A change to the draft agenda; `from`, `to` and `at` are 1-based positions as printed. */
export type AgendaEdit =
  | { op: 'move'; from: number; to: number }
  | { op: 'edit'; itemId: string; patch: { title?: string; note?: string } }
  | { op: 'add'; item: { title: string; note?: string }; at?: number }
  | { op: 'remove'; itemId: string };

/** A change to the draft minutes. */
export type MinutesEdit =
  | { op: 'decision'; entryId: string; patch: { text: string } }
  | { op: 'escalation'; entryId: string; patch: { text?: string; sector?: SectorId | null } }
  | {
      op: 'action';
      entryId: string;
      patch: { text?: string; ownerName?: string | null; ownerId?: string | null; due?: string | null };
    }
  | { op: 'remove'; entryId: string }
  /** Keeps a reviewed line as it is (e.g. an action without owner); the note stays, marked accepted. */
  | { op: 'accept-note'; recordId: string }
  /** Files a decision, action or escalation under another agenda item. */
  | { op: 'move'; entryId: string; item: number; sub?: number | null }
  /** Records what the meeting did with an action carried from an earlier meeting. */
  | {
      op: 'follow-up';
      actionId: string;
      patch: { outcome: 'open' } | { outcome: 'closed' } | { outcome: 'new-due'; due: string };
    };

/** The agenda item the meeting chat is on. */
export interface CurrentItem {
  item: number;
  sub: number | null;
}
