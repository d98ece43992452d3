/**
 * A calendar — the task force's group calendar, or the organiser's own — with events carrying Teams online
 * meetings, calendarView, and calendarView delta with opaque skip/delta tokens that expire (410 `resyncRequired`).
 */
import { z } from 'zod';
import { badRequest, GraphHttpError, notFound, parseBody, preconditionFailed } from './errors';
import { json, noContent, type ParsedRequest, readJson, type Reply } from './http';
import { decodeToken, encodeToken, graphDateTime, guid, ifMatchAllows } from './ids';
import type { Directory } from './mailbox';
import type { Meetings } from './meetings';
import { pageSizeOf } from './odata';
import { path, type Route } from './routes';

/** An event as Graph renders it. */
export type EventJson = Record<string, unknown> & { id: string };

const DateTimeTimeZone = z.strictObject({ dateTime: z.string(), timeZone: z.string().optional() });
const EmailAddress = z.strictObject({ address: z.string(), name: z.string().optional() });
const Attendee = z.strictObject({
  type: z.enum(['required', 'optional', 'resource']).optional(),
  emailAddress: EmailAddress,
  status: z.strictObject({ response: z.string().optional(), time: z.string().optional() }).optional(),
});
const Location = z.strictObject({
  displayName: z.string().optional(),
  locationType: z.string().optional(),
  uniqueId: z.string().optional(),
  uniqueIdType: z.string().optional(),
});
const writable = {
  subject: z.string().optional(),
  body: z.strictObject({ contentType: z.enum(['text', 'html', 'Text', 'HTML']), content: z.string() }).optional(),
  location: Location.optional(),
  locations: z.array(Location).optional(),
  attendees: z.array(Attendee).optional(),
  isOnlineMeeting: z.boolean().optional(),
  onlineMeetingProvider: z.enum(['teamsForBusiness', 'skypeForBusiness', 'skypeForConsumer', 'unknown']).optional(),
  isAllDay: z.boolean().optional(),
  showAs: z.enum(['free', 'tentative', 'busy', 'oof', 'workingElsewhere', 'unknown']).optional(),
  importance: z.enum(['low', 'normal', 'high']).optional(),
  sensitivity: z.enum(['normal', 'personal', 'private', 'confidential']).optional(),
  categories: z.array(z.string()).optional(),
  isReminderOn: z.boolean().optional(),
  reminderMinutesBeforeStart: z.number().int().optional(),
  responseRequested: z.boolean().optional(),
  allowNewTimeProposals: z.boolean().optional(),
  hideAttendees: z.boolean().optional(),
  transactionId: z.string().optional(),
};
const EventCreate = z.strictObject({
  '@odata.type': z.string().optional(),
  ...writable,
  start: DateTimeTimeZone,
  end: DateTimeTimeZone,
});
const EventUpdate = z.strictObject({
  '@odata.type': z.string().optional(),
  ...writable,
  start: DateTimeTimeZone.optional(),
  end: DateTimeTimeZone.optional(),
});
type EventCreate = z.infer<typeof EventCreate>;

interface CalendarEvent {
  id: string;
  iCalUId: string;
  changeKey: string;
  created: number;
  modified: number;
  start: number;
  end: number;
  data: Omit<EventCreate, 'start' | 'end' | '@odata.type'>;
  onlineMeetingId: string | null;
  joinUrl: string | null;
  /** Change sequence number of the last change (delta). */
  seq: number;
  removed: boolean;
}

interface DeltaToken {
  /** Token generation: tokens of an older generation have expired. */
  g: number;
  /** Window. */
  a: number;
  b: number;
  /** Changes after this sequence number... */
  from: number;
  /** ...up to this one (the round's snapshot). */
  to: number;
  /** Offset within the round (skip tokens). */
  o: number;
}

/** Whose calendar it is: the path prefix of its routes and the check of that path's owner segment. */
export interface CalendarOwner {
  /** `/groups/{group}` or `/users/{user}`. */
  prefix: string;
  /** Throws (404, 403 …) when the path's owner is not this calendar's. */
  check(params: Record<string, string>): void;
}

/** One calendar. */
export class Calendar {
  private readonly events = new Map<string, CalendarEvent>();
  private seq = 0;
  private generation = 1;

  constructor(
    private readonly owner: CalendarOwner,
    private readonly now: () => number,
    private readonly directory: Directory,
    private readonly meetings: Meetings,
    private readonly pageSize: number,
  ) {}

  /** True when the event (even cancelled) belongs to this calendar. */
  has(eventId: string): boolean {
    return this.events.has(eventId);
  }

  /** Every event still in the calendar. */
  all(): EventJson[] {
    return [...this.events.values()].filter((e) => !e.removed).map((e) => this.eventJson(e));
  }

  /** The online meeting id of an event (test hook support). */
  onlineMeetingIdOf(eventId: string): string {
    const event = this.events.get(eventId);
    if (!event || event.removed || !event.onlineMeetingId) throw new Error(`Event ${eventId} has no online meeting`);
    return event.onlineMeetingId;
  }

  /** Moves an event as its organiser would in Outlook. */
  move(eventId: string, start: number, end: number): void {
    const event = this.live(eventId);
    event.start = start;
    event.end = end;
    this.changed(event);
    if (event.onlineMeetingId) this.meetings.reschedule(event.onlineMeetingId, start, end);
  }

  /** Cancels an event as its organiser would in Outlook: it leaves the group calendar. */
  cancel(eventId: string): void {
    const event = this.live(eventId);
    event.removed = true;
    this.changed(event);
  }

  /** Expires every token issued so far. */
  expireTokens(): void {
    this.generation += 1;
  }

  /** The Graph routes of the calendar. */
  routes(): Route[] {
    const group = this.owner.prefix;
    const get = (pattern: string, handle: Route['handle']): Route => ({
      method: 'GET',
      pattern: path(pattern),
      cost: 'free',
      handle,
    });
    const eventRoutes = (events: string): Route[] => [
      get(`${group}/${events}`, (req, p) => this.list(req, p)),
      { method: 'POST', pattern: path(`${group}/${events}`), cost: 'free', handle: (req, p) => this.create(req, p) },
      get(`${group}/${events}/{event}`, (_req, p) => json(200, this.eventJson(this.eventOf(p)))),
      {
        method: 'PATCH',
        pattern: path(`${group}/${events}/{event}`),
        cost: 'free',
        handle: (req, p) => this.update(req, p),
      },
      {
        method: 'DELETE',
        pattern: path(`${group}/${events}/{event}`),
        cost: 'free',
        handle: (req, p) => this.remove(req, p),
      },
    ];
    return [
      ...eventRoutes('events'),
      ...eventRoutes('calendar/events'),
      get(`${group}/calendarView`, (req, p) => this.view(req, p)),
      get(`${group}/calendar/calendarView`, (req, p) => this.view(req, p)),
      get(`${group}/calendarView/delta`, (req, p) => this.delta(req, p)),
      get(`${group}/calendar/calendarView/delta`, (req, p) => this.delta(req, p)),
    ];
  }

  private live(id: string): CalendarEvent {
    const event = this.events.get(id);
    if (!event || event.removed)
      throw notFound('The specified object was not found in the store.', 'ErrorItemNotFound');
    return event;
  }

  private eventOf(params: Record<string, string>): CalendarEvent {
    this.owner.check(params);
    return this.live(params.event ?? '');
  }

  private changed(event: CalendarEvent): void {
    this.seq += 1;
    event.seq = this.seq;
    event.modified = this.now();
    event.changeKey = guid().replace(/-/g, '').slice(0, 24);
  }

  private create(req: ParsedRequest, params: Record<string, string>): Reply {
    this.owner.check(params);
    const body = parseBody(EventCreate, readJson(req), 'microsoft.graph.event');
    const start = utcMs(body.start);
    const end = utcMs(body.end);
    if (end < start) throw badRequest('The end of the event is before its start.', 'ErrorInvalidRequest');
    const { start: _start, end: _end, '@odata.type': _type, ...data } = body;
    if (data.transactionId) {
      const same = [...this.events.values()].find((e) => !e.removed && e.data.transactionId === data.transactionId);
      if (same) return json(201, this.eventJson(same));
    }
    const at = this.now();
    const event: CalendarEvent = {
      id: `AAMkA${guid().replace(/-/g, '')}${Buffer.from(guid()).toString('base64url').slice(0, 40)}=`,
      iCalUId: `040000008200E00074C5B7101A82E008${guid().replace(/-/g, '').toUpperCase()}`,
      changeKey: '',
      created: at,
      modified: at,
      start,
      end,
      data,
      onlineMeetingId: null,
      joinUrl: null,
      seq: 0,
      removed: false,
    };
    this.attachMeeting(event);
    this.changed(event);
    this.events.set(event.id, event);
    return json(201, this.eventJson(event));
  }

  private attachMeeting(event: CalendarEvent): void {
    const wanted =
      event.data.isOnlineMeeting === true &&
      (event.data.onlineMeetingProvider ?? 'teamsForBusiness') === 'teamsForBusiness';
    if (wanted && !event.onlineMeetingId) {
      const meeting = this.meetings.create(event.data.subject ?? '', event.start, event.end);
      event.onlineMeetingId = meeting.id;
      event.joinUrl = meeting.joinWebUrl;
    }
  }

  private update(req: ParsedRequest, params: Record<string, string>): Reply {
    const event = this.eventOf(params);
    const body = parseBody(EventUpdate, readJson(req), 'microsoft.graph.event');
    if (!ifMatchAllows(req.headers['if-match'], `W/"${event.changeKey}"`)) throw preconditionFailed();
    const { start, end, '@odata.type': _type, ...data } = body;
    const nextStart = start ? utcMs(start) : event.start;
    const nextEnd = end ? utcMs(end) : event.end;
    if (nextEnd < nextStart) throw badRequest('The end of the event is before its start.', 'ErrorInvalidRequest');
    if (event.onlineMeetingId && data.isOnlineMeeting === false)
      throw badRequest('An online meeting cannot be removed from an event.', 'ErrorInvalidRequest');
    event.data = { ...event.data, ...data };
    event.start = nextStart;
    event.end = nextEnd;
    this.attachMeeting(event);
    if (event.onlineMeetingId) this.meetings.reschedule(event.onlineMeetingId, nextStart, nextEnd, event.data.subject);
    this.changed(event);
    return json(200, this.eventJson(event));
  }

  private remove(req: ParsedRequest, params: Record<string, string>): Reply {
    const event = this.eventOf(params);
    if (!ifMatchAllows(req.headers['if-match'], `W/"${event.changeKey}"`)) throw preconditionFailed();
    event.removed = true;
    this.changed(event);
    return noContent();
  }

  private list(req: ParsedRequest, params: Record<string, string>): Reply {
    this.owner.check(params);
    const events = [...this.events.values()].filter((e) => !e.removed).sort((a, b) => a.start - b.start);
    return this.paged(
      req,
      events.map((e) => this.eventJson(e)),
    );
  }

  private view(req: ParsedRequest, params: Record<string, string>): Reply {
    this.owner.check(params);
    const { a, b } = windowOf(req);
    const events = [...this.events.values()]
      .filter((e) => !e.removed && overlaps(e, a, b))
      .sort((x, y) => x.start - y.start);
    return this.paged(
      req,
      events.map((e) => this.eventJson(e)),
    );
  }

  private paged(req: ParsedRequest, all: EventJson[]): Reply {
    const size = pageSizeOf(req.query, 10, 1000, req.headers.prefer);
    const skip = Number(req.query.get('$skip') ?? '0');
    const page = all.slice(skip, skip + size);
    const body: Record<string, unknown> = { value: page };
    if (skip + size < all.length) {
      const params = new URLSearchParams(req.query);
      params.set('$skip', String(skip + size));
      body['@odata.nextLink'] = `${req.base}${req.path}?${params.toString()}`;
    }
    return json(200, body);
  }

  private delta(req: ParsedRequest, params: Record<string, string>): Reply {
    this.owner.check(params);
    const raw = req.query.get('$deltatoken') ?? req.query.get('$skiptoken');
    let token: DeltaToken;
    if (raw === null) {
      const { a, b } = windowOf(req);
      token = { g: this.generation, a, b, from: 0, to: this.seq, o: 0 };
    } else {
      const decoded = decodeToken(raw) as DeltaToken | null;
      if (!decoded || typeof decoded.g !== 'number') throw badRequest('The delta token is not valid.', 'BadRequest');
      if (decoded.g !== this.generation) {
        throw new GraphHttpError(
          410,
          'resyncRequired',
          'The delta token has expired; start over with a new delta query.',
        );
      }
      token = req.query.has('$deltatoken') ? { ...decoded, from: decoded.to, to: this.seq, o: 0 } : decoded;
    }
    const initial = token.from === 0;
    const changes = [...this.events.values()]
      .filter((e) => e.seq > token.from && e.seq <= token.to)
      .filter((e) => !initial || (!e.removed && overlaps(e, token.a, token.b)))
      .sort((x, y) => x.seq - y.seq);
    const size = pageSizeOf(new URLSearchParams(), this.pageSize, 1000, req.headers.prefer);
    const page = changes.slice(token.o, token.o + size);
    const value = page.map((e) => (e.removed || !overlaps(e, token.a, token.b) ? removedJson(e) : this.eventJson(e)));
    const link = `${req.base}${req.path}`;
    const body: Record<string, unknown> = { '@odata.context': `${req.base}/$metadata#Collection(event)`, value };
    if (token.o + size < changes.length)
      body['@odata.nextLink'] = `${link}?$skiptoken=${encodeToken({ ...token, o: token.o + size })}`;
    else body['@odata.deltaLink'] = `${link}?$deltatoken=${encodeToken({ ...token, o: 0 })}`;
    return json(200, body);
  }

  private eventJson(event: CalendarEvent): EventJson {
    const organizer = this.directory.organizer;
    const { data } = event;
    return {
      '@odata.etag': `W/"${event.changeKey}"`,
      id: event.id,
      createdDateTime: new Date(event.created).toISOString(),
      lastModifiedDateTime: new Date(event.modified).toISOString(),
      changeKey: event.changeKey,
      categories: data.categories ?? [],
      transactionId: data.transactionId ?? null,
      originalStartTimeZone: 'UTC',
      originalEndTimeZone: 'UTC',
      iCalUId: event.iCalUId,
      uid: event.iCalUId,
      reminderMinutesBeforeStart: data.reminderMinutesBeforeStart ?? 15,
      isReminderOn: data.isReminderOn ?? true,
      hasAttachments: false,
      subject: data.subject ?? '',
      bodyPreview: (data.body?.content ?? '').replace(/<[^>]*>/g, '').slice(0, 255),
      importance: data.importance ?? 'normal',
      sensitivity: data.sensitivity ?? 'normal',
      isAllDay: data.isAllDay ?? false,
      isCancelled: false,
      isOrganizer: true,
      responseRequested: data.responseRequested ?? true,
      seriesMasterId: null,
      showAs: data.showAs ?? 'busy',
      type: 'singleInstance',
      webLink: `https://outlook.office365.com/owa/?itemid=${encodeURIComponent(event.id)}&exvsurl=1&path=/calendar/item`,
      onlineMeetingUrl: null,
      isOnlineMeeting: event.joinUrl !== null,
      onlineMeetingProvider: event.joinUrl !== null ? 'teamsForBusiness' : 'unknown',
      allowNewTimeProposals: data.allowNewTimeProposals ?? true,
      isDraft: false,
      hideAttendees: data.hideAttendees ?? false,
      responseStatus: { response: 'organizer', time: '0001-01-01T00:00:00Z' },
      body: data.body ?? { contentType: 'html', content: '' },
      start: graphDateTime(event.start),
      end: graphDateTime(event.end),
      location: { displayName: '', locationType: 'default', uniqueIdType: 'unknown', ...(data.location ?? {}) },
      locations: data.locations ?? [],
      recurrence: null,
      attendees: (data.attendees ?? []).map((a) => ({
        type: a.type ?? 'required',
        status: { response: 'none', time: '0001-01-01T00:00:00Z' },
        emailAddress: a.emailAddress,
      })),
      organizer: { emailAddress: { name: organizer.displayName, address: organizer.mail } },
      onlineMeeting: event.joinUrl !== null ? { joinUrl: event.joinUrl } : null,
    };
  }
}

function removedJson(event: CalendarEvent): EventJson {
  return { '@odata.type': '#microsoft.graph.event', id: event.id, '@removed': { reason: 'deleted' } };
}

function overlaps(event: CalendarEvent, a: number, b: number): boolean {
  return event.start < b && event.end > a;
}

function windowOf(req: ParsedRequest): { a: number; b: number } {
  const start = req.query.get('startDateTime');
  const end = req.query.get('endDateTime');
  if (!start || !end)
    throw badRequest(
      "This request requires a time window specified by the query string parameters 'startDateTime' and 'endDateTime'.",
      'ErrorInvalidParameter',
    );
  const a = Date.parse(start);
  const b = Date.parse(end);
  if (Number.isNaN(a) || Number.isNaN(b))
    throw badRequest('startDateTime and endDateTime must be ISO 8601 date-times.', 'ErrorInvalidParameter');
  return { a, b };
}

const UTC_NAMES = new Set(['utc', 'etc/utc', 'gmt', 'etc/gmt', 'coordinated universal time', 'z']);

/** Milliseconds of a dateTimeTimeZone: UTC, or an IANA zone converted through Intl. */
function utcMs(value: { dateTime: string; timeZone?: string }): number {
  const zone = value.timeZone ?? 'UTC';
  const local = Date.parse(/[zZ]|[+-]\d\d:\d\d$/.test(value.dateTime) ? value.dateTime : `${value.dateTime}Z`);
  if (Number.isNaN(local)) throw badRequest(`Cannot read '${value.dateTime}' as a date-time.`, 'ErrorInvalidRequest');
  if (UTC_NAMES.has(zone.toLowerCase())) return local;
  let offset: number;
  try {
    const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' }).formatToParts(
      new Date(local),
    );
    const name = parts.find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
    const match = /GMT([+-])(\d\d):(\d\d)/.exec(name);
    offset = match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) * 60_000 : 0;
  } catch {
    throw badRequest(
      `The time zone '${zone}' is not supported by the emulator; use UTC or an IANA name.`,
      'ErrorInvalidRequest',
    );
  }
  return local - offset;
}
