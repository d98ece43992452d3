import {
  AppError,
  EscalationChange,
  requirePermission,
  type Caller,
  type Escalation,
  type EscalationView,
} from '../../domain';
import { write } from '../../store';
import { auditWrite } from '../admin/audit-trail';
import { normalEtag } from '../admin/record-version';
import { followUpContext, meetingRef, topicTitle, type FollowUpDeps } from './follow-up-deps';

/**
 * Records where an escalation stands and its outcome (staff): decided, withdrawn or open again, with what was
 * decided; the outcome is kept once known, with when it was recorded. Audited in the same unit of work.
 */
export async function updateEscalation(
  deps: FollowUpDeps,
  caller: Caller,
  id: string,
  raw: unknown,
  ifMatch?: string,
): Promise<EscalationView> {
  requirePermission(caller, 'escalation.update');
  const change = EscalationChange.parse(raw);
  const current = await deps.store.escalations.get(id);
  if (!current) throw new AppError('escalation.not-found', `There is no escalation "${id}".`, { id });
  const sent = change.etag ?? ifMatch;
  if (sent !== undefined && normalEtag(sent) !== normalEtag(current.etag)) {
    throw new AppError(
      'store.conflict',
      'Someone else changed this escalation since you read it. Reload it and try again.',
      {
        etag: current.etag,
      },
    );
  }
  const at = deps.now();
  const { etag, ...before } = current;
  const next: Escalation = { ...before };
  if (change.status) next.status = change.status;
  if (change.outcome !== undefined && change.outcome !== (before.outcome ?? null)) {
    next.outcome = change.outcome;
    next.outcomeAt = change.outcome === null ? null : at;
  }
  if (next.status === 'decided' && !next.outcome) {
    throw new AppError('request.invalid', 'outcome: say what was decided when marking the escalation decided.', {
      issues: [{ path: 'outcome', message: 'required when the status is decided' }],
    });
  }
  await deps.store.commit([
    write.update('escalations', { ...next, etag }),
    auditWrite({
      actorId: caller.personId,
      at,
      action: 'escalation.update',
      entity: 'escalations',
      entityId: id,
      before,
      after: next,
    }),
  ]);
  const [stored, context] = await Promise.all([deps.store.escalations.get(id), followUpContext(deps.store)]);
  if (!stored) throw new AppError('escalation.not-found', `There is no escalation "${id}".`, { id });
  return { ...stored, topicTitle: topicTitle(context, stored.topicId), meeting: meetingRef(context, stored.meetingId) };
}
