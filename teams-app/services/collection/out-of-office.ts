import { collectionWindow, slotKey, type AuditEntry, type Delegation, type Meeting, type Person } from '../../domain';
import { write } from '../../store';
import type { CollectionDeps } from './collection-deps';

/** Someone whose mailbox is asked whether they are away. */
export type MailboxOwner = Pick<Person, 'id' | 'aadObjectId' | 'email'>;

/**
 * Out-of-office as the mailboxes say it (Microsoft 365 automatic replies). For each person: true when the automatic
 * replies are on for the whole period, false when they are not, null when the mailbox could not be read (then the
 * hand-kept out-of-office ranges of the register decide, as without a mailbox).
 */
export interface OutOfOfficePort {
  awayDuring(people: readonly MailboxOwner[], from: string, to: string): Promise<Map<string, boolean | null>>;
}

/** The id of the hand-over of a slot's prompt for a meeting (the same record a focal point's delegation makes). */
function handOverId(meetingId: string, topicId: string, sector: string): string {
  return `${meetingId}.${slotKey(topicId, sector)}`;
}

/**
 * When collection opens: asks the mailboxes of the focal points who have an alternate whether they are away for
 * the rest of the window, and hands each such prompt to the alternate (a delegation marked `out-of-office`, with its
 * audit entry), so every later pass, the tracker and the reminders see the same person. Slots already handed over
 * are left as they are; without a mailbox port nothing is asked.
 */
export async function recordAbsences(
  deps: Pick<CollectionDeps, 'store' | 'now' | 'outOfOffice'>,
  meeting: Meeting,
): Promise<number> {
  if (!deps.outOfOffice) return 0;
  const { store } = deps;
  const [topics, assignments, people, delegations] = await Promise.all([
    store.topics.all({ where: { status: 'active' } }),
    store.assignments.all(),
    store.people.all(),
    store.delegations.all({ where: { meetingId: meeting.id } }),
  ]);
  const active = new Set(topics.map((t) => t.id));
  const handedOver = new Set(delegations.map((d) => d.id));
  const byId = new Map(people.map((p) => [p.id, p]));
  const slots = assignments.filter(
    (a) =>
      active.has(a.topicId) &&
      a.focalPointId &&
      a.alternateId &&
      byId.has(a.alternateId) &&
      !handedOver.has(handOverId(meeting.id, a.topicId, a.sector)),
  );
  const owners = [...new Set(slots.flatMap((a) => (a.focalPointId ? [a.focalPointId] : [])))].flatMap((id) => {
    const person = byId.get(id);
    return person ? [person] : [];
  });
  if (owners.length === 0) return 0;
  const now = deps.now();
  const away = await deps.outOfOffice.awayDuring(owners, now, collectionWindow(meeting).closesAt);
  const writes = slots.flatMap((a) => {
    if (!a.focalPointId || !a.alternateId || away.get(a.focalPointId) !== true) return [];
    const delegation: Delegation = {
      id: handOverId(meeting.id, a.topicId, a.sector),
      meetingId: meeting.id,
      topicId: a.topicId,
      sector: a.sector,
      fromId: a.focalPointId,
      toId: a.alternateId,
      at: now,
      reason: 'out-of-office',
    };
    const audit: AuditEntry = {
      id: `out-of-office:${delegation.id}`,
      at: now,
      actorId: 'scheduler',
      action: 'update.out-of-office',
      entity: 'delegations',
      entityId: delegation.id,
      detail: `the mailbox of ${a.focalPointId} answers out of office: prompt to ${a.alternateId}`,
    };
    return [write.ensure('delegations', delegation), write.ensure('audit', audit)];
  });
  if (writes.length) await store.commit(writes);
  return writes.length / 2;
}
