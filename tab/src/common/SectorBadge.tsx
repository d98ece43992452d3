/** A sector as a small badge (BR, TSB, BDT, GS); the full name shows on hover. */
import { Badge } from '@fluentui/react-components';
import type { SectorId } from '../api';
import { useI18n } from '../i18n';
import { useCommonStyles } from './common.styles';

/** One sector badge; `lead` marks (visibly and for screen readers) the sector that leads the topic. */
export function SectorBadge({ sector, lead = false }: { sector: SectorId; lead?: boolean }) {
  const { t } = useI18n();
  const styles = useCommonStyles();
  const name = t.sectors.names[sector];
  return (
    <Badge
      appearance={lead ? 'filled' : 'tint'}
      color="brand"
      shape="rounded"
      title={lead ? `${name} · ${t.sectors.lead}` : name}
    >
      {sector}
      {lead && <span className={styles.visuallyHidden}> ({t.sectors.lead})</span>}
    </Badge>
  );
}
