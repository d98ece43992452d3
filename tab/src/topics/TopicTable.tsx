/** The topic register as a table: title, sectors, focal points and related resolutions. */
import {
  Badge,
  Caption1,
  Link,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import type { TopicView } from '../api';
import { resolutionLabel } from '../common/format';
import { SectorBadge } from '../common/SectorBadge';
import { useI18n } from '../i18n';
import { FocalPointList } from './FocalPointList';
import { useTopicTableStyles } from './TopicTable.styles';
import { useTopicTitle } from './useTopicTitle';

const RESOLUTIONS_SHOWN = 3;

/** Renders the rows; a row (or its title button, for keyboards) opens the topic's details. */
export function TopicTable({ topics, onOpen }: { topics: TopicView[]; onOpen: (topic: TopicView) => void }) {
  const { t, dir } = useI18n();
  const styles = useTopicTableStyles();
  const titleOf = useTopicTitle();
  return (
    <div className={styles.scroller}>
      <Table aria-label={t.topics.tableLabel} className={styles.table}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={styles.topicColumn}>{t.topics.columns.topic}</TableHeaderCell>
            <TableHeaderCell className={styles.sectorsColumn}>{t.topics.columns.sectors}</TableHeaderCell>
            <TableHeaderCell className={styles.peopleColumn}>{t.topics.columns.focalPoints}</TableHeaderCell>
            <TableHeaderCell className={styles.resolutionsColumn}>{t.topics.columns.resolutions}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {topics.map((topic) => {
            const extra = topic.resolutions.length - RESOLUTIONS_SHOWN;
            return (
              <TableRow key={topic.id} className={styles.row} onClick={() => onOpen(topic)}>
                <TableCell className={styles.cell}>
                  <Link
                    as="button"
                    className={styles.title}
                    onClick={(event) => {
                      event.stopPropagation();
                      onOpen(topic);
                    }}
                  >
                    {titleOf(topic)}
                  </Link>
                  {topic.kind !== 'topic' && (
                    <Badge appearance="outline" color="informative" size="small">
                      {t.topics.kinds[topic.kind]}
                    </Badge>
                  )}
                  {topic.status !== 'active' && (
                    <Badge appearance="outline" color="subtle" size="small">
                      {t.topics.statuses[topic.status]}
                    </Badge>
                  )}
                </TableCell>
                <TableCell className={styles.cell}>
                  <span className={styles.badges}>
                    {topic.sectors.map((sector) => (
                      <SectorBadge key={sector} sector={sector} lead={sector === topic.leadSector} />
                    ))}
                  </span>
                </TableCell>
                <TableCell className={styles.cell}>
                  <FocalPointList assignments={topic.assignments} />
                </TableCell>
                <TableCell className={styles.cell}>
                  {topic.resolutions.length === 0 ? (
                    <Caption1 className={styles.muted}>{t.topics.noResolutions}</Caption1>
                  ) : (
                    <ul className={styles.resolutions}>
                      {topic.resolutions.slice(0, RESOLUTIONS_SHOWN).map((r, i) => (
                        <li key={i}>{resolutionLabel(r, t, dir)}</li>
                      ))}
                      {extra > 0 && (
                        <li>
                          <Caption1 className={styles.muted}>{t.topics.moreResolutions(extra)}</Caption1>
                        </li>
                      )}
                    </ul>
                  )}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}
