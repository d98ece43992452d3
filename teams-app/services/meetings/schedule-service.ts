import type { Caller, CancelMeetingRequest, RescheduleMeetingRequest, ScheduleMeetingRequest } from '../../domain';
import { syncCalendar, type CalendarSyncResult } from './calendar-sync';
import { cancelMeeting, type CancelResult } from './cancel-meeting';
import { rescheduleMeeting, type RescheduleResult } from './move-meeting';
import type { ScheduleDeps } from './schedule-deps';
import { scheduleMeeting, type ScheduleResult } from './schedule-meeting';

/**
 * The meeting calendar, one entry point for the HTTP routes and the scheduler: schedule, move, cancel, and follow
 * the changes made in the calendar itself. Each method is a use case of its own file run on the injected deps.
 */
export class ScheduleService {
  constructor(private readonly deps: ScheduleDeps) {}

  /** Schedules a meeting; see {@link scheduleMeeting}. */
  schedule(actor: Caller, request: ScheduleMeetingRequest): Promise<ScheduleResult> {
    return scheduleMeeting(this.deps, actor, request);
  }

  /** Moves or edits a meeting; see {@link rescheduleMeeting}. */
  reschedule(
    actor: Caller,
    meetingId: string,
    request: RescheduleMeetingRequest,
    expectedEtag?: string,
  ): Promise<RescheduleResult> {
    return rescheduleMeeting(this.deps, actor, meetingId, request, expectedEtag);
  }

  /** Cancels a meeting; see {@link cancelMeeting}. */
  cancel(
    actor: Caller,
    meetingId: string,
    request: CancelMeetingRequest,
    expectedEtag?: string,
  ): Promise<CancelResult> {
    return cancelMeeting(this.deps, actor, meetingId, request, expectedEtag);
  }

  /** Follows the events moved or cancelled in the calendar; see {@link syncCalendar}. */
  syncCalendar(): Promise<CalendarSyncResult> {
    return syncCalendar(this.deps);
  }
}
