import { meetingHeader } from '../agenda/agenda-input';
import { positionAt, subItemTopics } from '../agenda/agenda-pointer';
import type { Agenda, AgendaItem, EscalationEntry, TopicLine } from '../agenda/agenda-schema';
import { compareSectors, normaliseName } from '../agenda/sort-keys';
import { compareUpdatesNewestFirst } from '../agenda/topic-sections';
import type { Meeting, Person, StatusUpdate, Topic } from '../entities';
import type { Locale, LocalizedText, SectorId } from '../reference';
import { bodyMembers, compileAttendance, type ReportedAttendee } from './attendance';
import type { ActionOwner, CapturedChat, CapturedRecord, ChatProblem, ChatSender } from './chat-schema';
import { findFollowUp, followUpsOf } from './follow-ups';
import type {
  MeetingParticipant,
  Minutes,
  MinutesAction,
  MinutesFollowUp,
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
  /** The meeting roster; chat authors are added to it. Both are matched to the register by AAD object id only. */
  participants: readonly MeetingParticipant[];
  /** This meeting's status updates (late ones included). */
  updates: readonly StatusUpdate[];
  topics: readonly Topic[];
  /** The register: action owners are resolved against it, participants matched to it. */
  people: readonly Person[];
  /**
   * The body's members from the register, each listed present or absent (default: `bodyMembers(people)`, everyone
   * with a chair, member, secretariat or observer role).
   */
  members?: readonly Person[];
  /** The Teams attendance report of the online meeting, when it could be read; else attendance comes from the chat. */
  attendanceReport?: readonly ReportedAttendee[] | null;
  /** The language of the minutes (default: the agenda's). */
  locale?: Locale;
  /** The instant of compilation (default: the meeting's end); no clock is read. */
  now?: string;
}

/** The most discussion points kept per item, and the longest point; the chat transcript keeps the rest. */
export const DISCUSSION_LIMITS = { perItem: 30, chars: 500 } as const;

/** Finds people: chat senders by AAD object id (or id); action owners also by full name or a unique first or last name. */
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

  /**
   * The register person a sender or participant is: by AAD object id when it carries one, else by person id;
   * never by display name, so a stranger who shares a register person's name stays a stranger.
   */
  who(who: { id?: string | null; name: string; aadObjectId?: string | null }): Person | undefined {
    return who.aadObjectId ? this.byAad.get(who.aadObjectId) : this.id(who.id);
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

function attendance(input: MinutesInput) {
  return compileAttendance({
    meeting: input.meeting,
    members: input.members ?? bodyMembers(input.people),
    people: input.people,
    participants: [...input.participants, ...input.captured.records.map((record) => record.from)],
    report: input.attendanceReport ?? null,
  });
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

/** The sender of a chat line under the register name when the register knows them (Teams display names vary). */
function sender(from: ChatSender, people: PeopleIndex): ChatSender {
  const name = people.who(from)?.name.slice(0, 200) ?? from.name;
  return { id: from.id, name, ...(from.aadObjectId ? { aadObjectId: from.aadObjectId } : {}) };
}

/** What every decision, action and escalation records of its chat line. */
function entryBase(record: CapturedRecord, topicId: string | null, problems: ChatProblem[], people: PeopleIndex) {
  return {
    id: record.id,
    text: record.text,
    topicId,
    by: sender(record.from, people),
    at: record.at,
    raw: record.raw,
    problems,
    edited: false,
  };
}

function actionOf(
  record: CapturedRecord,
  topicId: string | null,
  problems: ChatProblem[],
  people: PeopleIndex,
): MinutesAction {
  const person = record.owner ? people.owner(record.owner) : undefined;
  return {
    ...entryBase(record, topicId, problems, people),
    ownerName: person?.name ?? record.owner?.name ?? null,
    ownerId: person?.id ?? null,
    ownerSector: record.owner?.sector ?? person?.sector ?? null,
    due: record.due,
    dueText: record.dueText,
  };
}

/** Where the chat is on the agenda while its records are read: an item, and the topic of a sub-item (4.2). */
interface Cursor {
  index: number;
  topicId: string | null;
}

/** Moves the cursor by a pointer ("Item 4.2", "Next item"); null when the pointer leads outside the agenda. */
function moveCursor(agenda: Agenda, cursor: Cursor, record: CapturedRecord): Cursor | null {
  const pointer = record.pointer;
  if (!pointer) return cursor;
  if (pointer.move !== 'to') {
    const next = cursor.index + (pointer.move === 'next' ? 1 : -1);
    return agenda.items[next] ? { index: next, topicId: null } : null;
  }
  const target = pointer.item === null ? null : positionAt(agenda, pointer.item, pointer.sub);
  return target ? { index: agenda.items.indexOf(target.item), topicId: target.topicId } : null;
}

/**
 * The sector an escalation concerns: the one it names (`Escalate (BDT): …`); else the one sector of the topic
 * under the current item — the sectors of the updates presented on it (on the whole item when no sub-item is
 * current), or of the topic's assignments when none was presented. Null (to confirm) otherwise; never the sector
 * of whoever typed the line.
 */
export function escalationSector(
  named: SectorId | null,
  item: Pick<MinutesItem, 'presented'>,
  topicId: string | null,
  topics: ReadonlyMap<string, Topic>,
): SectorId | null {
  if (named) return named;
  const presented = topicId === null ? item.presented : item.presented.filter((p) => p.topicId === topicId);
  const sectors = new Set(presented.map((update) => update.sector));
  if (sectors.size === 0 && topicId !== null)
    for (const sector of topics.get(topicId)?.sectors ?? []) sectors.add(sector);
  const [only] = sectors;
  return sectors.size === 1 && only ? only : null;
}

/** The follow-up list being filled, and the agenda's list that gives the numbers. */
interface FollowUps {
  list: MinutesFollowUp[];
  shown: readonly { actionId: string }[];
}

function followUpList(agenda: Agenda, items: readonly MinutesItem[]): FollowUps {
  const source = agenda.items.find((item) => item.kind === 'actions');
  const target = items.find((item) => item.kind === 'actions');
  if (!source || source.kind !== 'actions' || !target) return { list: [], shown: [] };
  target.followUps = followUpsOf(source);
  return { list: target.followUps, shown: source.actions };
}

/** Records a `Done:` line's outcome on the follow-up it names; the problems to report when it names none. */
function applyDone(record: CapturedRecord, followUps: FollowUps, people: PeopleIndex): ChatProblem[] {
  const found = findFollowUp(followUps.list, record, (owner) => people.owner(owner)?.id, followUps.shown);
  if (!found) return record.problems.includes('text-empty') ? [] : ['action-unknown'];
  if (record.problems.includes('date-invalid')) return [];
  found.outcome = record.due ? 'new-due' : 'closed';
  found.newDue = record.due;
  found.recordId = record.id;
  return [];
}

function minutesItem(item: AgendaItem, presented: PresentedUpdate[]): MinutesItem {
  return {
    id: item.id,
    number: item.number,
    kind: item.kind,
    title: item.title,
    titleEdited: item.titleEdited,
    presented,
    discussion: [],
    discussionOmitted: 0,
    decisions: [],
    actions: [],
    escalations: [],
    followUps: [],
    subItems: subItemTopics(item),
  };
}

function shouldReview(record: CapturedRecord, problems: readonly ChatProblem[]): boolean {
  if (problems.length === 0) return false;
  return !(record.kind === 'note' && problems.every((problem) => problem === 'text-empty'));
}

/** Files a record under its item: a decision, action, escalation (with its sector) or discussion point. */
function place(
  item: MinutesItem,
  record: CapturedRecord,
  topicId: string | null,
  problems: ChatProblem[],
  people: PeopleIndex,
  sector: SectorId | null,
): void {
  const base = entryBase(record, topicId, problems, people);
  if (record.kind === 'decision') item.decisions.push(base);
  else if (record.kind === 'action') item.actions.push(actionOf(record, topicId, problems, people));
  else if (record.kind === 'escalation') item.escalations.push({ ...base, to: 'CoCo', sector });
  else if (record.kind === 'note' && record.text !== '') {
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

/** The kinds of line that put something on the record (a guest's are reviewed before approval). */
const RECORDED = new Set<CapturedRecord['kind']>(['decision', 'action', 'escalation', 'done']);

/**
 * Compiles draft minutes: attendance (the body's members present or absent, others who took part, guests), and per
 * agenda item the updates presented, the discussion (capped), decisions, actions (owners resolved by mention or
 * name, due dates), escalations to the Coordination Committee (with the sector concerned) and, under the follow-up
 * item, the outcome of the actions carried from earlier meetings (`Done:` lines). Records are placed by the chat's
 * pointers ("Item 4", "Next item", also inside a message), starting at the first item. Pure and deterministic.
 */
export function compileMinutes(input: MinutesInput): Minutes {
  const { agenda } = input;
  const people = new PeopleIndex(input.people);
  const titles = titleMap(input);
  const updates = latestUpdates(input);
  const topics = new Map(input.topics.map((topic) => [topic.id, topic] as const));
  const items = agenda.items.map((item) => minutesItem(item, presentedFor(item, agenda, updates, titles)));
  const followUps = followUpList(agenda, items);
  const review: ReviewNote[] = [];
  let cursor: Cursor = { index: 0, topicId: null };

  for (const record of input.captured.records) {
    const problems: ChatProblem[] = record.problems.filter((problem) => problem !== 'item-unknown');
    if (record.kind === 'pointer') {
      const moved = moveCursor(agenda, cursor, record);
      if (moved) cursor = moved;
      else problems.push('item-unknown');
    }
    const item = items[cursor.index];
    let sector: SectorId | null = null;
    if (record.kind === 'escalation' && item) {
      sector = escalationSector(record.sector, item, cursor.topicId, topics);
      if (!sector) problems.push('sector-unknown');
    }
    if (record.kind === 'done') problems.push(...applyDone(record, followUps, people));
    if (RECORDED.has(record.kind) && !people.who(record.from)) problems.push('sender-unknown');
    if (shouldReview(record, problems)) {
      review.push({
        recordId: record.id,
        kind: record.kind,
        raw: record.raw,
        problems,
        acceptedBy: null,
        acceptedAt: null,
      });
    }
    if (item) place(item, record, cursor.topicId, problems, people, sector);
  }

  const count = (pick: (item: MinutesItem) => unknown[]) => items.reduce((n, item) => n + pick(item).length, 0);
  return {
    meeting: meetingHeader(input.meeting),
    locale: input.locale ?? agenda.locale,
    compiledAt: input.now ?? input.meeting.end,
    revision: 1,
    agendaRevision: agenda.revision,
    attendance: attendance(input),
    attendanceSource: input.attendanceReport ? 'attendance-report' : 'chat',
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
