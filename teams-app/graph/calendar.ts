/**
 * The task force's meeting calendar on Microsoft Graph — the organiser mailbox's calendar inviting the group (the
 * supported path with app-only access), or the group's own: one event per meeting (with its Teams meeting when
 * online), kept in step with the meeting, and the events moved or cancelled in Outlook read back by a delta query on
 * the calendar view, resumed across restarts from a saved position.
 */
import { z } from 'zod';
import { AppError, chatThreadFromJoinUrl, type Meeting } from '../domain';
import type { CalendarChange, CalendarEventCreated, CalendarPort } from '../services/meetings/calendar-port';
import { memoryDeltaPosition, type DeltaPosition, type SavedDelta } from './delta-position';
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
  /**
   * Days after which the view's window (fixed when its delta query starts) is opened again from today, so it keeps
   * covering `daysAhead` (default 30): the changes up to then are read first, then the new window whole.
   */
  renewAfterDays?: number;
  /** The clock, in milliseconds (default Date.now). */
  now?: () => number;
  /** Where the delta query's position is kept between runs (default: in memory, lost on restart). */
  position?: DeltaPosition;
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

/** What to tell an administrator when Graph refuses the group calendar to the app's own identity. */
export const GROUP_CALENDAR_APP_ONLY =
  'Graph lets an app write events of a Microsoft 365 group calendar with delegated permissions only. ' +
  "Set CALENDAR_ORGANIZER (the organiser mailbox, UPN or object id) and CALENDAR_GROUP_MAIL (the group's address) " +
  'instead of CALENDAR_GROUP_ID: meetings are then events of the organiser inviting the group.';

/**
 * A failed write to the calendar, as the app's error: nothing was changed, try again later. A 403 on the group
 * calendar is no passing failure but the app-only limit of Graph: the message says what to configure instead.
 */
async function writing<T>(owner: CalendarOwner, what: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (!(error instanceof GraphError)) throw error;
    const detail = {
      graphStatus: error.status,
      graphCode: error.code,
      ...(error.requestId ? { requestId: error.requestId } : {}),
    };
    if ('group' in owner && error.status === 403) {
      throw new AppError(
        'calendar.unavailable',
        `The group calendar refused to ${what} (${error.code}). ${GROUP_CALENDAR_APP_ONLY}`,
        { ...detail, configure: 'CALENDAR_ORGANIZER, CALENDAR_GROUP_MAIL' },
      );
    }
    const calendar = 'group' in owner ? 'The group calendar' : "The organiser's calendar";
    throw new AppError('calendar.unavailable', `${calendar} refused to ${what}: ${error.message}`, detail);
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
  const position = options.position ?? memoryDeltaPosition();
  /** The position past the changes applied, as read at the start of the last round. */
  let current: SavedDelta | null = null;
  /** The position after the last round, until its changes are applied. */
  let pending: SavedDelta | null = null;

  /**
   * The change a delta item stands for. `@removed` says the event left the view — deleted, or moved out of its
   * window — so the event is read again: gone (404) or cancelled is a cancellation, still there is a move.
   */
  const confirmed = async (event: GraphEvent): Promise<CalendarChange> => {
    if (!event['@removed']) return changeOf(event);
    try {
      const found = GraphEvent.parse(await graph.get(`${calendar}/events/${encodeURIComponent(event.id)}`, UTC));
      return changeOf(found);
    } catch (error) {
      if (error instanceof GraphError && error.status === 404) return changeOf(event);
      throw error;
    }
  };

  const eventUrl = (meeting: Meeting): string | null =>
    meeting.calendarEvent ? `${calendar}/events/${encodeURIComponent(meeting.calendarEvent.eventId)}` : null;

  return {
    kind: 'microsoft-365',

    async create(meeting: Meeting): Promise<CalendarEventCreated> {
      const online = meeting.online ?? true;
      const created = GraphEvent.parse(
        await writing(owner, 'create the event', () =>
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
        await writing(owner, 'move the event', () => graph.patch(url, { ...eventFields(meeting), ...online }, UTC)),
      );
      const joinUrl = updated.onlineMeeting?.joinUrl ?? null;
      return { joinUrl, chatThreadId: chatThreadFromJoinUrl(joinUrl) };
    },

    async cancel(meeting: Meeting): Promise<void> {
      const url = eventUrl(meeting);
      if (!url) return;
      await writing(owner, 'cancel the event', async () => {
        try {
          await graph.delete(url);
        } catch (error) {
          // Already gone (deleted in Outlook, or a retry): nothing left to cancel.
          if (!(error instanceof GraphError && error.status === 404)) throw error;
        }
      });
    },

    async changes(): Promise<CalendarChange[]> {
      const opened = new Date(now()).toISOString();
      const from = new Date(now() - (options.daysBehind ?? 1) * day).toISOString();
      const to = new Date(now() + (options.daysAhead ?? 400) * day).toISOString();
      const initial = `${calendar}/calendarView/delta?startDateTime=${from}&endDateTime=${to}`;
      // Read at every round: another instance may have run the scheduler since, and saved a newer position.
      const start = await position.load();
      current = start;
      let result;
      try {
        result = await graph.delta<unknown>(initial, start?.deltaLink, UTC);
      } catch (error) {
        // A saved link Graph no longer takes as a link (400, 404) is read again from the start, like an expired one.
        if (!(start && error instanceof GraphError && [400, 404].includes(error.status))) throw error;
        result = { ...(await graph.delta<unknown>(initial, null, UTC)), restarted: true };
      }
      const items = result.items;
      let next: SavedDelta = { deltaLink: result.deltaLink, openedAt: start?.openedAt ?? opened };
      if (!start || result.restarted) next = { deltaLink: result.deltaLink, openedAt: opened };
      else if (now() - Date.parse(start.openedAt) > (options.renewAfterDays ?? 30) * day) {
        // The window has aged: after the changes up to now, the events of a window opened today, whole.
        const renewed = await graph.delta<unknown>(initial, null, UTC);
        items.push(...renewed.items);
        next = { deltaLink: renewed.deltaLink, openedAt: opened };
      }
      pending = next;
      const changes: CalendarChange[] = [];
      for (const item of items) changes.push(await confirmed(GraphEvent.parse(item)));
      return changes;
    },

    async applied(): Promise<void> {
      if (pending === null) return;
      const next = pending;
      pending = null;
      if (next.deltaLink === current?.deltaLink && next.openedAt === current.openedAt) return;
      await position.save(next);
      current = next;
    },
  };
}
