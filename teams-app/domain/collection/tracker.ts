import { z } from 'zod';
import { TRACKER_STATUSES } from '../states';
import type { Assignment, StatusUpdate } from '../entities';
import { Id, SectorId } from '../reference';
import { REASON_CODES, readDeliveryFailure } from './delivery-reason';
import { slotKey, type PromptTarget } from './targets';

/** Where one topic × sector stands in a collection. */
export const TrackerStatus = z.enum(TRACKER_STATUSES);
export type TrackerStatus = z.infer<typeof TrackerStatus>;

export { TRACKER_STATUSES };

/**
 * One row of the collection tracker. An undeliverable or vacant row says why: `reasonCode`, shown in the
 * reader's language, or for a failure stored before reasons were coded, `reason` as it was stored.
 */
export const TrackerRow = z.object({
  topicId: Id,
  sector: SectorId,
  status: TrackerStatus,
  personId: Id.nullable(),
  answeredById: Id.nullable(),
  at: z.string().nullable(),
  reasonCode: z.enum(REASON_CODES).nullable(),
  reason: z.string().nullable(),
});
export type TrackerRow = z.infer<typeof TrackerRow>;

/** What the tracker is built from. */
export interface TrackerInput {
  assignments: Assignment[];
  activeTopicIds: string[];
  targets: PromptTarget[];
  updates: StatusUpdate[];
  /** Prompts Teams refused, keyed by slot, with the failure the outbox stored (null when it stored none). */
  undeliverable: Map<string, string | null>;
  /** The slots whose prompt is queued or sent: the others have not been asked yet. */
  asked: ReadonlySet<string>;
}

/**
 * Builds the tracker: per topic × sector, answered / no change / pending (asked, no answer yet) / not asked
 * yet / late / undeliverable / vacant.
 */
export function buildTracker(input: TrackerInput): TrackerRow[] {
  const active = new Set(input.activeTopicIds);
  const targets = new Map(input.targets.map((t) => [slotKey(t.topicId, t.sector), t]));
  const updates = new Map(input.updates.map((u) => [slotKey(u.topicId, u.sector), u]));
  return input.assignments
    .filter((a) => active.has(a.topicId))
    .sort((a, b) => a.topicId.localeCompare(b.topicId) || a.sector.localeCompare(b.sector))
    .map((a): TrackerRow => {
      const key = slotKey(a.topicId, a.sector);
      const target = targets.get(key);
      const update = updates.get(key);
      const base = {
        topicId: a.topicId,
        sector: a.sector,
        personId: target?.personId ?? a.focalPointId,
        reasonCode: null,
        reason: null,
      };
      if (!a.focalPointId)
        return { ...base, status: 'vacant', answeredById: null, at: null, reasonCode: 'tracker.no-focal-point' };
      if (update) {
        const status: TrackerStatus = update.late ? 'late' : update.noChange ? 'no-change' : 'answered';
        return { ...base, status, answeredById: update.authorId, at: update.submittedAt };
      }
      if (input.undeliverable.has(key)) {
        const why = readDeliveryFailure(input.undeliverable.get(key) ?? null);
        return { ...base, status: 'undeliverable', answeredById: null, at: null, ...why };
      }
      const status: TrackerStatus = input.asked.has(key) ? 'pending' : 'not-asked';
      return { ...base, status, answeredById: null, at: null };
    });
}
