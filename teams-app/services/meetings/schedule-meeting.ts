import {
  AppError,
  isAppError,
  meetingFromSchedule,
  requirePermission,
  sameSchedule,
  type Caller,
  type Meeting,
  type ScheduleMeetingRequest,
} from '../../domain';
import { write, type Stored } from '../../store';
import { requireMeeting } from '../lookups';
import type { CalendarEventCreated } from './calendar-port';
import { scheduleAudit } from './schedule-audit';
import type { ScheduleDeps } from './schedule-deps';

/** What scheduling did: the meeting as stored; `unchanged` when the same meeting was already scheduled. */
export interface ScheduleResult {
  outcome: 'created' | 'unchanged';
  meeting: Stored<Meeting>;
}

/** The stored meeting when it is the one requested (a repeat), else `store.already-exists`. */
function repeatOrClash(stored: Stored<Meeting>, request: ScheduleMeetingRequest): ScheduleResult {
  if (stored.state !== 'cancelled' && sameSchedule(stored, request)) return { outcome: 'unchanged', meeting: stored };
  throw new AppError(
    'store.already-exists',
    `Meeting ${stored.number} of ${stored.body} is already scheduled (${stored.start}, ${stored.state}). Move or edit it instead.`,
    { id: stored.id },
  );
}

/** The meeting with what the calendar made of it: its event, the Teams link and the chat's identity. */
function withEvent(meeting: Meeting, event: CalendarEventCreated | null): Meeting {
  if (!event) return meeting;
  const joinUrl = event.joinUrl ?? meeting.joinUrl;
  return {
    ...meeting,
    calendarEvent: { eventId: event.eventId },
    joinUrl,
    teamsMeeting: event.chatThreadId ? { chatThreadId: event.chatThreadId, meetingId: null } : meeting.teamsMeeting,
  };
}

/**
 * Schedules a meeting (the secretariat): the event is created in the calendar first (with its Teams meeting when
 * online), then the meeting and its audit entry are written in one unit of work. The meeting's id is its body and
 * number, so the same request sent twice finds the first meeting instead of creating another; a different meeting
 * under the same number is refused. When two identical requests race, the loser's event is cancelled again.
 */
export async function scheduleMeeting(
  deps: ScheduleDeps,
  actor: Caller,
  request: ScheduleMeetingRequest,
): Promise<ScheduleResult> {
  requirePermission(actor, 'meeting.schedule');
  const wanted = meetingFromSchedule(request);
  const existing = await deps.store.meetings.get(wanted.id);
  if (existing) return repeatOrClash(existing, request);
  if (wanted.chairId && !(await deps.store.people.get(wanted.chairId))) {
    throw new AppError('person.not-found', `There is no person "${wanted.chairId}" to chair the meeting.`, {
      id: wanted.chairId,
    });
  }
  const meeting = withEvent(wanted, await deps.calendar.create(wanted));
  try {
    await deps.store.commit([
      write.create('meetings', meeting),
      write.create('audit', scheduleAudit(deps, actor.personId, 'meeting.schedule', null, meeting)),
    ]);
  } catch (error) {
    if (!isAppError(error, 'store.already-exists')) throw error;
    const winner = await requireMeeting(deps.store, meeting.id);
    if (meeting.calendarEvent && winner.calendarEvent?.eventId !== meeting.calendarEvent.eventId) {
      await deps.calendar.cancel(meeting, '');
    }
    return repeatOrClash(winner, request);
  }
  return { outcome: 'created', meeting: await requireMeeting(deps.store, meeting.id) };
}
