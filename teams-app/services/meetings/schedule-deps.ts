import type { CollectionWindow, Locale, Meeting, Person } from '../../domain';
import type { Store } from '../../store';
import type { OutboxPort } from '../outbox/outbox-port';
import type { CalendarPort } from './calendar-port';

/** What a notice about a meeting's new date or cancellation shows to one person. */
export interface ScheduleNotice {
  meeting: Pick<Meeting, 'id' | 'title' | 'body' | 'number' | 'start' | 'timeZone'>;
  window: CollectionWindow;
  person: Pick<Person, 'id' | 'name' | 'timeZone'>;
  /** Why the meeting was cancelled (may be empty). */
  reason: string;
}

/** Renders the notices of the meeting calendar (the bot's messages); injected so services stay free of the bot. */
export interface ScheduleMessages {
  moved(notice: ScheduleNotice, locale: Locale): Record<string, unknown>;
  cancelled(notice: ScheduleNotice, locale: Locale): Record<string, unknown>;
}

/** Where a use case writes what went wrong but did not stop it (a calendar read that failed, say). */
export interface ScheduleLog {
  warn(detail: Record<string, unknown>, message: string): void;
}

/** What the meeting calendar use cases work with, wired by the composition root. */
export interface ScheduleDeps {
  store: Store;
  outbox: OutboxPort;
  messages: ScheduleMessages;
  calendar: CalendarPort;
  /** The current instant (ISO 8601). */
  now: () => string;
  log?: ScheduleLog;
}

/** Who changes a meeting: a person of the register, or the calendar (an event moved or cancelled in Outlook). */
export type ScheduleActor = { personId: string } | 'calendar';

/** The id an audit entry records for a schedule actor. */
export function scheduleActorId(actor: ScheduleActor): string {
  return actor === 'calendar' ? 'calendar' : actor.personId;
}
