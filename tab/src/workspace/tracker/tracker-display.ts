/** How the tracker's statuses look: their order and badge colours. */
import type { BadgeProps } from '@fluentui/react-components';
import type { Tracker, TrackerStatusView } from '../../api';

/** The statuses in the order the summary bar lists them. */
export const TRACKER_STATUSES: readonly TrackerStatusView[] = [
  'answered',
  'no-change',
  'pending',
  'not-asked',
  'late',
  'undeliverable',
  'vacant',
];

/** The badge colour of each status. */
export const TRACKER_COLOURS: Record<TrackerStatusView, NonNullable<BadgeProps['color']>> = {
  answered: 'success',
  'no-change': 'informative',
  pending: 'brand',
  'not-asked': 'subtle',
  late: 'warning',
  undeliverable: 'danger',
  vacant: 'severe',
};

/**
 * The statuses to offer as filters: all of them, but "not asked" only when the server tells it apart from
 * "pending" (it counts it, or a row has it).
 */
export function shownStatuses(tracker: Pick<Tracker, 'counts' | 'rows'>): TrackerStatusView[] {
  const distinguishes = tracker.counts['not-asked'] !== undefined || tracker.rows.some((r) => r.status === 'not-asked');
  return TRACKER_STATUSES.filter((status) => status !== 'not-asked' || distinguishes);
}
