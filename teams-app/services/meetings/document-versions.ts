import { Agenda, AppError, Minutes, type AuditEntry, type DocumentVersion, type Meeting } from '../../domain';
import type { Stored } from '../../store';
import type { MeetingDeps } from './meeting-deps';

/** An agenda version with its parsed content. */
export interface AgendaVersion extends Stored<DocumentVersion> {
  agenda: Agenda;
}

/** A minutes version with its parsed content. */
export interface MinutesVersion extends Stored<DocumentVersion> {
  minutes: Minutes;
}

type Deps = Pick<MeetingDeps, 'store' | 'now'>;

/** The versions of a meeting's agenda or minutes, newest first. */
export async function versionsOf(
  deps: Pick<MeetingDeps, 'store'>,
  meetingId: string,
  kind: DocumentVersion['kind'],
): Promise<Stored<DocumentVersion>[]> {
  const all = await deps.store.documents.all({ where: { meetingId, kind } });
  return all.sort((a, b) => b.version - a.version);
}

/** The newest agenda version of a meeting (draft or published), or null. */
export async function latestAgenda(deps: Pick<MeetingDeps, 'store'>, meetingId: string): Promise<AgendaVersion | null> {
  const latest = (await versionsOf(deps, meetingId, 'agenda'))[0];
  return latest ? { ...latest, agenda: Agenda.parse(latest.content) } : null;
}

/** The published agenda version of a meeting (the one the meeting runs on), or null. */
export async function publishedAgendaVersion(
  deps: Pick<MeetingDeps, 'store'>,
  meetingId: string,
): Promise<AgendaVersion | null> {
  const published = (await versionsOf(deps, meetingId, 'agenda')).find((v) => v.status === 'published');
  return published ? { ...published, agenda: Agenda.parse(published.content) } : null;
}

/** The newest minutes version of a meeting, or null. */
export async function latestMinutes(
  deps: Pick<MeetingDeps, 'store'>,
  meetingId: string,
): Promise<MinutesVersion | null> {
  const latest = (await versionsOf(deps, meetingId, 'minutes'))[0];
  return latest ? { ...latest, minutes: Minutes.parse(latest.content) } : null;
}

/** The next version of a meeting document, as a draft (written by the caller's unit of work). */
export async function newVersion(
  deps: Deps,
  meeting: Meeting,
  kind: DocumentVersion['kind'],
  content: Agenda | Minutes,
  by: string,
): Promise<DocumentVersion> {
  const version = ((await versionsOf(deps, meeting.id, kind))[0]?.version ?? 0) + 1;
  return {
    id: `${meeting.id}.${kind}.v${version}`,
    meetingId: meeting.id,
    kind,
    version,
    status: 'draft',
    content,
    file: null,
    addendumFile: null,
    createdAt: deps.now(),
    createdBy: by,
    publishedAt: null,
    publishedBy: null,
  };
}

/** The draft a change applies to (the newest version), or `agenda.not-ready` / `minutes.not-ready`. */
export async function draftOf(
  deps: Pick<MeetingDeps, 'store'>,
  meetingId: string,
  kind: DocumentVersion['kind'],
): Promise<Stored<DocumentVersion>> {
  const latest = (await versionsOf(deps, meetingId, kind))[0];
  if (!latest || latest.status !== 'draft') {
    throw new AppError(
      kind === 'agenda' ? 'agenda.not-ready' : 'minutes.not-ready',
      `There is no draft ${kind} to change; compile one first.`,
    );
  }
  return latest;
}

/** A stored version by id, or `document.not-found`. */
export async function storedVersion(deps: Pick<MeetingDeps, 'store'>, id: string): Promise<Stored<DocumentVersion>> {
  const version = await deps.store.documents.get(id);
  if (!version) throw new AppError('document.not-found', `There is no document version "${id}".`);
  return version;
}

/** The audit entry of a step on a document version, keyed by the step so a retry writes it once. */
export function documentAudit(
  deps: Pick<MeetingDeps, 'now'>,
  actorId: string,
  action: string,
  entityId: string,
): AuditEntry {
  return { id: `${action}:${entityId}`, at: deps.now(), actorId, action, entity: 'documents', entityId, detail: '' };
}
