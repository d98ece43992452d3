/** What changed between two versions of an agenda: told to a reader whose change met someone else's. */
import type { Agenda, AgendaItem } from '../../api';
import { listChanges, type ListChanges } from '../document/list-changes';

/** The items added, removed and edited (by heading), and whether the order changed. */
export type AgendaChanges = ListChanges;

const content = (item: AgendaItem) => {
  const { number: _number, ...rest } = item;
  return JSON.stringify(rest);
};

/** The differences from `before` to `after`; `title` names an item in the reader's language. */
export function agendaChanges(before: Agenda, after: Agenda, title: (item: AgendaItem) => string): AgendaChanges {
  return listChanges(before.items, after.items, { key: (item) => item.id, name: title, content });
}
