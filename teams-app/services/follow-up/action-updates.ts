import {
  ActionChange,
  AppError,
  outboxKeys,
  permits,
  requirePermission,
  type Action,
  type ActionView,
  type Caller,
  type Person,
} from '../../domain';
import { write, type Stored } from '../../store';
import { auditWrite } from '../admin/audit-trail';
import { enqueueFor } from '../collection/delivery';
import { normalEtag } from '../admin/record-version';
import { followUpContext, type FollowUpDeps } from './follow-up-deps';
import { actionView } from './follow-up-query';

/** An action by id, or `action.not-found`. */
async function requireAction(deps: Pick<FollowUpDeps, 'store'>, id: string): Promise<Stored<Action>> {
  const action = await deps.store.actions.get(id);
  if (!action) throw new AppError('action.not-found', `There is no action "${id}".`, { id });
  return action;
}

/** The staff who may change anyone's action (and alone reassign it). */
function isStaff(caller: Caller): boolean {
  return permits(caller.roles, 'action.reassign');
}

/**
 * Updates an action: its owner (or staff) closes, drops or re-opens it, adds a note, moves the due date; staff alone
 * give it to someone else. When `etag` (or If-Match) is sent it must be the version read (`store.conflict`
 * otherwise). The change and its audit entry (before / after) are one unit of work; a closed action shows as done
 * in the next agenda's follow-up item.
 */
export async function updateAction(
  deps: FollowUpDeps,
  caller: Caller,
  id: string,
  raw: unknown,
  ifMatch?: string,
): Promise<ActionView> {
  requirePermission(caller, 'action.update');
  const change = ActionChange.parse(raw);
  const current = await requireAction(deps, id);
  if (current.ownerId !== caller.personId && !isStaff(caller)) {
    throw new AppError(
      'action.not-owner',
      'Only the owner of this action, the chair or the secretariat can change it.',
      {
        id,
      },
    );
  }
  const sent = change.etag ?? ifMatch;
  if (sent !== undefined && normalEtag(sent) !== normalEtag(current.etag)) {
    throw new AppError(
      'store.conflict',
      'Someone else changed this action since you read it. Reload it and try again.',
      {
        etag: current.etag,
      },
    );
  }
  const at = deps.now();
  const { etag, ...before } = current;
  const next: Action = { ...before };
  if (change.ownerId !== undefined && change.ownerId !== before.ownerId) {
    requirePermission(caller, 'action.reassign');
    const owner = await deps.store.people.get(change.ownerId);
    if (!owner) throw new AppError('person.not-found', `There is no person "${change.ownerId}" in the register.`);
    if (owner.retiredAt) throw new AppError('person.retired', `${owner.name} has left the register.`);
    next.ownerId = owner.id;
    next.ownerName = owner.name;
  }
  if (change.due !== undefined) next.due = change.due;
  if (change.note)
    next.notes = [...(before.notes ?? []), { at, authorId: caller.personId, text: change.note }].slice(-100);
  if (change.status && change.status !== before.status) {
    next.status = change.status;
    next.closedAt = change.status === 'open' ? null : at;
  }
  const action = change.status === 'done' ? 'action.close' : change.ownerId ? 'action.reassign' : 'action.update';
  await deps.store.commit([
    write.update('actions', { ...next, etag }),
    auditWrite({ actorId: caller.personId, at, action, entity: 'actions', entityId: id, before, after: next }),
  ]);
  const [stored, context] = await Promise.all([requireAction(deps, id), followUpContext(deps.store)]);
  if (next.ownerId !== before.ownerId && next.ownerId !== null) {
    const owner = context.people.get(next.ownerId);
    const staff = context.people.get(caller.personId) ?? { id: caller.personId, name: caller.personId };
    if (owner) await tellNewOwner(deps, stored, owner, staff, at);
  }
  return actionView(context, stored, at.slice(0, 10));
}

/**
 * Tells an action's new owner, in their language, that staff gave it to them: one message per reassignment (keyed by
 * its instant), so a retried request repeats nothing.
 */
async function tellNewOwner(
  deps: FollowUpDeps,
  action: Action,
  owner: Person,
  by: Pick<Person, 'id' | 'name'>,
  at: string,
): Promise<void> {
  const meeting = (await deps.store.meetings.get(action.sourceMeetingId)) ?? null;
  await enqueueFor(deps, {
    id: outboxKeys.notice(action.sourceMeetingId, owner.id, action.id, `assigned@${at}`),
    kind: 'notice',
    meetingId: action.sourceMeetingId,
    person: owner,
    topicId: action.topicId,
    activity: deps.messages.actionAssigned({ action, by, meeting }, owner.locale),
  });
}

/**
 * A person's open actions in the order the bot numbers them (`done <number>`): by due date, undated last, then
 * oldest first.
 */
export async function ownersOpenActions(
  deps: Pick<FollowUpDeps, 'store'>,
  personId: string,
): Promise<Stored<Action>[]> {
  const actions = await deps.store.actions.all({ where: { ownerId: personId, status: 'open' } });
  return actions.sort(
    (a, b) =>
      (a.due ?? '9999').localeCompare(b.due ?? '9999') ||
      a.createdAt.localeCompare(b.createdAt) ||
      a.id.localeCompare(b.id),
  );
}

/** Closes the owner's open action shown under `number` (from 1); null when there is no such number. */
export async function closeOwnersAction(
  deps: FollowUpDeps,
  caller: Caller,
  number: number,
): Promise<ActionView | null> {
  requirePermission(caller, 'action.update');
  const chosen = (await ownersOpenActions(deps, caller.personId))[number - 1];
  if (!Number.isInteger(number) || number < 1 || !chosen) return null;
  return updateAction(deps, caller, chosen.id, { status: 'done', etag: chosen.etag });
}
