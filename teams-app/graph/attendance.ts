/**
 * Attendance from Teams: the online meeting of a meeting's join link, looked up under its organiser, and its
 * attendance reports with their records (who joined, when they joined and left).
 */
import { z } from 'zod';
import type { Meeting, ReportedAttendee } from '../domain';
import type { AttendancePort } from '../services/meetings/attendance-port';
import type { GraphApi } from './types';

/** Where the online meetings live and where failures are told. */
export interface GraphAttendanceOptions {
  /** The organiser of the meetings (the account the group calendar creates them as): Entra object id or UPN. */
  organizer: string;
  log?: { warn(detail: Record<string, unknown>, message: string): void };
}

const OnlineMeetings = z.object({ value: z.array(z.object({ id: z.string().min(1) })) });
const Reports = z.object({
  value: z.array(z.object({ id: z.string().min(1), meetingStartDateTime: z.string().nullable().optional() })),
});
const AttendanceRecord = z.object({
  emailAddress: z.string().nullable().optional(),
  identity: z
    .object({ id: z.string().nullable().optional(), displayName: z.string().nullable().optional() })
    .optional(),
  attendanceIntervals: z
    .array(
      z.object({ joinDateTime: z.string().nullable().optional(), leaveDateTime: z.string().nullable().optional() }),
    )
    .default([]),
});
const Report = z.object({ attendanceRecords: z.array(AttendanceRecord).default([]) });
type AttendanceRecord = z.infer<typeof AttendanceRecord>;

/** A record of the report as the minutes read it: first join, last leave. */
function attendeeOf(record: AttendanceRecord): ReportedAttendee {
  const joins = record.attendanceIntervals.flatMap((i) => (i.joinDateTime ? [i.joinDateTime] : [])).sort();
  const leaves = record.attendanceIntervals.flatMap((i) => (i.leaveDateTime ? [i.leaveDateTime] : [])).sort();
  const iso = (value: string | undefined) => (value ? new Date(value).toISOString() : null);
  return {
    aadObjectId: record.identity?.id ?? null,
    email: record.emailAddress ?? null,
    name: record.identity?.displayName ?? record.emailAddress ?? '',
    joinedAt: iso(joins[0]),
    leftAt: iso(leaves[leaves.length - 1]),
  };
}

/**
 * The Teams attendance reports as the minutes' {@link AttendancePort}. Every report of the meeting counts (a meeting
 * joined twice has two); null when the meeting has no join link or no report, or Graph refuses (logged).
 */
export function graphAttendance(graph: GraphApi, options: GraphAttendanceOptions): AttendancePort {
  const user = `/users/${encodeURIComponent(options.organizer)}`;
  return {
    async report(meeting: Meeting): Promise<ReportedAttendee[] | null> {
      if (!meeting.joinUrl) return null;
      try {
        const filter = encodeURIComponent(`JoinWebUrl eq '${meeting.joinUrl.replace(/'/g, "''")}'`);
        const found = OnlineMeetings.parse(await graph.get(`${user}/onlineMeetings?$filter=${filter}`)).value[0];
        if (!found) return null;
        const base = `${user}/onlineMeetings/${encodeURIComponent(found.id)}/attendanceReports`;
        const reports = Reports.parse(await graph.get(base)).value;
        if (reports.length === 0) return null;
        const attendees: ReportedAttendee[] = [];
        for (const report of reports) {
          const full = Report.parse(
            await graph.get(`${base}/${encodeURIComponent(report.id)}?$expand=attendanceRecords`),
          );
          attendees.push(...full.attendanceRecords.map(attendeeOf));
        }
        return attendees;
      } catch (error) {
        options.log?.warn(
          { err: error, meetingId: meeting.id },
          'attendance report not readable; attendance from the chat',
        );
        return null;
      }
    },
  };
}
