/**
 * Microsoft 365 for the composition root: the one Graph layer of the instance (one throttling budget, one token
 * cache) shared by the SharePoint store and library, the meeting calendar, the mailboxes' out-of-office and the
 * Teams attendance reports. Graph and its SDK are loaded only when something is configured to use them.
 */
import path from 'node:path';
import type { GraphApi } from '../graph';
import { noCalendar, type AttendancePort, type CalendarPort, type OutOfOfficePort } from '../services';
import type { Store } from '../store';
import type { Config } from './config';
import type { Logger } from './logger';

/** The meeting calendar, out-of-office and attendance in Microsoft 365, or the calendar alone (none) without Graph. */
export interface Microsoft365 {
  calendar: CalendarPort;
  outOfOffice?: OutOfOfficePort;
  attendance?: AttendancePort;
}

/**
 * The file, in the data folder, where earlier versions kept where the calendar's delta query is: read once into the
 * store when the store has no position yet.
 */
export const CALENDAR_POSITION_FILE = 'calendar-delta.json';

/** The id of the meeting calendar's delta position among the store's sync positions. */
export const CALENDAR_POSITION_ID = 'calendar';

/** Whether any CALENDAR_* setting asks for the Microsoft 365 calendar (and so for Graph). */
function calendarConfigured(config: Config): boolean {
  return Boolean(config.calendar.groupId || config.calendar.organizer);
}

/**
 * The instance's Graph layer, when the configuration uses Graph (STORE=sharepoint or a CALENDAR_* setting): on the
 * emulator with its token, on Graph with the app registration's client credentials; undefined otherwise.
 */
export async function openGraph(config: Config): Promise<GraphApi | undefined> {
  if (config.store !== 'sharepoint' && !calendarConfigured(config)) return undefined;
  const [{ createGraphApi }, { graphSettings }] = await Promise.all([
    import('../graph'),
    import('../store/sharepoint/graph-access'),
  ]);
  return createGraphApi(
    graphSettings({
      baseUrl: config.sharepoint.graphBaseUrl,
      credentials: config.sharepoint.credentials,
      emulatorToken: config.sharepoint.emulatorToken,
      budgetPerMinute: config.sharepoint.budgetPerMinute,
    }),
  );
}

/**
 * Microsoft 365 as configured, on the instance's Graph layer: the meeting calendar — the organiser's, inviting the
 * group (CALENDAR_ORGANIZER and CALENDAR_GROUP_MAIL, the supported path with app-only access), or the group's own
 * (CALENDAR_GROUP_ID, delegated access or the emulator) — whose delta position is kept in the store's operational
 * data (so whichever instance runs the scheduler resumes from it), with the mailboxes' out-of-office and the
 * organiser's Teams attendance reports; without any CALENDAR_* setting, none. `clock`: the calendar's time (tests).
 */
export async function microsoft365(
  config: Config,
  logger: Logger,
  graph: GraphApi | undefined,
  store: Pick<Store, 'syncPositions'>,
  clock: () => number = Date.now,
): Promise<Microsoft365> {
  const { groupId, organizer, groupMail } = config.calendar;
  if (!graph || !calendarConfigured(config)) return { calendar: noCalendar };
  const owner = organizer && groupMail ? { organizer, inviteGroup: groupMail } : groupId ? { group: groupId } : null;
  const [{ graphCalendar }, { graphOutOfOffice }, { graphAttendance }, { fileDeltaPosition, storedDeltaPosition }] =
    await Promise.all([
      import('../graph/calendar'),
      import('../graph/out-of-office'),
      import('../graph/attendance'),
      import('../graph/delta-position'),
    ]);
  const calendarOf = owner && ('group' in owner ? `group ${owner.group}` : `organizer ${owner.organizer}`);
  const of = `${config.sharepoint.graphBaseUrl} ${calendarOf}`;
  const position =
    owner &&
    storedDeltaPosition(store.syncPositions, CALENDAR_POSITION_ID, of, {
      former: fileDeltaPosition(path.join(config.dataDir, CALENDAR_POSITION_FILE), of, clock),
      now: clock,
    });
  return {
    calendar: owner && position ? graphCalendar(graph, { owner, position, now: clock }) : noCalendar,
    outOfOffice: graphOutOfOffice(graph, logger),
    ...(organizer ? { attendance: graphAttendance(graph, { organizer, log: logger }) } : {}),
  };
}
