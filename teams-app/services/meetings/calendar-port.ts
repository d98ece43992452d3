import type { Meeting } from '../../domain';

/** What the calendar made of a new meeting: its event, and the Teams meeting created with it (online meetings). */
export interface CalendarEventCreated {
  eventId: string;
  joinUrl: string | null;
  /** The thread of the meeting's chat (`19:meeting_…@thread.v2`), the identity its chat is linked by. */
  chatThreadId: string | null;
}

/** A change of an event made in the calendar itself (Outlook, Teams): moved, or cancelled or deleted. */
export interface CalendarChange {
  eventId: string;
  cancelled: boolean;
  /** The new instants (ISO, UTC); null for a cancelled event. */
  start: string | null;
  end: string | null;
}

/**
 * The task force's calendar as the scheduling use cases see it: one event per meeting, kept in step with the
 * meeting, and the changes people made to the events directly. `none` keeps no calendar (the embedded store
 * running on its own); the Microsoft 365 group calendar is the other adapter.
 */
export interface CalendarPort {
  readonly kind: 'none' | 'microsoft-365';
  /** Creates the meeting's event (with a Teams meeting when it is online); null when no calendar is kept. */
  create(meeting: Meeting): Promise<CalendarEventCreated | null>;
  /**
   * Moves or edits the meeting's event to match the meeting (a meeting made online gets its Teams meeting); the
   * event's Teams link and chat as they now are, or null when no calendar is kept.
   */
  update(meeting: Meeting): Promise<Omit<CalendarEventCreated, 'eventId'> | null>;
  /** Cancels the meeting's event (attendees are told by the calendar). */
  cancel(meeting: Meeting, reason: string): Promise<void>;
  /**
   * The events moved or cancelled in the calendar since the changes last {@link applied} (every event the first
   * time): until they are applied, the next call answers them again, so a pass that failed half-way is repeated.
   */
  changes(): Promise<CalendarChange[]>;
  /** The changes of the last call are applied: the calendar's position moves past them (and is kept, if it can). */
  applied(): Promise<void>;
}

/** No calendar: meetings live in the store alone and keep no event. */
export const noCalendar: CalendarPort = {
  kind: 'none',
  create: async () => null,
  update: async () => null,
  cancel: async () => undefined,
  changes: async () => [],
  applied: async () => undefined,
};
