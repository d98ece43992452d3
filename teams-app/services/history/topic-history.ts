import {
  AppError,
  SECTORS,
  requirePermission,
  slotKey,
  type AuditEntry,
  type Caller,
  type HistoryEntry,
  type Person,
  type TopicHistory,
} from '../../domain';
import type { Store } from '../../store';

/** The order of entries of the same instant: the register first, then updates, decisions, actions, escalations. */
const KIND_ORDER: Record<HistoryEntry['kind'], number> = {
  register: 0,
  update: 1,
  decision: 2,
  action: 3,
  escalation: 4,
};

/** The register changes of a topic: its own and those of its slots (one per sector). */
async function registerChanges(store: Pick<Store, 'audit'>, topicId: string): Promise<AuditEntry[]> {
  const lists = await Promise.all([
    store.audit.all({ where: { entity: 'topics', entityId: topicId } }),
    ...SECTORS.map((sector) =>
      store.audit.all({ where: { entity: 'assignments', entityId: slotKey(topicId, sector) } }),
    ),
  ]);
  return lists.flat();
}

/**
 * A topic's history in time order: register changes (from the audit log, with the fields before and after), every
 * revision of every status update across meetings by sector, decisions, actions (raised, notes, closed) and
 * escalations (raised, outcome).
 */
export async function topicHistory(store: Store, caller: Caller, topicId: string): Promise<TopicHistory> {
  requirePermission(caller, 'history.read');
  const topic = await store.topics.get(topicId);
  if (!topic) throw new AppError('topic.not-found', `There is no topic "${topicId}".`, { id: topicId });
  const [audit, updates, decisions, actions, escalations, people] = await Promise.all([
    registerChanges(store, topicId),
    store.statusUpdates.all({ where: { topicId } }),
    store.decisions.all({ where: { topicId } }),
    store.actions.all({ where: { topicId } }),
    store.escalations.all({ where: { topicId } }),
    store.people.all(),
  ]);
  const names = new Map(people.map((p: Person) => [p.id, p.name]));
  const who = (id: string | null) => ({ personId: id, personName: id === null ? null : (names.get(id) ?? null) });
  const entries: HistoryEntry[] = [];
  for (const e of audit) {
    entries.push({
      kind: 'register',
      at: e.at,
      meetingId: null,
      sector: null,
      ...who(e.actorId),
      action: e.action,
      entity: e.entity,
      entityId: e.entityId,
      detail: e.detail,
      before: e.before ?? null,
      after: e.after ?? null,
    });
  }
  for (const u of updates) {
    const base = { kind: 'update' as const, meetingId: u.meetingId, sector: u.sector, updateId: u.id, late: u.late };
    for (const r of u.history) {
      entries.push({
        ...base,
        at: r.submittedAt,
        ...who(r.authorId),
        revision: r.revision,
        current: false,
        progress: r.progress,
        nextSteps: r.nextSteps,
        noChange: r.noChange,
        escalated: false,
      });
    }
    entries.push({
      ...base,
      at: u.submittedAt,
      ...who(u.authorId),
      revision: u.revision,
      current: true,
      progress: u.progress,
      nextSteps: u.nextSteps,
      noChange: u.noChange,
      escalated: u.escalation.flag,
    });
  }
  for (const d of decisions) {
    entries.push({
      kind: 'decision',
      at: d.recordedAt,
      meetingId: d.meetingId,
      sector: null,
      ...who(null),
      decisionId: d.id,
      agendaItem: d.agendaItem,
      text: d.text,
    });
  }
  for (const a of actions) {
    const base = {
      kind: 'action' as const,
      meetingId: a.sourceMeetingId,
      sector: null,
      actionId: a.id,
      text: a.text,
      due: a.due,
    };
    entries.push({ ...base, at: a.createdAt, ...who(a.ownerId), event: 'raised', note: null });
    for (const n of a.notes ?? []) entries.push({ ...base, at: n.at, ...who(n.authorId), event: 'note', note: n.text });
    if (a.status !== 'open' && a.closedAt) {
      entries.push({ ...base, at: a.closedAt, ...who(a.ownerId), event: a.status, note: null });
    }
  }
  for (const e of escalations) {
    const base = {
      kind: 'escalation' as const,
      meetingId: e.meetingId,
      sector: e.sector,
      escalationId: e.id,
      to: e.to,
    };
    entries.push({ ...base, at: e.raisedAt, ...who(null), event: 'raised', text: e.ask });
    if (e.status !== 'open' && e.outcomeAt) {
      entries.push({ ...base, at: e.outcomeAt, ...who(null), event: e.status, text: e.outcome ?? '' });
    }
  }
  entries.sort(
    (a, b) =>
      Date.parse(a.at) - Date.parse(b.at) ||
      KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
      (a.sector ?? '').localeCompare(b.sector ?? ''),
  );
  return { topic: { id: topic.id, title: topic.title }, entries };
}
