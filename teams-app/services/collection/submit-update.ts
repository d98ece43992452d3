import { z } from 'zod';
import {
  AppError,
  PlannedEvent,
  UPDATE_LIMITS,
  acceptsUpdates,
  collectionWindow,
  isAppError,
  requirePermission,
  slotKey,
  type Caller,
  type Meeting,
  type SectorId,
  type StatusUpdate,
  type Topic,
} from '../../domain';
import { etagOf, write, type Stored } from '../../store';
import { requireMeeting } from '../lookups';
import type { RegisterSnapshot } from '../register';
import { MEETINGS_COLLECTING, auditEntry, type CollectionDeps } from './collection-deps';

/** What a focal point sends from the card or the API. */
export const SubmitInput = z.object({
  meetingId: z.string().min(1).max(100),
  topicId: z.string().min(1).max(100),
  sector: z.enum(['BR', 'TSB', 'BDT', 'GS']),
  baseRevision: z.coerce.number().int().min(0).default(0),
  noChange: z.boolean().default(false),
  progress: z.string().default(''),
  nextSteps: z.string().default(''),
  escalate: z.boolean().default(false),
  ask: z.string().default(''),
  events: z.array(PlannedEvent).max(20).default([]),
});
export type SubmitInput = z.input<typeof SubmitInput>;

/** The result of a submission. */
export interface SubmitResult {
  update: Stored<StatusUpdate>;
  outcome: 'created' | 'revised' | 'unchanged';
  meeting: Meeting;
  topic: Topic;
}

/** The fields of an update a person writes. */
type UpdateContent = Pick<StatusUpdate, 'progress' | 'nextSteps' | 'noChange' | 'escalation' | 'events'>;

/** A checked submission: where it goes, what it says, who sent it and when. */
interface Submission {
  id: string;
  personId: string;
  input: z.output<typeof SubmitInput>;
  meeting: Stored<Meeting>;
  topic: Topic;
  content: UpdateContent;
  now: string;
  late: boolean;
}

function checkLength(field: keyof typeof UPDATE_LIMITS, value: string): string {
  const text = value.trim();
  const max = UPDATE_LIMITS[field];
  if (text.length > max) {
    throw new AppError('update.too-long', `${field} is ${text.length} characters long; the limit is ${max}.`, {
      field,
      max,
      length: text.length,
    });
  }
  return text;
}

function sameContent(a: StatusUpdate, b: UpdateContent): boolean {
  return (
    a.progress === b.progress &&
    a.nextSteps === b.nextSteps &&
    a.noChange === b.noChange &&
    a.escalation.flag === b.escalation.flag &&
    a.escalation.ask === b.escalation.ask &&
    JSON.stringify(a.events) === JSON.stringify(b.events)
  );
}

/** Checks that a person may answer for a topic × sector in a meeting (focal point, alternate or delegate). */
async function checkResponsible(
  deps: Pick<CollectionDeps, 'store'>,
  register: RegisterSnapshot,
  meetingId: string,
  topicId: string,
  sector: SectorId,
  personId: string,
): Promise<void> {
  const slot = slotKey(topicId, sector);
  const assignment = register.assignmentsById.get(slot);
  const delegation = await deps.store.delegations.get(`${meetingId}.${slot}`);
  const allowed = [assignment?.focalPointId, assignment?.alternateId, delegation?.toId].filter(Boolean);
  if (!allowed.includes(personId)) {
    throw new AppError(
      'update.not-responsible',
      'Only the focal point or the alternate for this topic can send its update.',
      { topicId, sector },
    );
  }
}

/**
 * Parses and checks a submission: the meeting still takes updates, the person answers for the slot, lengths. The
 * topic and the slot's assignment come from the register as cached for the store's version.
 */
async function checked(
  deps: Pick<CollectionDeps, 'store' | 'register' | 'now'>,
  personId: string,
  raw: SubmitInput,
): Promise<Submission> {
  const input = SubmitInput.parse(raw);
  const meeting = await requireMeeting(deps.store, input.meetingId);
  const register = await deps.register.snapshot();
  const topic = register.topicsById.get(input.topicId);
  if (!topic) throw new AppError('topic.not-found', `There is no topic "${input.topicId}".`);
  if (!acceptsUpdates(meeting.state)) {
    throw new AppError('meeting.already-held', 'This meeting has already been held; updates go to the next meeting.', {
      state: meeting.state,
    });
  }
  await checkResponsible(deps, register, meeting.id, input.topicId, input.sector, personId);
  const content: UpdateContent = {
    progress: checkLength('progress', input.progress),
    nextSteps: checkLength('nextSteps', input.nextSteps),
    noChange: input.noChange,
    escalation: { flag: input.escalate, ask: input.escalate ? checkLength('escalationAsk', input.ask) : '' },
    events: input.events,
  };
  const now = deps.now();
  const late = now >= collectionWindow(meeting).closesAt || !MEETINGS_COLLECTING.includes(meeting.state);
  const id = `${meeting.id}.${slotKey(input.topicId, input.sector)}`;
  return { id, personId, input, meeting, topic, content, now, late };
}

/** Stores the first update of a slot (revision 1) with its audit entry, in one unit of work. */
async function createUpdate(deps: Pick<CollectionDeps, 'store' | 'now'>, s: Submission): Promise<SubmitResult> {
  const update: StatusUpdate = {
    id: s.id,
    meetingId: s.meeting.id,
    topicId: s.input.topicId,
    sector: s.input.sector,
    authorId: s.personId,
    ...s.content,
    submittedAt: s.now,
    late: s.late,
    revision: 1,
    history: [],
  };
  const committed = await deps.store.commit([
    write.create('statusUpdates', update),
    write.create(
      'audit',
      auditEntry(deps, {
        actor: { personId: s.personId, roles: [] },
        action: 'update.submit',
        entity: 'statusUpdates',
        entityId: s.id,
        detail: s.input.noChange ? 'no change' : 'revision 1',
      }),
    ),
  ]);
  return { update: { ...update, etag: etagOf(committed, 0) }, outcome: 'created', meeting: s.meeting, topic: s.topic };
}

/**
 * Stores a new revision of an update with its audit entry, in one unit of work, keeping the previous revision in
 * its history (the last 200).
 */
async function reviseUpdate(
  deps: Pick<CollectionDeps, 'store' | 'now'>,
  s: Submission,
  existing: Stored<StatusUpdate>,
): Promise<SubmitResult> {
  const { etag, ...record } = existing;
  const revised: StatusUpdate = {
    ...record,
    ...s.content,
    authorId: s.personId,
    submittedAt: s.now,
    late: record.late || s.late,
    revision: existing.revision + 1,
    history: [
      ...record.history,
      {
        revision: record.revision,
        submittedAt: record.submittedAt,
        authorId: record.authorId,
        progress: record.progress,
        nextSteps: record.nextSteps,
        noChange: record.noChange,
      },
    ].slice(-200),
  };
  const committed = await deps.store.commit([
    write.update('statusUpdates', { ...revised, etag }),
    write.create(
      'audit',
      auditEntry(deps, {
        actor: { personId: s.personId, roles: [] },
        action: 'update.revise',
        entity: 'statusUpdates',
        entityId: s.id,
        detail: `revision ${revised.revision}`,
      }),
    ),
  ]);
  return { update: { ...revised, etag: etagOf(committed, 0) }, outcome: 'revised', meeting: s.meeting, topic: s.topic };
}

/**
 * Stores a submission of the slot's focal point, alternate or delegate. Edits make a new revision and keep the
 * history; a submit from an older card (baseRevision behind) is refused as stale unless it repeats what is stored
 * (a double click or replay). After the window closes, updates are accepted and marked late; once the meeting is
 * held, refused.
 */
export async function submitUpdate(
  deps: Pick<CollectionDeps, 'store' | 'register' | 'now'>,
  caller: Caller,
  raw: SubmitInput,
): Promise<SubmitResult> {
  requirePermission(caller, 'update.submit');
  const submission = await checked(deps, caller.personId, raw);
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const existing = await deps.store.statusUpdates.get(submission.id);
    try {
      if (!existing) return await createUpdate(deps, submission);
      if (sameContent(existing, submission.content)) {
        return { update: existing, outcome: 'unchanged', meeting: submission.meeting, topic: submission.topic };
      }
      if (submission.input.baseRevision < existing.revision) {
        throw new AppError(
          'update.stale',
          'This update was changed since your card was sent. Here is the latest version; edit it again if needed.',
          { revision: existing.revision },
        );
      }
      return await reviseUpdate(deps, submission, existing);
    } catch (error) {
      // A concurrent submit won the race: read again and decide (unchanged, stale or revise).
      if (isAppError(error, 'store.conflict') || isAppError(error, 'store.already-exists')) continue;
      throw error;
    }
  }
  throw new AppError('store.conflict', 'Too many simultaneous edits of this update; please try again.');
}

/** "No change since last meeting": copies the previous update's text and marks it unchanged. */
export async function submitNoChange(
  deps: Pick<CollectionDeps, 'store' | 'register' | 'now'>,
  caller: Caller,
  raw: Pick<SubmitInput, 'meetingId' | 'topicId' | 'sector' | 'baseRevision'>,
): Promise<SubmitResult> {
  requirePermission(caller, 'update.submit');
  const previous = (await deps.store.statusUpdates.all({ where: { topicId: raw.topicId, sector: raw.sector } }))
    .filter((u) => u.meetingId !== raw.meetingId)
    .sort((a, b) => b.submittedAt.localeCompare(a.submittedAt))[0];
  return submitUpdate(deps, caller, {
    ...raw,
    noChange: true,
    progress: previous?.progress ?? '',
    nextSteps: previous?.nextSteps ?? '',
  });
}
