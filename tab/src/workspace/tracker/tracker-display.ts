/** How the tracker's statuses look: their order and badge colours. */
import type { BadgeProps } from '@fluentui/react-components';
import type { TrackerStatus } from '../../api';

/** The statuses in the order the summary bar lists them. */
export { TRACKER_STATUSES } from '../../../../teams-app/domain/states';

/** The badge colour of each status. */
export const TRACKER_COLOURS: Record<TrackerStatus, NonNullable<BadgeProps['color']>> = {
  answered: 'success',
  'no-change': 'informative',
  pending: 'brand',
  'not-asked': 'subtle',
  late: 'warning',
  undeliverable: 'danger',
  vacant: 'severe',
};
