import {
  AppError,
  isAppError,
  outboxKeys,
  requirePermission,
  slotKey,
  type Caller,
  type Meeting,
  type Person,
  type SectorId,
  type Topic,
} from '../../domain';
import { requireMeeting } from '../lookups';
import { auditCollection, requirePerson, type CollectionDeps } from './collection-deps';
import { enqueueFor } from './delivery';
import { promptData } from './prompts';

/** Which prompt is handed over: a meeting's topic × sector. */
export interface DelegatedSlot {
  meetingId: string;
  topicId: string;
  sector: SectorId;
}

/**
 * Hands a prompt to the alternate: records the delegation, prompts the alternate and tells the secretariat.
 * Only the focal point may delegate; delegating again repeats nothing (each step is keyed).
 */
export async function delegatePrompt(
  deps: CollectionDeps,
  caller: Caller,
  slot: DelegatedSlot,
): Promise<{ alternate: Person }> {
  requirePermission(caller, 'update.delegate');
  const { personId } = caller;
  const { store } = deps;
  const { topicId, sector } = slot;
  const meeting = await requireMeeting(store, slot.meetingId);
  const assignment = await store.assignments.get(slotKey(topicId, sector));
  if (!assignment || assignment.focalPointId !== personId) {
    throw new AppError('update.not-responsible', 'Only the focal point can delegate this topic to the alternate.', {
      topicId,
      sector,
    });
  }
  if (!assignment.alternateId)
    throw new AppError('delegation.no-alternate', 'No alternate is appointed for this topic; ask the secretariat.');
  const alternate = await requirePerson(store, assignment.alternateId);
  const from = await requirePerson(store, personId);
  await recordDelegation(deps, meeting, slot, from, alternate);
  const data = await promptData(deps, meeting, { topicId, sector, personId: alternate.id, reason: 'delegated' });
  await enqueueFor(deps, {
    id: outboxKeys.prompt(meeting.id, alternate.id, topicId, sector),
    kind: 'prompt',
    meetingId: meeting.id,
    person: alternate,
    topicId,
    activity: deps.messages.prompt(data, alternate.locale),
  });
  await noticeSecretariat(deps, meeting, { topic: data.topic, sector, from, to: alternate });
  return { alternate };
}

/** Stores the delegation (once: a second delegation of the same slot keeps the first). */
async function recordDelegation(
  deps: Pick<CollectionDeps, 'store' | 'now'>,
  meeting: Meeting,
  slot: DelegatedSlot,
  from: Person,
  to: Person,
): Promise<void> {
  const id = `${meeting.id}.${slotKey(slot.topicId, slot.sector)}`;
  try {
    await deps.store.delegations.create({
      id,
      meetingId: meeting.id,
      topicId: slot.topicId,
      sector: slot.sector,
      fromId: from.id,
      toId: to.id,
      at: deps.now(),
    });
    await auditCollection(deps, {
      actor: { personId: from.id, roles: [] },
      action: 'update.delegate',
      entity: 'delegations',
      entityId: id,
      detail: `to ${to.id}`,
    });
  } catch (error) {
    if (!isAppError(error, 'store.already-exists')) throw error;
  }
}

/** Tells every secretariat member that a prompt was delegated (one notice each, keyed by the slot). */
async function noticeSecretariat(
  deps: CollectionDeps,
  meeting: Meeting,
  notice: { topic: Pick<Topic, 'id' | 'title'>; sector: SectorId; from: Person; to: Person },
): Promise<void> {
  const slot = slotKey(notice.topic.id, notice.sector);
  for (const secretary of (await deps.store.people.all()).filter((p) => p.roles.includes('secretariat'))) {
    await enqueueFor(deps, {
      id: outboxKeys.notice(meeting.id, secretary.id, slot, 'delegated'),
      kind: 'notice',
      meetingId: meeting.id,
      person: secretary,
      topicId: notice.topic.id,
      activity: deps.messages.delegationNotice({ meeting, ...notice }, secretary.locale),
    });
  }
}
