import type { Agenda, AgendaItem } from './agenda-schema';

/** An agenda position: the item and, for a topic sub-item (4.2), its topic. */
export interface AgendaPosition {
  item: AgendaItem;
  topicId: string | null;
}

/** The topics of an item's numbered sub-items (4.1, 4.2 …), in order; empty for items without sub-items. */
export function subItemTopics(item: AgendaItem): string[] {
  return item.kind === 'topic-updates' || item.kind === 'jiu' ? item.sections.map((section) => section.topicId) : [];
}

/** The agenda position a pointer names ("Item 4", "Item 4.2"), or null when the agenda has no such item. */
export function positionAt(agenda: Agenda, number: number, sub: number | null = null): AgendaPosition | null {
  const item = agenda.items.find((candidate) => candidate.number === number);
  if (!item) return null;
  if (sub === null) return { item, topicId: null };
  const topicId = subItemTopics(item)[sub - 1];
  return topicId === undefined ? null : { item, topicId };
}
