/**
 * Teams online meetings of the organiser: lookup by join URL, and attendance reports with their attendance
 * records (`/users/{organizer}/onlineMeetings/...`).
 */
import { randomBytes } from 'node:crypto';
import { badRequest, GraphHttpError, notFound } from './errors';
import { json, type ParsedRequest, type Reply } from './http';
import { guid } from './ids';
import { type Directory, msOf, notTheOrganizer, type TimeInput } from './mailbox';
import { path, type Route } from './routes';
import { TENANT_ID } from './site';

/** An attendance report as a test describes it; totals and durations are computed. */
export interface AttendanceReportInput {
  meetingStartDateTime?: TimeInput;
  meetingEndDateTime?: TimeInput;
  records: Array<{
    emailAddress: string;
    displayName?: string;
    /** Entra object id of the attendee; looked up from the directory by email when absent. */
    userId?: string;
    role?: 'Organizer' | 'Presenter' | 'Attendee' | 'None';
    intervals: Array<{ join: TimeInput; leave: TimeInput }>;
  }>;
}

interface AttendanceRecord {
  id: string;
  emailAddress: string;
  role: string;
  identity: { id: string; displayName: string; tenantId: string };
  totalAttendanceInSeconds: number;
  attendanceIntervals: Array<{ joinDateTime: string; leaveDateTime: string; durationInSeconds: number }>;
}

interface AttendanceReport {
  id: string;
  meetingStartDateTime: string;
  meetingEndDateTime: string;
  totalParticipantCount: number;
  attendanceRecords: AttendanceRecord[];
}

/** An online meeting and its reports. */
export interface OnlineMeeting {
  id: string;
  organizerId: string;
  joinWebUrl: string;
  threadId: string;
  subject: string;
  start: number;
  end: number;
  reports: AttendanceReport[];
}

/** The organiser's online meetings. */
export class Meetings {
  private readonly meetings = new Map<string, OnlineMeeting>();
  /** False when no application access policy lets the app read meeting artifacts (attendance reports: 403). */
  artifactsReadable = true;

  constructor(private readonly directory: Directory) {}

  /** Creates the online meeting of a calendar event (Teams does this when an event has `isOnlineMeeting`). */
  create(subject: string, start: number, end: number): OnlineMeeting {
    const organizerId = this.directory.organizer.id;
    const threadId = `19:meeting_${randomBytes(36).toString('base64url').slice(0, 48)}@thread.v2`;
    // Teams writes percent-escapes in lower case ("19%3ameeting_…%40thread.v2").
    const escape = (text: string): string => encodeURIComponent(text).replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase());
    const context = escape(JSON.stringify({ Tid: TENANT_ID, Oid: organizerId }));
    const joinWebUrl = `https://teams.microsoft.com/l/meetup-join/${escape(threadId)}/0?context=${context}`;
    const meeting: OnlineMeeting = {
      id: Buffer.from(`1*${organizerId}*0**${threadId}`).toString('base64'),
      organizerId,
      joinWebUrl,
      threadId,
      subject,
      start,
      end,
      reports: [],
    };
    this.meetings.set(meeting.id, meeting);
    return meeting;
  }

  /** Updates the times of a meeting after its event moved. */
  reschedule(id: string, start: number, end: number, subject?: string): void {
    const meeting = this.meetings.get(id);
    if (!meeting) return;
    meeting.start = start;
    meeting.end = end;
    if (subject !== undefined) meeting.subject = subject;
  }

  /** Adds an attendance report; returns its id. */
  addReport(meetingId: string, input: AttendanceReportInput): string {
    const meeting = this.meetings.get(meetingId);
    if (!meeting) throw new Error(`No online meeting ${meetingId}`);
    const records: AttendanceRecord[] = input.records.map((record) => {
      const intervals = record.intervals.map(({ join, leave }) => {
        const joinMs = msOf(join);
        const leaveMs = msOf(leave);
        return {
          joinDateTime: new Date(joinMs).toISOString(),
          leaveDateTime: new Date(leaveMs).toISOString(),
          durationInSeconds: Math.round((leaveMs - joinMs) / 1000),
        };
      });
      const user = this.directory.find(record.emailAddress);
      return {
        id: record.userId ?? user?.id ?? guid(),
        emailAddress: record.emailAddress,
        role: record.role ?? 'Attendee',
        identity: {
          id: record.userId ?? user?.id ?? guid(),
          displayName: record.displayName ?? user?.displayName ?? record.emailAddress,
          tenantId: TENANT_ID,
        },
        totalAttendanceInSeconds: intervals.reduce((sum, i) => sum + i.durationInSeconds, 0),
        attendanceIntervals: intervals,
      };
    });
    const report: AttendanceReport = {
      id: guid(),
      meetingStartDateTime: new Date(
        input.meetingStartDateTime ? msOf(input.meetingStartDateTime) : meeting.start,
      ).toISOString(),
      meetingEndDateTime: new Date(
        input.meetingEndDateTime ? msOf(input.meetingEndDateTime) : meeting.end,
      ).toISOString(),
      totalParticipantCount: records.length,
      attendanceRecords: records,
    };
    meeting.reports.push(report);
    return report.id;
  }

  /** The Graph routes of online meetings and attendance reports. */
  routes(): Route[] {
    const meeting = '/users/{user}/onlineMeetings/{meeting}';
    const report = `${meeting}/attendanceReports/{report}`;
    return [
      {
        method: 'GET',
        pattern: path('/users/{user}/onlineMeetings'),
        cost: 'free',
        handle: (req, p) => this.find(req, p),
      },
      {
        method: 'GET',
        pattern: path(meeting),
        cost: 'free',
        handle: (_req, p) => json(200, meetingJson(this.meetingOf(p))),
      },
      {
        method: 'GET',
        pattern: path(`${meeting}/attendanceReports`),
        cost: 'free',
        handle: (_req, p) => json(200, { value: this.reportsOf(p).map((r) => reportJson(r, false)) }),
      },
      {
        method: 'GET',
        pattern: path(report),
        cost: 'free',
        handle: (req, p) => json(200, reportJson(this.reportOf(p), expandsRecords(req))),
      },
      {
        method: 'GET',
        pattern: path(`${report}/attendanceRecords`),
        cost: 'free',
        handle: (_req, p) => json(200, { value: this.reportOf(p).attendanceRecords }),
      },
    ];
  }

  private organizerOf(params: Record<string, string>): string {
    const user = this.directory.get(params.user ?? '');
    return user.id;
  }

  private meetingOf(params: Record<string, string>): OnlineMeeting {
    const organizerId = this.organizerOf(params);
    const meeting = this.meetings.get(params.meeting ?? '');
    if (!meeting) throw notFound('The online meeting was not found.');
    if (meeting.organizerId !== organizerId) throw notTheOrganizer();
    return meeting;
  }

  private reportsOf(params: Record<string, string>): AttendanceReport[] {
    const meeting = this.meetingOf(params);
    if (!this.artifactsReadable) {
      throw new GraphHttpError(403, 'Forbidden', 'No application access policy found for this app.');
    }
    return meeting.reports;
  }

  private reportOf(params: Record<string, string>): AttendanceReport {
    const report = this.reportsOf(params).find((r) => r.id === params.report);
    if (!report) throw notFound('The attendance report was not found.');
    return report;
  }

  private find(req: ParsedRequest, params: Record<string, string>): Reply {
    const organizerId = this.organizerOf(params);
    const filter = req.query.get('$filter') ?? '';
    const match = /^\s*joinWebUrl\s+eq\s+'(.*)'\s*$/i.exec(filter);
    if (!match) throw badRequest("Listing online meetings needs $filter=JoinWebUrl eq '<join url>'.", 'BadRequest');
    const wanted = (match[1] ?? '').replace(/''/g, "'");
    const same = (url: string): boolean => url === wanted || safeDecode(url) === safeDecode(wanted);
    const value = [...this.meetings.values()]
      .filter((m) => m.organizerId === organizerId && same(m.joinWebUrl))
      .map(meetingJson);
    return json(200, { value });
  }
}

function safeDecode(url: string): string {
  try {
    return decodeURIComponent(url);
  } catch {
    return url;
  }
}

function expandsRecords(req: ParsedRequest): boolean {
  return (req.query.get('$expand') ?? req.query.get('expand') ?? '')
    .split(',')
    .some((e) => e.trim() === 'attendanceRecords');
}

function meetingJson(meeting: OnlineMeeting): Record<string, unknown> {
  return {
    id: meeting.id,
    subject: meeting.subject,
    startDateTime: new Date(meeting.start).toISOString(),
    endDateTime: new Date(meeting.end).toISOString(),
    joinWebUrl: meeting.joinWebUrl,
    chatInfo: { threadId: meeting.threadId, messageId: '0', replyChainMessageId: null },
    participants: {
      organizer: { identity: { user: { id: meeting.organizerId, tenantId: TENANT_ID } }, role: 'presenter' },
      attendees: [],
    },
  };
}

function reportJson(report: AttendanceReport, withRecords: boolean): Record<string, unknown> {
  const { attendanceRecords, ...rest } = report;
  return withRecords ? { ...rest, attendanceRecords } : rest;
}
