/** The topic register as a compact table: title, sectors with the lead named, focal points and resolutions. */
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
import { SectorBadge } from '../common/SectorBadge';
import { useDisplayTitles, useI18n } from '../i18n';
import { FocalPointList } from './FocalPointList';
import { vacanciesOf, type RegisterFilters, type SortKey } from './register-filters';
import { useTopicTableStyles } from './TopicTable.styles';
import { useTopicTitle } from './useTopicTitle';

const RESOLUTIONS_SHOWN = 3;

/**
 * Renders the rows; a row (or its title button, for keyboards) opens the topic's details with the button that
 * opened them (focus goes back to it on close). The Topic column's header sorts by title.
 */
export function TopicTable({
  topics,
  sort,
  onSort,
  onOpen,
}: {
  topics: TopicView[];
  sort: Pick<RegisterFilters, 'sort' | 'descending'>;
  onSort: (key: SortKey) => void;
  onOpen: (topic: TopicView, opener: HTMLElement | null) => void;
}) {
  const { t } = useI18n();
  const titles = useDisplayTitles();
  const styles = useTopicTableStyles();
  const titleOf = useTopicTitle();
  const direction = sort.descending ? 'descending' : 'ascending';
  return (
    <div className={styles.scroller}>
      <Table aria-label={t.topics.tableLabel} className={styles.table} size="small" sortable>
        <TableHeader className={styles.header}>
          <TableRow>
            <TableHeaderCell
              className={styles.topicColumn}
              sortDirection={sort.sort === 'title' ? direction : undefined}
              onClick={() => onSort('title')}
            >
              {t.topics.columns.topic}
            </TableHeaderCell>
            <TableHeaderCell
              className={styles.sectorsColumn}
              sortDirection={sort.sort === 'lead' ? direction : undefined}
              onClick={() => onSort('lead')}
            >
              {t.topics.columns.sectors}
            </TableHeaderCell>
            <TableHeaderCell
              className={styles.peopleColumn}
              sortDirection={sort.sort === 'vacancies' ? direction : undefined}
              onClick={() => onSort('vacancies')}
            >
              {t.topics.columns.focalPoints}
            </TableHeaderCell>
            <TableHeaderCell className={styles.resolutionsColumn}>{t.topics.columns.resolutions}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {topics.map((topic) => {
            const extra = topic.resolutions.length - RESOLUTIONS_SHOWN;
            const vacancies = vacanciesOf(topic);
            return (
              <TableRow
                key={topic.id}
                className={styles.row}
                onClick={(event) =>
                  onOpen(topic, event.currentTarget.querySelector<HTMLElement>('[data-topic-button]'))
                }
              >
                <TableCell className={styles.cell}>
                  <Link
                    as="button"
                    data-topic-button=""
                    className={styles.title}
                    onClick={(event) => {
                      event.stopPropagation();
                      onOpen(topic, event.currentTarget);
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
                  {topic.leadSector && (
                    <Caption1 as="p" className={styles.lead}>
                      {t.register.lead(t.sectors.names[topic.leadSector])}
                    </Caption1>
                  )}
                </TableCell>
                <TableCell className={styles.cell}>
                  <FocalPointList assignments={topic.assignments} compact />
                  {vacancies > 0 && (
                    <Badge appearance="tint" color="warning" size="small" className={styles.vacancies}>
                      {t.register.vacancies(vacancies)}
                    </Badge>
                  )}
                </TableCell>
                <TableCell className={styles.cell}>
                  {topic.resolutions.length === 0 ? (
                    <Caption1 className={styles.muted}>{t.topics.noResolutions}</Caption1>
                  ) : (
                    <ul className={styles.resolutions}>
                      {topic.resolutions.slice(0, RESOLUTIONS_SHOWN).map((r, i) => (
                        <li key={i}>{titles.resolution(r).reference}</li>
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
