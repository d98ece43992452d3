import {
  collectionWindow,
  outboxKeys,
  promptTargets,
  slotKey,
  type Assignment,
  type Delegation,
  type Meeting,
  type Person,
  type PromptHandover,
  type PromptTarget,
  type Topic,
} from '../../domain';
import { write, type Stored } from '../../store';
import { enqueueFor } from '../collection/delivery';
import { queuePrompt } from '../collection/prompts';
import { withdrawMessages } from '../meetings/schedule-notices';
import type { AdminDeps, HandoverNotice } from './admin-deps';
import { auditWrite } from './audit-trail';
import { openCollections } from './prompt-withdrawal';

/**
 * A delegation of the slot to an alternate who is no longer the alternate follows the slot: it now names the new
 * alternate, or is removed when there is none (the focal point is asked again). Returns the delegations in force.
 */
async function followDelegation(
  deps: AdminDeps,
  meeting: Meeting,
  before: Assignment,
  after: Assignment,
  actorId: string,
): Promise<Delegation[]> {
  const id = `${meeting.id}.${slotKey(after.topicId, after.sector)}`;
  const delegation = await deps.store.delegations.get(id);
  if (!delegation) return [];
  if (before.alternateId === after.alternateId || delegation.toId !== before.alternateId) return [delegation];
  const { etag, ...record } = delegation;
  const at = deps.now();
  if (after.alternateId === null || after.alternateId === after.focalPointId) {
    await deps.store.commit([
      write.remove('delegations', id, etag),
      auditWrite({
        actorId,
        at,
        action: 'delegation.end',
        entity: 'delegations',
        entityId: id,
        before: record,
        after: null,
      }),
    ]);
    return [];
  }
  const moved: Delegation = { ...record, toId: after.alternateId };
  await deps.store.commit([
    write.update('delegations', { ...moved, etag }),
    auditWrite({
      actorId,
      at,
      action: 'delegation.follow',
      entity: 'delegations',
      entityId: id,
      before: record,
      after: moved,
    }),
  ]);
  return [moved];
}

/** Who a meeting's collection asks about the slot with this assignment (null: nobody, e.g. a vacancy). */
function targetOf(
  meeting: Meeting,
  topic: Topic,
  assignment: Assignment,
  people: Person[],
  delegations: Delegation[],
  now: string,
): PromptTarget | null {
  const window = collectionWindow(meeting);
  return (
    promptTargets({ meeting, window, topics: [topic], assignments: [assignment], people, delegations, now })[0] ?? null
  );
}

/**
 * Tells the one who let go (a message, and their sent card turned into the same words; their prompt not yet sent is
 * withdrawn) and the one who took over.
 */
async function tell(deps: AdminDeps, notice: HandoverNotice, from: Stored<Person>, to: Stored<Person>): Promise<void> {
  const { meeting, topic, sector } = notice;
  const slot = slotKey(topic.id, sector);
  const gone = deps.adminMessages.handoverGone(notice, from.locale);
  await enqueueFor(deps, {
    id: outboxKeys.notice(meeting.id, from.id, slot, `handover-to-${to.id}`),
    kind: 'notice',
    meetingId: meeting.id,
    person: from,
    topicId: topic.id,
    activity: gone,
  });
  const prompt = await deps.outbox.get(outboxKeys.prompt(meeting.id, from.id, topic.id, sector));
  if (prompt && prompt.status !== 'sent') await withdrawMessages(deps, meeting.id, (row) => row.id === prompt.id);
  if (prompt?.status === 'sent' && prompt.sentActivityId) {
    await deps.outbox.enqueue([
      {
        id: `card-update:${prompt.id}:handover-to-${to.id}`,
        kind: 'card-update',
        meetingId: meeting.id,
        personId: from.id,
        topicId: topic.id,
        conversationRefId: prompt.conversationRefId,
        activity: gone,
        replaceActivityId: prompt.sentActivityId,
      },
    ]);
  }
  await enqueueFor(deps, {
    id: outboxKeys.notice(meeting.id, to.id, slot, `handover-from-${from.id}`),
    kind: 'notice',
    meetingId: meeting.id,
    person: to,
    topicId: topic.id,
    activity: deps.adminMessages.handoverReceived(notice, to.locale),
  });
}

/**
 * After a slot changed hands: in each meeting whose collection is open, a prompt its former target has not answered
 * goes to whoever is now asked (focal point, or the alternate standing in), and both are told in their language.
 * A delegation to a replaced alternate follows the slot (audited as `actorId`'s). Every message is keyed, so
 * running it again repeats nothing; the scheduler's next pass would prompt the new
 * target anyway if this stopped half way.
 */
export async function handOverPrompts(
  deps: AdminDeps,
  before: Assignment | null,
  after: Assignment | null,
  actorId: string,
): Promise<PromptHandover[]> {
  if (!before || !after) return [];
  if (before.focalPointId === after.focalPointId && before.alternateId === after.alternateId) return [];
  const topic = await deps.store.topics.get(after.topicId);
  if (topic?.status !== 'active') return [];
  const now = deps.now();
  const meetings = await openCollections(deps);
  if (!meetings.length) return [];
  const people = await deps.store.people.all();
  const byId = new Map(people.map((p) => [p.id, p]));
  const handovers: PromptHandover[] = [];
  for (const meeting of meetings) {
    if (await deps.store.statusUpdates.get(`${meeting.id}.${slotKey(after.topicId, after.sector)}`)) continue;
    const priorDelegations = await deps.store.delegations.all({
      where: { meetingId: meeting.id, topicId: after.topicId },
    });
    const delegations = await followDelegation(deps, meeting, before, after, actorId);
    const from = targetOf(
      meeting,
      topic,
      before,
      people,
      priorDelegations.filter((d) => d.sector === after.sector),
      now,
    );
    const to = targetOf(meeting, topic, after, people, delegations, now);
    if (!from || !to || from.personId === to.personId) continue;
    if (!(await deps.outbox.get(outboxKeys.prompt(meeting.id, from.personId, topic.id, after.sector)))) continue;
    const fromPerson = byId.get(from.personId);
    const toPerson = byId.get(to.personId);
    if (!fromPerson || !toPerson) continue;
    await queuePrompt(deps, meeting, to);
    await tell(deps, { meeting, topic, sector: after.sector, from: fromPerson, to: toPerson }, fromPerson, toPerson);
    handovers.push({
      meetingId: meeting.id,
      topicId: topic.id,
      sector: after.sector,
      fromId: from.personId,
      toId: to.personId,
    });
  }
  return handovers;
}
