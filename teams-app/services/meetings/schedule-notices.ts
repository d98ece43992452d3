import { collectionWindow, isAppError, outboxKeys, type Meeting, type OutboxMessage, type Person } from '../../domain';
import type { Stored } from '../../store';
import { enqueueFor } from '../collection/delivery';
import type { ScheduleDeps } from './schedule-deps';

/** The notice key of a meeting's move to a start: one notice per person and new date. */
export function movedKey(meeting: Pick<Meeting, 'id' | 'start'>, personId: string): string {
  return outboxKeys.notice(meeting.id, personId, 'meeting', `moved@${meeting.start}`);
}

/** The notice key of a meeting's cancellation: one per person. */
export function cancelledKey(meetingId: string, personId: string): string {
  return outboxKeys.notice(meetingId, personId, 'meeting', 'cancelled');
}

/**
 * The people a meeting's collection asked (a prompt queued or sent, or withdrawn by a cancellation), whom its changes
 * concern; not those the bot could not reach at all.
 */
async function askedPeople(deps: Pick<ScheduleDeps, 'store' | 'outbox'>, meetingId: string): Promise<Set<string>> {
  const prompts = await deps.outbox.list({ meetingId, kind: 'prompt' });
  return new Set(
    prompts
      .filter((row) => row.status !== 'undeliverable' && !(row.status === 'withdrawn' && row.lastError))
      .flatMap((row) => (row.personId ? [row.personId] : [])),
  );
}

/** Queues one notice per person (idempotent by key); returns how many are new. */
async function tell(
  deps: Pick<ScheduleDeps, 'store' | 'outbox'>,
  meeting: Meeting,
  people: Iterable<string>,
  keyOf: (personId: string) => string,
  render: (person: Person) => Record<string, unknown>,
): Promise<number> {
  let told = 0;
  for (const personId of people) {
    const person = await deps.store.people.get(personId);
    if (!person) continue;
    const outcome = await enqueueFor(deps, {
      id: keyOf(person.id),
      kind: 'notice',
      meetingId: meeting.id,
      person,
      topicId: null,
      activity: render(person),
    });
    if (outcome === 'queued') told += 1;
  }
  return told;
}

/** Tells everyone the meeting's collection asked its new date and deadline (once per new date). */
export async function tellMoved(deps: ScheduleDeps, meeting: Meeting): Promise<number> {
  const window = collectionWindow(meeting);
  return tell(
    deps,
    meeting,
    await askedPeople(deps, meeting.id),
    (id) => movedKey(meeting, id),
    (person) => deps.messages.moved({ meeting, window, person, reason: '' }, person.locale),
  );
}

/**
 * Tells of a cancellation everyone the collection asked, the chair and the secretariat, except whoever cancelled it
 * (once each).
 */
export async function tellCancelled(deps: ScheduleDeps, meeting: Meeting, actorId: string): Promise<number> {
  const people = await askedPeople(deps, meeting.id);
  if (meeting.chairId) people.add(meeting.chairId);
  for (const person of await deps.store.people.all()) if (person.roles.includes('secretariat')) people.add(person.id);
  people.delete(actorId);
  const window = collectionWindow(meeting);
  const reason = meeting.cancelReason ?? '';
  return tell(
    deps,
    meeting,
    people,
    (id) => cancelledKey(meeting.id, id),
    (person) => deps.messages.cancelled({ meeting, window, person, reason }, person.locale),
  );
}

/** Which of a meeting's queued messages a change takes back. */
export type WithdrawFilter = (row: Stored<OutboxMessage>) => boolean;

/** The reminders of a window that moved, and notices of an earlier move (their dates are out of date). */
export const outdatedByMove: WithdrawFilter = (row) =>
  row.kind === 'reminder' || (row.kind === 'notice' && row.id.includes(':meeting:moved@'));

/** Everything of a cancelled meeting but the cancellation notices themselves. */
export const outdatedByCancel: WithdrawFilter = (row) =>
  !(row.kind === 'notice' && row.id.endsWith(':meeting:cancelled'));

/**
 * Takes back a meeting's messages that have not gone out yet (pending, or waiting for help: undeliverable or
 * failed), so the worker never sends them; a message the worker is sending at that moment is left to it.
 */
export async function withdrawMessages(
  deps: Pick<ScheduleDeps, 'store' | 'outbox'>,
  meetingId: string,
  which: WithdrawFilter,
): Promise<number> {
  let withdrawn = 0;
  for (const row of await deps.outbox.list({ meetingId })) {
    if (!['pending', 'undeliverable', 'failed'].includes(row.status) || !which(row)) continue;
    const { etag, ...message } = row;
    try {
      await deps.store.outbox.update({ ...message, status: 'withdrawn', leaseUntil: null }, etag);
      withdrawn += 1;
    } catch (error) {
      // The worker claimed it in the meantime: it is on its way.
      if (!isAppError(error, 'store.conflict')) throw error;
    }
  }
  return withdrawn;
}
