import type { Person, StatusUpdate, Topic } from '../entities';
import type { EscalationEntry } from './agenda-schema';
import { compareSectors, compareText } from './sort-keys';
import { compareTopics } from './topic-sections';

/** Item 3: every flagged escalation with its sector, topic and question, in topic then sector order. */
export function escalationEntries(
  updates: readonly StatusUpdate[],
  topics: ReadonlyMap<string, Topic>,
  people: ReadonlyMap<string, Person>,
): EscalationEntry[] {
  const entries: { topic: Topic; entry: EscalationEntry }[] = [];
  for (const update of updates) {
    if (!update.escalation.flag) continue;
    const topic = topics.get(update.topicId);
    if (!topic) continue;
    entries.push({
      topic,
      entry: {
        updateId: update.id,
        topicId: topic.id,
        topicTitle: topic.title,
        sector: update.sector,
        question: update.escalation.ask.trim(),
        authorId: update.authorId,
        authorName: people.get(update.authorId)?.name ?? null,
      },
    });
  }
  entries.sort(
    (a, b) =>
      compareTopics(a.topic, b.topic) ||
      compareSectors(a.entry.sector, b.entry.sector) ||
      compareText(a.entry.updateId, b.entry.updateId),
  );
  return entries.map(({ entry }) => entry);
}
