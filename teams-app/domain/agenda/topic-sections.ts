import type { Assignment, Person, StatusUpdate, Topic } from '../entities';
import type { SectorId } from '../reference';
import type { SectorGaps, SectorReport, TopicLine, TopicSection } from './agenda-schema';
import { compareFolded, compareSectors, compareText, sortedSectors } from './sort-keys';

/** Where a topic goes on the agenda: its own sub-item, the "no change" line or the "no update" line. */
export type TopicPlacement = 'section' | 'no-change' | 'no-update';

/** A topic merged from every sector's update, ready to be placed. */
export interface MergedTopic {
  placement: TopicPlacement;
  section: TopicSection;
}

/** The update that counts for a topic × sector: highest revision, then latest submission, then id. */
export function compareUpdatesNewestFirst(a: StatusUpdate, b: StatusUpdate): number {
  return (
    b.revision - a.revision ||
    Date.parse(b.submittedAt) - Date.parse(a.submittedAt) ||
    compareText(b.submittedAt, a.submittedAt) ||
    compareText(b.id, a.id)
  );
}

/** Orders topics by English title, then id: the numbering is the same in every language. */
export function compareTopics(a: Pick<Topic, 'id' | 'title'>, b: Pick<Topic, 'id' | 'title'>): number {
  return compareFolded(a.title.en, b.title.en) || compareText(a.id, b.id);
}

/** The sectors expected to report on a topic: those with an assignment, and those the register lists. */
export function expectedSectors(topic: Topic, assignments: readonly Assignment[]): SectorId[] {
  return sortedSectors([...assignments.map((a) => a.sector), ...topic.sectors]);
}

/** Expected sectors without a focal point (no assignment, or an assignment with nobody in it). */
export function vacantSectors(
  topic: Topic,
  assignments: readonly Assignment[],
  expected: readonly SectorId[] = expectedSectors(topic, assignments),
): SectorId[] {
  const filled = new Set(assignments.filter((a) => a.focalPointId !== null).map((a) => a.sector));
  return expected.filter((sector) => !filled.has(sector));
}

/**
 * The sectors a topic's update is expected from: the expected sectors that have a focal point. A vacancy is
 * not expected to report (it is shown as vacant, never as missing), so the agenda summary and the count a
 * chair confirms before compiling agree.
 */
export function reportingSectors(
  topic: Topic,
  assignments: readonly Assignment[],
  expected: readonly SectorId[] = expectedSectors(topic, assignments),
): SectorId[] {
  const vacant = new Set(vacantSectors(topic, assignments, expected));
  return expected.filter((sector) => !vacant.has(sector));
}

/** True when a topic is on a meeting's agenda before anyone reports: an active topic, an open JIU recommendation. */
export function onAgendaByStatus(topic: Pick<Topic, 'kind' | 'status'>): boolean {
  return topic.kind === 'jiu-recommendation' ? topic.status !== 'closed' : topic.status === 'active';
}

/** Every topic × sector an update is expected from for a meeting (vacancies excluded), as `topicId:sector`. */
export function expectedReportSlots(topics: readonly Topic[], assignments: readonly Assignment[]): Set<string> {
  const slots = new Set<string>();
  for (const topic of topics.filter(onAgendaByStatus)) {
    const own = assignments.filter((a) => a.topicId === topic.id);
    for (const sector of reportingSectors(topic, own)) slots.add(`${topic.id}:${sector}`);
  }
  return slots;
}

function report(update: StatusUpdate, people: ReadonlyMap<string, Person>): SectorReport {
  return {
    sector: update.sector,
    updateId: update.id,
    authorId: update.authorId,
    authorName: people.get(update.authorId)?.name ?? null,
    progress: update.progress,
    nextSteps: update.nextSteps,
    escalated: update.escalation.flag,
    revision: update.revision,
    submittedAt: update.submittedAt,
  };
}

/**
 * Merges one topic's updates (at most one per sector, already chosen) into a section and decides its placement:
 * a sub-item when any sector reported progress, the grouped "no change" line when every reporting sector said
 * no change, the grouped "no update" line when nobody reported.
 */
export function mergeTopic(
  topic: Topic,
  updates: readonly StatusUpdate[],
  gaps: SectorGaps,
  people: ReadonlyMap<string, Person>,
): MergedTopic {
  const sorted = [...updates].sort((a, b) => compareSectors(a.sector, b.sector));
  const reports = sorted.filter((u) => !u.noChange).map((u) => report(u, people));
  const noChangeSectors = sorted.filter((u) => u.noChange).map((u) => u.sector);
  const placement: TopicPlacement =
    reports.length > 0 ? 'section' : noChangeSectors.length > 0 ? 'no-change' : 'no-update';
  return {
    placement,
    section: {
      topicId: topic.id,
      topicTitle: topic.title,
      leadSector: topic.leadSector,
      reports,
      noChangeSectors,
      ...gaps,
    },
  };
}

/** The grouped-line form of a merged topic. */
export function toLine(section: TopicSection): TopicLine {
  return {
    topicId: section.topicId,
    topicTitle: section.topicTitle,
    noChangeSectors: section.noChangeSectors,
    missingSectors: section.missingSectors,
    lateSectors: section.lateSectors,
    vacantSectors: section.vacantSectors,
  };
}

/** The gaps of a topic: who should report and did not (missing), did so late, or has no focal point. */
export function topicGaps(
  topic: Topic,
  assignments: readonly Assignment[],
  onTime: readonly StatusUpdate[],
  late: readonly StatusUpdate[],
  expected: readonly SectorId[] = expectedSectors(topic, assignments),
): SectorGaps {
  const onTimeSectors = new Set(onTime.map((u) => u.sector));
  const lateSectors = sortedSectors(late.map((u) => u.sector).filter((sector) => !onTimeSectors.has(sector)));
  const reported = new Set([...onTimeSectors, ...lateSectors]);
  const vacant = vacantSectors(topic, assignments, expected);
  return {
    missingSectors: reportingSectors(topic, assignments, expected).filter((sector) => !reported.has(sector)),
    lateSectors,
    vacantSectors: vacant,
  };
}

const NO_GAPS: SectorGaps = { missingSectors: [], lateSectors: [], vacantSectors: [] };

/** The content of a topic item (4 or 6): sub-items, the "no change" line and the "no update" line. */
export interface TopicContent {
  sections: TopicSection[];
  noChange: TopicLine[];
  noUpdate: TopicLine[];
}

/** Places merged topics into sections and grouped lines, in topic order. */
export function placeTopics(merged: readonly MergedTopic[]): TopicContent {
  const content: TopicContent = { sections: [], noChange: [], noUpdate: [] };
  for (const entry of merged) {
    if (entry.placement === 'section') content.sections.push(entry.section);
    else if (entry.placement === 'no-change') content.noChange.push(toLine(entry.section));
    else content.noUpdate.push(toLine(entry.section));
  }
  return content;
}

/** The addendum form of a topic: only its late updates, no gaps (those are on the main agenda). */
export function mergeLateTopic(
  topic: Topic,
  late: readonly StatusUpdate[],
  people: ReadonlyMap<string, Person>,
): MergedTopic {
  return mergeTopic(topic, late, NO_GAPS, people);
}
