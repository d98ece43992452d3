/** The audit log (secretariat): who changed what and when, filtered by person, record and period, and exported. */
import {
  Button,
  Field,
  Input,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import { Select } from '../FitSelect';
import { ArrowDownload20Regular } from '@fluentui/react-icons/svg/arrow-download';
import { useCallback, useMemo, useState } from 'react';
import {
  downloadExport,
  listAudit,
  type AuditEntryView,
  type AuditPage,
  type AuditQuery,
  type PersonView,
} from '../../api';
import { useSession } from '../../common/ApiContext';
import { ErrorBar } from '../../common/ErrorBar';
import { isolate } from '../../common/format';
import { saveFile } from '../../common/save-file';
import { useAction } from '../../common/useAction';
import { useDebounced } from '../../common/useDebounced';
import { useResource, type Resource } from '../../common/useResource';
import { useI18n } from '../../i18n';
import { useAdminText } from '../../i18n/admin/admin-text';
import { useAdminStyles } from '../admin.styles';
import { activePeople } from '../labels';

/** The collections the audit log records changes of (its `entity`). */
const ENTITIES = [
  'topics',
  'assignments',
  'people',
  'meetings',
  'actions',
  'escalations',
  'documents',
  'delegations',
] as const;

interface AuditFilters {
  actorId: string;
  entity: string;
  entityId: string;
  from: string;
  to: string;
}

/** An instant as the reader writes dates and times. */
function when(iso: string, intlTag: string): string {
  return new Intl.DateTimeFormat(intlTag, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** The audit log with its filters, paged (newest first). */
export function AuditLog({ people }: { people: Resource<PersonView[]> }) {
  const { intlTag, locale, dir } = useI18n();
  const a = useAdminText();
  const x = a.audit;
  const styles = useAdminStyles();
  const { api } = useSession();
  const [filters, setFilters] = useState<AuditFilters>({ actorId: '', entity: '', entityId: '', from: '', to: '' });
  const entityId = useDebounced(filters.entityId.trim(), 300);
  const { actorId, entity, from, to } = filters;
  const exporting = useAction();
  const query = useMemo<AuditQuery>(
    () => ({
      actorId: actorId || undefined,
      entity: entity || undefined,
      entityId: entityId || undefined,
      from: from || undefined,
      to: to || undefined,
    }),
    [actorId, entity, entityId, from, to],
  );
  const load = useCallback((signal: AbortSignal) => listAudit(api, query, signal), [api, query]);
  const page = useResource(load);
  // Later pages, kept only while they follow the first page shown (new filters start over).
  const [more, setMore] = useState<{ after: AuditPage; items: AuditEntryView[]; cursor: string | null } | null>(null);
  const current = more && more.after === page.data ? more : null;
  const items = [...(page.data?.items ?? []), ...(current?.items ?? [])];
  const cursor = current ? current.cursor : (page.data?.nextCursor ?? null);
  const names = new Map((people.data ?? []).map((p) => [p.id, p.name]));
  const set = (change: Partial<AuditFilters>) => setFilters((f) => ({ ...f, ...change }));

  const loadMore = () => {
    const after = page.data;
    if (!cursor || !after) return;
    void listAudit(api, { ...query, cursor }).then(
      (next) => setMore({ after, items: [...(current?.items ?? []), ...next.items], cursor: next.nextCursor }),
      () => undefined,
    );
  };

  return (
    <div className={styles.panel}>
      <div className={styles.toolbar} role="search" aria-label={x.heading}>
        <Field label={x.person} className={styles.filter}>
          <Select value={actorId} onChange={(_, data) => set({ actorId: data.value })}>
            <option value="">{x.anyone}</option>
            {activePeople(people.data, intlTag).map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={x.entity} className={styles.filter}>
          <Select value={entity} onChange={(_, data) => set({ entity: data.value })}>
            <option value="">{x.anyEntity}</option>
            {ENTITIES.map((e) => (
              <option key={e} value={e}>
                {x.entities[e]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={x.entityId} className={styles.filter}>
          <Input dir="ltr" value={filters.entityId} onChange={(_, data) => set({ entityId: data.value })} />
        </Field>
        <Field label={x.from} className={styles.filter}>
          <Input type="date" value={from} onChange={(_, data) => set({ from: data.value })} />
        </Field>
        <Field label={x.to} className={styles.filter}>
          <Input type="date" value={to} onChange={(_, data) => set({ to: data.value })} />
        </Field>
      </div>
      <div className={styles.toolbar}>
        {(['xlsx', 'csv'] as const).map((format) => (
          <Button
            key={format}
            icon={<ArrowDownload20Regular />}
            onClick={() =>
              void exporting
                .run(format, () => downloadExport(api, 'audit', format, locale))
                .then((blob) => blob && saveFile(blob, `audit.${format}`))
            }
          >
            {x.export(format.toUpperCase())}
          </Button>
        ))}
      </div>
      {exporting.error !== null && <ErrorBar title={a.common.downloadError} error={exporting.error} />}
      {page.error !== null && <ErrorBar title={a.common.loadError} error={page.error} onRetry={page.reload} />}
      {page.loading && !page.data && <Spinner label={a.common.loading} />}
      {page.data && items.length === 0 && (
        <p role="status" className={styles.muted}>
          {x.empty}
        </p>
      )}
      {items.length > 0 && (
        <div className={styles.scroller}>
          <Table aria-label={x.tableLabel} size="small" className={styles.table}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{x.columns.at}</TableHeaderCell>
                <TableHeaderCell>{x.columns.who}</TableHeaderCell>
                <TableHeaderCell>{x.columns.action}</TableHeaderCell>
                <TableHeaderCell>{x.columns.record}</TableHeaderCell>
                <TableHeaderCell className={styles.wide}>{x.columns.detail}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {items.map((entry) => (
                <TableRow key={entry.id}>
                  <TableCell className={styles.cell}>{when(entry.at, intlTag)}</TableCell>
                  <TableCell className={styles.cell}>
                    {isolate(entry.actorName ?? names.get(entry.actorId) ?? x.system, dir)}
                  </TableCell>
                  <TableCell className={styles.cell}>{isolate(entry.action, dir)}</TableCell>
                  <TableCell className={styles.cell}>
                    {x.entities[entry.entity as (typeof ENTITIES)[number]] ?? entry.entity} ·{' '}
                    {isolate(entry.entityId, dir)}
                  </TableCell>
                  <TableCell className={styles.cell}>
                    <bdi>{entry.detail}</bdi>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      {cursor && (
        <div>
          <Button onClick={loadMore}>{a.common.showMore}</Button>
        </div>
      )}
    </div>
  );
}
