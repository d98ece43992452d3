import type { Action, Topic } from '../entities';
import type { ActionFollowUp } from './agenda-schema';
import { compareText } from './sort-keys';

const STATUS_RANK: Record<ActionFollowUp['status'], number> = { overdue: 0, open: 1, done: 2, dropped: 3 };

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 864e5);
}

/** The follow-up status of an action on a given day: open actions past their due date are overdue. */
export function followUpStatus(action: Pick<Action, 'status' | 'due'>, today: string): ActionFollowUp['status'] {
  if (action.status !== 'open') return action.status;
  return action.due !== null && action.due < today ? 'overdue' : 'open';
}

/** Orders follow-ups: overdue (most overdue first), then open by due date (undated last), then done and dropped. */
export function compareFollowUps(a: ActionFollowUp, b: ActionFollowUp): number {
  const rank = STATUS_RANK[a.status] - STATUS_RANK[b.status];
  if (rank !== 0) return rank;
  if (a.due !== b.due) {
    if (a.due === null) return 1;
    if (b.due === null) return -1;
    return compareText(a.due, b.due);
  }
  return compareText(a.actionId, b.actionId);
}

/**
 * Item 2: actions from earlier meetings, overdue first. `today` is the local date of "now" in the meeting's time
 * zone; actions raised in this very meeting are left out.
 */
export function actionFollowUps(
  actions: readonly Action[],
  meetingId: string,
  previousMeetingId: string | null,
  topics: ReadonlyMap<string, Topic>,
  today: string,
): ActionFollowUp[] {
  return actions
    .filter((action) => action.sourceMeetingId !== meetingId)
    .map((action): ActionFollowUp => {
      const status = followUpStatus(action, today);
      const topic = action.topicId === null ? undefined : topics.get(action.topicId);
      return {
        actionId: action.id,
        text: action.text,
        topicId: action.topicId,
        topicTitle: topic?.title ?? null,
        ownerId: action.ownerId,
        ownerName: action.ownerName,
        due: action.due,
        status,
        daysOverdue: status === 'overdue' && action.due !== null ? daysBetween(action.due, today) : null,
        sourceMeetingId: action.sourceMeetingId,
        fromPreviousMeeting: previousMeetingId !== null && action.sourceMeetingId === previousMeetingId,
      };
    })
    .sort(compareFollowUps);
}

/**
 * The number a follow-up action is shown under in the agenda's follow-up item, and named by in the meeting chat
 * (`Done: 3`): its place in the item's list, from 1. The published agenda's list never changes, so neither do
 * the numbers.
 */
export function followUpNumber(index: number): number {
  return index + 1;
}

/** The follow-up action shown under a number (see `followUpNumber`), or undefined. */
export function followUpByNumber<T>(actions: readonly T[], number: number): T | undefined {
  return Number.isInteger(number) && number >= 1 ? actions[number - 1] : undefined;
}
