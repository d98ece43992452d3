/**
 * The task force's group calendar on Microsoft Graph: one event per meeting (with its Teams meeting when online),
 * kept in step with the meeting, and the events moved or cancelled in Outlook read back by a delta query on the
 * group's calendar view.
 */
import { z } from 'zod';
import { AppError, chatThreadFromJoinUrl, type Meeting } from '../domain';
import type { CalendarChange, CalendarEventCreated, CalendarPort } from '../services/meetings/calendar-port';
import { GraphError } from './graph-error';
import type { GraphApi } from './types';

/**
 * Whose calendar holds the meetings. With app-only permissions Graph writes events only in a mailbox's calendar
 * (`POST /groups/{id}/events` takes delegated permissions alone): the organiser's calendar, inviting the task
 * force's group by its address so the meeting shows on the group calendar. The group's own calendar serves where
 * delegated access (or the emulator) allows it.
 */
export type CalendarOwner = { group: string } | { organizer: string; inviteGroup?: string };

/** Where the calendar is and how far ahead its changes are followed. */
export interface GraphCalendarOptions {
  owner: CalendarOwner;
  /** Days ahead (and behind) the calendar view of the delta query covers (default 400 ahead, 1 behind). */
  daysAhead?: number;
  daysBehind?: number;
  /** The clock, in milliseconds (default Date.now). */
  now?: () => number;
}

/** A Graph `dateTimeTimeZone`. */
const DateTimeTimeZone = z.object({ dateTime: z.string(), timeZone: z.string().optional() });

/** The part of a Graph event the calendar reads. */
const GraphEvent = z.object({
  id: z.string().min(1),
  start: DateTimeTimeZone.optional(),
  end: DateTimeTimeZone.optional(),
  isCancelled: z.boolean().optional(),
  onlineMeeting: z.object({ joinUrl: z.string().nullable().optional() }).nullable().optional(),
  '@removed': z.object({ reason: z.string().optional() }).optional(),
});
type GraphEvent = z.infer<typeof GraphEvent>;

/** Instants are exchanged in UTC: Graph answers in UTC when asked, and the meeting keeps its own zone for display. */
const UTC = { Prefer: 'outlook.timezone="UTC"' };

/** A Graph `dateTimeTimeZone` in UTC for an instant. */
export function graphUtc(instant: string): { dateTime: string; timeZone: 'UTC' } {
  return { dateTime: new Date(instant).toISOString().replace(/Z$/, ''), timeZone: 'UTC' };
}

/** The instant (ISO) of a Graph `dateTimeTimeZone` given in UTC (or with an offset). */
export function instantOfGraph(value: { dateTime: string; timeZone?: string }): string {
  const zone = (value.timeZone ?? 'UTC').toUpperCase();
  if (zone !== 'UTC' && !/[zZ]|[+-]\d\d:\d\d$/.test(value.dateTime)) {
    throw new GraphError({
      status: 0,
      code: 'unexpectedTimeZone',
      message: `Expected UTC times, got ${value.timeZone}.`,
    });
  }
  const text = /[zZ]|[+-]\d\d:\d\d$/.test(value.dateTime) ? value.dateTime : `${value.dateTime}Z`;
  return new Date(Date.parse(text)).toISOString();
}

/** A failed write to the calendar, as the app's error: nothing was changed, try again later. */
async function writing<T>(what: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (!(error instanceof GraphError)) throw error;
    throw new AppError('calendar.unavailable', `The group calendar refused to ${what}: ${error.message}`, {
      graphStatus: error.status,
      graphCode: error.code,
      ...(error.requestId ? { requestId: error.requestId } : {}),
    });
  }
}

/** The fields of an event that follow the meeting. */
function eventFields(meeting: Meeting): Record<string, unknown> {
  return {
    subject: meeting.title,
    start: graphUtc(meeting.start),
    end: graphUtc(meeting.end),
    location: { displayName: meeting.place },
  };
}

/** The path of the calendar's owner: `/groups/{id}` or `/users/{organizer}`. */
function ownerPath(owner: CalendarOwner): string {
  return 'group' in owner
    ? `/groups/${encodeURIComponent(owner.group)}`
    : `/users/${encodeURIComponent(owner.organizer)}`;
}

/** A calendar change read from a delta item. */
function changeOf(event: GraphEvent): CalendarChange {
  if (event['@removed'] || event.isCancelled || !event.start || !event.end) {
    return { eventId: event.id, cancelled: true, start: null, end: null };
  }
  return { eventId: event.id, cancelled: false, start: instantOfGraph(event.start), end: instantOfGraph(event.end) };
}

/** The task force's meeting calendar on Microsoft Graph, as the scheduling use cases' {@link CalendarPort}. */
export function graphCalendar(graph: GraphApi, options: GraphCalendarOptions): CalendarPort {
  const owner = options.owner;
  const calendar = ownerPath(owner);
  const invite =
    'inviteGroup' in owner && owner.inviteGroup
      ? { attendees: [{ type: 'required', emailAddress: { address: owner.inviteGroup } }] }
      : {};
  const now = options.now ?? Date.now;
  const day = 864e5;
  let deltaLink: string | null = null;

  const eventUrl = (meeting: Meeting): string | null =>
    meeting.calendarEvent ? `${calendar}/events/${encodeURIComponent(meeting.calendarEvent.eventId)}` : null;

  return {
    kind: 'microsoft-365',

    async create(meeting: Meeting): Promise<CalendarEventCreated> {
      const online = meeting.online ?? true;
      const created = GraphEvent.parse(
        await writing('create the event', () =>
          graph.post(
            `${calendar}/events`,
            {
              ...eventFields(meeting),
              ...invite,
              isOnlineMeeting: online,
              ...(online ? { onlineMeetingProvider: 'teamsForBusiness' } : {}),
              // Graph answers a repeated create with the same transaction id with the first event.
              transactionId: `${meeting.id}@${meeting.start}`.slice(0, 200),
            },
            UTC,
          ),
        ),
      );
      const joinUrl = created.onlineMeeting?.joinUrl ?? null;
      return { eventId: created.id, joinUrl, chatThreadId: chatThreadFromJoinUrl(joinUrl) };
    },

    async update(meeting: Meeting): Promise<Omit<CalendarEventCreated, 'eventId'> | null> {
      const url = eventUrl(meeting);
      if (!url) return null;
      // An event can gain a Teams meeting but not lose one: going offline keeps the link.
      const online = meeting.online ? { isOnlineMeeting: true, onlineMeetingProvider: 'teamsForBusiness' } : {};
      const updated = GraphEvent.parse(
        await writing('move the event', () => graph.patch(url, { ...eventFields(meeting), ...online }, UTC)),
      );
      const joinUrl = updated.onlineMeeting?.joinUrl ?? null;
      return { joinUrl, chatThreadId: chatThreadFromJoinUrl(joinUrl) };
    },

    async cancel(meeting: Meeting): Promise<void> {
      const url = eventUrl(meeting);
      if (!url) return;
      await writing('cancel the event', async () => {
        try {
          await graph.delete(url);
        } catch (error) {
          // Already gone (deleted in Outlook, or a retry): nothing left to cancel.
          if (!(error instanceof GraphError && error.status === 404)) throw error;
        }
      });
    },

    async changes(): Promise<CalendarChange[]> {
      const from = new Date(now() - (options.daysBehind ?? 1) * day).toISOString();
      const to = new Date(now() + (options.daysAhead ?? 400) * day).toISOString();
      const initial = `${calendar}/calendarView/delta?startDateTime=${from}&endDateTime=${to}`;
      const result = await graph.delta<unknown>(initial, deltaLink, UTC);
      deltaLink = result.deltaLink;
      return result.items.map((item) => changeOf(GraphEvent.parse(item)));
    },
  };
}
