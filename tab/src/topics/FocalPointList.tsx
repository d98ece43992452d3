/** The focal point and alternate of each sector of a topic, with vacancies flagged. */
import { Badge, Caption1, mergeClasses } from '@fluentui/react-components';
import type { TopicSector } from '../api';
import { SectorBadge } from '../common/SectorBadge';
import { useI18n } from '../i18n';
import { useFocalPointStyles } from './FocalPointList.styles';

/** One line per sector: badge, focal point (or "Vacant"), and the alternate underneath. */
export function FocalPointList({ assignments, compact = false }: { assignments: TopicSector[]; compact?: boolean }) {
  const { t } = useI18n();
  const styles = useFocalPointStyles();
  return (
    <ul className={mergeClasses(styles.list, compact && styles.compact)}>
      {assignments.map((a) => (
        <li key={a.sector} className={styles.item}>
          <SectorBadge sector={a.sector} />
          <span className={styles.people}>
            {a.vacant || !a.focalPoint ? (
              <Badge appearance="tint" color="warning" shape="rounded">
                {t.topics.vacant}
              </Badge>
            ) : (
              <span className={styles.name}>{a.focalPoint.name}</span>
            )}
            {a.iscgCoordinator && (
              <Badge appearance="outline" color="informative" size="small" className={styles.coordinator}>
                {t.topics.iscgCoordinator}
              </Badge>
            )}
            {!compact && a.alternate && (
              <Caption1 className={styles.alternate}>{t.topics.alternate(a.alternate.name)}</Caption1>
            )}
          </span>
        </li>
      ))}
    </ul>
  );
}
