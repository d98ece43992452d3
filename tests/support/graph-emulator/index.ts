/**
 * A Microsoft Graph emulator for tests, benches and offline runs: one SharePoint site (lists, columns, items,
 * the "Documents" library), the task force's group calendar with Teams online meetings, users' mailbox settings,
 * online meeting attendance reports, and JSON batching — enforcing the documented rules the product relies on
 * (eTags and If-Match, indexed-column queries, paging, batch limits, resource-unit throttling, upload conflicts,
 * delta tokens). Use it in-process as the graph-client's last middleware, or over HTTP with `listen()`.
 *
 * Test hooks (for tests of the product against the emulator):
 * - `setMailboxSettings(user, settings)` — a user's mailbox settings (automatic replies, time zone); creates the user.
 * - `addUser(user)` — a directory user (id, userPrincipalName, mail, displayName).
 * - `addAttendanceReport(eventId, report)` — an attendance report on the online meeting of a group event.
 * - `moveEvent(eventId, start, end)` / `cancelEvent(eventId)` — the organiser moves or cancels a meeting in Outlook.
 * - `expireDeltaTokens()` — every delta and skip token issued so far answers 410 from now on.
 * - `readFile(path)` / `files()` — documents of the library; `list(name)` / `items(name)` — lists and their items.
 * - `events(calendar?)` — the events of the group calendar, or of the organiser's own calendar.
 * - `injectFault(fault)` — the next matching request(s) fail with a given status (503, 504, 429 with Retry-After …).
 * - `setMeetingArtifactAccess(false)` — attendance reports answer 403 (no application access policy).
 * - `requests()` — what clients sent (method, url, status, headers without the token), batched requests included.
 * - `stats` — round trips, batched requests, 429s and resource units charged.
 */
import type { Middleware } from '@microsoft/microsoft-graph-client';
import { batchRoute } from './batch';
import { Calendar, type CalendarOwner, type EventJson } from './calendar';
import { Drive } from './drive';
import { errorBody, GraphHttpError } from './errors';
import { type FaultInput, Faults } from './faults';
import { type EmulatorRequest, type EmulatorResponse, lowerCaseHeaders, type ParsedRequest } from './http';
import { isoSeconds } from './ids';
import { fieldsJson, Lists, type SpList } from './lists';
import { Directory, type MailboxSettingsInput, type UserInput } from './mailbox';
import { type AttendanceReportInput, Meetings } from './meetings';
import { type EmulatorStats, type Outcome, type RecordedRequest, Router, standardHeaders } from './router';
import { path, type Route } from './routes';
import { checkSite, GROUP_ID, SITE_ID, siteJson } from './site';
import { Throttle } from './throttle';
import { emulatorMiddleware, type EmulatorServer, listenHttp } from './transport';

export type { EmulatorRequest, EmulatorResponse } from './http';
export type { EmulatorStats } from './router';
export type { EmulatorServer } from './transport';
export type { MailboxSettingsInput, UserInput } from './mailbox';
export type { AttendanceReportInput } from './meetings';
export type { FaultInput } from './faults';
export type { RecordedRequest } from './router';
export { HONOR_NON_INDEXED } from './lists';
export { BATCH_LIMIT } from './batch';
export { FRAGMENT_UNIT } from './drive';
export { GROUP_ID, SITE_ID } from './site';

/** How the emulator behaves. */
export interface GraphEmulatorOptions {
  /** Added to every HTTP round trip (a $batch counts once), in milliseconds. */
  latencyMs?: number;
  /** SharePoint resource units per minute; absent: no throttling. */
  budgetPerMinute?: number;
  /** Items per page when a query gives no `$top` (default 100). */
  pageSize?: number;
  /** Largest page a query may ask for with `$top` (default 5000). */
  maxPageSize?: number;
  /** The bearer token accepted (default 'emulator-token'). */
  token?: string;
  /** Clock in ms since the epoch (throttle windows, timestamps); default Date.now. */
  now?: () => number;
  /** Answer $batch responses in reverse order (Graph promises no order), to prove a client matches by id. */
  shuffleBatchResponses?: boolean;
  /**
   * Refuse the group calendar with 403, as Graph does for app-only tokens (group events support delegated
   * permissions only); the organiser's own calendar (`/users/{organizer}/events`) still answers.
   */
  refuseAppOnlyGroupCalendar?: boolean;
}

/** The emulator. One instance holds one tenant's state in memory. */
export class GraphEmulator {
  readonly siteId = SITE_ID;
  readonly groupId = GROUP_ID;
  readonly token: string;
  /** The account the group's meetings are organised by (and whose online meetings hold the attendance reports). */
  readonly organizer: { id: string; userPrincipalName: string };
  readonly stats: EmulatorStats = { requests: 0, batchedRequests: 0, throttled: 0, units: 0 };

  private readonly now: () => number;
  private readonly latencyMs: number;
  private readonly lists: Lists;
  private readonly drive: Drive;
  private readonly directory: Directory;
  private readonly calendar: Calendar;
  private readonly organizerCalendar: Calendar;
  private readonly meetings: Meetings;
  private readonly router: Router;
  private readonly faults = new Faults();
  private readonly created: string;

  constructor(options: GraphEmulatorOptions = {}) {
    this.now = options.now ?? Date.now;
    this.token = options.token ?? 'emulator-token';
    this.latencyMs = options.latencyMs ?? 0;
    this.created = isoSeconds(this.now());
    const pageSize = options.pageSize ?? 100;
    this.lists = new Lists(this.now, { pageSize, maxPageSize: options.maxPageSize ?? 5000 });
    this.drive = new Drive(this.lists, this.now);
    this.directory = new Directory();
    this.organizer = { id: this.directory.organizer.id, userPrincipalName: this.directory.organizer.userPrincipalName };
    this.meetings = new Meetings(this.directory);
    const refuseAppOnly = options.refuseAppOnlyGroupCalendar ?? false;
    this.calendar = new Calendar(groupCalendarOwner(refuseAppOnly), this.now, this.directory, this.meetings, pageSize);
    this.organizerCalendar = new Calendar(
      userCalendarOwner(this.directory),
      this.now,
      this.directory,
      this.meetings,
      pageSize,
    );
    const shuffle = options.shuffleBatchResponses ?? false;
    const routes: Route[] = [
      {
        method: 'GET',
        pattern: path('/sites/{site}'),
        cost: 'read',
        handle: (_req, p) => (checkSite(p.site ?? ''), { status: 200, json: siteJson(this.created) }),
      },
      ...this.lists.routes(),
      ...this.drive.routes(),
      ...this.calendar.routes(),
      ...this.organizerCalendar.routes(),
      ...this.directory.routes(),
      ...this.meetings.routes(),
    ];
    const throttle = new Throttle(options.budgetPerMinute ?? null, this.now);
    this.router = new Router(routes, throttle, this.faults, this.now, this.stats);
    routes.push(
      batchRoute(
        (inner) => {
          this.stats.batchedRequests += 1;
          return this.router.dispatch(inner, true);
        },
        this.now,
        () => shuffle,
      ),
    );
  }

  /** A graph-client middleware answering in-process; put it last in `Client.initWithMiddleware({ middleware })`. */
  middleware(): Middleware {
    return emulatorMiddleware((req) => this.handle(req));
  }

  /** Answers one HTTP request (absolute URL, or a path starting with /v1.0). */
  async handle(req: EmulatorRequest): Promise<EmulatorResponse> {
    this.stats.requests += 1;
    if (this.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
    const url = new URL(req.url, 'https://graph.microsoft.com');
    const headers = lowerCaseHeaders(req.headers);
    const match = /^\/v1\.0(\/.*)?$/.exec(url.pathname);
    if (!match)
      return serialise({
        status: 404,
        headers: {},
        json: errorBody(
          'BadRequest',
          `Unsupported API version in '${url.pathname}'; the emulator serves /v1.0.`,
          this.now(),
        ),
      });
    const parsed: ParsedRequest = {
      method: req.method.toUpperCase(),
      path: (match[1] ?? '').replace(/\/$/, ''),
      query: url.searchParams,
      headers,
      body: req.body ?? Buffer.alloc(0),
      base: `${url.origin}/v1.0`,
      batched: false,
    };
    const authenticated = headers.authorization === `Bearer ${this.token}`;
    return serialise(await this.router.dispatch(parsed, authenticated));
  }

  /** Serves the emulator over HTTP on 127.0.0.1 (port 0: a free port); the URL ends in /v1.0. */
  listen(port = 0): Promise<EmulatorServer> {
    return listenHttp((req) => this.handle(req), port);
  }

  // ---- Test hooks -------------------------------------------------------------------------------------------

  /** Sets (merges) a user's mailbox settings, creating the user when unknown; returns the user's id. */
  setMailboxSettings(user: string | UserInput, settings: MailboxSettingsInput): string {
    return this.directory.setMailboxSettings(user, settings);
  }

  /** Adds (or updates) a directory user; returns its id. */
  addUser(user: UserInput): string {
    return this.directory.upsert(user).id;
  }

  /** Adds an attendance report to the online meeting of a group event; returns the report id. */
  addAttendanceReport(eventId: string, report: AttendanceReportInput): string {
    return this.meetings.addReport(this.calendarOf(eventId).onlineMeetingIdOf(eventId), report);
  }

  /** Moves a group event as the organiser would in Outlook (new times, new change key, seen by delta). */
  moveEvent(eventId: string, start: Date | string, end: Date | string): void {
    this.calendarOf(eventId).move(eventId, new Date(start).getTime(), new Date(end).getTime());
  }

  /** Cancels a group event as the organiser would in Outlook: it leaves the calendar (delta reports it removed). */
  cancelEvent(eventId: string): void {
    this.calendarOf(eventId).cancel(eventId);
  }

  /** Makes every delta and skip token issued so far expire (410 Gone, `resyncRequired`). */
  expireDeltaTokens(): void {
    this.calendar.expireTokens();
    this.organizerCalendar.expireTokens();
  }

  /** Answers the next `times` matching requests with a failure (503, 504, 429 …), before any other rule. */
  injectFault(fault: FaultInput): void {
    this.faults.add(fault);
  }

  /** Lets (or stops) the app read online meeting artifacts; without it attendance reports answer 403. */
  setMeetingArtifactAccess(allowed: boolean): void {
    this.meetings.artifactsReadable = allowed;
  }

  /** The requests answered so far (up to the last 10,000), batched ones included, without their tokens. */
  requests(): readonly RecordedRequest[] {
    return this.router.log;
  }

  /** The events of the group calendar (or of the organiser's own calendar), as Graph renders them. */
  events(calendar: 'group' | 'organizer' = 'group'): EventJson[] {
    return (calendar === 'group' ? this.calendar : this.organizerCalendar).all();
  }

  private calendarOf(eventId: string): Calendar {
    return this.organizerCalendar.has(eventId) ? this.organizerCalendar : this.calendar;
  }

  /** The content of a library file by path ("Meetings/2026/agenda.docx"), or undefined. */
  readFile(filePath: string): Buffer | undefined {
    return this.drive.read(filePath);
  }

  /** Every file of the library with its size and library column values. */
  files(): Array<{ path: string; size: number; fields: Record<string, unknown> }> {
    return this.drive.files();
  }

  /** A list by id, name or display name. */
  list(ref: string): SpList | undefined {
    return this.lists.find(ref);
  }

  /** The fields of every item of a list (as `GET .../items?expand=fields` renders them), in id order. */
  items(ref: string): Array<Record<string, unknown>> {
    const list = this.lists.get(ref);
    return [...list.items.values()].map((item) => fieldsJson(list, item, null));
  }
}

function serialise(outcome: Outcome): EmulatorResponse {
  const headers = standardHeaders(outcome);
  const body =
    outcome.json !== undefined ? Buffer.from(JSON.stringify(outcome.json)) : (outcome.bytes ?? Buffer.alloc(0));
  return { status: outcome.status, headers, body };
}

export { callerFor, graphClientFor, type RawResponse } from './testing';

/** The task force's group calendar, optionally refusing app-only access as Graph does. */
function groupCalendarOwner(refuseAppOnly: boolean): CalendarOwner {
  return {
    prefix: '/groups/{group}',
    check(params) {
      if (params.group !== GROUP_ID) {
        throw new GraphHttpError(
          404,
          'Request_ResourceNotFound',
          `Resource '${params.group}' does not exist or one of its queried reference-property objects are not present.`,
        );
      }
      if (refuseAppOnly)
        throw new GraphHttpError(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.');
    },
  };
}

/** The organiser's own calendar; other users' calendars are not modelled (404). */
function userCalendarOwner(directory: Directory): CalendarOwner {
  return {
    prefix: '/users/{user}',
    check(params) {
      if (directory.get(params.user ?? '').id !== directory.organizer.id) {
        throw new GraphHttpError(404, 'ErrorItemNotFound', "Only the organiser's calendar is kept by the emulator.");
      }
    },
  };
}
