import {
  localized,
  requirePermission,
  type Caller,
  type HistoryEntry,
  type Locale,
  type Meeting,
  type Person,
  type TrackerView,
} from '../../domain';
import { t, withReasonText } from '../../i18n';
import type { Store } from '../../store';
import { topicHistory } from '../history/topic-history';
import { EXPORT_COLUMNS, REGISTER_COLUMNS, REGISTER_SHEETS, type ColumnSpec } from './columns';
import { assignmentCells, personCells, topicCells } from './register-rows';
import { writeTables, type CellValue, type OutSheet, type TableFormat } from './tables';

/** The exports besides the register. */
export const RECORD_EXPORTS = ['register', 'actions', 'decisions', 'audit'] as const;
export type RecordExport = (typeof RECORD_EXPORTS)[number];

/** An export ready to download. */
export interface ExportFile {
  fileName: string;
  format: TableFormat;
  content: Buffer;
}

function headers(columns: readonly ColumnSpec[], locale: Locale): string[] {
  return columns.map((column) => t(column.label, locale));
}

function sheet(
  name: string,
  columns: readonly ColumnSpec[],
  rows: Record<string, CellValue>[],
  locale: Locale,
): OutSheet {
  return { name, headers: headers(columns, locale), rows: rows.map((row) => columns.map((c) => row[c.key] ?? '')) };
}

function meetingRef(meeting: Pick<Meeting, 'body' | 'number'> | undefined, id: string): string {
  return meeting ? `${meeting.body}-${meeting.number}` : id;
}

/**
 * The register's three sheets: every topic, every assignment, and the people of the register (retired people only
 * when an assignment still names them), in the order and with the columns the import reads.
 */
export async function registerSheets(store: Store, locale: Locale): Promise<OutSheet[]> {
  const [topics, assignments, people] = await Promise.all([
    store.topics.all(),
    store.assignments.all(),
    store.people.all(),
  ]);
  const byId = new Map(people.map((p) => [p.id, p]));
  const named = new Set(assignments.flatMap((a) => [a.focalPointId, a.alternateId]));
  const listed: Person[] = people
    .filter((p) => !p.retiredAt || named.has(p.id))
    .sort((a, b) => a.email.localeCompare(b.email));
  const emailOf = (id: string) => byId.get(id)?.email ?? id;
  const rows = {
    topics: [...topics].sort((a, b) => a.id.localeCompare(b.id)).map(topicCells),
    assignments: [...assignments]
      .sort((a, b) => a.topicId.localeCompare(b.topicId) || a.sector.localeCompare(b.sector))
      .map((a) => assignmentCells(a, emailOf)),
    people: listed.map(personCells),
  };
  return REGISTER_SHEETS.map((name) => sheet(name, REGISTER_COLUMNS[name], rows[name], locale));
}

/** The empty register workbook: the three sheets with their headers in the reader's language. */
export function templateSheets(locale: Locale): OutSheet[] {
  return REGISTER_SHEETS.map((name) => sheet(name, REGISTER_COLUMNS[name], [], locale));
}

async function actionsSheet(store: Store, locale: Locale): Promise<OutSheet> {
  const [actions, topics, meetings] = await Promise.all([
    store.actions.all(),
    store.topics.all(),
    store.meetings.all(),
  ]);
  const titles = new Map(topics.map((topic) => [topic.id, topic.title]));
  const meetingsById = new Map(meetings.map((m) => [m.id, m]));
  const rows = [...actions]
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))
    .map((action) => {
      const title = action.topicId ? titles.get(action.topicId) : undefined;
      return {
        id: action.id,
        topic: title ? localized(title, locale) : (action.topicId ?? ''),
        text: action.text,
        owner: action.ownerName,
        due: action.due ?? '',
        status: action.status,
        meeting: meetingRef(meetingsById.get(action.sourceMeetingId), action.sourceMeetingId),
        createdAt: action.createdAt,
      };
    });
  return sheet('actions', EXPORT_COLUMNS.actions, rows, locale);
}

async function decisionsSheet(store: Store, locale: Locale): Promise<OutSheet> {
  const [decisions, topics, meetings] = await Promise.all([
    store.decisions.all(),
    store.topics.all(),
    store.meetings.all(),
  ]);
  const titles = new Map(topics.map((topic) => [topic.id, topic.title]));
  const meetingsById = new Map(meetings.map((m) => [m.id, m]));
  const rows = [...decisions]
    .sort((a, b) => a.recordedAt.localeCompare(b.recordedAt) || a.id.localeCompare(b.id))
    .map((decision) => {
      const title = decision.topicId ? titles.get(decision.topicId) : undefined;
      return {
        id: decision.id,
        meeting: meetingRef(meetingsById.get(decision.meetingId), decision.meetingId),
        item: decision.agendaItem ?? '',
        topic: title ? localized(title, locale) : (decision.topicId ?? ''),
        text: decision.text,
        recordedAt: decision.recordedAt,
      };
    });
  return sheet('decisions', EXPORT_COLUMNS.decisions, rows, locale);
}

async function auditSheet(store: Store, locale: Locale): Promise<OutSheet> {
  const [entries, people] = await Promise.all([store.audit.all({ orderBy: 'at' }), store.people.all()]);
  const names = new Map(people.map((p) => [p.id, p.name]));
  const rows = [...entries]
    .sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id))
    .map((entry) => ({
      at: entry.at,
      actor: names.get(entry.actorId) ?? entry.actorId,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId,
      detail: entry.detail,
    }));
  return sheet('audit', EXPORT_COLUMNS.audit, rows, locale);
}

/** The collection tracker of a meeting as one sheet (status and reason in the reader's language). */
export function trackerSheet(view: TrackerView, locale: Locale): OutSheet {
  const rows = view.rows.map((row) => ({
    topic: localized(row.topicTitle, locale),
    sector: row.sector,
    status: t(`status.${row.status}`, locale),
    person: row.personName ?? '',
    answeredBy: row.answeredByName ?? '',
    at: row.at ?? '',
    reason: withReasonText(row, locale).reason ?? '',
  }));
  return sheet('tracker', EXPORT_COLUMNS.tracker, rows, locale);
}

/**
 * The event, text and detail columns of a history entry: event codes as the API names them, a status update's
 * revision number, a decision's agenda item.
 */
function historyCells(entry: HistoryEntry): { event: string; text: string; detail: string } {
  switch (entry.kind) {
    case 'register':
      return { event: entry.action, text: entry.detail, detail: `${entry.entity} ${entry.entityId}` };
    case 'update':
      return { event: String(entry.revision), text: entry.progress, detail: entry.nextSteps };
    case 'decision':
      return { event: entry.agendaItem === null ? '' : String(entry.agendaItem), text: entry.text, detail: '' };
    case 'action':
      return { event: entry.event, text: entry.text, detail: [entry.note, entry.due].filter(Boolean).join(' · ') };
    case 'escalation':
      return { event: entry.event, text: entry.text, detail: entry.to };
  }
}

/**
 * A topic's history as one sheet, oldest first (the order of the API): when, what kind of entry in the reader's
 * language, its event, meeting, sector, who, its text and detail.
 */
export async function topicHistorySheet(
  store: Store,
  caller: Caller,
  topicId: string,
  locale: Locale,
): Promise<OutSheet> {
  const [history, meetings] = await Promise.all([topicHistory(store, caller, topicId), store.meetings.all()]);
  const meetingsById = new Map(meetings.map((m) => [m.id, m]));
  const rows = history.entries.map((entry) => ({
    at: entry.at,
    kind: t(`records.history.${entry.kind}`, locale),
    meeting: entry.meetingId ? meetingRef(meetingsById.get(entry.meetingId), entry.meetingId) : '',
    sector: entry.sector ?? '',
    actor: entry.personName ?? entry.personId ?? '',
    ...historyCells(entry),
  }));
  return sheet('history', EXPORT_COLUMNS.history, rows, locale);
}

/** A topic's history in XLSX or CSV with headers in the reader's language (everyone in the register). */
export async function exportTopicHistory(
  store: Store,
  topicId: string,
  options: { format: TableFormat; locale: Locale; caller: Caller; now: string },
): Promise<ExportFile> {
  requirePermission(options.caller, 'records.export');
  const history = await topicHistorySheet(store, options.caller, topicId, options.locale);
  return exportFile(`history-${topicId}`, options.format, [history], options.locale, options.now);
}

function stampOf(now: string): string {
  return now.slice(0, 10);
}

/** Writes sheets in a format, right-to-left for Arabic readers. */
export async function exportFile(
  name: string,
  format: TableFormat,
  sheets: OutSheet[],
  locale: Locale,
  now: string,
): Promise<ExportFile> {
  return {
    fileName: `${name}-${stampOf(now)}.${format}`,
    format,
    content: await writeTables(format, sheets, locale === 'ar'),
  };
}

/**
 * One of the record exports (register, actions, decisions, audit) in XLSX or CSV with headers in the reader's
 * language. The audit log is the secretariat's; the rest is open to everyone in the register.
 */
export async function exportRecords(
  store: Store,
  what: RecordExport,
  options: { format: TableFormat; locale: Locale; caller: Caller | null; now: string },
): Promise<ExportFile> {
  if (options.caller) requirePermission(options.caller, what === 'audit' ? 'audit.export' : 'records.export');
  const { locale } = options;
  const sheets =
    what === 'register'
      ? await registerSheets(store, locale)
      : what === 'actions'
        ? [await actionsSheet(store, locale)]
        : what === 'decisions'
          ? [await decisionsSheet(store, locale)]
          : [await auditSheet(store, locale)];
  return exportFile(what, options.format, sheets, locale, options.now);
}

/** The empty register template to fill in. */
export async function registerTemplate(format: TableFormat, locale: Locale): Promise<ExportFile> {
  return {
    fileName: `register-template.${format}`,
    format,
    content: await writeTables(format, templateSheets(locale), locale === 'ar'),
  };
}
