/** The actions of every meeting: filters by owner, status and overdue, and the owner's or staff's update dialog. */
import {
  Badge,
  Button,
  Caption1,
  Field,
  Input,
  Spinner,
  Switch,
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
import { listActions, type ActionView } from '../api';
import { useSession } from '../common/ApiContext';
import { ErrorBar } from '../common/ErrorBar';
import { formatDate, isolate } from '../common/format';
import { usePermission } from '../common/roles';
import { useFocusReturn } from '../common/useFocusReturn';
import { useI18n } from '../i18n';
import { useAdminText } from '../i18n/admin/admin-text';
import { meetingName } from '../meetings/meeting-display';
import { useAdminStyles } from '../admin/admin.styles';
import { activePeople } from '../admin/labels';
import { ActionDialog } from './ActionDialog';
import { usePaged, type RecordLists, type SharedFilters } from './record-filters';

const STATUS_COLOURS = { open: 'brand', done: 'success', dropped: 'subtle' } as const;

/** The actions list with its own filters. */
export function ActionsRegister({ filters, lists }: { filters: SharedFilters; lists: RecordLists }) {
  const { locale, intlTag, dir } = useI18n();
  const a = useAdminText();
  const r = a.records;
  const x = r.actions;
  const styles = useAdminStyles();
  const { api, me } = useSession();
  const can = usePermission();
  const staff = can('action.reassign');
  const myId = me?.person?.id ?? null;
  const [ownerId, setOwnerId] = useState('');
  const [status, setStatus] = useState<ActionView['status'] | ''>('open');
  const [overdue, setOverdue] = useState(false);
  const [dueBy, setDueBy] = useState('');
  const [editing, setEditing] = useState<ActionView | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const focus = useFocusReturn();
  const { topicId, sector, meetingId, q, resolution } = filters;

  const load = useCallback(
    (cursor: string | undefined, signal?: AbortSignal) =>
      listActions(
        api,
        {
          topicId,
          sector,
          meetingId,
          q,
          resolution,
          ownerId: ownerId || undefined,
          dueTo: dueBy || undefined,
          status: status || undefined,
          overdue: overdue || undefined,
          cursor,
        },
        signal,
      ),
    [api, topicId, sector, meetingId, q, resolution, ownerId, status, overdue, dueBy],
  );
  const list = usePaged(load);

  const close = () => {
    setEditing(null);
    focus.restore();
  };

  return (
    <div className={styles.panel}>
      <div className={styles.toolbar}>
        <Field label={r.owner} className={styles.filter}>
          <Select value={ownerId} onChange={(_, data) => setOwnerId(data.value)}>
            <option value="">{r.anyOwner}</option>
            {activePeople(lists.people, intlTag).map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={r.status} className={styles.filter}>
          <Select value={status} onChange={(_, data) => setStatus(data.value as ActionView['status'] | '')}>
            <option value="">{a.common.all}</option>
            {(['open', 'done', 'dropped'] as const).map((s) => (
              <option key={s} value={s}>
                {x.statuses[s]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={r.dueBy} className={styles.filter}>
          <Input type="date" value={dueBy} onChange={(_, data) => setDueBy(data.value)} />
        </Field>
        <Switch label={r.overdueOnly} checked={overdue} onChange={(_, data) => setOverdue(data.checked)} />
        {myId && (
          <Switch
            label={r.mineOnly}
            checked={ownerId === myId}
            onChange={(_, data) => setOwnerId(data.checked ? myId : '')}
          />
        )}
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
                <TableHeaderCell className={styles.wide}>{x.columns.text}</TableHeaderCell>
                <TableHeaderCell>{x.columns.topic}</TableHeaderCell>
                <TableHeaderCell>{x.columns.owner}</TableHeaderCell>
                <TableHeaderCell>{x.columns.due}</TableHeaderCell>
                <TableHeaderCell>{x.columns.status}</TableHeaderCell>
                <TableHeaderCell>{x.columns.meeting}</TableHeaderCell>
                <TableHeaderCell>{x.columns.update}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {list.items.map((action) => {
                const lastNote = action.notes?.at(-1);
                const mayUpdate = staff || (myId !== null && action.ownerId === myId);
                return (
                  <TableRow key={action.id}>
                    <TableCell className={styles.cell}>
                      <bdi>{action.text}</bdi>
                      {lastNote && (
                        <>
                          <br />
                          <Caption1 className={styles.muted}>
                            <bdi>{x.lastNote(lastNote.text)}</bdi>
                          </Caption1>
                        </>
                      )}
                    </TableCell>
                    <TableCell className={styles.cell}>
                      {action.topicTitle ? (action.topicTitle[locale] ?? action.topicTitle.en) : '—'}
                    </TableCell>
                    <TableCell className={styles.cell}>{isolate(action.ownerName, dir)}</TableCell>
                    <TableCell className={styles.cell}>
                      {action.due ? formatDate(action.due, intlTag) : x.noDue}
                      {action.overdue && (
                        <>
                          {' '}
                          <Badge appearance="tint" color="danger" size="small">
                            {x.overdue}
                          </Badge>
                        </>
                      )}
                    </TableCell>
                    <TableCell className={styles.cell}>
                      <Badge appearance="tint" color={STATUS_COLOURS[action.status]}>
                        {x.statuses[action.status]}
                      </Badge>
                    </TableCell>
                    <TableCell className={styles.cell}>{action.meeting ? meetingName(action.meeting) : '—'}</TableCell>
                    <TableCell className={styles.cell}>
                      {mayUpdate && (
                        <Button
                          size="small"
                          icon={<Edit20Regular />}
                          aria-label={x.updateLabel(action.text)}
                          onClick={() => {
                            focus.remember();
                            setNotice(null);
                            setEditing(action);
                          }}
                        >
                          {x.update}
                        </Button>
                      )}
                    </TableCell>
                  </TableRow>
                );
              })}
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
        <ActionDialog
          key={editing.id}
          action={editing}
          people={lists.people}
          canReassign={staff}
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
