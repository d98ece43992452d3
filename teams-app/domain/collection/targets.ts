import type { Assignment, Delegation, Meeting, Person, StatusUpdate, Topic } from '../entities';
import type { CollectionWindow } from '../collection-window';

/** Why a person gets a topic's prompt. */
export type TargetReason = 'focal-point' | 'alternate-out-of-office' | 'alternate' | 'delegated';

/** One prompt to send: a person asked about a topic for a sector. */
export interface PromptTarget {
  meetingId: string;
  topicId: string;
  sector: Assignment['sector'];
  personId: string;
  reason: TargetReason;
}

/** Everything the targeting rules look at. */
export interface TargetInput {
  meeting: Pick<Meeting, 'id'>;
  window: CollectionWindow;
  topics: Pick<Topic, 'id' | 'status'>[];
  assignments: Assignment[];
  people: Pick<Person, 'id' | 'outOfOffice' | 'timeZone'>[];
  delegations: Delegation[];
  /** The moment the prompt would go out (ISO). */
  now: string;
}

/** The UTC date (YYYY-MM-DD) of an instant; out-of-office ranges are whole days. */
function day(iso: string): string {
  return iso.slice(0, 10);
}

/** True when a person is away for every remaining day of the window (from now to the close). */
export function awayForRestOfWindow(person: Pick<Person, 'outOfOffice'>, fromIso: string, toIso: string): boolean {
  const from = day(fromIso);
  const to = day(toIso);
  return person.outOfOffice.some((range) => range.from <= from && range.to >= to);
}

/** Stable key of a topic × sector slot. */
export function slotKey(topicId: string, sector: string): string {
  return `${topicId}.${sector}`;
}

/**
 * Who is asked for each active topic × sector: the focal point; the alternate when the focal point
 * delegated or is out of office for the rest of the window; nobody for a vacancy.
 */
export function promptTargets(input: TargetInput): PromptTarget[] {
  const active = new Set(input.topics.filter((t) => t.status === 'active').map((t) => t.id));
  const people = new Map(input.people.map((p) => [p.id, p]));
  const delegated = new Map(input.delegations.map((d) => [slotKey(d.topicId, d.sector), d]));
  const targets: PromptTarget[] = [];
  for (const a of [...input.assignments].sort((x, y) => x.id.localeCompare(y.id))) {
    if (!active.has(a.topicId) || !a.focalPointId) continue;
    const base = { meetingId: input.meeting.id, topicId: a.topicId, sector: a.sector };
    const delegation = delegated.get(slotKey(a.topicId, a.sector));
    if (delegation) {
      const reason = delegation.reason === 'out-of-office' ? 'alternate-out-of-office' : 'delegated';
      targets.push({ ...base, personId: delegation.toId, reason });
      continue;
    }
    const focal = people.get(a.focalPointId);
    const away = focal ? awayForRestOfWindow(focal, input.now, input.window.closesAt) : false;
    if (away && a.alternateId && people.has(a.alternateId)) {
      targets.push({ ...base, personId: a.alternateId, reason: 'alternate-out-of-office' });
    } else {
      targets.push({ ...base, personId: a.focalPointId, reason: 'focal-point' });
    }
  }
  return targets;
}

/** The targets that have not answered yet: reminders go only to them. */
export function pendingTargets(
  targets: PromptTarget[],
  updates: Pick<StatusUpdate, 'topicId' | 'sector'>[],
): PromptTarget[] {
  const answered = new Set(updates.map((u) => slotKey(u.topicId, u.sector)));
  return targets.filter((t) => !answered.has(slotKey(t.topicId, t.sector)));
}

/**
 * The one reminder due at a moment: the latest reminder instant already passed, or none. After
 * downtime that skipped several reminders, only the latest is due, so nobody gets a burst.
 */
export function dueReminderIndex(window: CollectionWindow, nowIso: string): number | null {
  let due: number | null = null;
  window.remindersAt.forEach((at, index) => {
    if (at <= nowIso && nowIso < window.closesAt) due = index;
  });
  return due;
}

/** Idempotency keys of outbox messages: the same prompt or reminder can never be queued twice. */
export const outboxKeys = {
  prompt: (meetingId: string, personId: string, topicId: string, sector: string) =>
    `prompt:${meetingId}:${personId}:${topicId}:${sector}`,
  /** A reminder of a window; after the meeting moved, the new window's reminders are keyed by its new start. */
  reminder: (meetingId: string, personId: string, index: number, movedTo?: string | null) =>
    `reminder:${meetingId}:${personId}:${index}${movedTo ? `@${movedTo}` : ''}`,
  notice: (meetingId: string, personId: string, topic: string, what: string) =>
    `notice:${meetingId}:${personId}:${topic}:${what}`,
};
