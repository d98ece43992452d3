/** What changed between two versions of the minutes: their decisions, actions and escalations, named by their text. */
import type { Minutes } from '../../api';
import { listChanges, type ListChanges } from '../document/list-changes';

/** An entry of the minutes with the item it is filed under. */
interface FiledEntry {
  id: string;
  text: string;
  content: string;
}

/** How long an entry's name in the sentence is at most (its text, cut at a word). */
const NAME_MAX = 60;

function nameOf(text: string): string {
  const line = text.trim().replace(/\s+/g, ' ');
  if (line.length <= NAME_MAX) return line;
  const cut = line.slice(0, NAME_MAX);
  return `${cut.slice(0, cut.lastIndexOf(' ') > NAME_MAX / 2 ? cut.lastIndexOf(' ') : NAME_MAX)}…`;
}

function entriesOf(minutes: Minutes): FiledEntry[] {
  return minutes.items.flatMap((item) =>
    [...item.decisions, ...item.actions, ...item.escalations].map((entry) => ({
      id: entry.id,
      text: entry.text,
      // Filed elsewhere counts as edited.
      content: JSON.stringify([item.id, entry]),
    })),
  );
}

/** The entries added, removed and edited from `before` to `after` (the order of entries is not told). */
export function minutesChanges(before: Minutes, after: Minutes): ListChanges {
  const changes = listChanges(entriesOf(before), entriesOf(after), {
    key: (entry) => entry.id,
    name: (entry) => nameOf(entry.text),
    content: (entry) => entry.content,
  });
  return { ...changes, reordered: false };
}

/** The id of the first entry in `after` that `before` does not have (the one just added), or null. */
export function addedEntry(before: Minutes, after: Minutes): string | null {
  const known = new Set(entriesOf(before).map((entry) => entry.id));
  return entriesOf(after).find((entry) => !known.has(entry.id))?.id ?? null;
}

/** True when `minutes` holds a decision, action or escalation with this id (one an outcome can be shown beside). */
export function hasEntry(minutes: Minutes, id: string): boolean {
  return entriesOf(minutes).some((entry) => entry.id === id);
}
