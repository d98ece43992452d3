/**
 * The shapes of the administration and records API: the domain's request and response schemas
 * (teams-app/domain/api, meeting-schedule), as types; and the import report and report versions, which the
 * domain does not describe as schemas yet, as the server sends them.
 */
import type { z } from 'zod';
import type {
  ActionFilter,
  AuditFilter,
  CancelMeetingRequest,
  DecisionFilter,
  EscalationFilter,
  RescheduleMeetingRequest,
  ScheduleMeetingRequest,
} from '../../../teams-app/domain';

export type {
  ActionChange,
  ActionPage,
  ActionView,
  AssignmentChange,
  AssignmentPut,
  AssignmentView,
  AuditEntryView,
  AuditPage,
  CancelAnswer,
  DecisionPage,
  DecisionView,
  EscalationChange,
  EscalationPage,
  EscalationView,
  HistoryEntry,
  PersonCreate,
  PersonPatch,
  RescheduleAnswer,
  ScheduleAnswer,
  TopicCreate,
  TopicHistory,
  TopicPatch,
} from '../../../teams-app/domain';

/** A list's filters as sent in the query string (the page size a number). */
type Paged<F> = Omit<F, 'limit'> & { limit?: number };
/** GET /actions?…. */
export type ActionQuery = Paged<ActionFilter>;
/** GET /decisions?…. */
export type DecisionQuery = Paged<DecisionFilter>;
/** GET /escalations?…. */
export type EscalationQuery = Paged<EscalationFilter>;
/** GET /audit?…. */
export type AuditQuery = Paged<AuditFilter>;

/** POST /meetings, as the form sends it (defaults left to the server). */
export type ScheduleMeetingInput = z.input<typeof ScheduleMeetingRequest>;
/** PATCH /meetings/:id. */
export type RescheduleMeetingInput = z.input<typeof RescheduleMeetingRequest>;
/** POST /meetings/:id/cancel. */
export type CancelMeetingInput = z.input<typeof CancelMeetingRequest>;

/** The file formats of imports and exports. */
export type ExportFormat = 'xlsx' | 'csv';

/** What can be exported besides a meeting's tracker. */
export type RecordExport = 'register' | 'actions' | 'decisions' | 'audit';

/** The sheets of the register workbook. */
export type RegisterSheet = 'topics' | 'assignments' | 'people';

/** What an import does to one record. */
export type RowOutcome = 'added' | 'changed' | 'unchanged' | 'removed';

/** A problem of an imported file: where (sheet, row, column) and what, in the reader's language. */
export interface ImportProblem {
  sheet: RegisterSheet;
  row: number | null;
  column: string | null;
  field: string | null;
  code: string;
  value: string;
  message: string;
}

/** One record of an import's plan. */
export interface ImportRow {
  sheet: RegisterSheet;
  row: number | null;
  key: string;
  outcome: RowOutcome;
  fields: string[];
}

/** POST /register/import: the plan (dry run) or what was applied; nothing is applied when there are errors. */
export interface ImportReport {
  format: ExportFormat;
  dryRun: boolean;
  applied: boolean;
  rows: ImportRow[];
  errors: ImportProblem[];
  counts: Record<RegisterSheet, Record<RowOutcome, number>>;
}

/** A version of the annual report (GET /reports), without its content. */
export interface ReportVersionView {
  id: string;
  meetingId: string;
  version: number;
  status: 'draft' | 'published' | 'superseded';
  file: string | null;
  createdAt: string;
  publishedAt: string | null;
  report: { from: string; to: string; locale: string; compiledAt: string; meetings: unknown[]; topics: unknown[] };
}
