/** Which review notes still need the chair: a fixed, removed or accepted entry no longer does. */
import type { Minutes, MinutesItem, ReviewNote } from '../../api';

/** An entry of the minutes that can be edited, with the item it sits under. */
export type EditableEntry =
  | { kind: 'decision'; item: MinutesItem; entry: MinutesItem['decisions'][number] }
  | { kind: 'action'; item: MinutesItem; entry: MinutesItem['actions'][number] }
  | { kind: 'escalation'; item: MinutesItem; entry: MinutesItem['escalations'][number] };

/** Finds the decision, action or escalation recorded from a captured line. */
export function findEntry(minutes: Minutes, recordId: string): EditableEntry | null {
  for (const item of minutes.items) {
    const decision = item.decisions.find((e) => e.id === recordId);
    if (decision) return { kind: 'decision', item, entry: decision };
    const action = item.actions.find((e) => e.id === recordId);
    if (action) return { kind: 'action', item, entry: action };
    const escalation = item.escalations.find((e) => e.id === recordId);
    if (escalation) return { kind: 'escalation', item, entry: escalation };
  }
  return null;
}

/** A review note as it stands now: its entry (when there is one) and the problems left. */
export interface OpenNote {
  note: ReviewNote;
  entry: EditableEntry | null;
  problems: ReviewNote['problems'];
}

/** The notes as they stand now: still open, and accepted as they are (with who accepted them). */
export interface ReviewState {
  open: OpenNote[];
  accepted: OpenNote[];
}

/**
 * Sorts the notes. The server keeps the notes as compiled, while an edit clears the problems on the entry
 * itself, so an entry's own problems win; a removed entry's note is closed; an accepted note stays, as accepted.
 */
export function reviewState(minutes: Minutes): ReviewState {
  const state: ReviewState = { open: [], accepted: [] };
  for (const note of minutes.review) {
    const entry = findEntry(minutes, note.recordId);
    const recorded = ['decision', 'action', 'escalation'].includes(note.kind);
    if (!entry && recorded) continue;
    const problems = entry ? entry.entry.problems : note.problems;
    if (note.acceptedBy) state.accepted.push({ note, entry, problems: problems.length > 0 ? problems : note.problems });
    else if (problems.length > 0) state.open.push({ note, entry, problems });
  }
  return state;
}
