/** The decisions of every meeting, with their meeting, agenda item and wording as recorded. */
import { useCallback } from 'react';
import { listDecisions } from '../api';
import { useSession } from '../common/ApiContext';
import { formatDate } from '../common/format';
import { useI18n } from '../i18n';
import { useAdminText } from '../i18n/admin/admin-text';
import { meetingName } from '../meetings/meeting-display';
import { useAdminStyles } from '../admin/admin.styles';
import { usePaged } from '../admin/usePaged';
import { emptyListText } from './empty-list';
import type { SharedFilters } from './record-filters';
import { RecordsList } from './RecordsList';

/** The decisions list. */
export function DecisionsRegister({ filters }: { filters: SharedFilters }) {
  const { locale, intlTag } = useI18n();
  const r = useAdminText().records;
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
      <RecordsList
        list={list}
        label={x.tableLabel}
        count={x.count}
        empty={emptyListText({ ...filters }, { none: x.none, noMatch: r.empty })}
        columns={[
          { header: x.columns.text, wide: true, cell: (decision) => <bdi>{decision.text}</bdi> },
          {
            header: x.columns.topic,
            cell: (decision) => (decision.topicTitle ? (decision.topicTitle[locale] ?? decision.topicTitle.en) : '—'),
          },
          { header: x.columns.meeting, cell: (decision) => (decision.meeting ? meetingName(decision.meeting) : '—') },
          { header: x.columns.item, cell: (decision) => decision.agendaItem ?? '—' },
          { header: x.columns.recorded, cell: (decision) => formatDate(decision.recordedAt.slice(0, 10), intlTag) },
        ]}
      />
    </div>
  );
}
