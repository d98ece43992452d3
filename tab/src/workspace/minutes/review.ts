/** Which review notes still need the chair: a fixed or removed entry no longer does. */
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

/**
 * The notes still open. The server keeps the notes as compiled, while an edit clears the problems on the
 * entry itself, so an entry's own problems win; a removed entry's note is closed.
 */
export function openNotes(minutes: Minutes): OpenNote[] {
  const open: OpenNote[] = [];
  for (const note of minutes.review) {
    const entry = findEntry(minutes, note.recordId);
    const recorded = ['decision', 'action', 'escalation'].includes(note.kind);
    if (!entry && recorded) continue;
    const problems = entry ? entry.entry.problems : note.problems;
    if (problems.length > 0) open.push({ note, entry, problems });
  }
  return open;
}
