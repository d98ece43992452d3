/** The decisions of every meeting, with their meeting, agenda item and wording as recorded. */
import {
  Button,
  Caption1,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import { useCallback } from 'react';
import { listDecisions } from '../api';
import { useSession } from '../common/ApiContext';
import { ErrorBar } from '../common/ErrorBar';
import { formatDate } from '../common/format';
import { useI18n } from '../i18n';
import { useAdminText } from '../i18n/admin/admin-text';
import { meetingName } from '../meetings/meeting-display';
import { useAdminStyles } from '../admin/admin.styles';
import { usePaged, type SharedFilters } from './record-filters';

/** The decisions list. */
export function DecisionsRegister({ filters }: { filters: SharedFilters }) {
  const { locale, intlTag } = useI18n();
  const a = useAdminText();
  const r = a.records;
  const x = r.decisions;
  const styles = useAdminStyles();
  const { api } = useSession();
  const { topicId, sector, meetingId, q, resolution } = filters;
  const load = useCallback(
    (cursor: string | undefined, signal?: AbortSignal) =>
      listDecisions(api, { topicId, sector, meetingId, q, resolution, cursor }, signal),
    [api, topicId, sector, meetingId, q, resolution],
  );
  const list = usePaged(load);

  return (
    <div className={styles.panel}>
      <div role="status" className={styles.status}>
        {list.page.data && <Caption1>{x.count(list.total)}</Caption1>}
        {list.page.loading && list.page.data && <Spinner size="extra-tiny" aria-label={a.common.loading} />}
      </div>
      {list.page.error !== null && (
        <ErrorBar title={a.common.loadError} error={list.page.error} onRetry={list.page.reload} />
      )}
      {!list.page.data && list.page.loading && <Spinner label={a.common.loading} />}
      {list.page.data && list.items.length === 0 && <p className={styles.muted}>{r.empty}</p>}
      {list.items.length > 0 && (
        <div className={styles.scroller}>
          <Table aria-label={x.tableLabel} size="small" className={styles.table}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell className={styles.wide}>{x.columns.text}</TableHeaderCell>
                <TableHeaderCell>{x.columns.topic}</TableHeaderCell>
                <TableHeaderCell>{x.columns.meeting}</TableHeaderCell>
                <TableHeaderCell>{x.columns.item}</TableHeaderCell>
                <TableHeaderCell>{x.columns.recorded}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {list.items.map((decision) => (
                <TableRow key={decision.id}>
                  <TableCell className={styles.cell}>
                    <bdi>{decision.text}</bdi>
                  </TableCell>
                  <TableCell className={styles.cell}>
                    {decision.topicTitle ? (decision.topicTitle[locale] ?? decision.topicTitle.en) : '—'}
                  </TableCell>
                  <TableCell className={styles.cell}>
                    {decision.meeting ? meetingName(decision.meeting) : '—'}
                  </TableCell>
                  <TableCell className={styles.cell}>{decision.agendaItem ?? '—'}</TableCell>
                  <TableCell className={styles.cell}>{formatDate(decision.recordedAt.slice(0, 10), intlTag)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      {list.hasMore && (
        <div>
          <Button onClick={list.loadMore}>{a.common.showMore}</Button>
        </div>
      )}
    </div>
  );
}
