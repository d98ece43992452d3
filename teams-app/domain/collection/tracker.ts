import type { Assignment, StatusUpdate } from '../entities';
import { slotKey, type PromptTarget } from './targets';

/** Where one topic × sector stands in a collection. */
export type TrackerStatus = 'answered' | 'no-change' | 'pending' | 'not-asked' | 'late' | 'undeliverable' | 'vacant';

/** Every tracker status, in the order the tracker shows them. */
export const TRACKER_STATUSES: readonly TrackerStatus[] = [
  'answered',
  'no-change',
  'pending',
  'not-asked',
  'late',
  'undeliverable',
  'vacant',
];

/** One row of the collection tracker. */
export interface TrackerRow {
  topicId: string;
  sector: Assignment['sector'];
  status: TrackerStatus;
  personId: string | null;
  answeredById: string | null;
  at: string | null;
  reason: string | null;
}

/** What the tracker is built from. */
export interface TrackerInput {
  assignments: Assignment[];
  activeTopicIds: string[];
  targets: PromptTarget[];
  updates: StatusUpdate[];
  /** Prompts Teams refused, keyed by slot, with the reason. */
  undeliverable: Map<string, string>;
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
      const base = { topicId: a.topicId, sector: a.sector, personId: target?.personId ?? a.focalPointId };
      if (!a.focalPointId)
        return { ...base, status: 'vacant', answeredById: null, at: null, reason: 'no focal point appointed' };
      if (update) {
        const status: TrackerStatus = update.late ? 'late' : update.noChange ? 'no-change' : 'answered';
        return { ...base, status, answeredById: update.authorId, at: update.submittedAt, reason: null };
      }
      const refused = input.undeliverable.get(key);
      if (refused) return { ...base, status: 'undeliverable', answeredById: null, at: null, reason: refused };
      const status: TrackerStatus = input.asked.has(key) ? 'pending' : 'not-asked';
      return { ...base, status, answeredById: null, at: null, reason: null };
    });
}
