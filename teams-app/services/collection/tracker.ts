import {
  TRACKER_STATUSES,
  buildTracker,
  collectionWindow,
  requirePermission,
  slotKey,
  type Caller,
  type StatusUpdate,
  type TrackerStatus,
  type TrackerView,
} from '../../domain';
import type { Stored } from '../../store';
import { requireMeeting } from '../lookups';
import type { CollectionDeps } from './collection-deps';
import { targetsOf } from './targets';

/** Which slots were asked and which could not be reached, read from the meeting's prompts in the outbox. */
async function promptOutcomes(
  deps: Pick<CollectionDeps, 'outbox'>,
  meetingId: string,
): Promise<{ asked: Set<string>; undeliverable: Map<string, string | null> }> {
  const undeliverable = new Map<string, string | null>();
  const asked = new Set<string>();
  for (const row of await deps.outbox.list({ meetingId, kind: 'prompt' })) {
    const [, , , topicId, sector] = row.id.split(':');
    if (!topicId || !sector) continue;
    if (row.status === 'undeliverable') {
      undeliverable.set(slotKey(topicId, sector), row.lastError);
    } else asked.add(slotKey(topicId, sector));
  }
  return { asked, undeliverable };
}

/** The tracker of a meeting: per topic × sector, answered / no change / pending / late / undeliverable / vacant. */
export async function tracker(
  deps: Pick<CollectionDeps, 'store' | 'outbox' | 'now'>,
  meetingId: string,
  caller: Caller,
): Promise<TrackerView> {
  requirePermission(caller, 'tracker.read');
  const { store } = deps;
  const meeting = await requireMeeting(store, meetingId);
  const [topics, assignments, people, updates, outcomes] = await Promise.all([
    store.topics.all(),
    store.assignments.all(),
    store.people.all(),
    store.statusUpdates.all({ where: { meetingId } }),
    promptOutcomes(deps, meetingId),
  ]);
  const rows = buildTracker({
    assignments,
    activeTopicIds: topics.filter((t) => t.status === 'active').map((t) => t.id),
    targets: await targetsOf(deps, meeting),
    updates,
    ...outcomes,
  });
  const names = new Map(people.map((p) => [p.id, p.name]));
  const titles = new Map(topics.map((t) => [t.id, t.title]));
  const counts = Object.fromEntries(TRACKER_STATUSES.map((status) => [status, 0])) as Record<TrackerStatus, number>;
  for (const row of rows) counts[row.status] += 1;
  return {
    meeting,
    window: collectionWindow(meeting),
    rows: rows.map((r) => ({
      ...r,
      topicTitle: titles.get(r.topicId) ?? { en: r.topicId },
      personName: r.personId ? (names.get(r.personId) ?? null) : null,
      answeredByName: r.answeredById ? (names.get(r.answeredById) ?? null) : null,
    })),
    counts,
  };
}

/** The updates of a meeting. */
export async function meetingUpdates(
  deps: Pick<CollectionDeps, 'store'>,
  meetingId: string,
  caller: Caller,
): Promise<Stored<StatusUpdate>[]> {
  requirePermission(caller, 'updates.read');
  await requireMeeting(deps.store, meetingId);
  return deps.store.statusUpdates.all({ where: { meetingId } });
}
