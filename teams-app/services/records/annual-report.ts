import {
  AppError,
  Minutes,
  requirePermission,
  type Attendee,
  type AuditEntry,
  type Caller,
  type DocumentVersion,
  type Locale,
} from '../../domain';
import { AnnualReport, compileAnnualReport, type ReportPeriod } from '../../domain/report';
import { write, type FileStore, type Store, type Stored } from '../../store';

/** The part of approved minutes the report reads. */
const MinutesAttendance = Minutes.pick({ attendance: true });

/** What the annual report needs: the store, where published reports are kept, the renderer and the clock. */
export interface AnnualReportDeps {
  store: Store;
  files: FileStore;
  /** Renders the report as .docx (a draft is marked as such). */
  render(report: AnnualReport, draft: boolean): Promise<Buffer>;
  now(): string;
}

/** A report version with its parsed content. */
export interface ReportVersion extends Stored<DocumentVersion> {
  report: AnnualReport;
}

/** The key the versions of one period's report share (stored as the document's `meetingId`). */
export function reportKey(period: ReportPeriod): string {
  return `annual-${period.from}-${period.to}`;
}

/** Reads the records and compiles the annual report for a period, in a language. */
export async function compileReport(
  store: Store,
  period: ReportPeriod,
  locale: Locale,
  now: string,
): Promise<AnnualReport> {
  const [meetings, topics, assignments, updates, decisions, escalations, events, actions, minutes] = await Promise.all([
    store.meetings.all(),
    store.topics.all(),
    store.assignments.all(),
    store.statusUpdates.all(),
    store.decisions.all(),
    store.escalations.all(),
    store.events.all(),
    store.actions.all(),
    store.documents.all({ where: { kind: 'minutes', status: 'published' } }),
  ]);
  // Only the attendance of the approved minutes is read (minutes of any revision of the schema carry it).
  const attendance = new Map<string, Attendee[]>();
  for (const version of minutes.sort((a, b) => a.version - b.version)) {
    const parsed = MinutesAttendance.safeParse(version.content);
    if (parsed.success) attendance.set(version.meetingId, parsed.data.attendance);
  }
  return compileAnnualReport({
    period,
    locale,
    now,
    meetings,
    attendance,
    topics,
    assignments,
    updates,
    decisions,
    escalations,
    events,
    actions,
  });
}

function withReport(version: Stored<DocumentVersion>): ReportVersion {
  return { ...version, report: AnnualReport.parse(version.content) };
}

function audit(now: string, actorId: string, action: string, entityId: string): AuditEntry {
  return { id: `${action}:${entityId}`, at: now, actorId, action, entity: 'documents', entityId, detail: '' };
}

/**
 * The annual report to Council, stored and versioned like the minutes: the secretariat compiles a draft for a period
 * and a language (each compile is a new version), reviews it and publishes it; the published .docx is kept in the
 * file store, a draft is rendered when downloaded.
 */
export class AnnualReportService {
  constructor(private readonly deps: AnnualReportDeps) {}

  private async versionsOf(key: string): Promise<Stored<DocumentVersion>[]> {
    const all = await this.deps.store.documents.all({ where: { meetingId: key, kind: 'report' } });
    return all.sort((a, b) => b.version - a.version);
  }

  private async stored(id: string): Promise<Stored<DocumentVersion>> {
    const version = await this.deps.store.documents.get(id);
    if (!version || version.kind !== 'report') {
      throw new AppError('document.not-found', `There is no report version "${id}".`, { id });
    }
    return version;
  }

  /** Compiles a new draft version of the report for a period and a language. */
  async draft(caller: Caller, period: ReportPeriod, locale: Locale): Promise<ReportVersion> {
    requirePermission(caller, 'report.compile');
    const now = this.deps.now();
    const report = await compileReport(this.deps.store, period, locale, now);
    const key = reportKey(period);
    const number = ((await this.versionsOf(key))[0]?.version ?? 0) + 1;
    const version: DocumentVersion = {
      id: `${key}.report.v${number}`,
      meetingId: key,
      kind: 'report',
      version: number,
      status: 'draft',
      content: report,
      file: null,
      addendumFile: null,
      createdAt: now,
      createdBy: caller.personId,
      publishedAt: null,
      publishedBy: null,
    };
    await this.deps.store.commit([
      write.create('documents', version),
      write.ensure('audit', audit(now, caller.personId, 'report.compile', version.id)),
    ]);
    return withReport(await this.stored(version.id));
  }

  /** Every report version, newest first. */
  async list(caller: Caller): Promise<ReportVersion[]> {
    requirePermission(caller, 'report.read');
    const all = await this.deps.store.documents.all({ where: { kind: 'report' } });
    return all.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.version - a.version).map(withReport);
  }

  /** One report version. */
  async get(id: string, caller: Caller): Promise<ReportVersion> {
    requirePermission(caller, 'report.read');
    return withReport(await this.stored(id));
  }

  /**
   * Publishes a draft: its .docx is stored under a name taken from the version, then in one unit of work the version
   * is published and the period's earlier published version superseded. Publishing a published version again
   * changes nothing; an older draft (a newer version exists) is refused.
   */
  async publish(id: string, caller: Caller): Promise<ReportVersion> {
    requirePermission(caller, 'report.publish');
    const version = await this.stored(id);
    if (version.status === 'published') return withReport(version);
    const versions = await this.versionsOf(version.meetingId);
    if (version.status !== 'draft' || versions[0]?.id !== version.id) {
      throw new AppError('store.conflict', 'A newer version of this report exists: publish the newest draft.', { id });
    }
    const report = AnnualReport.parse(version.content);
    const now = this.deps.now();
    const file = await this.deps.files.saveOnce(
      `reports/${version.meetingId}-v${version.version}.docx`,
      await this.deps.render(report, false),
    );
    await this.deps.store.commit([
      ...versions
        .filter((v) => v.status === 'published')
        .map((v) => write.update('documents', { ...v, status: 'superseded' })),
      write.update('documents', {
        ...version,
        status: 'published',
        file,
        publishedAt: now,
        publishedBy: caller.personId,
      }),
      write.ensure('audit', audit(now, caller.personId, 'report.publish', version.id)),
    ]);
    return withReport(await this.stored(id));
  }

  /** The .docx of a version: the stored file once published, a draft rendered on request before. */
  async file(id: string, caller: Caller): Promise<{ fileName: string; content: Buffer }> {
    requirePermission(caller, 'report.read');
    const version = await this.stored(id);
    const fileName = `report-${version.meetingId}-v${version.version}${version.status === 'draft' ? '-draft' : ''}.docx`;
    if (version.file) {
      const content = await this.deps.files.read(version.file);
      if (!content) throw new AppError('document.not-found', 'The file of this report is missing.', { id });
      return { fileName, content };
    }
    return { fileName, content: await this.deps.render(AnnualReport.parse(version.content), true) };
  }
}
