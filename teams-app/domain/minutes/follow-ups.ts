import { followUpByNumber, followUpNumber } from '../agenda/action-follow-up';
import type { AgendaItem } from '../agenda/agenda-schema';
import { normaliseName } from '../agenda/sort-keys';
import type { ActionOwner } from './chat-schema';
import type { MinutesFollowUp } from './minutes-schema';

/** Finds the register id of an action owner named in a `Done:` line (by mention or name), when known. */
export type OwnerLookup = (owner: ActionOwner) => string | undefined;

/** What a `Done:` line says about which action it closes. */
export interface DoneReference {
  actionNumber: number | null;
  owner: ActionOwner | null;
  text: string;
}

/**
 * The follow-up list of the minutes: the open (and overdue) actions listed under the agenda's follow-up item,
 * each under the number the agenda shows it by, still open until the meeting says otherwise.
 */
export function followUpsOf(item: AgendaItem): MinutesFollowUp[] {
  if (item.kind !== 'actions') return [];
  return item.actions.flatMap((action, index): MinutesFollowUp[] =>
    action.status === 'open' || action.status === 'overdue'
      ? [
          {
            number: followUpNumber(index),
            actionId: action.actionId,
            text: action.text,
            topicId: action.topicId,
            ownerId: action.ownerId,
            ownerName: action.ownerName,
            due: action.due,
            outcome: 'open',
            newDue: null,
            recordId: null,
            edited: false,
          },
        ]
      : [],
  );
}

function words(text: string): string[] {
  return normaliseName(text)
    .split(' ')
    .filter((word) => word.length > 2 || /[^\p{Script=Latin}\p{Script=Cyrillic}\d]/u.test(word));
}

/** How well a follow-up's text matches the words of a `Done:` line: 1 when it contains them all. */
function textScore(followUp: MinutesFollowUp, text: string): number {
  const wanted = normaliseName(text);
  if (wanted === '') return 1;
  const have = normaliseName(followUp.text);
  if (have.includes(wanted)) return 1;
  const given = words(text);
  if (given.length === 0) return 0;
  const own = new Set(words(followUp.text));
  return given.filter((word) => own.has(word)).length / given.length;
}

function byOwner(followUps: readonly MinutesFollowUp[], owner: ActionOwner, lookup: OwnerLookup): MinutesFollowUp[] {
  const personId = lookup(owner);
  const name = normaliseName(owner.name);
  return followUps.filter(
    (followUp) =>
      (personId !== undefined && followUp.ownerId === personId) || normaliseName(followUp.ownerName) === name,
  );
}

/**
 * The open follow-up action a `Done:` line names: by the number the agenda shows it under, or by owner and text
 * (the best text match among the owner's open actions; the text alone when no owner is named). Null when it names
 * none, or several equally well.
 */
export function findFollowUp(
  followUps: readonly MinutesFollowUp[],
  done: DoneReference,
  lookup: OwnerLookup,
  shown: readonly { actionId: string }[],
): MinutesFollowUp | null {
  if (done.actionNumber !== null) {
    const named = followUpByNumber(shown, done.actionNumber);
    return followUps.find((followUp) => followUp.actionId === named?.actionId) ?? null;
  }
  if (!done.owner && done.text === '') return null;
  const candidates = done.owner ? byOwner(followUps, done.owner, lookup) : followUps;
  const scored = candidates.map((followUp) => ({ followUp, score: textScore(followUp, done.text) }));
  const best = Math.max(0, ...scored.map((entry) => entry.score));
  if (best < 0.5) return null;
  const top = scored.filter((entry) => entry.score === best);
  return top.length === 1 ? (top[0]?.followUp ?? null) : null;
}
