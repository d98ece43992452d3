import type { Meeting, ReportedAttendee } from '../../domain';

/**
 * The attendance report of a meeting's Teams online meeting (who joined, when they joined and left), or null when
 * there is none to read (not an online meeting, no report yet, no access): the minutes then take attendance from
 * the meeting chat and say so.
 */
export interface AttendancePort {
  report(meeting: Meeting): Promise<ReportedAttendee[] | null>;
}
