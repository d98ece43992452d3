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
export type ReviewNote = Minutes['review'][number];

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

/** What opening collection did: prompts queued, and prompts Teams could not deliver. */
export interface CollectionOpened {
  meetingId: string;
  state: Meeting['state'];
  queued: number;
  undeliverable: number;
}

/** A stored document version (its content comes parsed, as `agenda` or `minutes`). */
export type DocumentVersionView = Omit<DocumentVersion, 'content'> & { etag: string };

/** An agenda version: draft, published (with its .docx) or superseded. */
export type AgendaVersion = DocumentVersionView & { kind: 'agenda'; agenda: Agenda };

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
  | { op: 'decision' | 'escalation'; entryId: string; patch: { text: string } }
  | {
      op: 'action';
      entryId: string;
      patch: { text?: string; ownerName?: string | null; ownerId?: string | null; due?: string | null };
    }
  | { op: 'remove'; entryId: string };

/** The agenda item the meeting chat is on. */
export interface CurrentItem {
  item: number;
  sub: number | null;
}
