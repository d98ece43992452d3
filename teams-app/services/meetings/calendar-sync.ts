import { BEFORE_HELD, isAppError } from '../../domain';
import { followCalendarCancel } from './cancel-meeting';
import { followCalendarMove } from './move-meeting';
import type { ScheduleDeps } from './schedule-deps';

/** What one pass over the calendar's changes did, for the log. */
export interface CalendarSyncResult {
  /** Meetings moved because their event moved. */
  moved: string[];
  /** Meetings cancelled because their event was cancelled or deleted. */
  cancelled: string[];
  /** People told of either. */
  told: number;
}

/**
 * One scheduler pass over the calendar: each event moved in Outlook moves its meeting and collection window, each
 * event cancelled or deleted cancels its meeting's cycle, and the people concerned are told. Events of no meeting,
 * and meetings already held, are left alone. A change that cannot be applied is logged and the others go on; once
 * the pass is through, the calendar's position moves past its changes (a pass cut short reads them again).
 */
export async function syncCalendar(deps: ScheduleDeps): Promise<CalendarSyncResult> {
  const result: CalendarSyncResult = { moved: [], cancelled: [], told: 0 };
  const changes = await deps.calendar.changes();
  if (changes.length === 0) {
    await deps.calendar.applied();
    return result;
  }
  const meetings = await deps.store.meetings.all();
  const byEvent = new Map(meetings.flatMap((m) => (m.calendarEvent ? [[m.calendarEvent.eventId, m] as const] : [])));
  for (const change of changes) {
    const meeting = byEvent.get(change.eventId);
    if (!meeting || !BEFORE_HELD.includes(meeting.state)) continue;
    try {
      if (change.cancelled) {
        const done = await followCalendarCancel(deps, meeting);
        if (done.outcome === 'cancelled') result.cancelled.push(meeting.id);
        result.told += done.told;
      } else if (change.start && change.end) {
        const done = await followCalendarMove(deps, meeting, change.start, change.end);
        if (done.outcome === 'moved') result.moved.push(meeting.id);
        result.told += done.told;
      }
    } catch (error) {
      if (!isAppError(error)) throw error;
      deps.log?.warn({ meetingId: meeting.id, code: error.code }, 'calendar change not applied');
    }
  }
  await deps.calendar.applied();
  return result;
}
