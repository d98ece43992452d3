/** The issues escalated to the task force or the Coordination Committee, with their outcome once known. */
import { Badge } from '@fluentui/react-components';
import { useCallback, useState } from 'react';
import { listEscalations, type EscalationView } from '../api';
import { useSession } from '../common/ApiContext';
import { usePermission } from '../common/roles';
import { useI18n } from '../i18n';
import { useAdminText } from '../i18n/admin/admin-text';
import { useAdminStyles } from '../admin/admin.styles';
import { SelectFilter } from '../admin/SelectFilter';
import { useEditing } from '../admin/useEditing';
import { EscalationDialog } from './EscalationDialog';
import { usePaged } from '../admin/usePaged';
import { emptyListText } from './empty-list';
import type { SharedFilters } from './record-filters';
import { RecordsList, editColumn } from './RecordsList';

const STATUS_COLOURS = { open: 'warning', decided: 'success', withdrawn: 'subtle' } as const;

/** The escalations list; staff record outcomes. */
export function EscalationsRegister({ filters }: { filters: SharedFilters }) {
  const { locale } = useI18n();
  const a = useAdminText();
  const r = a.records;
  const x = r.escalations;
  const styles = useAdminStyles();
  const { api } = useSession();
  const can = usePermission();
  const staff = can('escalation.update');
  const [status, setStatus] = useState<EscalationView['status'] | ''>('');
  const edits = useEditing<EscalationView>();
  const { topicId, sector, meetingId, q, resolution } = filters;
  const load = useCallback(
    (cursor: string | undefined, signal?: AbortSignal) =>
      listEscalations(api, { topicId, sector, meetingId, q, resolution, status: status || undefined, cursor }, signal),
    [api, topicId, sector, meetingId, q, resolution, status],
  );
  const list = usePaged(load);

  return (
    <div className={styles.panel}>
      <div className={styles.toolbar}>
        <SelectFilter
          label={r.status}
          anyLabel={a.common.all}
          value={status}
          options={(['open', 'decided', 'withdrawn'] as const).map((s) => ({ value: s, label: x.statuses[s] }))}
          onChange={setStatus}
        />
      </div>
      <RecordsList
        list={list}
        label={x.tableLabel}
        count={x.count}
        notice={edits.notice}
        empty={emptyListText({ ...filters, status }, { none: x.none, noMatch: r.empty })}
        columns={[
          { header: x.columns.ask, wide: true, cell: (escalation) => <bdi>{escalation.ask}</bdi> },
          {
            header: x.columns.topic,
            cell: (escalation) =>
              escalation.topicTitle ? (escalation.topicTitle[locale] ?? escalation.topicTitle.en) : '—',
          },
          { header: x.columns.sector, cell: (escalation) => escalation.sector ?? '—' },
          { header: x.columns.to, cell: (escalation) => x.to[escalation.to] },
          {
            header: x.columns.status,
            cell: (escalation) => (
              <Badge appearance="tint" color={STATUS_COLOURS[escalation.status]}>
                {x.statuses[escalation.status]}
              </Badge>
            ),
          },
          {
            header: x.columns.outcome,
            cell: (escalation) => (escalation.outcome ? <bdi>{escalation.outcome}</bdi> : x.noOutcome),
          },
          staff && editColumn(x.columns.update, x.record, (escalation) => x.recordLabel(escalation.ask), edits.open),
        ]}
      />
      {edits.editing && (
        <EscalationDialog
          key={edits.editing.id}
          escalation={edits.editing}
          onClose={edits.close}
          onSaved={(saved) => {
            edits.done(x.saved);
            list.replace((item) => item.id === saved.id, saved);
          }}
        />
      )}
    </div>
  );
}
