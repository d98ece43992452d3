/**
 * Scheduling a meeting: what the secretariat sends to schedule, move or cancel one, and the rules that turn it into
 * the stored meeting (its id, its instants in UTC, its title). Pure.
 */
import { z } from 'zod';
import { DEFAULT_WINDOW, WindowSettings, type Meeting } from './entities';
import { AppError } from './errors';
import { standardMeetingTitle } from './meeting-title';
import { BEFORE_HELD } from './meeting-state';
import { BodyId, Id, TimeZone, text } from './reference';
import { teamsMeetingFromJoinUrl } from './teams-meeting';
import { localParts, zonedToInstant } from './zoned-time';

/** A wall-clock date and time, `2026-12-10T09:30`, read in the meeting's time zone. */
export const LocalDateTime = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d$/, 'YYYY-MM-DDTHH:MM');
export type LocalDateTime = z.infer<typeof LocalDateTime>;

const schedulingFields = {
  /** Empty: the body's standard title ("32nd meeting of the …"), rendered in each reader's language. */
  title: text(300),
  start: LocalDateTime,
  end: LocalDateTime,
  timeZone: TimeZone,
  place: text(300),
  /** A Teams meeting; with the Microsoft 365 calendar, its link is created with the event. */
  online: z.boolean(),
  /** A Teams join link pasted by hand (when the calendar is not kept in Microsoft 365). */
  joinUrl: z.url().max(2000).nullable(),
  chairId: Id.nullable(),
  window: WindowSettings,
};

/** POST /meetings: schedule a meeting of a body. */
export const ScheduleMeetingRequest = z.strictObject({
  body: BodyId,
  number: z.number().int().min(1).max(10000),
  title: schedulingFields.title.default(''),
  start: schedulingFields.start,
  end: schedulingFields.end,
  timeZone: schedulingFields.timeZone,
  place: schedulingFields.place.default(''),
  online: schedulingFields.online.default(true),
  joinUrl: schedulingFields.joinUrl.default(null),
  chairId: schedulingFields.chairId.default(null),
  window: schedulingFields.window.default(DEFAULT_WINDOW),
});
export type ScheduleMeetingRequest = z.output<typeof ScheduleMeetingRequest>;

/** PATCH /meetings/:id: move or edit a meeting; only the fields sent change. */
export const RescheduleMeetingRequest = z
  .strictObject({
    title: schedulingFields.title.optional(),
    start: schedulingFields.start.optional(),
    end: schedulingFields.end.optional(),
    timeZone: schedulingFields.timeZone.optional(),
    place: schedulingFields.place.optional(),
    online: schedulingFields.online.optional(),
    joinUrl: schedulingFields.joinUrl.optional(),
    chairId: schedulingFields.chairId.optional(),
    window: schedulingFields.window.optional(),
  })
  .refine((request) => Object.keys(request).length > 0, 'send at least one field to change');
export type RescheduleMeetingRequest = z.output<typeof RescheduleMeetingRequest>;

/** POST /meetings/:id/cancel. */
export const CancelMeetingRequest = z.strictObject({ reason: text(500).default('') });
export type CancelMeetingRequest = z.output<typeof CancelMeetingRequest>;

/** The id of a body's meeting: its natural key, so scheduling the same meeting twice finds the first. */
export function scheduledMeetingId(body: Meeting['body'], number: number): string {
  return `${body.toLowerCase()}-${number}`;
}

/** The instant (ISO, UTC) of a wall-clock time in a zone. */
export function instantOf(local: LocalDateTime, timeZone: string): string {
  const [date = '', time = ''] = local.split('T');
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  const [hour = 0, minute = 0] = time.split(':').map(Number);
  return new Date(zonedToInstant({ year, month, day, hour, minute }, timeZone)).toISOString();
}

/** The wall-clock time of an instant in a zone, as a {@link LocalDateTime}. */
export function localDateTimeOf(instant: string, timeZone: string): LocalDateTime {
  const p = localParts(Date.parse(instant), timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${p.year}-${two(p.month)}-${two(p.day)}T${two(p.hour)}:${two(p.minute)}`;
}

function checkTimes(start: string, end: string): void {
  if (end <= start) {
    throw new AppError('request.invalid', 'The meeting must end after it starts.', { start, end });
  }
}

/** The meeting a schedule request describes, in state `scheduled` (without a calendar event yet). */
export function meetingFromSchedule(request: ScheduleMeetingRequest): Meeting {
  const start = instantOf(request.start, request.timeZone);
  const end = instantOf(request.end, request.timeZone);
  checkTimes(start, end);
  const joinUrl = request.joinUrl;
  return {
    id: scheduledMeetingId(request.body, request.number),
    body: request.body,
    number: request.number,
    title: request.title || standardMeetingTitle(request.body, request.number, 'en'),
    start,
    end,
    timeZone: request.timeZone,
    place: request.place,
    joinUrl,
    chatId: null,
    teamsMeeting: teamsMeetingFromJoinUrl(joinUrl),
    window: request.window,
    state: 'scheduled',
    chairId: request.chairId,
    online: request.online,
    calendarEvent: null,
  };
}

/** True when a stored meeting is what this schedule request describes (a repeated request, not a clash). */
export function sameSchedule(stored: Meeting, request: ScheduleMeetingRequest): boolean {
  const wanted = meetingFromSchedule(request);
  return (
    stored.body === wanted.body &&
    stored.number === wanted.number &&
    stored.title === wanted.title &&
    stored.start === wanted.start &&
    stored.end === wanted.end &&
    stored.timeZone === wanted.timeZone &&
    stored.place === wanted.place &&
    (stored.online ?? true) === wanted.online &&
    stored.chairId === wanted.chairId
  );
}

/** Refuses to move or cancel a meeting that was held or cancelled. */
export function requireNotHeld(meeting: Pick<Meeting, 'state'>, to: 'rescheduled' | 'cancelled'): void {
  if (!BEFORE_HELD.includes(meeting.state)) {
    throw new AppError(
      'meeting.invalid-transition',
      meeting.state === 'cancelled'
        ? 'This meeting is cancelled.'
        : 'This meeting has been held; it can no longer be moved or cancelled.',
      { from: meeting.state, to },
    );
  }
}

/**
 * The meeting after an edit: new instants from the wall-clock times (an unchanged start or end keeps its wall-clock
 * time in a new zone), and the identity of a pasted join link. `moved` when the start or end instant changed.
 */
export function applyReschedule(
  meeting: Meeting,
  request: RescheduleMeetingRequest,
): { meeting: Meeting; moved: boolean; changed: boolean } {
  requireNotHeld(meeting, 'rescheduled');
  const timeZone = request.timeZone ?? meeting.timeZone;
  const start = instantOf(request.start ?? localDateTimeOf(meeting.start, meeting.timeZone), timeZone);
  const end = instantOf(request.end ?? localDateTimeOf(meeting.end, meeting.timeZone), timeZone);
  checkTimes(start, end);
  const joinUrl = request.joinUrl === undefined ? meeting.joinUrl : request.joinUrl;
  const next: Meeting = {
    ...meeting,
    title:
      request.title === undefined
        ? meeting.title
        : request.title || standardMeetingTitle(meeting.body, meeting.number, 'en'),
    start,
    end,
    timeZone,
    place: request.place ?? meeting.place,
    online: request.online ?? meeting.online,
    joinUrl,
    teamsMeeting: joinUrl === meeting.joinUrl ? meeting.teamsMeeting : teamsMeetingFromJoinUrl(joinUrl),
    chairId: request.chairId === undefined ? meeting.chairId : request.chairId,
    window: request.window ?? meeting.window,
  };
  const moved =
    start !== meeting.start || end !== meeting.end || JSON.stringify(next.window) !== JSON.stringify(meeting.window);
  const changed = moved || JSON.stringify(next) !== JSON.stringify(meeting);
  return { meeting: next, moved, changed };
}
