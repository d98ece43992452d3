/** What changed between two versions of an agenda: told to a reader whose change met someone else's. */
import type { Agenda, AgendaItem } from '../../api';

/** The items added, removed and edited (by heading), and whether the order changed. */
export interface AgendaChanges {
  added: string[];
  removed: string[];
  edited: string[];
  reordered: boolean;
}

const content = (item: AgendaItem) => {
  const { number: _number, ...rest } = item;
  return JSON.stringify(rest);
};

/** The differences from `before` to `after`; `title` names an item in the reader's language. */
export function agendaChanges(before: Agenda, after: Agenda, title: (item: AgendaItem) => string): AgendaChanges {
  const old = new Map(before.items.map((item) => [item.id, item]));
  const now = new Map(after.items.map((item) => [item.id, item]));
  const added = after.items.filter((item) => !old.has(item.id)).map(title);
  const removed = before.items.filter((item) => !now.has(item.id)).map(title);
  const edited = after.items
    .filter((item) => {
      const was = old.get(item.id);
      return was !== undefined && content(was) !== content(item);
    })
    .map(title);
  const kept = (items: AgendaItem[], other: Map<string, AgendaItem>) =>
    items.filter((item) => other.has(item.id)).map((item) => item.id);
  const reordered = kept(before.items, now).join('\n') !== kept(after.items, old).join('\n');
  return { added, removed, edited, reordered };
}

/** True when nothing differs. */
export function noChanges(changes: AgendaChanges): boolean {
  return !changes.reordered && changes.added.length + changes.removed.length + changes.edited.length === 0;
}
