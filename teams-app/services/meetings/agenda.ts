import {
  Agenda,
  AppError,
  addItem,
  collectionWindow,
  compileAgenda as compileAgendaFrom,
  editItem,
  expectedReportSlots,
  moveItem,
  moveSubItem,
  removeItem,
  requirePermission,
  walk,
  type AgendaEditRequest,
  type Caller,
  type CollectionIncomplete,
  type Meeting,
  type MeetingState,
} from '../../domain';
import { write } from '../../store';
import { requireMeeting } from '../lookups';
import { retryOnConflict } from '../retry';
import { draftOf, newVersion, storedVersion, type AgendaVersion } from './document-versions';
import type { MeetingDeps } from './meeting-deps';

/** An edit of the draft agenda (the domain's own schema). */
export type AgendaEdit = AgendaEditRequest;

type Deps = Pick<MeetingDeps, 'store' | 'now'>;

/** The moves compiling makes from a state: collection closes first when it is still running. */
function compilePath(state: MeetingState): MeetingState[] {
  if (state === 'scheduled') return ['open', 'closed', 'agenda-draft'];
  if (state === 'open') return ['closed', 'agenda-draft'];
  return ['agenda-draft'];
}

/** The counts a chair sees before compiling while collection is still running. */
async function collectionCounts(
  deps: Deps,
  meeting: Meeting,
): Promise<{ expected: number; answered: number; missing: number }> {
  const [topics, assignments, updates] = await Promise.all([
    deps.store.topics.all(),
    deps.store.assignments.all(),
    deps.store.statusUpdates.all({ where: { meetingId: meeting.id } }),
  ]);
  const slots = expectedReportSlots(topics, assignments);
  const answered = updates.filter((u) => slots.has(`${u.topicId}:${u.sector}`)).length;
  return { expected: slots.size, answered, missing: slots.size - answered };
}

/** Refuses to compile for a meeting already held, and (without `confirm`) while collection is still running. */
async function checkCompile(
  deps: Deps,
  meeting: Meeting,
  actor: Caller | 'scheduler',
  confirm: boolean,
): Promise<void> {
  if (['held', 'minutes-draft', 'minutes-approved'].includes(meeting.state)) {
    throw new AppError('meeting.invalid-transition', 'The meeting has been held; its agenda can no longer change.', {
      from: meeting.state,
      to: 'agenda-draft',
    });
  }
  if (actor !== 'scheduler' && !confirm && (meeting.state === 'scheduled' || meeting.state === 'open')) {
    const counts = await collectionCounts(deps, meeting);
    throw new AppError(
      'collection.incomplete',
      `${counts.missing} of ${counts.expected} updates are missing and collection is ${meeting.state === 'open' ? 'still open' : 'not open yet'}. Confirm to compile anyway; collection will close.`,
      { state: meeting.state, ...counts, closesAt: collectionWindow(meeting).closesAt } satisfies CollectionIncomplete,
    );
  }
}

/** The agenda compiled from everything the meeting's collection gathered. */
async function agendaOf(deps: Deps, meeting: Meeting): Promise<Agenda> {
  const { store } = deps;
  const [topics, assignments, people, updates, actions, meetings] = await Promise.all([
    store.topics.all(),
    store.assignments.all(),
    store.people.all(),
    store.statusUpdates.all({ where: { meetingId: meeting.id } }),
    store.actions.all(),
    store.meetings.all({ orderBy: 'start' }),
  ]);
  const sameBody = meetings.filter((m) => m.body === meeting.body);
  return compileAgendaFrom({
    meeting,
    previousMeeting: [...sameBody].reverse().find((m) => m.start < meeting.start) ?? null,
    nextMeeting: sameBody.find((m) => m.start > meeting.start) ?? null,
    topics,
    assignments,
    people,
    updates,
    actions: actions.filter((a) => a.sourceMeetingId !== meeting.id),
    now: deps.now(),
  });
}

/**
 * Compiles the draft agenda from the meeting's updates; the new version and the meeting's move to
 * agenda-draft are written together. While collection is still open (or never opened) staff must confirm,
 * having seen how many updates are missing. After publication this makes a new version.
 */
export async function compileAgenda(
  deps: Deps,
  meetingId: string,
  actor: Caller | 'scheduler',
  options: { confirm?: boolean } = {},
): Promise<AgendaVersion> {
  if (actor !== 'scheduler') requirePermission(actor, 'agenda.compile');
  await checkCompile(deps, await requireMeeting(deps.store, meetingId), actor, options.confirm ?? false);
  return retryOnConflict(async () => {
    const meeting = await requireMeeting(deps.store, meetingId);
    const state = walk(meeting.state, ...compilePath(meeting.state));
    const agenda = await agendaOf(deps, meeting);
    const by = actor === 'scheduler' ? 'scheduler' : actor.personId;
    const version = await newVersion(deps, meeting, 'agenda', agenda, by);
    await deps.store.commit([write.create('documents', version), write.update('meetings', { ...meeting, state })]);
    return { ...(await storedVersion(deps, version.id)), agenda };
  });
}

/** Edits the draft agenda (reorder, retitle, add, remove); `expectedRevision` guards against lost edits. */
export async function editAgenda(
  deps: Deps,
  meetingId: string,
  actor: Caller,
  edit: AgendaEdit,
  expectedRevision?: number,
): Promise<AgendaVersion> {
  requirePermission(actor, 'agenda.edit');
  const draft = await draftOf(deps, meetingId, 'agenda');
  const agenda = Agenda.parse(draft.content);
  if (expectedRevision !== undefined && expectedRevision !== agenda.revision) {
    throw new AppError('store.conflict', 'Someone else edited the agenda in the meantime. Reload and try again.', {
      revision: agenda.revision,
    });
  }
  const next =
    edit.op === 'move'
      ? moveItem(agenda, edit.from, edit.to)
      : edit.op === 'edit'
        ? editItem(agenda, edit.itemId, edit.patch)
        : edit.op === 'add'
          ? addItem(agenda, edit.item, edit.at)
          : edit.op === 'move-sub'
            ? moveSubItem(agenda, edit.itemId, edit.from, edit.to)
            : removeItem(agenda, edit.itemId);
  const { etag, ...record } = draft;
  const stored = await deps.store.documents.update(
    { ...record, content: next as unknown as Record<string, unknown> },
    etag,
  );
  return { ...stored, agenda: next };
}
