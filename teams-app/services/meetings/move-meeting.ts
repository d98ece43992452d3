import {
  AppError,
  applyReschedule,
  requireNotHeld,
  requirePermission,
  type Caller,
  type Meeting,
  type RescheduleMeetingRequest,
} from '../../domain';
import { write, type Stored } from '../../store';
import { requireMeeting } from '../lookups';
import { scheduleAudit } from './schedule-audit';
import { scheduleActorId, type ScheduleActor, type ScheduleDeps } from './schedule-deps';
import { outdatedByMove, tellMoved, withdrawMessages } from './schedule-notices';

/** What moving or editing a meeting did, and how many people were told its new date. */
export interface RescheduleResult {
  outcome: 'moved' | 'edited' | 'unchanged';
  meeting: Stored<Meeting>;
  told: number;
}

/** Refuses a change made on an older version of the meeting than the stored one. */
export function checkEtag(meeting: Stored<Meeting>, expectedEtag: string | undefined): void {
  if (expectedEtag !== undefined && expectedEtag !== meeting.etag) {
    throw new AppError('store.conflict', 'Someone else changed this meeting in the meantime. Reload and try again.', {
      id: meeting.id,
    });
  }
}

/**
 * After a move is stored: the old window's reminders (and notices of an earlier move) still queued are withdrawn
 * and everyone already asked is told the new date and deadline. Idempotent, so repeating the request, or the
 * calendar's next tick, completes a move interrupted after it was stored.
 */
async function afterMove(deps: ScheduleDeps, meeting: Meeting): Promise<number> {
  await withdrawMessages(deps, meeting.id, (row) => outdatedByMove(row) && !row.id.endsWith(`@${meeting.start}`));
  return tellMoved(deps, meeting);
}

/** Stores a meeting's new version with its audit entry (the stored version must still be `before`). */
async function store(
  deps: ScheduleDeps,
  actor: ScheduleActor,
  before: Stored<Meeting>,
  after: Meeting,
  moved: boolean,
): Promise<Stored<Meeting>> {
  const next: Meeting = { ...after, rescheduledAt: moved ? deps.now() : (before.rescheduledAt ?? null) };
  const { etag, ...was } = before;
  await deps.store.commit([
    write.update('meetings', { ...next, etag }),
    write.create(
      'audit',
      scheduleAudit(deps, scheduleActorId(actor), moved ? 'meeting.reschedule' : 'meeting.edit', was, next),
    ),
  ]);
  return requireMeeting(deps.store, before.id);
}

/**
 * Moves or edits a meeting (the secretariat), on the version the caller read (`expectedEtag`): the calendar event
 * follows first, then the meeting and its audit entry are stored; a move then moves the collection window, takes
 * back the old window's queued reminders and tells everyone already asked the new deadline. Repeating the same
 * request changes nothing and completes what an interruption left undone.
 */
export async function rescheduleMeeting(
  deps: ScheduleDeps,
  actor: Caller,
  meetingId: string,
  request: RescheduleMeetingRequest,
  expectedEtag?: string,
): Promise<RescheduleResult> {
  requirePermission(actor, 'meeting.reschedule');
  const before = await requireMeeting(deps.store, meetingId);
  checkEtag(before, expectedEtag);
  const { meeting: after, moved, changed } = applyReschedule(before, request);
  if (!changed) {
    const told = before.rescheduledAt ? await afterMove(deps, before) : 0;
    return { outcome: 'unchanged', meeting: before, told };
  }
  if (after.chairId && after.chairId !== before.chairId && !(await deps.store.people.get(after.chairId))) {
    throw new AppError('person.not-found', `There is no person "${after.chairId}" to chair the meeting.`, {
      id: after.chairId,
    });
  }
  const event = before.calendarEvent ? await deps.calendar.update(after) : null;
  const linked: Meeting =
    event?.joinUrl && event.joinUrl !== after.joinUrl
      ? {
          ...after,
          joinUrl: event.joinUrl,
          teamsMeeting: event.chatThreadId ? { chatThreadId: event.chatThreadId, meetingId: null } : after.teamsMeeting,
        }
      : after;
  const stored = await store(deps, actor, before, linked, moved);
  const told = moved ? await afterMove(deps, stored) : 0;
  return { outcome: moved ? 'moved' : 'edited', meeting: stored, told };
}

/**
 * A meeting's event moved in the calendar itself (Outlook): the meeting follows, with its collection window, and
 * everyone already asked is told. Nothing happens when the meeting is already there, or was held.
 */
export async function followCalendarMove(
  deps: ScheduleDeps,
  meeting: Stored<Meeting>,
  start: string,
  end: string,
): Promise<RescheduleResult> {
  requireNotHeld(meeting, 'rescheduled');
  if (meeting.start === start && meeting.end === end) {
    return { outcome: 'unchanged', meeting, told: 0 };
  }
  const stored = await store(deps, 'calendar', meeting, { ...meeting, start, end }, true);
  return { outcome: 'moved', meeting: stored, told: await afterMove(deps, stored) };
}
