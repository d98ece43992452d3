import { z } from 'zod';
import { AppError } from '../errors';
import { PlannedMinutes, Presenter, type Agenda, type AgendaItem } from './agenda-schema';
import { isStandardItemTitle } from './item-titles';

/** A presenter as the editor sends it: an empty name clears it. */
const PresenterInput = z
  .string()
  .trim()
  .max(200)
  .transform((value) => (value === '' ? null : value))
  .pipe(Presenter.nullable())
  .nullable();

/**
 * What the chair may change on an item: its heading, the note under it, the minutes planned for it and who
 * presents it (null clears either).
 */
export const AgendaItemPatch = z.strictObject({
  title: z.string().trim().min(1).max(300).optional(),
  note: z.string().trim().max(4000).optional(),
  plannedMinutes: PlannedMinutes.nullable().optional(),
  presenter: PresenterInput.optional(),
});
export type AgendaItemPatch = z.infer<typeof AgendaItemPatch>;

/** A new item the chair adds (it is numbered where it is put). */
export const NewAgendaItem = z.strictObject({
  title: z.string().trim().min(1).max(300),
  note: z.string().trim().max(4000).default(''),
  plannedMinutes: PlannedMinutes.nullable().default(null),
  presenter: PresenterInput.default(null),
});
export type NewAgendaItem = z.input<typeof NewAgendaItem>;

/** The most items an agenda may have. */
export const MAX_AGENDA_ITEMS = 60;

/** A position on the agenda as printed (1-based); one past the last item appends. */
const Position = z
  .number()
  .int()
  .min(1)
  .max(MAX_AGENDA_ITEMS + 1);
const ItemId = z.string().min(1).max(60);

/** One change to the draft agenda, as the tab sends it (the PATCH body's `edit`): move, edit, add or remove an item. */
export const AgendaEditRequest = z.discriminatedUnion('op', [
  z.strictObject({ op: z.literal('move'), from: Position, to: Position }),
  z.strictObject({ op: z.literal('edit'), itemId: ItemId, patch: AgendaItemPatch }),
  z.strictObject({ op: z.literal('add'), item: NewAgendaItem, at: Position.optional() }),
  z.strictObject({ op: z.literal('remove'), itemId: ItemId }),
  /** Moves a sub-item (a topic section, 4.1, 4.2 …) within its item; positions are 1-based. */
  z.strictObject({ op: z.literal('move-sub'), itemId: ItemId, from: Position, to: Position }),
]);
export type AgendaEditRequest = z.input<typeof AgendaEditRequest>;

function renumbered(agenda: Agenda, items: AgendaItem[]): Agenda {
  return {
    ...agenda,
    revision: agenda.revision + 1,
    items: items.map((item, i) => (item.number === i + 1 ? item : { ...item, number: i + 1 })),
  };
}

function position(agenda: Agenda, value: number, name: string): number {
  if (!Number.isInteger(value) || value < 1 || value > agenda.items.length) {
    throw new AppError('request.invalid', `Item ${name} must be a number from 1 to ${agenda.items.length}.`, {
      [name]: value,
    });
  }
  return value - 1;
}

function indexOfItem(agenda: Agenda, itemId: string): number {
  const at = agenda.items.findIndex((item) => item.id === itemId);
  if (at < 0) throw new AppError('request.invalid', `The agenda has no item "${itemId.slice(0, 60)}".`, { itemId });
  return at;
}

/** Moves the item at position `from` to position `to` (both 1-based, as printed) and renumbers every item. */
export function moveItem(agenda: Agenda, from: number, to: number): Agenda {
  const source = position(agenda, from, 'from');
  const target = position(agenda, to, 'to');
  const items = [...agenda.items];
  const [moved] = items.splice(source, 1);
  if (moved) items.splice(target, 0, moved);
  return renumbered(agenda, items);
}

/**
 * Changes an item's heading or note; setting the standard heading again marks the title as not edited. A change
 * that changes nothing returns the agenda as it was (same revision).
 */
export function editItem(agenda: Agenda, itemId: string, patch: AgendaItemPatch): Agenda {
  const parsed = AgendaItemPatch.safeParse(patch);
  if (!parsed.success) {
    throw new AppError('request.invalid', 'The agenda item change is not valid.', {
      issues: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
    });
  }
  const at = indexOfItem(agenda, itemId);
  const items = [...agenda.items];
  const item = items[at];
  if (!item) return agenda;
  const { title, note, plannedMinutes, presenter } = parsed.data;
  const titleEdited = title === undefined ? item.titleEdited : !isStandardItemTitle(item.kind, title);
  const changed: AgendaItem = {
    ...item,
    title: title ?? item.title,
    titleEdited,
    note: note ?? item.note,
    plannedMinutes: plannedMinutes === undefined ? (item.plannedMinutes ?? null) : plannedMinutes,
    presenter: presenter === undefined ? (item.presenter ?? null) : presenter,
  };
  if (
    changed.title === item.title &&
    changed.note === item.note &&
    changed.titleEdited === item.titleEdited &&
    changed.plannedMinutes === (item.plannedMinutes ?? null) &&
    changed.presenter === (item.presenter ?? null)
  ) {
    return agenda;
  }
  items[at] = changed;
  return renumbered(agenda, items);
}

/** Adds an item of the chair's own at a position (1-based; default: before "any other business", else last). */
export function addItem(agenda: Agenda, newItem: NewAgendaItem, at?: number): Agenda {
  const parsed = NewAgendaItem.safeParse(newItem);
  if (!parsed.success) throw new AppError('request.invalid', 'The new agenda item is not valid.');
  if (agenda.items.length >= MAX_AGENDA_ITEMS) {
    throw new AppError('request.invalid', `An agenda has at most ${MAX_AGENDA_ITEMS} items.`);
  }
  const used = new Set(agenda.items.map((item) => item.id));
  let n = 1;
  while (used.has(`custom-${n}`)) n++;
  const aob = agenda.items.findIndex((item) => item.kind === 'aob');
  const insertAt =
    at === undefined
      ? aob >= 0
        ? aob
        : agenda.items.length
      : at === agenda.items.length + 1
        ? at - 1
        : position(agenda, at, 'at');
  const item: AgendaItem = {
    id: `custom-${n}`,
    number: insertAt + 1,
    kind: 'custom',
    title: parsed.data.title,
    titleEdited: true,
    note: parsed.data.note,
    refersTo: null,
    plannedMinutes: parsed.data.plannedMinutes,
    presenter: parsed.data.presenter,
  };
  const items = [...agenda.items];
  items.splice(insertAt, 0, item);
  return renumbered(agenda, items);
}

/** Removes an item and renumbers the rest; the last remaining item cannot be removed. */
export function removeItem(agenda: Agenda, itemId: string): Agenda {
  const at = indexOfItem(agenda, itemId);
  if (agenda.items.length === 1) throw new AppError('request.invalid', 'An agenda keeps at least one item.');
  return renumbered(
    agenda,
    agenda.items.filter((_, i) => i !== at),
  );
}

/**
 * Moves a sub-item of an item with numbered sub-items (topic updates, JIU: 4.1, 4.2 …) from one position to another
 * (1-based); the item's sections are reordered, so 4.2 becomes 4.1 and so on.
 */
export function moveSubItem(agenda: Agenda, itemId: string, from: number, to: number): Agenda {
  const at = indexOfItem(agenda, itemId);
  const item = agenda.items[at];
  if (!item || (item.kind !== 'topic-updates' && item.kind !== 'jiu')) {
    throw new AppError('request.invalid', `Item "${itemId.slice(0, 60)}" has no sub-items to move.`, { itemId });
  }
  const count = item.sections.length;
  for (const [name, value] of [
    ['from', from],
    ['to', to],
  ] as const) {
    if (!Number.isInteger(value) || value < 1 || value > count) {
      throw new AppError('request.invalid', `Sub-item ${name} must be a number from 1 to ${count}.`, { [name]: value });
    }
  }
  const sections = [...item.sections];
  const [moved] = sections.splice(from - 1, 1);
  if (moved) sections.splice(to - 1, 0, moved);
  const items = [...agenda.items];
  items[at] = { ...item, sections };
  return renumbered(agenda, items);
}
