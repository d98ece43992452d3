/**
 * The agenda timer: which item the meeting is on, since when (server time), and how the time used compares with the
 * time planned for it. Read by the side panel and the stage.
 */
import { z } from 'zod';
import { Instant } from '../reference';

/**
 * GET /meetings/:id/current-item: the item and sub-item the meeting chat is on (null before any pointer), when it
 * became current, the server's clock when answering, and a version that changes whenever the position does (the
 * answer's ETag).
 */
export const CurrentItemState = z.object({
  item: z.number().int().min(0).max(999).nullable(),
  sub: z.number().int().min(0).max(999).nullable(),
  since: Instant.nullable(),
  serverTime: Instant,
  version: z.string().min(1).max(200),
});
export type CurrentItemState = z.infer<typeof CurrentItemState>;

/** A point of the chat's replay: the agenda position after a line, and when the line was said. */
export interface PositionAt {
  item: number | null;
  sub: number | null;
  at: string;
}

/**
 * When the last position was reached: the time of the first line at the final position after a change (repeating
 * "Item 4" while on item 4 keeps the clock running). Null before any position.
 */
export function positionSince(replay: readonly PositionAt[]): string | null {
  let item: number | null = null;
  let sub: number | null = null;
  let since: string | null = null;
  for (const point of replay) {
    if (point.item === item && point.sub === sub) continue;
    item = point.item;
    sub = point.sub;
    since = item === null ? null : point.at;
  }
  return since;
}

/** The version of a position: equal positions reached at the same time have the same version. */
export function positionVersion(item: number | null, sub: number | null, since: string | null): string {
  return `${item ?? '-'}.${sub ?? '-'}.${since ? Date.parse(since).toString(36) : '-'}`;
}

export { MAX_PLANNED_MINUTES, itemTiming, type ItemTiming } from './item-timing';
