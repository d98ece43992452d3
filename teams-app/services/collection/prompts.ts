import { AppError, collectionWindow, outboxKeys, type Meeting, type Person, type PromptTarget } from '../../domain';
import type { CollectionDeps } from './collection-deps';
import { requirePerson } from './collection-deps';
import type { PromptData } from './collection-messages';
import type { OutboxDraft } from '../outbox/outbox-port';
import { draftFor, enqueueFor, type PersonalMessage } from './delivery';
import type { SubmitResult } from './submit-update';

/** Builds what a prompt card shows for one person, topic and sector: this meeting's update or the last one, open actions. */
export async function promptData(
  deps: Pick<CollectionDeps, 'store' | 'now'>,
  meeting: Meeting,
  target: Pick<PromptTarget, 'topicId' | 'sector' | 'personId' | 'reason'>,
): Promise<PromptData> {
  const { store } = deps;
  const [topic, person, updates, actions] = await Promise.all([
    store.topics.get(target.topicId),
    requirePerson(store, target.personId),
    store.statusUpdates.all({ where: { topicId: target.topicId, sector: target.sector } }),
    store.actions.all({ where: { ownerId: target.personId, status: 'open' } }),
  ]);
  const unowned = await store.actions.all({ where: { topicId: target.topicId, status: 'open', ownerId: null } });
  if (!topic) throw new AppError('topic.not-found', `There is no topic "${target.topicId}".`);
  const current = updates.find((u) => u.meetingId === meeting.id) ?? null;
  const previous =
    updates
      .filter((u) => u.meetingId !== meeting.id && u.submittedAt < meeting.start)
      .sort((a, b) => b.submittedAt.localeCompare(a.submittedAt))[0] ?? null;
  const window = collectionWindow(meeting);
  return {
    meeting,
    window,
    topic,
    sector: target.sector,
    person,
    current,
    previous,
    openActions: [...actions.filter((a) => a.topicId === target.topicId || a.topicId === null), ...unowned],
    reason: target.reason,
    late: deps.now() >= window.closesAt,
  };
}

/** What the summary card after a submission shows: built from the submission itself, no further reads. */
export function summaryData(deps: Pick<CollectionDeps, 'now'>, result: SubmitResult, person: Person): PromptData {
  const window = collectionWindow(result.meeting);
  return {
    meeting: result.meeting,
    window,
    topic: result.topic,
    sector: result.update.sector,
    person,
    current: result.update,
    previous: null,
    openActions: [],
    reason: 'focal-point',
    late: deps.now() >= window.closesAt,
  };
}

/** The message of one person's prompt for a topic × sector, under its idempotency key. */
async function promptMessage(
  deps: CollectionDeps,
  meeting: Meeting,
  target: Pick<PromptTarget, 'topicId' | 'sector' | 'personId' | 'reason'>,
): Promise<PersonalMessage> {
  const data = await promptData(deps, meeting, target);
  return {
    id: outboxKeys.prompt(meeting.id, target.personId, target.topicId, target.sector),
    kind: 'prompt',
    meetingId: meeting.id,
    person: data.person,
    topicId: target.topicId,
    activity: deps.messages.prompt(data, data.person.locale),
  };
}

/** Queues one person's prompt for a topic × sector (idempotent by its key). */
export async function queuePrompt(
  deps: CollectionDeps,
  meeting: Meeting,
  target: Pick<PromptTarget, 'topicId' | 'sector' | 'personId' | 'reason'>,
): Promise<'queued' | 'exists' | 'undeliverable'> {
  return enqueueFor(deps, await promptMessage(deps, meeting, target));
}

/**
 * Queues the prompts not queued yet (one read of what is there, so every tick can call it cheaply), all in one
 * enqueue: on Azure Storage their records are written many to a transaction and announced together, so a
 * collection window's fan-out is queued faster than the instances send it. Nothing is queued if building a prompt
 * fails; the next tick builds them all again (the keys keep it idempotent).
 */
export async function queuePrompts(
  deps: CollectionDeps,
  meeting: Meeting,
  targets: PromptTarget[],
): Promise<{ queued: number }> {
  const existing = new Set((await deps.outbox.list({ meetingId: meeting.id, kind: 'prompt' })).map((row) => row.id));
  const drafts: OutboxDraft[] = [];
  const reachable = new Set<string>();
  for (const target of targets) {
    if (existing.has(outboxKeys.prompt(meeting.id, target.personId, target.topicId, target.sector))) continue;
    const { draft, reachable: canReach } = await draftFor(deps, await promptMessage(deps, meeting, target));
    drafts.push(draft);
    if (canReach) reachable.add(draft.id);
  }
  if (drafts.length === 0) return { queued: 0 };
  const { created } = await deps.outbox.enqueue(drafts);
  return { queued: created.filter((id) => reachable.has(id)).length };
}
