import {
  Agenda,
  AppError,
  Minutes,
  applyMinutesEdit,
  compileMinutes as compileMinutesFrom,
  requirePermission,
  walk,
  wallClock,
  type Caller,
  type Meeting,
  type MinutesEditRequest,
} from '../../domain';
import { write } from '../../store';
import { requireMeeting } from '../lookups';
import { draftOf, newVersion, storedVersion, versionsOf, type MinutesVersion } from './document-versions';
import type { MeetingDeps } from './meeting-deps';

/** An edit of the draft minutes (the domain's own schema). */
export type MinutesEdit = MinutesEditRequest;

type Deps = Pick<MeetingDeps, 'store' | 'now' | 'chat' | 'attendance'>;

/** Refuses to draft minutes before the agenda is published and the meeting has started, or after approval. */
function checkDraftable(deps: Pick<MeetingDeps, 'now'>, meeting: Meeting): void {
  if (meeting.state === 'minutes-approved') {
    throw new AppError('meeting.invalid-transition', 'The minutes of this meeting are already approved.', {
      from: meeting.state,
      to: 'minutes-draft',
    });
  }
  if (!['agenda-published', 'held', 'minutes-draft'].includes(meeting.state)) {
    throw new AppError(
      'minutes.agenda-not-published',
      'Minutes can be drafted once the agenda is published and the meeting is under way.',
      { state: meeting.state },
    );
  }
  if (deps.now() < meeting.start) {
    const start = wallClock(meeting.start, meeting.timeZone);
    throw new AppError('minutes.too-early', `Minutes can be drafted once the meeting has started: ${start}.`, {
      start,
      startsAt: meeting.start,
    });
  }
}

/** The minutes compiled from the published agenda, the recorded chat and the meeting's updates. */
async function minutesOf(deps: Deps, meeting: Meeting, agenda: Agenda): Promise<Minutes> {
  const { store } = deps;
  const [people, updates, topics] = await Promise.all([
    store.people.all(),
    store.statusUpdates.all({ where: { meetingId: meeting.id } }),
    store.topics.all(),
  ]);
  const { records, captured } = await deps.chat.capture(meeting.chatId ?? null, meeting.id, {
    people: people.map((p) => ({ id: p.id, name: p.name, aadObjectId: p.aadObjectId })),
    itemCount: agenda.items.length,
  });
  const participants = [
    ...new Map(
      records.map((r) => [
        r.fromAadObjectId ?? r.fromId,
        { id: r.fromId, name: r.fromName, aadObjectId: r.fromAadObjectId },
      ]),
    ).values(),
  ];
  const attendanceReport = deps.attendance ? await deps.attendance.report(meeting) : null;
  return compileMinutesFrom({
    meeting,
    agenda,
    captured,
    participants,
    attendanceReport,
    updates,
    topics,
    people,
    now: deps.now(),
  });
}

/** Compiles draft minutes from the recorded chat and the published agenda; the meeting moves to held, then minutes-draft. */
export async function compileMinutes(deps: Deps, meetingId: string, actor: Caller): Promise<MinutesVersion> {
  requirePermission(actor, 'minutes.compile');
  const meeting = await requireMeeting(deps.store, meetingId);
  checkDraftable(deps, meeting);
  const agendaVersion = (await versionsOf(deps, meetingId, 'agenda')).find((v) => v.status === 'published');
  if (!agendaVersion) {
    throw new AppError('minutes.agenda-not-published', 'Minutes can be drafted once the agenda is published.');
  }
  const minutes = await minutesOf(deps, meeting, Agenda.parse(agendaVersion.content));
  const state = walk(meeting.state, 'held', 'minutes-draft');
  const version = await newVersion(deps, meeting, 'minutes', minutes, actor.personId);
  await deps.store.commit([write.create('documents', version), write.update('meetings', { ...meeting, state })]);
  return { ...(await storedVersion(deps, version.id)), minutes };
}

/** Edits the draft minutes (decision, action, escalation text; removing an entry). */
export async function editMinutes(
  deps: Pick<MeetingDeps, 'store' | 'now'>,
  meetingId: string,
  actor: Caller,
  edit: MinutesEdit,
  expectedRevision?: number,
): Promise<MinutesVersion> {
  requirePermission(actor, 'minutes.edit');
  const meeting = await requireMeeting(deps.store, meetingId);
  if (meeting.state === 'minutes-approved')
    throw new AppError('meeting.invalid-transition', 'The minutes are approved and can no longer be edited.', {
      from: meeting.state,
      to: 'minutes-draft',
    });
  const draft = await draftOf(deps, meetingId, 'minutes');
  const minutes = Minutes.parse(draft.content);
  if (expectedRevision !== undefined && expectedRevision !== minutes.revision) {
    throw new AppError('store.conflict', 'Someone else edited the minutes in the meantime. Reload and try again.', {
      revision: minutes.revision,
    });
  }
  const person = await deps.store.people.get(actor.personId);
  const by = { personId: actor.personId, name: person?.name ?? actor.personId };
  const next = applyMinutesEdit(minutes, edit, by, deps.now());
  if (next.revision === minutes.revision) return { ...draft, minutes };
  const stored = await deps.store.documents.update({ ...draft, content: next }, draft.etag);
  return { ...stored, minutes: next };
}
