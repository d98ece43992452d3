import type { Action, Locale, LocalizedText, Meeting, MeetingRef, Person, SectorId, Topic } from '../../domain';
import type { Store } from '../../store';
import type { OutboxPort } from '../outbox/outbox-port';

/** An action given to someone by staff, as its new owner is told. */
export interface ActionAssignedNotice {
  action: Pick<Action, 'id' | 'text' | 'due'>;
  /** The staff member who gave it. */
  by: Pick<Person, 'id' | 'name'>;
  /** The meeting that raised it (its title), when known. */
  meeting: Pick<Meeting, 'id' | 'title' | 'body' | 'number'> | null;
}

/** Renders the follow-up register's messages (the bot's text); injected so the services stay free of the bot. */
export interface FollowUpMessages {
  /** To an action's new owner: what it is, from which meeting, by when, and who gave it. */
  actionAssigned(data: ActionAssignedNotice, locale: Locale): Record<string, unknown>;
}

/** What the follow-up register works with. */
export interface FollowUpDeps {
  store: Store;
  /** Where messages to people are queued (a reassigned action's new owner is told). */
  outbox: OutboxPort;
  messages: FollowUpMessages;
  /** The current instant (ISO 8601). */
  now: () => string;
}

/** The topics, meetings and people the lists name, read once per call. */
export interface FollowUpContext {
  topics: ReadonlyMap<string, Topic>;
  meetings: ReadonlyMap<string, Meeting>;
  people: ReadonlyMap<string, Person>;
}

/** Reads the topics, meetings and people a list of records refers to. */
export async function followUpContext(store: Pick<Store, 'topics' | 'meetings' | 'people'>): Promise<FollowUpContext> {
  const [topics, meetings, people] = await Promise.all([store.topics.all(), store.meetings.all(), store.people.all()]);
  return {
    topics: new Map(topics.map((t) => [t.id, t])),
    meetings: new Map(meetings.map((m) => [m.id, m])),
    people: new Map(people.map((p) => [p.id, p])),
  };
}

/** A meeting as a list names it, or null when it is unknown. */
export function meetingRef(context: FollowUpContext, id: string): MeetingRef | null {
  const meeting = context.meetings.get(id);
  return meeting
    ? { id: meeting.id, body: meeting.body, number: meeting.number, title: meeting.title, start: meeting.start }
    : null;
}

/** A topic's titles, or null. */
export function topicTitle(context: FollowUpContext, id: string | null): LocalizedText | null {
  return id === null ? null : (context.topics.get(id)?.title ?? null);
}

/** The sector of a person, or null. */
export function sectorOf(context: FollowUpContext, personId: string | null): SectorId | null {
  return personId === null ? null : (context.people.get(personId)?.sector ?? null);
}

/**
 * True when a topic follows a resolution as written: "PP 191", "PP-191", "WTDC Res. 37", or a number alone ("191")
 * matching any body.
 */
export function followsResolution(topic: Topic | undefined, wanted: string): boolean {
  if (!topic) return false;
  const words = wanted
    .toUpperCase()
    .replace(/RES(OLUTION)?\.?/g, ' ')
    .split(/[\s\-/]+/)
    .filter(Boolean);
  const number = words.find((word) => /\d/.test(word));
  const body = words.find((word) => !/\d/.test(word));
  return topic.resolutions.some(
    (r) => (!number || r.number?.toUpperCase() === number) && (!body || r.body.toUpperCase() === body),
  );
}

/** One page of items from an offset cursor, and the cursor of the next. */
export function pageOf<T>(items: readonly T[], cursor: string | undefined, limit: number) {
  const start = cursor && /^\d+$/.test(cursor) ? Number(cursor) : 0;
  const next = start + limit;
  return {
    items: items.slice(start, next),
    total: items.length,
    nextCursor: next < items.length ? String(next) : null,
  };
}
