/** The actions of every meeting: filters by owner, status and overdue, and the owner's or staff's update dialog. */
import { Badge, Caption1, Field, Input, Switch } from '@fluentui/react-components';
import { useCallback, useState } from 'react';
import { listActions, type ActionView } from '../api';
import { useSession } from '../common/ApiContext';
import { formatDate, isolate } from '../common/format';
import { usePermission } from '../common/roles';
import { useI18n } from '../i18n';
import { useAdminText } from '../i18n/admin/admin-text';
import { meetingName } from '../meetings/meeting-display';
import { useAdminStyles } from '../admin/admin.styles';
import { personOptions } from '../admin/labels';
import { SelectFilter } from '../admin/SelectFilter';
import { useEditing } from '../admin/useEditing';
import { ActionDialog } from './ActionDialog';
import { usePaged } from '../admin/usePaged';
import { emptyListText } from './empty-list';
import type { RecordLists, SharedFilters } from './record-filters';
import { RecordsList, editColumn } from './RecordsList';

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
  const edits = useEditing<ActionView>();
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
  // The list opens on the open actions: with no other filter set, an empty list says there are none open.
  const empty = emptyListText(
    { ...filters, ownerId, dueBy, overdue, status: status === 'open' ? '' : status },
    { none: status === 'open' ? x.noneOpen : x.none, noMatch: r.empty },
  );

  return (
    <div className={styles.panel}>
      <div className={styles.toolbar}>
        <SelectFilter
          label={r.owner}
          anyLabel={r.anyOwner}
          value={ownerId}
          options={personOptions(lists.people, intlTag)}
          onChange={setOwnerId}
        />
        <SelectFilter
          label={r.status}
          anyLabel={a.common.all}
          value={status}
          options={(['open', 'done', 'dropped'] as const).map((s) => ({ value: s, label: x.statuses[s] }))}
          onChange={setStatus}
        />
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
      <RecordsList
        list={list}
        label={x.tableLabel}
        count={x.count}
        notice={edits.notice}
        empty={empty}
        columns={[
          {
            header: x.columns.text,
            wide: true,
            cell: (action) => {
              const lastNote = action.notes?.at(-1);
              return (
                <>
                  <bdi>{action.text}</bdi>
                  {lastNote && (
                    <>
                      <br />
                      <Caption1 className={styles.muted}>
                        <bdi>{x.lastNote(lastNote.text)}</bdi>
                      </Caption1>
                    </>
                  )}
                </>
              );
            },
          },
          {
            header: x.columns.topic,
            cell: (action) => (action.topicTitle ? (action.topicTitle[locale] ?? action.topicTitle.en) : '—'),
          },
          { header: x.columns.owner, cell: (action) => isolate(action.ownerName, dir) },
          {
            header: x.columns.due,
            cell: (action) => (
              <>
                {action.due ? formatDate(action.due, intlTag) : x.noDue}
                {action.overdue && (
                  <>
                    {' '}
                    <Badge appearance="tint" color="danger" size="small">
                      {x.overdue}
                    </Badge>
                  </>
                )}
              </>
            ),
          },
          {
            header: x.columns.status,
            cell: (action) => (
              <Badge appearance="tint" color={STATUS_COLOURS[action.status]}>
                {x.statuses[action.status]}
              </Badge>
            ),
          },
          { header: x.columns.meeting, cell: (action) => (action.meeting ? meetingName(action.meeting) : '—') },
          editColumn(
            x.columns.update,
            x.update,
            (action) => x.updateLabel(action.text),
            edits.open,
            (action) => staff || (myId !== null && action.ownerId === myId),
          ),
        ]}
      />
      {edits.editing && (
        <ActionDialog
          key={edits.editing.id}
          action={edits.editing}
          people={lists.people}
          canReassign={staff}
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
