import {
  collectionWindow,
  dueReminderIndex,
  outboxKeys,
  pendingTargets,
  type Meeting,
  type PromptTarget,
  type SectorId,
  type Topic,
} from '../../domain';
import { requirePerson, type CollectionDeps } from './collection-deps';
import { enqueueFor } from './delivery';
import { targetsOf } from './targets';

/** Queues the reminder that is due (if any) to every person who still has topics to answer. */
export async function remind(deps: CollectionDeps, meeting: Meeting): Promise<number> {
  const index = dueReminderIndex(collectionWindow(meeting), deps.now());
  if (index === null || meeting.state !== 'open') return 0;
  return queueReminders(deps, meeting, (personId) =>
    outboxKeys.reminder(meeting.id, personId, index, meeting.rescheduledAt ? meeting.start : null),
  );
}

/** After a re-opening, everyone who still has topics to answer is told the new deadline (once per re-opening). */
export async function remindAfterReopening(deps: CollectionDeps, meeting: Meeting): Promise<number> {
  return queueReminders(deps, meeting, (personId) => `reopen:${meeting.id}:${personId}:${meeting.reopenedAt}`);
}

/** Queues one reminder per person with topics still to answer, under the key `keyOf` gives (idempotent). */
async function queueReminders(
  deps: CollectionDeps,
  meeting: Meeting,
  keyOf: (personId: string) => string,
): Promise<number> {
  const { store } = deps;
  const window = collectionWindow(meeting);
  const updates = await store.statusUpdates.all({ where: { meetingId: meeting.id } });
  const pending = pendingTargets(await targetsOf(deps, meeting), updates);
  const byPerson = new Map<string, PromptTarget[]>();
  for (const t of pending) byPerson.set(t.personId, [...(byPerson.get(t.personId) ?? []), t]);
  let queued = 0;
  for (const [personId, targets] of byPerson) {
    const person = await requirePerson(store, personId);
    const topics: { topic: Topic; sector: SectorId }[] = [];
    for (const target of targets) {
      const topic = await store.topics.get(target.topicId);
      if (topic) topics.push({ topic, sector: target.sector });
    }
    const activity = deps.messages.reminder({ meeting, window, person, topics }, person.locale);
    const id = keyOf(personId);
    const outcome = await enqueueFor(deps, {
      id,
      kind: 'reminder',
      meetingId: meeting.id,
      person,
      topicId: null,
      activity,
    });
    if (outcome === 'queued') queued += 1;
  }
  return queued;
}
