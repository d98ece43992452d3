/**
 * The administration and records API calls: register writes (topics, assignments, people) with their versions, the
 * meeting calendar, the decisions / actions / escalations registers, a topic's history, the audit log, import and
 * exports, and the annual report. Every JSON answer is read with its schema in the domain (teams-app/domain/api).
 */
import type { ApiClient } from './client';
import type {
  ActionChange,
  ActionQuery,
  ActionPage,
  ActionView,
  AssignmentChange,
  AssignmentPut,
  AssignmentView,
  AuditQuery,
  AuditPage,
  CancelAnswer,
  CancelMeetingInput,
  DecisionQuery,
  DecisionPage,
  EscalationChange,
  EscalationQuery,
  EscalationPage,
  EscalationView,
  ExportFormat,
  ImportReport,
  PersonCreate,
  PersonPatch,
  RecordExport,
  ReportVersionView,
  RescheduleAnswer,
  RescheduleMeetingInput,
  ScheduleAnswer,
  ScheduleMeetingInput,
  TopicCreate,
  TopicHistory,
  TopicPatch,
} from './admin-types';
import { meetingsWithPast } from './meeting-endpoints';
import { readAnswer } from './responses';
import type { PersonView, SectorId, TopicView } from './types';

const id = encodeURIComponent;
const versioned = (etag: string) => ({ 'If-Match': etag });

/** Adds a topic (secretariat). */
export function createTopic(api: ApiClient, topic: TopicCreate): Promise<TopicView> {
  return readAnswer(api.send('POST', '/topics', topic), (s) => s.TopicView);
}

/** Changes a topic; `store.conflict` when it changed since `etag` was read. */
export function updateTopic(api: ApiClient, topicId: string, etag: string, patch: TopicPatch): Promise<TopicView> {
  return readAnswer(api.send('PATCH', `/topics/${id(topicId)}`, patch, versioned(etag)), (s) => s.TopicView);
}

/** The assignments (with their versions) of a topic. */
export async function listAssignments(
  api: ApiClient,
  topicId: string,
  signal?: AbortSignal,
): Promise<AssignmentView[]> {
  return (await readAnswer(api.get('/assignments', { topicId }, signal), (s) => s.AssignmentList)).items;
}

/** Sets who answers for a topic in a sector; `etag` is the slot's version when it exists. */
export function putAssignment(
  api: ApiClient,
  topicId: string,
  sector: SectorId,
  body: AssignmentPut,
  etag: string | null,
): Promise<AssignmentChange> {
  const answer = api.send('PUT', `/topics/${id(topicId)}/assignments/${sector}`, body, etag ? versioned(etag) : {});
  return readAnswer(answer, (s) => s.AssignmentChange);
}

/** Removes a topic's slot in a sector. */
export function removeAssignment(
  api: ApiClient,
  topicId: string,
  sector: SectorId,
  etag: string,
): Promise<AssignmentChange> {
  const answer = api.send('DELETE', `/topics/${id(topicId)}/assignments/${sector}`, undefined, versioned(etag));
  return readAnswer(answer, (s) => s.AssignmentChange);
}

/** Everyone in the register, with their versions. */
export async function listPeopleFull(api: ApiClient, signal?: AbortSignal): Promise<PersonView[]> {
  return (await readAnswer(api.get('/people', undefined, signal), (s) => s.PersonList)).items;
}

/** One person with their version. */
export function getPerson(api: ApiClient, personId: string, signal?: AbortSignal): Promise<PersonView> {
  return readAnswer(api.get(`/people/${id(personId)}`, undefined, signal), (s) => s.PersonView);
}

/** Adds a person (secretariat). */
export function createPerson(api: ApiClient, person: PersonCreate): Promise<PersonView> {
  return readAnswer(api.send('POST', '/people', person), (s) => s.PersonView);
}

/** Changes a person; `store.conflict` when they changed since `etag` was read. */
export function updatePerson(api: ApiClient, personId: string, etag: string, patch: PersonPatch): Promise<PersonView> {
  return readAnswer(api.send('PATCH', `/people/${id(personId)}`, patch, versioned(etag)), (s) => s.PersonView);
}

/** Retires a person: they keep their records but leave the register. */
export function retirePerson(api: ApiClient, personId: string, etag: string): Promise<PersonView> {
  return readAnswer(api.send('POST', `/people/${id(personId)}/retire`, { etag }), (s) => s.PersonView);
}

/** Every meeting, past and future (the archive's list). */
export const allMeetings = meetingsWithPast;

/** Schedules a meeting (secretariat). */
export function scheduleMeeting(api: ApiClient, request: ScheduleMeetingInput): Promise<ScheduleAnswer> {
  return readAnswer(api.send('POST', '/meetings', request), (s) => s.ScheduleAnswer);
}

/** Moves or edits a meeting; `store.conflict` when it changed since `etag` was read. */
export function rescheduleMeeting(
  api: ApiClient,
  meetingId: string,
  etag: string,
  request: RescheduleMeetingInput,
): Promise<RescheduleAnswer> {
  const answer = api.send('PATCH', `/meetings/${id(meetingId)}`, request, versioned(etag));
  return readAnswer(answer, (s) => s.RescheduleAnswer);
}

/** Cancels a meeting: people asked are told and pending prompts withdrawn. */
export function cancelMeeting(
  api: ApiClient,
  meetingId: string,
  etag: string,
  request: CancelMeetingInput,
): Promise<CancelAnswer> {
  const answer = api.send('POST', `/meetings/${id(meetingId)}/cancel`, request, versioned(etag));
  return readAnswer(answer, (s) => s.CancelAnswer);
}

/** A page of the actions register. */
export function listActions(api: ApiClient, filter: ActionQuery, signal?: AbortSignal): Promise<ActionPage> {
  return readAnswer(api.get('/actions', { ...filter }, signal), (s) => s.ActionPage);
}

/** One action as the register shows it (read again after a conflict). */
export function getAction(api: ApiClient, actionId: string, signal?: AbortSignal): Promise<ActionView> {
  return readAnswer(api.get(`/actions/${id(actionId)}`, undefined, signal), (s) => s.ActionView);
}

/** Closes, re-opens, annotates, re-dates or (staff) reassigns an action. */
export function updateAction(
  api: ApiClient,
  actionId: string,
  etag: string,
  change: ActionChange,
): Promise<ActionView> {
  return readAnswer(api.send('PATCH', `/actions/${id(actionId)}`, change, versioned(etag)), (s) => s.ActionView);
}

/** A page of the decisions register. */
export function listDecisions(api: ApiClient, filter: DecisionQuery, signal?: AbortSignal): Promise<DecisionPage> {
  return readAnswer(api.get('/decisions', { ...filter }, signal), (s) => s.DecisionPage);
}

/** A page of the escalations register. */
export function listEscalations(
  api: ApiClient,
  filter: EscalationQuery,
  signal?: AbortSignal,
): Promise<EscalationPage> {
  return readAnswer(api.get('/escalations', { ...filter }, signal), (s) => s.EscalationPage);
}

/** One escalation as the register shows it (read again after a conflict). */
export function getEscalation(api: ApiClient, escalationId: string, signal?: AbortSignal): Promise<EscalationView> {
  return readAnswer(api.get(`/escalations/${id(escalationId)}`, undefined, signal), (s) => s.EscalationView);
}

/** Records where an escalation stands and its outcome (staff). */
export function updateEscalation(
  api: ApiClient,
  escalationId: string,
  etag: string,
  change: EscalationChange,
): Promise<EscalationView> {
  const answer = api.send('PATCH', `/escalations/${id(escalationId)}`, change, versioned(etag));
  return readAnswer(answer, (s) => s.EscalationView);
}

/** A topic's life in time order. */
export function getTopicHistory(api: ApiClient, topicId: string, signal?: AbortSignal): Promise<TopicHistory> {
  return readAnswer(api.get(`/topics/${id(topicId)}/history`, undefined, signal), (s) => s.TopicHistory);
}

/** A page of the audit log, newest first (secretariat). */
export function listAudit(api: ApiClient, filter: AuditQuery, signal?: AbortSignal): Promise<AuditPage> {
  return readAnswer(api.get('/audit', { ...filter }, signal), (s) => s.AuditPage);
}

/** Checks (dry run) or applies a register file (XLSX or CSV); problems are told in `lang`. */
export function importRegister(api: ApiClient, file: File, dryRun: boolean, lang: string): Promise<ImportReport> {
  return readAnswer(api.upload('/register/import', file, { dryRun: String(dryRun), lang }), (s) => s.ImportReport);
}

/** The empty register workbook, headers in `lang`. */
export function downloadTemplate(api: ApiClient, format: ExportFormat, lang: string): Promise<Blob> {
  return api.download('/register/template', { format, lang });
}

/** A topic's history as a file, headers in `lang`. */
export function downloadTopicHistory(
  api: ApiClient,
  topicId: string,
  format: ExportFormat,
  lang: string,
): Promise<Blob> {
  return api.download(`/topics/${id(topicId)}/history/export`, { format, lang });
}

/** An export of the records, headers in `lang`. */
export function downloadExport(api: ApiClient, what: RecordExport, format: ExportFormat, lang: string): Promise<Blob> {
  return api.download(`/exports/${what}`, { format, lang });
}

/** Every annual report version, newest first. */
export async function listReports(api: ApiClient, signal?: AbortSignal): Promise<ReportVersionView[]> {
  return (await readAnswer(api.get('/reports', undefined, signal), (s) => s.ReportList)).items;
}

/** Compiles a new draft of the annual report for a period, in a language. */
export function compileReport(
  api: ApiClient,
  period: { from: string; to: string },
  lang: string,
): Promise<ReportVersionView> {
  return readAnswer(api.send('POST', '/reports/annual', { ...period, lang }), (s) => s.ReportVersionView);
}

/** Publishes a draft report. */
export function publishReport(api: ApiClient, reportId: string): Promise<ReportVersionView> {
  return readAnswer(api.send('POST', `/reports/${id(reportId)}/publish`), (s) => s.ReportVersionView);
}

/** A report version's .docx. */
export function downloadReport(api: ApiClient, reportId: string): Promise<Blob> {
  return api.download(`/reports/${id(reportId)}/file`);
}
