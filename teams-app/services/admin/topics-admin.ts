import {
  AppError,
  Topic,
  TopicCreate,
  TopicPatch,
  requirePermission,
  slotKey,
  type Assignment,
  type Caller,
  type TopicView,
} from '../../domain';
import { write, type Store, type Stored, type WriteOp } from '../../store';
import { dayOf, type AdminDeps } from './admin-deps';
import { auditWrite } from './audit-trail';
import { idFromName, requireVersion, sentFields } from './record-version';
import { followRegisterChanges } from './register-consequences';

type Deps = Pick<AdminDeps, 'store' | 'register' | 'now'>;

/** A topic by id, or `topic.not-found`. */
export async function requireTopic(store: Pick<Store, 'topics'>, id: string): Promise<Stored<Topic>> {
  const topic = await store.topics.get(id);
  if (!topic) throw new AppError('topic.not-found', `There is no topic "${id}".`, { id });
  return topic;
}

/** Refuses a topic whose lead sector is not involved, or whose JIU links name anything but a JIU recommendation. */
async function checkTopic(store: Pick<Store, 'topics'>, topic: Topic): Promise<void> {
  if (topic.leadSector !== null && !topic.sectors.includes(topic.leadSector)) {
    throw new AppError(
      'request.invalid',
      `leadSector: the lead sector ${topic.leadSector} must be one of the sectors involved (${topic.sectors.join(', ') || 'none'}).`,
      { issues: [{ path: 'leadSector', message: 'not one of the sectors involved' }] },
    );
  }
  for (const id of topic.jiuRecommendations ?? []) {
    const linked = id === topic.id ? null : await store.topics.get(id);
    if (linked?.kind !== 'jiu-recommendation') {
      throw new AppError(
        'request.invalid',
        `jiuRecommendations: "${id}" is not a JIU recommendation of the register.`,
        { issues: [{ path: 'jiuRecommendations', message: `"${id}" is not a JIU recommendation` }] },
      );
    }
  }
}

/**
 * A vacant slot for each sector newly involved in the topic (not in `before`) that has none yet, created with the
 * topic's change.
 */
async function newSlots(
  deps: Deps,
  topic: Topic,
  before: Topic | null,
  actorId: string,
  at: string,
): Promise<WriteOp[]> {
  const existing = new Set((await deps.store.assignments.all({ where: { topicId: topic.id } })).map((a) => a.sector));
  return topic.sectors
    .filter((sector) => !existing.has(sector) && !before?.sectors.includes(sector))
    .flatMap((sector) => {
      const slot: Assignment = {
        id: slotKey(topic.id, sector),
        topicId: topic.id,
        sector,
        focalPointId: null,
        alternateId: null,
        iscgCoordinator: false,
        vacantSince: dayOf(at),
      };
      return [
        write.create('assignments', slot),
        auditWrite({
          actorId,
          at,
          action: 'assignment.create',
          entity: 'assignments',
          entityId: slot.id,
          before: null,
          after: slot,
        }),
      ];
    });
}

/**
 * Adds a topic to the register (secretariat), with a vacant slot for each sector involved, audited in the same
 * unit of work; `store.already-exists` when the id is taken.
 */
export async function createTopic(deps: Deps, caller: Caller, raw: unknown): Promise<TopicView> {
  requirePermission(caller, 'register.edit');
  const input = TopicCreate.parse(raw);
  const topic = Topic.parse({ ...input, id: input.id ?? idFromName(input.title.en) });
  await checkTopic(deps.store, topic);
  if (await deps.store.topics.get(topic.id)) {
    throw new AppError('store.already-exists', `A topic with the id "${topic.id}" is already in the register.`, {
      id: topic.id,
    });
  }
  const at = deps.now();
  await deps.store.commit([
    write.create('topics', topic),
    auditWrite({
      actorId: caller.personId,
      at,
      action: 'topic.create',
      entity: 'topics',
      entityId: topic.id,
      before: null,
      after: topic,
    }),
    ...(await newSlots(deps, topic, null, caller.personId, at)),
  ]);
  return deps.register.getTopic(topic.id);
}

/**
 * Changes a topic (secretariat): only the fields sent, on the version the client read (`etag`), validated as a
 * whole; sectors newly involved get a vacant slot. Audited with the fields before and after. A topic retired while
 * collection is open has its prompts not yet sent withdrawn, and the people asked are told.
 */
export async function updateTopic(
  deps: AdminDeps,
  caller: Caller,
  id: string,
  raw: unknown,
  ifMatch?: string,
  action = 'topic.update',
): Promise<TopicView> {
  requirePermission(caller, 'register.edit');
  const patch = TopicPatch.parse(raw);
  const current = await requireTopic(deps.store, id);
  requireVersion(current, patch.etag ?? ifMatch, 'topic');
  const { etag, ...record } = current;
  const next = Topic.parse({ ...record, ...sentFields(patch, raw), id });
  await checkTopic(deps.store, next);
  const at = deps.now();
  await deps.store.commit([
    write.update('topics', { ...next, etag }),
    auditWrite({ actorId: caller.personId, at, action, entity: 'topics', entityId: id, before: record, after: next }),
    ...(await newSlots(deps, next, record, caller.personId, at)),
  ]);
  await followRegisterChanges(deps, { topics: [{ before: record, after: next }] }, caller.personId);
  return deps.register.getTopic(id);
}

/**
 * Retires a topic (secretariat): its status becomes `closed`, so collection no longer asks about it (prompts not yet
 * sent are withdrawn); its records, slots and history stay.
 */
export function retireTopic(deps: AdminDeps, caller: Caller, id: string, sent?: string): Promise<TopicView> {
  return updateTopic(
    deps,
    caller,
    id,
    { status: 'closed', ...(sent ? { etag: sent } : {}) },
    undefined,
    'topic.retire',
  );
}
