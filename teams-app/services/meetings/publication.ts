import {
  Agenda,
  AppError,
  Minutes,
  minutesToRecords,
  requirePermission,
  unresolvedNotes,
  walk,
  type Caller,
  type DocumentVersion,
  type MinutesRecords,
} from '../../domain';
import { write, type Stored, type WriteOp } from '../../store';
import { requireMeeting } from '../lookups';
import { postAgenda, postMinutes } from './chat-posts';
import { fileLinks } from './document-files';
import {
  documentAudit,
  draftOf,
  storedVersion,
  versionsOf,
  type AgendaVersion,
  type MinutesVersion,
} from './document-versions';
import type { MeetingDeps } from './meeting-deps';

/**
 * Approves the draft agenda: stores the .docx (and addendum) under names taken from the operation
 * (meeting, version, revision), then in one unit of work publishes this version, supersedes the older one
 * and moves the meeting; the post to the meeting chat follows (idempotent). A retry after a failure at any
 * step completes the publication; an edit made meanwhile fails it with a conflict a plain retry resolves.
 */
export async function publishAgenda(deps: MeetingDeps, meetingId: string, actor: Caller): Promise<AgendaVersion> {
  requirePermission(actor, 'agenda.publish');
  const meeting = await requireMeeting(deps.store, meetingId);
  const versions = await versionsOf(deps, meetingId, 'agenda');
  const latest = versions[0];
  if (latest?.status === 'published') {
    const agenda = Agenda.parse(latest.content);
    await postAgenda(deps, meeting, latest, agenda);
    return { ...latest, agenda };
  }
  const draft = await draftOf(deps, meetingId, 'agenda');
  const agenda = Agenda.parse(draft.content);
  const state = walk(meeting.state, 'agenda-published');
  const name = `${meeting.id}/agenda-v${draft.version}-r${agenda.revision}`;
  const file = await deps.files.saveOnce(`${name}.docx`, await deps.render.agenda(agenda, agenda.locale));
  const addendumFile = agenda.addendum.length
    ? await deps.files.saveOnce(`${name}-addendum.docx`, await deps.render.addendum(agenda, agenda.locale))
    : null;
  const published: Stored<DocumentVersion> = {
    ...draft,
    status: 'published',
    file,
    addendumFile,
    ...(await fileLinks(deps, file, addendumFile)),
    outOfDate: false,
    publishedAt: deps.now(),
    publishedBy: actor.personId,
  };
  await deps.store.commit([
    ...versions
      .filter((v) => v.status === 'published')
      .map((v) => write.update('documents', { ...v, status: 'superseded' })),
    write.update('documents', published),
    write.update('meetings', { ...meeting, state }),
    write.ensure('audit', documentAudit(deps, actor.personId, 'agenda.publish', published.id)),
  ]);
  await postAgenda(deps, meeting, published, agenda);
  return { ...(await storedVersion(deps, published.id)), agenda };
}

/** Refuses approval while review notes are open, and (without `confirm`) minutes that hold nothing. */
function checkApprovable(minutes: Minutes, confirm: boolean): void {
  const open = unresolvedNotes(minutes);
  if (open.length) {
    throw new AppError(
      'minutes.unresolved-notes',
      `${open.length} review notes are still open: fix each one or accept it as it is before approving.`,
      { count: open.length },
    );
  }
  const { decisions, actions, messages } = minutes.stats;
  if (!confirm && decisions + actions + messages === 0) {
    throw new AppError(
      'minutes.empty',
      'These minutes have no decisions, no actions and no chat lines. Confirm to approve them anyway.',
    );
  }
}

/**
 * Approves the draft minutes (chair or secretariat only). Refused while review notes are neither fixed nor
 * accepted, and, without `confirm`, when the minutes hold nothing (no decisions, actions or chat lines).
 * The .docx is stored under a name taken from the operation; the decisions, actions and escalations, the
 * published version and the meeting's move to minutes-approved are then written as one unit, and the post
 * to the chat follows. A retry after a failure at any step completes the approval, creating nothing twice.
 */
export async function approveMinutes(
  deps: MeetingDeps,
  meetingId: string,
  actor: Caller,
  options: { confirm?: boolean } = {},
): Promise<MinutesVersion> {
  requirePermission(actor, 'minutes.approve');
  const meeting = await requireMeeting(deps.store, meetingId);
  const latest = (await versionsOf(deps, meetingId, 'minutes'))[0];
  if (meeting.state === 'minutes-approved' && latest?.status === 'published') {
    const minutes = Minutes.parse(latest.content);
    await postMinutes(deps, meeting, latest, minutes);
    return { ...latest, minutes };
  }
  const draft = await draftOf(deps, meetingId, 'minutes');
  const minutes = Minutes.parse(draft.content);
  const state = walk(meeting.state, 'minutes-approved');
  checkApprovable(minutes, options.confirm ?? false);
  const file = await deps.files.saveOnce(
    `${meeting.id}/minutes-v${draft.version}-r${minutes.revision}.docx`,
    await deps.render.minutes(minutes, minutes.locale, false),
  );
  const records = minutesToRecords(minutes, deps.now());
  const published: Stored<DocumentVersion> = {
    ...draft,
    status: 'published',
    file,
    ...(await fileLinks(deps, file, null)),
    publishedAt: deps.now(),
    publishedBy: actor.personId,
  };
  await deps.store.commit([
    ...records.decisions.map((d) => write.ensure('decisions', d)),
    ...records.actions.map((a) => write.ensure('actions', a)),
    ...records.escalations.map((e) => write.ensure('escalations', e)),
    ...(await actionOutcomes(deps, records)),
    write.update('documents', published),
    write.update('meetings', { ...meeting, state }),
    write.ensure('audit', documentAudit(deps, actor.personId, 'minutes.approve', published.id)),
  ]);
  await postMinutes(deps, meeting, published, minutes);
  return { ...(await storedVersion(deps, published.id)), minutes };
}

/** The changes the minutes make to actions carried from earlier meetings (closed, new due date). */
async function actionOutcomes(deps: Pick<MeetingDeps, 'store'>, records: MinutesRecords): Promise<WriteOp[]> {
  const writes: WriteOp[] = [];
  for (const change of records.actionUpdates) {
    const action = await deps.store.actions.get(change.actionId);
    if (!action || (action.status === change.status && action.due === change.due)) continue;
    writes.push(write.update('actions', { ...action, status: change.status, due: change.due }));
  }
  return writes;
}
