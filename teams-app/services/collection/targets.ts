import { collectionWindow, promptTargets, type Meeting, type PromptTarget, type SectorId } from '../../domain';
import type { CollectionDeps } from './collection-deps';

/** Everyone a meeting's collection asks, per topic and sector (focal point, or the alternate standing in). */
export async function targetsOf(
  deps: Pick<CollectionDeps, 'store' | 'now'>,
  meeting: Meeting,
): Promise<PromptTarget[]> {
  const { store } = deps;
  const [topics, assignments, people, delegations] = await Promise.all([
    store.topics.all(),
    store.assignments.all(),
    store.people.all(),
    store.delegations.all({ where: { meetingId: meeting.id } }),
  ]);
  return promptTargets({
    meeting,
    window: collectionWindow(meeting),
    topics,
    assignments,
    people,
    delegations,
    now: deps.now(),
  });
}

/** A topic × sector a person answers for, and in which role. */
export interface Slot {
  topicId: string;
  sector: SectorId;
  reason: PromptTarget['reason'];
}

/** The assignments (topic × sector) a person answers for in a meeting, as focal point, alternate or delegate. */
export async function slotsOf(
  deps: Pick<CollectionDeps, 'store'>,
  personId: string,
  meetingId: string,
): Promise<Slot[]> {
  const { store } = deps;
  const [focal, alternate, delegated] = await Promise.all([
    store.assignments.all({ where: { focalPointId: personId } }),
    store.assignments.all({ where: { alternateId: personId } }),
    store.delegations.all({ where: { meetingId, toId: personId } }),
  ]);
  return [
    ...focal.map((a) => ({ topicId: a.topicId, sector: a.sector, reason: 'focal-point' as const })),
    ...alternate.map((a) => ({ topicId: a.topicId, sector: a.sector, reason: 'alternate' as const })),
    ...delegated.map((d) => ({ topicId: d.topicId, sector: d.sector, reason: 'delegated' as const })),
  ];
}
