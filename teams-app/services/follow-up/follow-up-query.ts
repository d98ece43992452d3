import {
  ActionFilter,
  AppError,
  DecisionFilter,
  EscalationFilter,
  type Action,
  type ActionPage,
  type ActionView,
  type DecisionPage,
  type EscalationPage,
  type EscalationView,
} from '../../domain';
import type { Stored } from '../../store';
import {
  followUpContext,
  followsResolution,
  meetingRef,
  pageOf,
  sectorOf,
  topicTitle,
  type FollowUpContext,
  type FollowUpDeps,
} from './follow-up-deps';

/** The filters common to the three lists, as parsed. */
interface CommonFilter {
  topicId?: string;
  sector?: string;
  meetingId?: string;
  resolution?: string;
  q?: string;
}

/** True when a record passes the common filters (topic, resolution, text). */
function passes(
  context: FollowUpContext,
  record: { topicId: string | null },
  filter: CommonFilter,
  text: string,
): boolean {
  if (filter.resolution && !followsResolution(context.topics.get(record.topicId ?? ''), filter.resolution))
    return false;
  if (filter.q && !text.toLocaleLowerCase().includes(filter.q.toLocaleLowerCase())) return false;
  return true;
}

/** True when an open action's due date has passed (`today` is a YYYY-MM-DD date). */
export function isOverdue(action: Pick<Action, 'status' | 'due'>, today: string): boolean {
  return action.status === 'open' && action.due !== null && action.due < today;
}

/** An action as the register shows it. */
export function actionView(context: FollowUpContext, action: Stored<Action>, today: string): ActionView {
  return {
    ...action,
    topicTitle: topicTitle(context, action.topicId),
    meeting: meetingRef(context, action.sourceMeetingId),
    sector: sectorOf(context, action.ownerId),
    overdue: isOverdue(action, today),
  };
}

/** One action as the register shows it (to read it again after a conflict); `action.not-found` when unknown. */
export async function getAction(deps: FollowUpDeps, id: string): Promise<ActionView> {
  const [action, context] = await Promise.all([deps.store.actions.get(id), followUpContext(deps.store)]);
  if (!action) throw new AppError('action.not-found', `There is no action "${id}".`, { id });
  return actionView(context, action, deps.now().slice(0, 10));
}

/** One escalation as the register shows it; `escalation.not-found` when unknown. */
export async function getEscalation(deps: FollowUpDeps, id: string): Promise<EscalationView> {
  const [escalation, context] = await Promise.all([deps.store.escalations.get(id), followUpContext(deps.store)]);
  if (!escalation) throw new AppError('escalation.not-found', `There is no escalation "${id}".`, { id });
  return {
    ...escalation,
    topicTitle: topicTitle(context, escalation.topicId),
    meeting: meetingRef(context, escalation.meetingId),
  };
}

/**
 * The actions of every meeting, filtered by topic, resolution, sector (the owner's), owner, status, overdue, due
 * dates, text (the action, its owner and notes) and meeting; ordered by due date (undated last), then newest first.
 * Reusable by exports and reports: `raw` is the query as sent (strings) or already typed.
 */
export async function listActions(deps: FollowUpDeps, raw: ActionFilter = {}): Promise<ActionPage> {
  const filter = ActionFilter.parse(raw);
  const where: Partial<Record<keyof Action, string>> = {};
  if (filter.ownerId) where.ownerId = filter.ownerId;
  if (filter.topicId) where.topicId = filter.topicId;
  if (filter.meetingId) where.sourceMeetingId = filter.meetingId;
  if (filter.status) where.status = filter.status;
  const [actions, context] = await Promise.all([deps.store.actions.all({ where }), followUpContext(deps.store)]);
  const today = deps.now().slice(0, 10);
  const items = actions
    .map((action) => actionView(context, action, today))
    .filter(
      (a) =>
        (!filter.sector || a.sector === filter.sector) &&
        (filter.overdue === undefined || a.overdue === filter.overdue) &&
        (!filter.dueFrom || (a.due !== null && a.due >= filter.dueFrom)) &&
        (!filter.dueTo || (a.due !== null && a.due <= filter.dueTo)) &&
        passes(context, a, filter, [a.text, a.ownerName, ...(a.notes ?? []).map((n) => n.text)].join('\n')),
    )
    .sort(
      (a, b) =>
        (a.due ?? '9999').localeCompare(b.due ?? '9999') ||
        b.createdAt.localeCompare(a.createdAt) ||
        a.id.localeCompare(b.id),
    );
  return pageOf(items, filter.cursor, filter.limit);
}

/** The decisions of every meeting, filtered; newest first. The sector filter keeps topics the sector works on. */
export async function listDecisions(deps: FollowUpDeps, raw: DecisionFilter = {}): Promise<DecisionPage> {
  const filter = DecisionFilter.parse(raw);
  const where: Record<string, string> = {};
  if (filter.topicId) where.topicId = filter.topicId;
  if (filter.meetingId) where.meetingId = filter.meetingId;
  const [decisions, context] = await Promise.all([deps.store.decisions.all({ where }), followUpContext(deps.store)]);
  const items = decisions
    .filter(
      (d) =>
        (!filter.sector || (context.topics.get(d.topicId ?? '')?.sectors ?? []).some((s) => s === filter.sector)) &&
        passes(context, d, filter, d.text),
    )
    .sort((a, b) => b.recordedAt.localeCompare(a.recordedAt) || a.id.localeCompare(b.id))
    .map((d) => ({ ...d, topicTitle: topicTitle(context, d.topicId), meeting: meetingRef(context, d.meetingId) }));
  return pageOf(items, filter.cursor, filter.limit);
}

/** The escalations of every meeting, filtered by topic, sector, status, body, text and meeting; newest first. */
export async function listEscalations(deps: FollowUpDeps, raw: EscalationFilter = {}): Promise<EscalationPage> {
  const filter = EscalationFilter.parse(raw);
  const where: Record<string, string> = {};
  if (filter.topicId) where.topicId = filter.topicId;
  if (filter.meetingId) where.meetingId = filter.meetingId;
  if (filter.status) where.status = filter.status;
  const [escalations, context] = await Promise.all([
    deps.store.escalations.all({ where }),
    followUpContext(deps.store),
  ]);
  const items = escalations
    .filter(
      (e) =>
        (!filter.sector || e.sector === filter.sector) &&
        (!filter.to || e.to === filter.to) &&
        passes(context, e, filter, [e.ask, e.outcome ?? ''].join('\n')),
    )
    .sort((a, b) => b.raisedAt.localeCompare(a.raisedAt) || a.id.localeCompare(b.id))
    .map((e) => ({ ...e, topicTitle: topicTitle(context, e.topicId), meeting: meetingRef(context, e.meetingId) }));
  return pageOf(items, filter.cursor, filter.limit);
}
