import {
  AppError,
  Assignment,
  AssignmentPut,
  requirePermission,
  slotKey,
  type AssignmentChange,
  type Caller,
  type Person,
  type SectorId,
} from '../../domain';
import { write, type Stored, type WriteOp } from '../../store';
import { dayOf, type AdminDeps } from './admin-deps';
import { auditWrite } from './audit-trail';
import { derivedRoles, requirePersonRecord } from './people-admin';
import { requireVersion } from './record-version';
import { followRegisterChanges } from './register-consequences';
import { requireTopic } from './topics-admin';

/** Someone who can be appointed: in the register and not retired. */
async function appointable(deps: Pick<AdminDeps, 'store'>, id: string | null): Promise<void> {
  if (id === null) return;
  const person = await requirePersonRecord(deps.store, id);
  if (person.retiredAt) {
    throw new AppError('person.retired', `${person.name} has left the register and cannot be appointed.`, { id });
  }
}

/** The slots each person answers for, once `next` replaces `before` (null: the slot is removed). */
async function slotsAfter(
  deps: Pick<AdminDeps, 'store'>,
  personId: string,
  slotId: string,
  next: Assignment | null,
): Promise<number> {
  const [focal, alternate] = await Promise.all([
    deps.store.assignments.all({ where: { focalPointId: personId } }),
    deps.store.assignments.all({ where: { alternateId: personId } }),
  ]);
  const others = new Set([...focal, ...alternate].map((a) => a.id).filter((id) => id !== slotId));
  const here = next !== null && (next.focalPointId === personId || next.alternateId === personId);
  return others.size + (here ? 1 : 0);
}

/** The people whose derived `focal-point` role changes with the slot's change, updated (and audited) with it. */
async function roleWrites(
  deps: Pick<AdminDeps, 'store'>,
  before: Assignment | null,
  next: Assignment | null,
  actorId: string,
  at: string,
): Promise<WriteOp[]> {
  const ids = new Set(
    [before?.focalPointId, before?.alternateId, next?.focalPointId, next?.alternateId].filter(
      (id): id is string => typeof id === 'string',
    ),
  );
  const writes: WriteOp[] = [];
  for (const id of ids) {
    const person = await deps.store.people.get(id);
    if (!person) continue;
    const roles = derivedRoles(person.roles, (await slotsAfter(deps, id, next?.id ?? before?.id ?? '', next)) > 0);
    if (roles.join() === person.roles.join()) continue;
    const { etag, ...record } = person;
    const updated: Person = { ...record, roles };
    writes.push(
      write.update('people', { ...updated, etag }),
      auditWrite({
        actorId,
        at,
        action: 'person.roles',
        entity: 'people',
        entityId: id,
        before: record,
        after: updated,
      }),
    );
  }
  return writes;
}

/**
 * Appoints who answers for a topic in a sector (secretariat): focal point, alternate (null: vacant, with the date
 * the vacancy began), ISCG coordinator. A new slot needs no version, a change needs the version read. The slot,
 * the derived roles and the audit entries are one unit of work; then, if collection is open, a prompt still
 * unanswered moves to whoever now answers, and both are told; a slot left vacant has its prompts withdrawn and the
 * former focal point is told.
 */
export async function putAssignment(
  deps: AdminDeps,
  caller: Caller,
  topicId: string,
  sector: SectorId,
  raw: unknown,
  ifMatch?: string,
): Promise<AssignmentChange> {
  requirePermission(caller, 'register.edit');
  const input = AssignmentPut.parse(raw);
  await requireTopic(deps.store, topicId);
  await appointable(deps, input.focalPointId);
  await appointable(deps, input.alternateId);
  const id = slotKey(topicId, sector);
  const existing = await deps.store.assignments.get(id);
  if (existing) requireVersion(existing, input.etag ?? ifMatch, 'assignment');
  const at = deps.now();
  const before: Assignment | null = existing ? (({ etag: _etag, ...record }) => record)(existing) : null;
  const stillVacant = before !== null && before.focalPointId === null;
  const next = Assignment.parse({
    id,
    topicId,
    sector,
    focalPointId: input.focalPointId,
    alternateId: input.alternateId,
    iscgCoordinator: input.iscgCoordinator,
    vacantSince: input.focalPointId === null ? (stillVacant ? (before.vacantSince ?? dayOf(at)) : dayOf(at)) : null,
  });
  const action = existing ? 'assignment.update' : 'assignment.create';
  await deps.store.commit([
    existing ? write.update('assignments', { ...next, etag: existing.etag }) : write.create('assignments', next),
    auditWrite({ actorId: caller.personId, at, action, entity: 'assignments', entityId: id, before, after: next }),
    ...(await roleWrites(deps, before, next, caller.personId, at)),
  ]);
  const handovers = await followRegisterChanges(deps, { slots: [{ before, after: next }] }, caller.personId);
  const stored = await deps.store.assignments.get(id);
  return { assignment: stored, created: !existing, handovers };
}

/**
 * Removes a topic's slot in a sector (secretariat), on the version read: the sector is no longer involved in the
 * topic (nor its lead). Audited with the slot and the topic as they were. If collection is open, the slot's prompts
 * not yet sent are withdrawn and whoever was asked is told.
 */
export async function removeAssignment(
  deps: AdminDeps,
  caller: Caller,
  topicId: string,
  sector: SectorId,
  sent?: string,
): Promise<AssignmentChange> {
  requirePermission(caller, 'register.edit');
  const id = slotKey(topicId, sector);
  const existing: Stored<Assignment> | null = await deps.store.assignments.get(id);
  if (!existing) throw new AppError('assignment.not-found', `Topic "${topicId}" has no slot for ${sector}.`, { id });
  requireVersion(existing, sent, 'assignment');
  const { etag, ...before } = existing;
  const at = deps.now();
  const topic = await requireTopic(deps.store, topicId);
  const { etag: topicEtag, ...topicBefore } = topic;
  const topicAfter = {
    ...topicBefore,
    sectors: topicBefore.sectors.filter((s) => s !== sector),
    leadSector: topicBefore.leadSector === sector ? null : topicBefore.leadSector,
  };
  const topicWrites: WriteOp[] = topicBefore.sectors.includes(sector)
    ? [
        write.update('topics', { ...topicAfter, etag: topicEtag }),
        auditWrite({
          actorId: caller.personId,
          at,
          action: 'topic.update',
          entity: 'topics',
          entityId: topicId,
          before: topicBefore,
          after: topicAfter,
        }),
      ]
    : [];
  await deps.store.commit([
    ...topicWrites,
    write.remove('assignments', id, etag),
    auditWrite({
      actorId: caller.personId,
      at,
      action: 'assignment.delete',
      entity: 'assignments',
      entityId: id,
      before,
      after: null,
    }),
    ...(await roleWrites(deps, before, null, caller.personId, at)),
  ]);
  await followRegisterChanges(deps, { slots: [{ before, after: null }] }, caller.personId);
  return { assignment: null, created: false, handovers: [] };
}
