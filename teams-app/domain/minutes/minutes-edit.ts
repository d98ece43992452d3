import { z } from 'zod';
import { AppError } from '../errors';
import { DateOnly, Id, Instant, SectorId } from '../reference';
import {
  NoteAcceptor,
  type Minutes,
  type MinutesAction,
  type MinutesDecision,
  type MinutesEscalation,
  type MinutesItem,
  type ReviewNote,
} from './minutes-schema';

/** A change to a decision: its text. */
export const EntryTextPatch = z.strictObject({ text: z.string().trim().min(1).max(4000) });
export type EntryTextPatch = z.infer<typeof EntryTextPatch>;

/** A change to an escalation: its text, or the sector concerned (setting one settles "sector to confirm"). */
export const EscalationPatch = z.strictObject({
  text: z.string().trim().min(1).max(4000).optional(),
  sector: SectorId.nullable().optional(),
});
export type EscalationPatch = z.infer<typeof EscalationPatch>;

/** A change to an action: text, owner (name and register id) and due date. */
export const ActionPatch = z.strictObject({
  text: z.string().trim().min(1).max(2000).optional(),
  ownerName: z.string().trim().min(1).max(200).nullable().optional(),
  ownerId: Id.nullable().optional(),
  due: DateOnly.nullable().optional(),
});
export type ActionPatch = z.infer<typeof ActionPatch>;

/** The outcome the review gives an action carried from an earlier meeting: still open, closed, or a new due date. */
export const FollowUpPatch = z.discriminatedUnion('outcome', [
  z.strictObject({ outcome: z.literal('open') }),
  z.strictObject({ outcome: z.literal('closed') }),
  z.strictObject({ outcome: z.literal('new-due'), due: DateOnly }),
]);
export type FollowUpPatch = z.infer<typeof FollowUpPatch>;

const EntryId = z.string().min(1).max(140);

/** Where an entry is moved: an agenda item by number, and optionally one of its sub-items (4.2). */
export const MoveTarget = z.strictObject({
  item: z.number().int().min(1).max(100),
  sub: z.number().int().min(1).max(999).nullable().optional(),
});
export type MoveTarget = z.infer<typeof MoveTarget>;

/** A decision the chair adds by hand in the review, under an item (and optionally a sub-item). */
export const NewDecision = z.strictObject({ ...MoveTarget.shape, text: z.string().trim().min(1).max(4000) });
export type NewDecision = z.infer<typeof NewDecision>;

/** An action the chair adds by hand in the review: its text, and owner and due date when known. */
export const NewAction = z.strictObject({
  ...MoveTarget.shape,
  text: z.string().trim().min(1).max(2000),
  ownerName: z.string().trim().min(1).max(200).nullable().optional(),
  ownerId: Id.nullable().optional(),
  due: DateOnly.nullable().optional(),
});
export type NewAction = z.infer<typeof NewAction>;

/** One change to draft minutes, as the tab and the card send it (the PATCH body's `edit`). */
export const MinutesEditRequest = z.discriminatedUnion('op', [
  z.strictObject({ op: z.literal('decision'), entryId: EntryId, patch: EntryTextPatch }),
  z.strictObject({ op: z.literal('escalation'), entryId: EntryId, patch: EscalationPatch }),
  z.strictObject({ op: z.literal('action'), entryId: EntryId, patch: ActionPatch }),
  z.strictObject({ op: z.literal('remove'), entryId: EntryId }),
  z.strictObject({ op: z.literal('accept-note'), recordId: EntryId }),
  z.strictObject({ op: z.literal('move'), entryId: EntryId, ...MoveTarget.shape }),
  z.strictObject({ op: z.literal('follow-up'), actionId: Id, patch: FollowUpPatch }),
  z.strictObject({ op: z.literal('add-decision'), entry: NewDecision }),
  z.strictObject({ op: z.literal('add-action'), entry: NewAction }),
]);
export type MinutesEditRequest = z.infer<typeof MinutesEditRequest>;

type EntryList = 'decisions' | 'actions' | 'escalations';
type ListName = EntryList | 'discussion';
const ENTRY_LISTS: readonly EntryList[] = ['decisions', 'actions', 'escalations'];
const RECORDED_KINDS = new Set(['decision', 'action', 'escalation']);

/** What every decision, action and escalation has. */
type Entry = MinutesDecision | MinutesAction | MinutesEscalation;

function parse<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new AppError('request.invalid', `The ${what} is not valid.`, {
      issues: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
    });
  }
  return parsed.data;
}

function noEntry(entryId: string): AppError {
  return new AppError('request.invalid', `The minutes have no entry "${entryId.slice(0, 140)}".`, { entryId });
}

function locate<L extends ListName>(minutes: Minutes, entryId: string, lists: readonly L[]): { item: number; list: L } {
  for (let item = 0; item < minutes.items.length; item++) {
    const current = minutes.items[item];
    for (const list of lists) {
      if (current?.[list].some((entry) => entry.id === entryId)) return { item, list };
    }
  }
  throw noEntry(entryId);
}

function entriesOf(items: readonly MinutesItem[]): Entry[] {
  return items.flatMap((item) => [...item.decisions, ...item.actions, ...item.escalations]);
}

/**
 * The review notes still to look at after an edit: a note on an entry goes when the entry is removed or
 * its problems are fixed; notes on other lines (pointers to unknown items, markup, `Done:` lines) stay.
 */
function prunedReview(minutes: Minutes, items: readonly MinutesItem[]): ReviewNote[] {
  const before = new Set(entriesOf(minutes.items).map((entry) => entry.id));
  const after = new Map(entriesOf(items).map((entry) => [entry.id, entry.problems] as const));
  return minutes.review.flatMap((note) => {
    if (!before.has(note.recordId)) return [note];
    const problems = after.get(note.recordId);
    if (!problems || problems.length === 0) return [];
    return [{ ...note, problems }];
  });
}

/** The minutes with new items: the revision goes up by one, unless nothing changed at all. */
function revised(minutes: Minutes, items: MinutesItem[]): Minutes {
  if (items.every((item, i) => item === minutes.items[i])) return minutes;
  if (JSON.stringify(items) === JSON.stringify(minutes.items)) return minutes;
  return { ...minutes, revision: minutes.revision + 1, items, review: prunedReview(minutes, items) };
}

function withItem(minutes: Minutes, index: number, change: (item: MinutesItem) => MinutesItem): Minutes {
  return revised(
    minutes,
    minutes.items.map((item, i) => (i === index ? change(item) : item)),
  );
}

/** Rewords a recorded decision. */
export function editDecision(minutes: Minutes, entryId: string, patch: EntryTextPatch): Minutes {
  const { text } = parse(EntryTextPatch, patch, 'decision change');
  const { item } = locate(minutes, entryId, ['decisions']);
  return withItem(minutes, item, (current) => ({
    ...current,
    decisions: current.decisions.map((entry) =>
      entry.id === entryId && entry.text !== text ? { ...entry, text, edited: true } : entry,
    ),
  }));
}

function editedEscalation(entry: MinutesEscalation, change: EscalationPatch): MinutesEscalation {
  const text = change.text ?? entry.text;
  const sector = change.sector === undefined ? entry.sector : change.sector;
  if (text === entry.text && sector === entry.sector) return entry;
  const problems = sector ? entry.problems.filter((problem) => problem !== 'sector-unknown') : entry.problems;
  return { ...entry, text, sector, problems, edited: true };
}

/** Rewords an escalation to the Coordination Committee or sets the sector concerned (clearing "sector to confirm"). */
export function editEscalation(minutes: Minutes, entryId: string, patch: EscalationPatch): Minutes {
  const change = parse(EscalationPatch, patch, 'escalation change');
  const { item } = locate(minutes, entryId, ['escalations']);
  return withItem(minutes, item, (current) => ({
    ...current,
    escalations: current.escalations.map((entry) => (entry.id === entryId ? editedEscalation(entry, change) : entry)),
  }));
}

function editedAction(entry: MinutesAction, change: ActionPatch): MinutesAction {
  const next = { ...entry, edited: true };
  if (change.text !== undefined) next.text = change.text;
  if (change.ownerName !== undefined) next.ownerName = change.ownerName;
  if (change.ownerId !== undefined) next.ownerId = change.ownerId;
  if (change.due !== undefined && change.due !== entry.due) {
    next.due = change.due;
    next.dueText = null;
  }
  const same =
    next.text === entry.text &&
    next.ownerName === entry.ownerName &&
    next.ownerId === entry.ownerId &&
    next.due === entry.due &&
    !(change.due !== undefined && entry.problems.includes('date-invalid'));
  if (same) return entry;
  next.problems = entry.problems.filter(
    (problem) =>
      !(problem === 'owner-missing' && next.ownerName) &&
      !(problem === 'date-invalid' && change.due !== undefined) &&
      !(problem === 'text-empty' && next.text !== ''),
  );
  return next;
}

/** Changes an action's text, owner or due date; fixing owner or date clears the matching problem. */
export function editAction(minutes: Minutes, entryId: string, patch: ActionPatch): Minutes {
  const change = parse(ActionPatch, patch, 'action change');
  const { item } = locate(minutes, entryId, ['actions']);
  return withItem(minutes, item, (current) => ({
    ...current,
    actions: current.actions.map((entry) => (entry.id === entryId ? editedAction(entry, change) : entry)),
  }));
}

/** An item without one entry, whichever list holds it. */
function without(item: MinutesItem, list: ListName, entryId: string): MinutesItem {
  const keep = <T extends { id: string }>(entries: T[]) => entries.filter((entry) => entry.id !== entryId);
  switch (list) {
    case 'decisions':
      return { ...item, decisions: keep(item.decisions) };
    case 'actions':
      return { ...item, actions: keep(item.actions) };
    case 'escalations':
      return { ...item, escalations: keep(item.escalations) };
    case 'discussion':
      return { ...item, discussion: keep(item.discussion) };
  }
}

/** Removes a decision, action, escalation or discussion point from the minutes. */
export function removeEntry(minutes: Minutes, entryId: string): Minutes {
  const { item, list } = locate<ListName>(minutes, entryId, [...ENTRY_LISTS, 'discussion']);
  return withItem(minutes, item, (current) => without(current, list, entryId));
}

/** Inserts an entry into a list in chat order (time, then id). */
function inChatOrder<T extends Entry>(entries: readonly T[], entry: T): T[] {
  const after = entries.findIndex((other) => other.at > entry.at || (other.at === entry.at && other.id > entry.id));
  return after < 0 ? [...entries, entry] : [...entries.slice(0, after), entry, ...entries.slice(after)];
}

/** The entry moved: filed under its new topic (or none), marked edited. */
function moved<T extends Entry>(entry: T, topicId: string | null): T {
  return { ...entry, topicId, edited: true };
}

/** The source and target lists after moving an entry (within one list when `within`: only its topic changes). */
function relocate<T extends Entry>(
  source: readonly T[],
  target: readonly T[],
  entryId: string,
  topicId: string | null,
  within: boolean,
): { source: T[]; target: T[] } {
  const entry = source.find((candidate) => candidate.id === entryId);
  if (!entry) throw noEntry(entryId);
  const rest = source.filter((candidate) => candidate.id !== entryId);
  if (within) return { source: inChatOrder(rest, moved(entry, topicId)), target: [] };
  return { source: rest, target: inChatOrder(target, moved(entry, topicId)) };
}

/** Both items after moving an entry from `from` to `to` (the same item when only the sub-item changes). */
function transfer(
  from: MinutesItem,
  to: MinutesItem,
  list: EntryList,
  entryId: string,
  topicId: string | null,
): [MinutesItem, MinutesItem] {
  const within = from === to;
  switch (list) {
    case 'decisions': {
      const { source, target } = relocate(from.decisions, to.decisions, entryId, topicId, within);
      return within
        ? [{ ...from, decisions: source }, to]
        : [
            { ...from, decisions: source },
            { ...to, decisions: target },
          ];
    }
    case 'actions': {
      const { source, target } = relocate(from.actions, to.actions, entryId, topicId, within);
      return within
        ? [{ ...from, actions: source }, to]
        : [
            { ...from, actions: source },
            { ...to, actions: target },
          ];
    }
    case 'escalations': {
      const { source, target } = relocate(from.escalations, to.escalations, entryId, topicId, within);
      return within
        ? [{ ...from, escalations: source }, to]
        : [
            { ...from, escalations: source },
            { ...to, escalations: target },
          ];
    }
  }
}

/** The item (by number) and sub-item topic an entry is moved to; a coded error when the minutes have no such place. */
function moveTarget(minutes: Minutes, target: MoveTarget): { index: number; topicId: string | null } {
  const index = minutes.items.findIndex((item) => item.number === target.item);
  const item = minutes.items[index];
  if (!item) throw new AppError('request.invalid', `The minutes have no item ${target.item}.`, { item: target.item });
  if (target.sub === undefined || target.sub === null) return { index, topicId: null };
  const topicId = item.subItems[target.sub - 1];
  if (topicId === undefined) {
    throw new AppError('request.invalid', `Item ${target.item} has no sub-item ${target.sub}.`, {
      item: target.item,
      sub: target.sub,
    });
  }
  return { index, topicId };
}

/**
 * Files a decision, action or escalation under another agenda item (and optionally one of its sub-items, 4.2),
 * in chat order there; its review notes go with it. Moving an entry where it already is changes nothing.
 */
export function moveEntry(minutes: Minutes, entryId: string, item: number, sub?: number | null): Minutes {
  const target = moveTarget(minutes, parse(MoveTarget, { item, sub }, 'move'));
  const source = locate(minutes, entryId, ENTRY_LISTS);
  const from = minutes.items[source.item];
  const to = minutes.items[target.index];
  if (!from || !to) throw noEntry(entryId);
  const entry = from[source.list].find((candidate) => candidate.id === entryId);
  if (source.item === target.index && entry?.topicId === target.topicId) return minutes;
  const [changedFrom, changedTo] = transfer(from, to, source.list, entryId, target.topicId);
  const items = minutes.items.map((current, i) =>
    i === source.item ? changedFrom : i === target.index ? changedTo : current,
  );
  return revised(minutes, items);
}

/**
 * Accepts a review note as it stands (e.g. "keep without owner"): the note stays listed, marked with who accepted
 * it and when, so approval can require every note fixed or accepted. Accepting an accepted note changes nothing.
 */
export function acceptNote(minutes: Minutes, recordId: string, by: NoteAcceptor, at: string): Minutes {
  const acceptor = parse(NoteAcceptor, by, 'acceptor');
  const when = parse(Instant, at, 'time of acceptance');
  const note = minutes.review.find((candidate) => candidate.recordId === recordId);
  if (!note) {
    throw new AppError('request.invalid', `The minutes have no review note "${recordId.slice(0, 140)}".`, { recordId });
  }
  if (note.acceptedBy) return minutes;
  return {
    ...minutes,
    revision: minutes.revision + 1,
    review: minutes.review.map((candidate) =>
      candidate === note ? { ...candidate, acceptedBy: acceptor, acceptedAt: when } : candidate,
    ),
  };
}

/**
 * The review notes neither fixed nor accepted: approval must wait for these. A note on an entry is fixed when the
 * entry has no problem left (or was removed); any other note (unknown item, `Done:` naming no action …) only by
 * being accepted.
 */
export function unresolvedNotes(minutes: Minutes): ReviewNote[] {
  const entries = new Map(entriesOf(minutes.items).map((entry) => [entry.id, entry.problems] as const));
  return minutes.review.filter((note) => {
    if (note.acceptedBy) return false;
    const problems = entries.get(note.recordId) ?? (RECORDED_KINDS.has(note.kind) ? [] : note.problems);
    return problems.length > 0;
  });
}

/**
 * Sets the outcome of an action carried from an earlier meeting in the review: still open, closed, or a new due
 * date. Approval turns it into an `actionUpdates` entry (see `minutesToRecords`).
 */
export function editFollowUp(minutes: Minutes, actionId: string, patch: FollowUpPatch): Minutes {
  const change = parse(FollowUpPatch, patch, 'follow-up change');
  const index = minutes.items.findIndex((item) => item.followUps.some((f) => f.actionId === actionId));
  if (index < 0) {
    throw new AppError('request.invalid', `The minutes list no open action "${actionId.slice(0, 100)}".`, { actionId });
  }
  const newDue = change.outcome === 'new-due' ? change.due : null;
  return withItem(minutes, index, (item) => ({
    ...item,
    followUps: item.followUps.map((followUp) =>
      followUp.actionId === actionId && (followUp.outcome !== change.outcome || followUp.newDue !== newDue)
        ? { ...followUp, outcome: change.outcome, newDue, edited: true }
        : followUp,
    ),
  }));
}

/**
 * Applies one review edit (see `MinutesEditRequest`) for `by` at `at` (who accepts a note, and when). The edit is
 * parsed first; anything invalid is a coded `request.invalid`. An edit that changes nothing keeps the revision.
 */
export function applyMinutesEdit(minutes: Minutes, request: unknown, by: NoteAcceptor, at: string): Minutes {
  const edit = parse(MinutesEditRequest, request, 'minutes change');
  switch (edit.op) {
    case 'decision':
      return editDecision(minutes, edit.entryId, edit.patch);
    case 'escalation':
      return editEscalation(minutes, edit.entryId, edit.patch);
    case 'action':
      return editAction(minutes, edit.entryId, edit.patch);
    case 'remove':
      return removeEntry(minutes, edit.entryId);
    case 'accept-note':
      return acceptNote(minutes, edit.recordId, by, at);
    case 'move':
      return moveEntry(minutes, edit.entryId, edit.item, edit.sub);
    case 'follow-up':
      return editFollowUp(minutes, edit.actionId, edit.patch);
    case 'add-decision':
      return addDecision(minutes, edit.entry, by, at);
    case 'add-action':
      return addAction(minutes, edit.entry, by, at);
  }
}

/** Where a hand-added entry goes: the item's index and the topic of the sub-item named (null: none). */
function placeOf(minutes: Minutes, target: MoveTarget): { index: number; topicId: string | null } {
  const index = minutes.items.findIndex((item) => item.number === target.item);
  const item = minutes.items[index];
  if (!item) {
    throw new AppError('request.invalid', `The minutes have no item ${target.item}.`, { item: target.item });
  }
  if (target.sub === null || target.sub === undefined) return { index, topicId: null };
  const topicId = item.subItems[target.sub - 1];
  if (topicId === undefined) {
    throw new AppError('request.invalid', `Item ${target.item} has no sub-item ${target.sub}.`, { sub: target.sub });
  }
  return { index, topicId };
}

/** The first free id of a hand-added entry (`manual-1`, `manual-2` …). */
function manualId(minutes: Minutes): string {
  const used = new Set(entriesOf(minutes.items).map((entry) => entry.id));
  let n = 1;
  while (used.has(`manual-${n}`)) n++;
  return `manual-${n}`;
}

/** The fields of an entry written by `by` in the review rather than said in the chat. */
function manualEntry(minutes: Minutes, text: string, topicId: string | null, by: NoteAcceptor, at: string) {
  return {
    id: manualId(minutes),
    text,
    topicId,
    by: { id: by.personId ?? 'review', name: by.name },
    at,
    raw: text,
    problems: [],
    edited: true,
  };
}

/** Adds a decision by hand under an item (or one of its sub-items). */
export function addDecision(minutes: Minutes, entry: NewDecision, by: NoteAcceptor, at: string): Minutes {
  const parsed = parse(NewDecision, entry, 'new decision');
  const { index, topicId } = placeOf(minutes, parsed);
  const decision: MinutesDecision = manualEntry(minutes, parsed.text, topicId, by, at);
  return withItem(minutes, index, (item) => ({ ...item, decisions: [...item.decisions, decision] }));
}

/** Adds an action by hand under an item (or one of its sub-items), with its owner and due date when known. */
export function addAction(minutes: Minutes, entry: NewAction, by: NoteAcceptor, at: string): Minutes {
  const parsed = parse(NewAction, entry, 'new action');
  const { index, topicId } = placeOf(minutes, parsed);
  const action: MinutesAction = {
    ...manualEntry(minutes, parsed.text, topicId, by, at),
    ownerName: parsed.ownerName ?? null,
    ownerId: parsed.ownerId ?? null,
    ownerSector: null,
    due: parsed.due ?? null,
    dueText: null,
  };
  return withItem(minutes, index, (item) => ({ ...item, actions: [...item.actions, action] }));
}
