/**
 * What changed between two versions of a list (agenda items, minutes entries): told to a reader whose change met
 * someone else's.
 */
import type { MeetingMessages } from '../../i18n/meeting/meeting-text';

/** The entries added, removed and edited (by their names), and whether the order of those kept changed. */
export interface ListChanges {
  added: string[];
  removed: string[];
  edited: string[];
  reordered: boolean;
}

/** How the lists are compared: an entry's identity, its name for the reader, and its content. */
export interface ListShape<T> {
  key: (entry: T) => string;
  name: (entry: T) => string;
  content: (entry: T) => string;
}

/** The differences from `before` to `after`. */
export function listChanges<T>(before: readonly T[], after: readonly T[], shape: ListShape<T>): ListChanges {
  const old = new Map(before.map((entry) => [shape.key(entry), entry]));
  const now = new Map(after.map((entry) => [shape.key(entry), entry]));
  const added = after.filter((entry) => !old.has(shape.key(entry))).map(shape.name);
  const removed = before.filter((entry) => !now.has(shape.key(entry))).map(shape.name);
  const edited = after
    .filter((entry) => {
      const was = old.get(shape.key(entry));
      return was !== undefined && shape.content(was) !== shape.content(entry);
    })
    .map(shape.name);
  const kept = (entries: readonly T[], other: Map<string, T>) =>
    entries.filter((entry) => other.has(shape.key(entry))).map(shape.key);
  const reordered = kept(before, now).join('\n') !== kept(after, old).join('\n');
  return { added, removed, edited, reordered };
}

/** True when nothing differs. */
export function noChanges(changes: ListChanges): boolean {
  return !changes.reordered && changes.added.length + changes.removed.length + changes.edited.length === 0;
}

/** Names as a list in quotes: “A”, “B”. */
function quoted(names: string[]): string {
  return names.map((name) => `“${name}”`).join(', ');
}

/** The changes in a sentence of the reader's language ("added “A”; edited “B”"), or null when nothing differs. */
export function changesSentence(
  changes: ListChanges | null,
  words: MeetingMessages['editor']['changes'],
): string | null {
  if (!changes || noChanges(changes)) return null;
  return [
    changes.added.length ? words.added(quoted(changes.added)) : null,
    changes.removed.length ? words.removed(quoted(changes.removed)) : null,
    changes.edited.length ? words.edited(quoted(changes.edited)) : null,
    changes.reordered ? words.moved : null,
  ]
    .filter(Boolean)
    .join('; ');
}
