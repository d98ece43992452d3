import { randomUUID } from 'node:crypto';
import type { AuditEntry, Meeting } from '../../domain';
import type { ScheduleDeps } from './schedule-deps';

/** The fields of a meeting an audit entry of the calendar compares, before and after. */
const AUDITED = ['title', 'start', 'end', 'timeZone', 'place', 'online', 'joinUrl', 'chairId', 'state'] as const;

/** What changed, as `{ field: [before, after] }` JSON (the whole meeting's fields when it was created). */
function changes(before: Meeting | null, after: Meeting): string {
  const diff: Record<string, unknown> = {};
  for (const field of AUDITED) {
    const was = before ? (before[field] ?? null) : null;
    const is = after[field] ?? null;
    if (was !== is) diff[field] = before ? [was, is] : is;
  }
  return JSON.stringify(diff).slice(0, 2000);
}

/** The audit entry of a change of the calendar: who, when, what (before / after), written with the change. */
export function scheduleAudit(
  deps: Pick<ScheduleDeps, 'now'>,
  actorId: string,
  action: 'meeting.schedule' | 'meeting.reschedule' | 'meeting.edit' | 'meeting.cancel',
  before: Meeting | null,
  after: Meeting,
): AuditEntry {
  return {
    id: randomUUID(),
    at: deps.now(),
    actorId,
    action,
    entity: 'meetings',
    entityId: after.id,
    detail: changes(before, after),
  };
}
