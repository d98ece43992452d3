import { z } from 'zod';
import { Action, type Decision, type Escalation } from '../entities';
import { DateOnly, Id } from '../reference';
import type { Minutes, MinutesFollowUp } from './minutes-schema';

/**
 * A change approved minutes make to an action carried from an earlier meeting: its new status and due date.
 * Applying it sets both values, so applying it again changes nothing.
 */
export const ActionUpdate = z.object({ actionId: Id, status: Action.shape.status, due: DateOnly.nullable() });
export type ActionUpdate = z.infer<typeof ActionUpdate>;

/** The tracked records approved minutes produce, and the changes they make to earlier actions. */
export interface MinutesRecords {
  decisions: Decision[];
  actions: Action[];
  escalations: Escalation[];
  /** Closed (`done`, due kept) or re-dated (`open`, new due) actions from earlier meetings, in follow-up order. */
  actionUpdates: ActionUpdate[];
}

/** The change a follow-up's outcome makes to its action, or null while it stays open as it was. */
function actionUpdateOf(followUp: MinutesFollowUp): ActionUpdate | null {
  if (followUp.outcome === 'closed') return { actionId: followUp.actionId, status: 'done', due: followUp.due };
  if (followUp.outcome === 'new-due' && followUp.newDue)
    return { actionId: followUp.actionId, status: 'open', due: followUp.newDue };
  return null;
}

function instantOr(value: string, fallback: string): string {
  return /^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(Date.parse(value)) ? value : fallback;
}

/**
 * Turns approved minutes into the records the product tracks: decisions, actions (which go into their owners'
 * next prompts until closed) and escalations to the Coordination Committee. Ids are `<meeting>.d1`, `.a1`, `.e1`
 * in agenda order; empty entries are left out. `actionUpdates` lists the outcomes of earlier actions to apply.
 */
export function minutesToRecords(minutes: Minutes, now: string): MinutesRecords {
  const meetingId = minutes.meeting.meetingId;
  const records: MinutesRecords = { decisions: [], actions: [], escalations: [], actionUpdates: [] };
  for (const item of minutes.items) {
    for (const followUp of item.followUps) {
      const update = actionUpdateOf(followUp);
      if (update) records.actionUpdates.push(update);
    }
    for (const decision of item.decisions) {
      if (decision.text === '') continue;
      records.decisions.push({
        id: `${meetingId}.d${records.decisions.length + 1}`,
        meetingId,
        topicId: decision.topicId,
        agendaItem: item.number,
        text: decision.text.slice(0, 4000),
        recordedAt: instantOr(decision.at, now),
      });
    }
    for (const action of item.actions) {
      if (action.text === '') continue;
      records.actions.push({
        id: `${meetingId}.a${records.actions.length + 1}`,
        topicId: action.topicId,
        ownerId: action.ownerId,
        ownerName: (action.ownerName ?? '').slice(0, 200),
        text: action.text.slice(0, 2000),
        due: action.due,
        status: 'open',
        sourceMeetingId: meetingId,
        createdAt: now,
      });
    }
    for (const escalation of item.escalations) {
      if (escalation.text === '') continue;
      records.escalations.push({
        id: `${meetingId}.e${records.escalations.length + 1}`,
        meetingId,
        topicId: escalation.topicId,
        sector: escalation.sector,
        ask: escalation.text.slice(0, 2000),
        to: 'CoCo',
        status: 'open',
        raisedAt: instantOr(escalation.at, now),
      });
    }
  }
  return records;
}
