import { meetingHeader } from '../agenda/agenda-input';
import { positionAt } from '../agenda/agenda-pointer';
import type { Agenda, AgendaItem, EscalationEntry, TopicLine } from '../agenda/agenda-schema';
import { compareFolded, compareSectors, normaliseName } from '../agenda/sort-keys';
import { compareUpdatesNewestFirst } from '../agenda/topic-sections';
import type { Meeting, Person, StatusUpdate, Topic } from '../entities';
import type { Locale, LocalizedText } from '../reference';
import type { ActionOwner, CapturedChat, CapturedRecord, ChatProblem, ChatSender } from './chat-schema';
import type {
  Attendee,
  MeetingParticipant,
  Minutes,
  MinutesAction,
  MinutesItem,
  PresentedUpdate,
  ReviewNote,
} from './minutes-schema';

/** Everything the minutes compiler reads. */
export interface MinutesInput {
  meeting: Meeting;
  /** The agenda as approved (and edited) by the chair. */
  agenda: Agenda;
  captured: CapturedChat;
  /** The meeting roster; chat authors are added to it. */
  participants: readonly MeetingParticipant[];
  /** This meeting's status updates (late ones included). */
  updates: readonly StatusUpdate[];
  topics: readonly Topic[];
  people: readonly Person[];
  /** The language of the minutes (default: the agenda's). */
  locale?: Locale;
  /** The instant of compilation (default: the meeting's end); no clock is read. */
  now?: string;
}

/** The most discussion points kept per item, and the longest point; the chat transcript keeps the rest. */
export const DISCUSSION_LIMITS = { perItem: 30, chars: 500 } as const;

/** Finds people by AAD object id, id, full name, or a first or last name only one person has. */
export class PeopleIndex {
  private readonly byAad = new Map<string, Person>();
  private readonly byId = new Map<string, Person>();
  private readonly byName = new Map<string, Person>();
  private readonly byPart = new Map<string, Person | null>();

  constructor(people: readonly Person[]) {
    for (const person of people) {
      this.byAad.set(person.aadObjectId, person);
      this.byId.set(person.id, person);
      const name = normaliseName(person.name);
      this.byName.set(name, person);
      const words = name.split(' ');
      for (const word of new Set([words[0], words[words.length - 1]])) {
        if (!word) continue;
        this.byPart.set(word, this.byPart.has(word) ? null : person);
      }
    }
  }

  /** The person with an id. */
  id(id: string | null | undefined): Person | undefined {
    return id ? this.byId.get(id) : undefined;
  }

  /** The person a sender or participant is, by AAD object id, then id, then full name. */
  who(who: { id?: string | null; name: string; aadObjectId?: string | null }): Person | undefined {
    return (
      (who.aadObjectId ? this.byAad.get(who.aadObjectId) : undefined) ??
      this.id(who.id) ??
      this.byName.get(normaliseName(who.name))
    );
  }

  /** The person an action owner is: mention id, then full name, then a unique first or last name. */
  owner(owner: ActionOwner): Person | undefined {
    const name = normaliseName(owner.name);
    return (
      this.id(owner.personId) ??
      (owner.aadObjectId ? this.byAad.get(owner.aadObjectId) : undefined) ??
      this.byName.get(name) ??
      (name.includes(' ') ? undefined : (this.byPart.get(name) ?? undefined))
    );
  }
}

function attendance(input: MinutesInput, people: PeopleIndex): Attendee[] {
  const seen = new Map<string, Attendee>();
  const add = (who: { id?: string | null; name: string; aadObjectId?: string | null }) => {
    const person = people.who(who);
    const name = (person?.name ?? who.name).trim();
    if (name === '') return;
    const key = person ? `p:${person.id}` : `n:${normaliseName(name)}`;
    if (seen.has(key)) return;
    seen.set(key, {
      personId: person?.id ?? null,
      name: name.slice(0, 200),
      jobTitle: person?.jobTitle ?? '',
      sector: person?.sector ?? null,
      chair: person !== undefined && person.id === input.meeting.chairId,
      observer: person?.roles.includes('observer') ?? false,
    });
  };
  for (const participant of input.participants) add(participant);
  for (const record of input.captured.records) add(record.from);
  const rank = (a: Attendee) => (a.chair ? 0 : a.observer ? 2 : 1);
  return [...seen.values()].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (a.sector === null ? 1 : 0) - (b.sector === null ? 1 : 0) ||
      (a.sector && b.sector ? compareSectors(a.sector, b.sector) : 0) ||
      compareFolded(a.name, b.name),
  );
}

function latestUpdates(input: MinutesInput): Map<string, StatusUpdate[]> {
  const byKey = new Map<string, StatusUpdate>();
  for (const update of input.updates) {
    if (update.meetingId !== input.meeting.id) continue;
    const key = `${update.topicId}\u0000${update.sector}`;
    const current = byKey.get(key);
    if (!current || compareUpdatesNewestFirst(update, current) < 0) byKey.set(key, update);
  }
  const byTopic = new Map<string, StatusUpdate[]>();
  for (const update of byKey.values()) byTopic.set(update.topicId, [...(byTopic.get(update.topicId) ?? []), update]);
  for (const list of byTopic.values()) list.sort((a, b) => compareSectors(a.sector, b.sector));
  return byTopic;
}

function topicLinesOf(item: AgendaItem): TopicLine[] {
  return item.kind === 'topic-updates' || item.kind === 'jiu'
    ? [...item.sections, ...item.noChange, ...item.noUpdate]
    : [];
}

function presentedFor(
  item: AgendaItem,
  agenda: Agenda,
  updates: ReadonlyMap<string, StatusUpdate[]>,
  titles: ReadonlyMap<string, LocalizedText>,
): PresentedUpdate[] {
  const addenda = agenda.addendum.filter((extra) => extra.refersTo === item.id);
  if (item.kind === 'escalations') {
    const entries: { entry: EscalationEntry; late: boolean }[] = item.escalations.map((entry) => ({
      entry,
      late: false,
    }));
    for (const extra of addenda) {
      if (extra.kind === 'escalations') for (const entry of extra.escalations) entries.push({ entry, late: true });
    }
    return entries.map(({ entry, late }) => ({
      topicId: entry.topicId,
      topicTitle: entry.topicTitle,
      sector: entry.sector,
      progress: '',
      nextSteps: '',
      noChange: false,
      late,
      question: entry.question,
    }));
  }
  const topicIds: string[] = [];
  for (const line of [...topicLinesOf(item), ...addenda.flatMap(topicLinesOf)]) {
    if (!topicIds.includes(line.topicId)) topicIds.push(line.topicId);
  }
  const presented: PresentedUpdate[] = [];
  for (const topicId of topicIds) {
    for (const update of updates.get(topicId) ?? []) {
      presented.push({
        topicId,
        topicTitle: titles.get(topicId) ?? { en: topicId },
        sector: update.sector,
        progress: update.progress,
        nextSteps: update.nextSteps,
        noChange: update.noChange,
        late: update.late,
        question: update.escalation.flag ? update.escalation.ask : '',
      });
    }
  }
  return presented;
}

function titleMap(input: MinutesInput): Map<string, LocalizedText> {
  const titles = new Map<string, LocalizedText>();
  for (const item of [...input.agenda.items, ...input.agenda.addendum]) {
    for (const line of topicLinesOf(item)) titles.set(line.topicId, line.topicTitle);
  }
  for (const topic of input.topics) titles.set(topic.id, topic.title);
  return titles;
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function sender(from: ChatSender): ChatSender {
  return { id: from.id, name: from.name, ...(from.aadObjectId ? { aadObjectId: from.aadObjectId } : {}) };
}

function actionOf(
  record: CapturedRecord,
  topicId: string | null,
  problems: ChatProblem[],
  people: PeopleIndex,
): MinutesAction {
  const person = record.owner ? people.owner(record.owner) : undefined;
  return {
    id: record.id,
    text: record.text,
    topicId,
    by: sender(record.from),
    at: record.at,
    raw: record.raw,
    problems,
    edited: false,
    ownerName: person?.name ?? record.owner?.name ?? null,
    ownerId: person?.id ?? null,
    ownerSector: record.owner?.sector ?? person?.sector ?? null,
    due: record.due,
    dueText: record.dueText,
  };
}

/**
 * Compiles draft minutes: attendance (roster and chat authors, matched to the register), and per agenda item the
 * updates presented, the discussion (capped), decisions, actions (owners resolved by mention or name, due dates)
 * and escalations to the Coordination Committee. Records are placed by the chat's pointers ("Item 4", "Next
 * item"), starting at the first item. Pure and deterministic.
 */
export function compileMinutes(input: MinutesInput): Minutes {
  const { agenda } = input;
  const people = new PeopleIndex(input.people);
  const titles = titleMap(input);
  const updates = latestUpdates(input);
  const items: MinutesItem[] = agenda.items.map((item) => ({
    id: item.id,
    number: item.number,
    kind: item.kind,
    title: item.title,
    titleEdited: item.titleEdited,
    presented: presentedFor(item, agenda, updates, titles),
    discussion: [],
    discussionOmitted: 0,
    decisions: [],
    actions: [],
    escalations: [],
  }));
  const review: ReviewNote[] = [];
  let index = 0;
  let topicId: string | null = null;

  for (const record of input.captured.records) {
    const problems: ChatProblem[] = record.problems.filter((problem) => problem !== 'item-unknown');
    if (record.kind === 'pointer' && record.pointer) {
      const pointer = record.pointer;
      const target =
        pointer.move === 'to'
          ? pointer.item === null
            ? null
            : positionAt(agenda, pointer.item, pointer.sub)
          : (() => {
              const next = agenda.items[index + (pointer.move === 'next' ? 1 : -1)];
              return next ? { item: next, topicId: null } : null;
            })();
      if (target) {
        index = agenda.items.indexOf(target.item);
        topicId = target.topicId;
      } else problems.push('item-unknown');
    }
    if (problems.length > 0 && !(record.kind === 'note' && problems.every((p) => p === 'text-empty'))) {
      review.push({ recordId: record.id, kind: record.kind, raw: record.raw, problems });
    }
    const item = items[index];
    if (!item) continue;
    const base = {
      id: record.id,
      text: record.text,
      topicId,
      by: sender(record.from),
      at: record.at,
      raw: record.raw,
      problems,
      edited: false,
    };
    if (record.kind === 'decision') item.decisions.push(base);
    else if (record.kind === 'action') item.actions.push(actionOf(record, topicId, problems, people));
    else if (record.kind === 'escalation') {
      const sector = people.who(record.from)?.sector ?? null;
      item.escalations.push({ ...base, to: 'CoCo', sector });
    } else if (record.kind === 'note' && record.text !== '') {
      if (item.discussion.length < DISCUSSION_LIMITS.perItem) {
        item.discussion.push({
          id: record.id,
          by: base.by,
          at: record.at,
          text: clip(record.text, DISCUSSION_LIMITS.chars),
        });
      } else item.discussionOmitted++;
    }
  }

  const count = (pick: (item: MinutesItem) => unknown[]) => items.reduce((n, item) => n + pick(item).length, 0);
  return {
    meeting: meetingHeader(input.meeting),
    locale: input.locale ?? agenda.locale,
    compiledAt: input.now ?? input.meeting.end,
    revision: 1,
    agendaRevision: agenda.revision,
    attendance: attendance(input, people),
    items,
    review,
    stats: {
      messages: input.captured.messages,
      decisions: count((item) => item.decisions),
      actions: count((item) => item.actions),
      escalations: count((item) => item.escalations),
      discussion: count((item) => item.discussion) + items.reduce((n, item) => n + item.discussionOmitted, 0),
    },
  };
}
