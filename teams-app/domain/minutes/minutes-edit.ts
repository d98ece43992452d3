import { z } from 'zod';
import { AppError } from '../errors';
import { DateOnly, Id } from '../reference';
import type { Minutes, MinutesItem } from './minutes-schema';

/** A change to a decision or escalation: its text. */
export const EntryTextPatch = z.strictObject({ text: z.string().trim().min(1).max(4000) });
export type EntryTextPatch = z.infer<typeof EntryTextPatch>;

/** A change to an action: text, owner (name and register id) and due date. */
export const ActionPatch = z.strictObject({
  text: z.string().trim().min(1).max(2000).optional(),
  ownerName: z.string().trim().min(1).max(200).nullable().optional(),
  ownerId: Id.nullable().optional(),
  due: DateOnly.nullable().optional(),
});
export type ActionPatch = z.infer<typeof ActionPatch>;

type EntryList = 'decisions' | 'actions' | 'escalations' | 'discussion';
const LISTS: readonly EntryList[] = ['decisions', 'actions', 'escalations', 'discussion'];

function parse<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new AppError('request.invalid', `The ${what} is not valid.`, {
      issues: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
    });
  }
  return parsed.data;
}

function locate(minutes: Minutes, entryId: string, lists: readonly EntryList[]): { item: number; list: EntryList } {
  for (let item = 0; item < minutes.items.length; item++) {
    const current = minutes.items[item];
    for (const list of lists) {
      if (current?.[list].some((entry) => entry.id === entryId)) return { item, list };
    }
  }
  throw new AppError('request.invalid', `The minutes have no entry "${entryId.slice(0, 140)}".`, { entryId });
}

function withItem(minutes: Minutes, index: number, change: (item: MinutesItem) => MinutesItem): Minutes {
  const items = minutes.items.map((item, i) => (i === index ? change(item) : item));
  return { ...minutes, revision: minutes.revision + 1, items, review: prunedReview(minutes, items) };
}

/**
 * The review notes still to look at after an edit: a note on an entry goes when the entry is removed or
 * its problems are fixed; notes on other lines (pointers to unknown items, markup) stay.
 */
function prunedReview(minutes: Minutes, items: readonly MinutesItem[]): Minutes['review'] {
  const before = new Set(
    minutes.items.flatMap((item) => [...item.decisions, ...item.actions, ...item.escalations].map((e) => e.id)),
  );
  const after = new Map(
    items.flatMap((item) =>
      [...item.decisions, ...item.actions, ...item.escalations].map((e) => [e.id, e.problems] as const),
    ),
  );
  return minutes.review.flatMap((note) => {
    if (!before.has(note.recordId)) return [note];
    const problems = after.get(note.recordId);
    if (!problems || problems.length === 0) return [];
    return [{ ...note, problems }];
  });
}

/** Rewords a recorded decision. */
export function editDecision(minutes: Minutes, entryId: string, patch: EntryTextPatch): Minutes {
  const { text } = parse(EntryTextPatch, patch, 'decision change');
  const { item } = locate(minutes, entryId, ['decisions']);
  return withItem(minutes, item, (current) => ({
    ...current,
    decisions: current.decisions.map((entry) => (entry.id === entryId ? { ...entry, text, edited: true } : entry)),
  }));
}

/** Rewords an escalation to the Coordination Committee. */
export function editEscalation(minutes: Minutes, entryId: string, patch: EntryTextPatch): Minutes {
  const { text } = parse(EntryTextPatch, patch, 'escalation change');
  const { item } = locate(minutes, entryId, ['escalations']);
  return withItem(minutes, item, (current) => ({
    ...current,
    escalations: current.escalations.map((entry) => (entry.id === entryId ? { ...entry, text, edited: true } : entry)),
  }));
}

/** Changes an action's text, owner or due date; fixing owner or date clears the matching problem. */
export function editAction(minutes: Minutes, entryId: string, patch: ActionPatch): Minutes {
  const change = parse(ActionPatch, patch, 'action change');
  const { item } = locate(minutes, entryId, ['actions']);
  return withItem(minutes, item, (current) => ({
    ...current,
    actions: current.actions.map((entry) => {
      if (entry.id !== entryId) return entry;
      const next = { ...entry, edited: true };
      if (change.text !== undefined) next.text = change.text;
      if (change.ownerName !== undefined) next.ownerName = change.ownerName;
      if (change.ownerId !== undefined) next.ownerId = change.ownerId;
      if (change.due !== undefined) {
        next.due = change.due;
        next.dueText = null;
      }
      next.problems = entry.problems.filter(
        (problem) =>
          !(problem === 'owner-missing' && next.ownerName) &&
          !(problem === 'date-invalid' && change.due !== undefined) &&
          !(problem === 'text-empty' && next.text !== ''),
      );
      return next;
    }),
  }));
}

/** Removes a decision, action, escalation or discussion point from the minutes. */
export function removeEntry(minutes: Minutes, entryId: string): Minutes {
  const { item, list } = locate(minutes, entryId, LISTS);
  return withItem(minutes, item, (current) => ({
    ...current,
    [list]: (current[list] as { id: string }[]).filter((entry) => entry.id !== entryId),
  }));
}
