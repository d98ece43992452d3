/** The body every records list shares: its count and notice, load state, empty text, table and "Show more". */
import { Button, Caption1, Spinner } from '@fluentui/react-components';
import { Edit20Regular } from '@fluentui/react-icons/svg/edit';
import { LoadState } from '../admin/LoadState';
import { RecordTable, type RecordColumn } from '../admin/RecordTable';
import { useAdminStyles } from '../admin/admin.styles';
import type { usePaged } from '../admin/usePaged';
import { useAdminText } from '../i18n/admin/admin-text';

/**
 * A paged records list under its status line; `count` words the total, `notice` tells of the last change, `empty`
 * what an empty list says (see `emptyListText`).
 */
export function RecordsList<T extends { id: string }>({
  list,
  label,
  count,
  notice,
  empty,
  columns,
}: {
  list: ReturnType<typeof usePaged<T>>;
  label: string;
  count: (total: number) => string;
  notice?: string | null;
  empty: string;
  columns: readonly (RecordColumn<T> | false)[];
}) {
  const a = useAdminText();
  const styles = useAdminStyles();
  return (
    <>
      <div role="status" className={styles.status}>
        {list.page.data && <Caption1>{count(list.total)}</Caption1>}
        {list.page.loading && list.page.data && <Spinner size="extra-tiny" aria-label={a.common.loading} />}
        {notice && <Caption1>{notice}</Caption1>}
      </div>
      <LoadState resource={list.page} />
      {list.page.data && list.items.length === 0 && <p className={styles.muted}>{empty}</p>}
      {list.items.length > 0 && (
        <RecordTable label={label} columns={columns} rows={list.items} rowKey={(row) => row.id} />
      )}
      {list.hasMore && (
        <div>
          <Button onClick={list.loadMore}>{a.common.showMore}</Button>
        </div>
      )}
    </>
  );
}

/** The column of a list's edit button; `name` words the button for screen readers, `shown` hides it on some rows. */
export function editColumn<T>(
  header: string,
  text: string,
  name: (row: T) => string,
  onEdit: (row: T) => void,
  shown: (row: T) => boolean = () => true,
): RecordColumn<T> {
  return {
    header,
    cell: (row) =>
      shown(row) && (
        <Button size="small" icon={<Edit20Regular />} aria-label={name(row)} onClick={() => onEdit(row)}>
          {text}
        </Button>
      ),
  };
}
