import type { Assignment, Person, StatusUpdate, Topic } from '../entities';
import { AppError } from '../errors';
import type { Locale } from '../reference';
import { localDate } from '../zoned-time';
import { actionFollowUps } from './action-follow-up';
import { meetingHeader, type AgendaInput } from './agenda-input';
import type {
  Agenda,
  AgendaItem,
  AgendaItemKind,
  AgendaSummary,
  AgendaWarning,
  EscalationEntry,
  EventEntry,
} from './agenda-schema';
import { escalationEntries } from './escalations';
import { compareEvents, detectOverlaps, type CandidateEvent, type DetectedOverlap } from './event-overlaps';
import { standardItemTitle } from './item-titles';
import { compareText } from './sort-keys';
import {
  compareTopics,
  compareUpdatesNewestFirst,
  expectedSectors,
  mergeLateTopic,
  mergeTopic,
  onAgendaByStatus,
  placeTopics,
  reportingSectors,
  topicGaps,
  type TopicContent,
} from './topic-sections';

interface Indexes {
  topics: Map<string, Topic>;
  people: Map<string, Person>;
  assignments: Map<string, Assignment[]>;
}

function index(input: AgendaInput): Indexes {
  const topics = new Map<string, Topic>();
  for (const topic of [...input.topics, ...(input.jiuTopics ?? [])])
    if (!topics.has(topic.id)) topics.set(topic.id, topic);
  const people = new Map(input.people.map((person) => [person.id, person]));
  const assignments = new Map<string, Assignment[]>();
  for (const assignment of input.assignments) {
    const list = assignments.get(assignment.topicId);
    if (list) list.push(assignment);
    else assignments.set(assignment.topicId, [assignment]);
  }
  return { topics, people, assignments };
}

/** Keeps this meeting's updates on known topics, one per topic × sector (the newest revision). */
function chooseUpdates(
  input: AgendaInput,
  topics: ReadonlyMap<string, Topic>,
  warnings: AgendaWarning[],
): StatusUpdate[] {
  const newest = new Map<string, StatusUpdate>();
  for (const update of input.updates) {
    if (update.meetingId !== input.meeting.id) {
      warnings.push({ code: 'update-other-meeting', ref: update.id });
      continue;
    }
    if (!topics.has(update.topicId)) {
      warnings.push({ code: 'update-unknown-topic', ref: update.id });
      continue;
    }
    const key = `${update.topicId}\u0000${update.sector}`;
    const current = newest.get(key);
    if (!current) newest.set(key, update);
    else if (compareUpdatesNewestFirst(update, current) < 0) {
      newest.set(key, update);
      warnings.push({ code: 'update-superseded', ref: current.id });
    } else warnings.push({ code: 'update-superseded', ref: update.id });
  }
  return [...newest.values()].sort((a, b) => compareText(a.id, b.id));
}

function groupByTopic(updates: readonly StatusUpdate[]): Map<string, StatusUpdate[]> {
  const groups = new Map<string, StatusUpdate[]>();
  for (const update of updates) {
    const list = groups.get(update.topicId);
    if (list) list.push(update);
    else groups.set(update.topicId, [update]);
  }
  return groups;
}

interface TopicBuild {
  main: TopicContent;
  late: TopicContent;
  expected: number;
}

function buildTopics(
  topics: readonly Topic[],
  onTime: ReadonlyMap<string, StatusUpdate[]>,
  late: ReadonlyMap<string, StatusUpdate[]>,
  idx: Indexes,
): TopicBuild {
  const merged = [];
  const lateMerged = [];
  let expected = 0;
  for (const topic of topics) {
    const assignments = idx.assignments.get(topic.id) ?? [];
    const topicOnTime = onTime.get(topic.id) ?? [];
    const topicLate = late.get(topic.id) ?? [];
    const sectors = expectedSectors(topic, assignments);
    expected += reportingSectors(topic, assignments, sectors).length;
    merged.push(
      mergeTopic(topic, topicOnTime, topicGaps(topic, assignments, topicOnTime, topicLate, sectors), idx.people),
    );
    if (topicLate.length > 0) lateMerged.push(mergeLateTopic(topic, topicLate, idx.people));
  }
  return { main: placeTopics(merged), late: placeTopics(lateMerged), expected };
}

function candidateEvents(updates: readonly StatusUpdate[], topics: ReadonlyMap<string, Topic>): CandidateEvent[] {
  const events: CandidateEvent[] = [];
  for (const update of updates) {
    const topic = topics.get(update.topicId);
    if (!topic) continue;
    update.events.forEach((event, i) => {
      events.push({
        key: `${update.id}.e${i + 1}`,
        name: event.name,
        start: event.start,
        end: event.end,
        place: event.place,
        participants: event.participants,
        sector: update.sector,
        topicId: topic.id,
        topicTitle: topic.title,
        updateId: update.id,
        overlapId: null,
        late: update.late,
      });
    });
  }
  return events;
}

function eventRows(events: readonly CandidateEvent[], overlaps: readonly DetectedOverlap[]): EventEntry[] {
  const overlapOf = new Map<string, string>();
  for (const overlap of overlaps) for (const key of overlap.eventKeys) overlapOf.set(key, overlap.id);
  return events
    .map(({ late: _late, ...event }) => ({ ...event, overlapId: overlapOf.get(event.key) ?? null }))
    .sort(compareEvents);
}

function stripLate({ late: _late, ...overlap }: DetectedOverlap) {
  return overlap;
}

function base(id: string, kind: AgendaItemKind, locale: Locale, refersTo: string | null = null) {
  return { id, number: 1, title: standardItemTitle(kind, locale), titleEdited: false, note: '', refersTo };
}

function numbered(items: AgendaItem[]): AgendaItem[] {
  return items.map((item, i) => ({ ...item, number: i + 1 }));
}

function hasContent(content: TopicContent): boolean {
  return content.sections.length + content.noChange.length + content.noUpdate.length > 0;
}

function countSectors(content: TopicContent, field: 'missingSectors' | 'vacantSectors'): number {
  return [...content.sections, ...content.noChange, ...content.noUpdate].reduce((n, t) => n + t[field].length, 0);
}

function todayIn(now: string, timeZone: string): string {
  const ms = Date.parse(now);
  if (Number.isNaN(ms)) throw new AppError('request.invalid', `"now" is not an instant: ${now.slice(0, 40)}`);
  try {
    return localDate(ms, timeZone);
  } catch {
    throw new AppError('request.invalid', `Unknown time zone: ${timeZone.slice(0, 64)}`);
  }
}

/**
 * Compiles a meeting's agenda from the register, the updates and the open actions. Pure and deterministic:
 * the same input (in any order) gives the same agenda; no clock is read (`now` decides what is overdue).
 * Items: 1 opening, 2 follow-up of actions, 3 escalations, 4 topic updates, 5 events and overlaps,
 * 6 JIU recommendations, 7 any other business, 8 next meeting. Late updates go into `addendum`.
 */
export function compileAgenda(input: AgendaInput): Agenda {
  const locale: Locale = input.locale ?? 'en';
  const today = todayIn(input.now, input.meeting.timeZone);
  const idx = index(input);
  const warnings: AgendaWarning[] = [];
  const chosen = chooseUpdates(input, idx.topics, warnings);
  const onTime = chosen.filter((update) => !update.late);
  const late = chosen.filter((update) => update.late);
  const onTimeByTopic = groupByTopic(onTime);
  const lateByTopic = groupByTopic(late);
  const reported = (topic: Topic) => onTimeByTopic.has(topic.id) || lateByTopic.has(topic.id);

  const allTopics = [...idx.topics.values()].sort(compareTopics);
  const onAgenda = (topic: Topic) => onAgendaByStatus(topic) || reported(topic);
  const regular = allTopics.filter((topic) => topic.kind !== 'jiu-recommendation' && onAgenda(topic));
  const jiu = allTopics.filter((topic) => topic.kind === 'jiu-recommendation' && onAgenda(topic));
  const included = new Set([...regular, ...jiu].map((topic) => topic.id));
  const regularBuild = buildTopics(regular, onTimeByTopic, lateByTopic, idx);
  const jiuBuild = buildTopics(jiu, onTimeByTopic, lateByTopic, idx);

  const escalations = escalationEntries(onTime, idx.topics, idx.people);
  const lateEscalations = escalationEntries(late, idx.topics, idx.people);
  for (const entry of [...escalations, ...lateEscalations] as EscalationEntry[]) {
    if (entry.question === '') warnings.push({ code: 'escalation-without-question', ref: entry.updateId });
  }

  const candidates = candidateEvents(chosen, idx.topics);
  const overlaps = detectOverlaps(candidates);
  const events = eventRows(
    candidates.filter((event) => !event.late),
    overlaps,
  );
  const lateEvents = eventRows(
    candidates.filter((event) => event.late),
    overlaps,
  );
  const mainOverlaps = overlaps.filter((overlap) => !overlap.late).map(stripLate);
  const lateOverlaps = overlaps.filter((overlap) => overlap.late).map(stripLate);

  const previous = input.previousMeeting ?? null;
  const actions = actionFollowUps(input.actions, input.meeting.id, previous?.id ?? null, idx.topics, today);
  const next = input.nextMeeting ?? null;

  const items: AgendaItem[] = numbered([
    { ...base('opening', 'opening', locale), kind: 'opening' },
    {
      ...base('actions', 'actions', locale),
      kind: 'actions',
      previousMeeting: previous ? meetingHeader(previous) : null,
      actions,
    },
    { ...base('escalations', 'escalations', locale), kind: 'escalations', escalations },
    { ...base('topic-updates', 'topic-updates', locale), kind: 'topic-updates', ...regularBuild.main },
    { ...base('events', 'events', locale), kind: 'events', events, overlaps: mainOverlaps },
    { ...base('jiu', 'jiu', locale), kind: 'jiu', ...jiuBuild.main },
    { ...base('aob', 'aob', locale), kind: 'aob' },
    { ...base('next-meeting', 'next-meeting', locale), kind: 'next-meeting', next: next ? meetingHeader(next) : null },
  ]);

  const addendum: AgendaItem[] = [];
  if (lateEscalations.length > 0) {
    addendum.push({
      ...base('addendum-escalations', 'escalations', locale, 'escalations'),
      kind: 'escalations',
      escalations: lateEscalations,
    });
  }
  if (hasContent(regularBuild.late)) {
    addendum.push({
      ...base('addendum-topic-updates', 'topic-updates', locale, 'topic-updates'),
      kind: 'topic-updates',
      ...regularBuild.late,
    });
  }
  if (lateEvents.length > 0 || lateOverlaps.length > 0) {
    addendum.push({
      ...base('addendum-events', 'events', locale, 'events'),
      kind: 'events',
      events: lateEvents,
      overlaps: lateOverlaps,
    });
  }
  if (hasContent(jiuBuild.late)) {
    addendum.push({ ...base('addendum-jiu', 'jiu', locale, 'jiu'), kind: 'jiu', ...jiuBuild.late });
  }

  const counted = chosen.filter((update) => included.has(update.topicId));
  const summary: AgendaSummary = {
    topics: included.size,
    expectedReports: regularBuild.expected + jiuBuild.expected,
    received: counted.filter((update) => !update.late).length,
    noChange: counted.filter((update) => !update.late && update.noChange).length,
    missing: countSectors(regularBuild.main, 'missingSectors') + countSectors(jiuBuild.main, 'missingSectors'),
    late: counted.filter((update) => update.late).length,
    vacant: countSectors(regularBuild.main, 'vacantSectors') + countSectors(jiuBuild.main, 'vacantSectors'),
    escalations: escalations.length + lateEscalations.length,
    overlaps: overlaps.length,
    openActions: actions.filter((action) => action.status === 'open' || action.status === 'overdue').length,
    overdueActions: actions.filter((action) => action.status === 'overdue').length,
  };

  warnings.sort((a, b) => compareText(a.code, b.code) || compareText(a.ref, b.ref));
  return {
    meeting: meetingHeader(input.meeting),
    locale,
    compiledAt: input.now,
    revision: 1,
    items,
    addendum: numbered(addendum),
    summary,
    warnings,
  };
}
