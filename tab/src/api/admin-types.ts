/**
 * The shapes of the administration and records API: the domain's request and response schemas
 * (teams-app/domain/api, meeting-schedule), as types.
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
  ImportProblem,
  ImportReport,
  ImportRow,
  PersonCreate,
  PersonPatch,
  RegisterSheet,
  ReportVersionView,
  RescheduleAnswer,
  RowOutcome,
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
