import {
  requireNotHeld,
  requirePermission,
  walk,
  type Caller,
  type CancelMeetingRequest,
  type Meeting,
} from '../../domain';
import { write, type Stored } from '../../store';
import { requireMeeting } from '../lookups';
import { checkEtag } from './move-meeting';
import { scheduleAudit } from './schedule-audit';
import { scheduleActorId, type ScheduleActor, type ScheduleDeps } from './schedule-deps';
import { outdatedByCancel, tellCancelled, withdrawMessages } from './schedule-notices';

/** What cancelling did: messages taken back before they were sent, and people told. */
export interface CancelResult {
  outcome: 'cancelled' | 'unchanged';
  meeting: Stored<Meeting>;
  withdrawn: number;
  told: number;
}

/**
 * After a cancellation is stored: whatever of the meeting is still queued (prompts, reminders, card updates) is
 * taken back, and the people asked, the chair and the secretariat are told. Idempotent.
 */
export async function finishCancel(
  deps: ScheduleDeps,
  meeting: Meeting,
  actorId: string,
): Promise<{ withdrawn: number; told: number }> {
  const withdrawn = await withdrawMessages(deps, meeting.id, outdatedByCancel);
  return { withdrawn, told: await tellCancelled(deps, meeting, actorId) };
}

/** Cancels a meeting not yet held: the event first, then the meeting and its audit entry, then the messages. */
async function cancel(
  deps: ScheduleDeps,
  actor: ScheduleActor,
  meeting: Stored<Meeting>,
  reason: string,
): Promise<CancelResult> {
  requireNotHeld(meeting, 'cancelled');
  if (actor !== 'calendar' && meeting.calendarEvent) await deps.calendar.cancel(meeting, reason);
  // Taken back before the state changes too, so nothing slips out while the cancellation is being stored.
  const early = await withdrawMessages(deps, meeting.id, outdatedByCancel);
  const { etag, ...before } = meeting;
  const after: Meeting = {
    ...before,
    state: walk(meeting.state, 'cancelled'),
    cancelledAt: deps.now(),
    cancelReason: reason,
  };
  await deps.store.commit([
    write.update('meetings', { ...after, etag }),
    write.create('audit', scheduleAudit(deps, scheduleActorId(actor), 'meeting.cancel', before, after)),
  ]);
  const stored = await requireMeeting(deps.store, meeting.id);
  const { withdrawn, told } = await finishCancel(deps, stored, scheduleActorId(actor));
  return { outcome: 'cancelled', meeting: stored, withdrawn: early + withdrawn, told };
}

/**
 * Cancels a meeting (the secretariat), on the version the caller read (`expectedEtag`): its calendar event is
 * cancelled, the meeting moves to `cancelled`, its queued prompts and reminders are withdrawn and the people
 * concerned are told. Cancelling a cancelled meeting again changes nothing and completes an interrupted one.
 */
export async function cancelMeeting(
  deps: ScheduleDeps,
  actor: Caller,
  meetingId: string,
  request: CancelMeetingRequest,
  expectedEtag?: string,
): Promise<CancelResult> {
  requirePermission(actor, 'meeting.cancel');
  const meeting = await requireMeeting(deps.store, meetingId);
  if (meeting.state === 'cancelled') {
    const done = await finishCancel(deps, meeting, actor.personId);
    return { outcome: 'unchanged', meeting, ...done };
  }
  checkEtag(meeting, expectedEtag);
  return cancel(deps, actor, meeting, request.reason);
}

/** A meeting's event was cancelled or deleted in the calendar itself: the meeting's cycle is cancelled with it. */
export async function followCalendarCancel(deps: ScheduleDeps, meeting: Stored<Meeting>): Promise<CancelResult> {
  if (meeting.state === 'cancelled') return { outcome: 'unchanged', meeting, withdrawn: 0, told: 0 };
  return cancel(deps, 'calendar', meeting, '');
}
