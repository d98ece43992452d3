import { AppError, requirePermission, walk, type Meeting } from '../../domain';
import { write, type Stored, type WriteOp } from '../../store';
import { requireMeeting } from '../lookups';
import { MEETINGS_COLLECTING, actorId, type Actor, type CollectionDeps } from './collection-deps';
import { deliveryReport, type DeliveryReport } from './delivery';
import { recordAbsences } from './out-of-office';
import { queuePrompts } from './prompts';
import { remindAfterReopening } from './reminders';
import { targetsOf } from './targets';

/** What opening (or re-opening) collection did: prompts queued now, and everyone who cannot be reached. */
export interface OpenResult extends DeliveryReport {
  reopened: boolean;
}

/**
 * Opens collection (secretariat, or the scheduler when the window opens) and queues every prompt; staff may
 * also re-open collection after it closed or after a draft agenda was compiled (that draft is then marked
 * out of date, and collection stays open until the meeting starts). Prompts are queued first and the
 * meeting's state changes last, so a retry or the next tick completes an opening that failed half way.
 */
export async function openCollection(deps: CollectionDeps, meetingId: string, actor: Actor): Promise<OpenResult> {
  if (actor !== 'scheduler') requirePermission(actor, 'collection.open');
  const meeting = await requireMeeting(deps.store, meetingId);
  const reopening = actor !== 'scheduler' && (meeting.state === 'closed' || meeting.state === 'agenda-draft');
  if (!MEETINGS_COLLECTING.includes(meeting.state) && !reopening) {
    throw new AppError(
      'meeting.invalid-transition',
      `Collection cannot be opened: the meeting is "${meeting.state}".`,
      {
        from: meeting.state,
        to: 'open',
      },
    );
  }
  const target: Stored<Meeting> = {
    ...meeting,
    state: walk(meeting.state, 'open'),
    reopenedAt: reopening ? deps.now() : (meeting.reopenedAt ?? null),
  };
  // Before any prompt goes out, so the prompt of a focal point who is away goes to the alternate at once.
  if (meeting.state === 'scheduled' || reopening) await recordAbsences(deps, target);
  const { queued } = await queuePrompts(deps, target, await targetsOf(deps, target));
  if (reopening) await remindAfterReopening(deps, target);
  if (meeting.state !== 'open') await deps.store.commit(await openingWrites(deps, meeting, target, actor));
  const report = await deliveryReport(deps, await requireMeeting(deps.store, meetingId), queued);
  return { ...report, reopened: reopening };
}

/** The meeting's move to open, the draft agenda marked out of date when re-opening, and the audit entry. */
async function openingWrites(
  deps: Pick<CollectionDeps, 'store' | 'now'>,
  before: Stored<Meeting>,
  after: Stored<Meeting>,
  actor: Actor,
): Promise<WriteOp[]> {
  const writes: WriteOp[] = [write.update('meetings', after)];
  if (before.state === 'agenda-draft') {
    const drafts = await deps.store.documents.all({
      where: { meetingId: before.id, kind: 'agenda', status: 'draft' },
    });
    for (const draft of drafts) writes.push(write.update('documents', { ...draft, outOfDate: true }));
  }
  const action = before.state === 'scheduled' ? 'collection.open' : 'collection.reopen';
  writes.push(
    write.ensure('audit', {
      id: `${action}:${before.id}:${after.reopenedAt ?? 'first'}`,
      at: deps.now(),
      actorId: actorId(actor),
      action,
      entity: 'meetings',
      entityId: before.id,
      detail: '',
    }),
  );
  return writes;
}
