import type { Assignment, PromptHandover, Topic } from '../../domain';
import type { AdminDeps } from './admin-deps';
import { handOverPrompts } from './prompt-handover';
import { openCollections, withdrawSlotPrompts } from './prompt-withdrawal';

/** A topic as it was and as it was written. */
export interface TopicChange {
  before: Topic;
  after: Topic;
}

/** A slot as it was and as it was written (null: it did not exist, or it was removed). */
export interface SlotChange {
  before: Assignment | null;
  after: Assignment | null;
}

/** What a write of the register changed, whichever way it came (the admin API or an import). */
export interface RegisterChanges {
  topics?: readonly TopicChange[];
  slots?: readonly SlotChange[];
}

/** A topic no longer active: collection no longer asks about it. */
function retired({ before, after }: TopicChange): boolean {
  return before.status === 'active' && after.status !== 'active';
}

/** A slot that existed and now has someone else to answer for it, or nobody. */
function changedHands({ before, after }: SlotChange): boolean {
  return (
    before !== null &&
    (after === null || before.focalPointId !== after.focalPointId || before.alternateId !== after.alternateId)
  );
}

/** A slot nobody answers for any more: removed, or its focal point taken away. */
function vacated({ before, after }: SlotChange): boolean {
  return after === null || (Boolean(before?.focalPointId) && after.focalPointId === null);
}

/**
 * What a register change written while collection is open means for the prompts: a topic no longer active has its
 * prompts withdrawn; a slot that changed hands has its unanswered prompt handed to whoever now answers; a slot
 * removed or left without a focal point has its prompts withdrawn. The people concerned are told, each in their
 * language; `actorId` is recorded for a delegation that follows the slot. Every message is keyed, so running it
 * again repeats nothing. Returns the prompts handed over.
 */
export async function followRegisterChanges(
  deps: AdminDeps,
  changes: RegisterChanges,
  actorId: string,
): Promise<PromptHandover[]> {
  const topics = (changes.topics ?? []).filter(retired);
  const slots = (changes.slots ?? []).filter(changedHands);
  if (!topics.length && !slots.length) return [];
  if (!(await openCollections(deps)).length) return [];
  for (const { after } of topics) await withdrawSlotPrompts(deps, after, null, 'retired');
  const handovers: PromptHandover[] = [];
  for (const change of slots) {
    handovers.push(...(await handOverPrompts(deps, change.before, change.after, actorId)));
    const slot = change.after ?? change.before;
    if (!slot || !vacated(change)) continue;
    const topic = await deps.store.topics.get(slot.topicId);
    if (topic) await withdrawSlotPrompts(deps, topic, [slot.sector], 'vacated');
  }
  return handovers;
}
