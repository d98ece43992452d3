/** The issues escalated to the task force or the Coordination Committee, with their outcome once known. */
import {
  Badge,
  Button,
  Caption1,
  Field,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import { Select } from '../admin/FitSelect';
import { Edit20Regular } from '@fluentui/react-icons/svg/edit';
import { useCallback, useState } from 'react';
import { listEscalations, type EscalationView } from '../api';
import { useSession } from '../common/ApiContext';
import { ErrorBar } from '../common/ErrorBar';
import { usePermission } from '../common/roles';
import { useFocusReturn } from '../common/useFocusReturn';
import { useI18n } from '../i18n';
import { useAdminText } from '../i18n/admin/admin-text';
import { useAdminStyles } from '../admin/admin.styles';
import { EscalationDialog } from './EscalationDialog';
import { usePaged, type SharedFilters } from './record-filters';

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
  const [editing, setEditing] = useState<EscalationView | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const focus = useFocusReturn();
  const { topicId, sector, meetingId, q, resolution } = filters;
  const load = useCallback(
    (cursor: string | undefined, signal?: AbortSignal) =>
      listEscalations(api, { topicId, sector, meetingId, q, resolution, status: status || undefined, cursor }, signal),
    [api, topicId, sector, meetingId, q, resolution, status],
  );
  const list = usePaged(load);
  const close = () => {
    setEditing(null);
    focus.restore();
  };

  return (
    <div className={styles.panel}>
      <div className={styles.toolbar}>
        <Field label={r.status} className={styles.filter}>
          <Select value={status} onChange={(_, data) => setStatus(data.value as EscalationView['status'] | '')}>
            <option value="">{a.common.all}</option>
            {(['open', 'decided', 'withdrawn'] as const).map((s) => (
              <option key={s} value={s}>
                {x.statuses[s]}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <div role="status" className={styles.status}>
        {list.page.data && <Caption1>{x.count(list.total)}</Caption1>}
        {list.page.loading && list.page.data && <Spinner size="extra-tiny" aria-label={a.common.loading} />}
        {notice && <Caption1>{notice}</Caption1>}
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
                <TableHeaderCell className={styles.wide}>{x.columns.ask}</TableHeaderCell>
                <TableHeaderCell>{x.columns.topic}</TableHeaderCell>
                <TableHeaderCell>{x.columns.sector}</TableHeaderCell>
                <TableHeaderCell>{x.columns.to}</TableHeaderCell>
                <TableHeaderCell>{x.columns.status}</TableHeaderCell>
                <TableHeaderCell>{x.columns.outcome}</TableHeaderCell>
                {staff && <TableHeaderCell>{x.columns.update}</TableHeaderCell>}
              </TableRow>
            </TableHeader>
            <TableBody>
              {list.items.map((escalation) => (
                <TableRow key={escalation.id}>
                  <TableCell className={styles.cell}>
                    <bdi>{escalation.ask}</bdi>
                  </TableCell>
                  <TableCell className={styles.cell}>
                    {escalation.topicTitle ? (escalation.topicTitle[locale] ?? escalation.topicTitle.en) : '—'}
                  </TableCell>
                  <TableCell className={styles.cell}>{escalation.sector ?? '—'}</TableCell>
                  <TableCell className={styles.cell}>{x.to[escalation.to]}</TableCell>
                  <TableCell className={styles.cell}>
                    <Badge appearance="tint" color={STATUS_COLOURS[escalation.status]}>
                      {x.statuses[escalation.status]}
                    </Badge>
                  </TableCell>
                  <TableCell className={styles.cell}>
                    {escalation.outcome ? <bdi>{escalation.outcome}</bdi> : x.noOutcome}
                  </TableCell>
                  {staff && (
                    <TableCell className={styles.cell}>
                      <Button
                        size="small"
                        icon={<Edit20Regular />}
                        aria-label={x.recordLabel(escalation.ask)}
                        onClick={() => {
                          focus.remember();
                          setNotice(null);
                          setEditing(escalation);
                        }}
                      >
                        {x.record}
                      </Button>
                    </TableCell>
                  )}
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
      {editing && (
        <EscalationDialog
          key={editing.id}
          escalation={editing}
          onClose={close}
          onSaved={(saved) => {
            close();
            list.replace((item) => item.id === saved.id, saved);
            setNotice(x.saved);
          }}
        />
      )}
    </div>
  );
}
