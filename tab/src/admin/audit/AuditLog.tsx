/** The audit log (secretariat): who changed what and when, filtered by person, record and period, and exported. */
import { Button, Field, Input } from '@fluentui/react-components';
import { useCallback, useMemo, useState } from 'react';
import { downloadExport, listAudit, type AuditQuery, type PersonView } from '../../api';
import { useSession } from '../../common/ApiContext';
import { ErrorBar } from '../../common/ErrorBar';
import { isolate } from '../../common/format';
import { saveFile } from '../../common/save-file';
import { useAction } from '../../common/useAction';
import { useDebounced } from '../../common/useDebounced';
import type { Resource } from '../../common/useResource';
import { useI18n } from '../../i18n';
import { useAdminText } from '../../i18n/admin/admin-text';
import { useAdminStyles } from '../admin.styles';
import { personOptions } from '../labels';
import { DownloadButtons } from '../DownloadButtons';
import { LoadState } from '../LoadState';
import { RecordTable } from '../RecordTable';
import { SelectFilter } from '../SelectFilter';
import { usePaged } from '../usePaged';

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
  const load = useCallback(
    (cursor: string | undefined, signal?: AbortSignal) => listAudit(api, { ...query, cursor }, signal),
    [api, query],
  );
  const list = usePaged(load);
  const names = new Map((people.data ?? []).map((p) => [p.id, p.name]));
  const set = (change: Partial<AuditFilters>) => setFilters((f) => ({ ...f, ...change }));

  return (
    <div className={styles.panel}>
      <div className={styles.toolbar} role="search" aria-label={x.heading}>
        <SelectFilter
          label={x.person}
          anyLabel={x.anyone}
          value={actorId}
          options={personOptions(people.data, intlTag)}
          onChange={(value) => set({ actorId: value })}
        />
        <SelectFilter
          label={x.entity}
          anyLabel={x.anyEntity}
          value={entity}
          options={ENTITIES.map((e) => ({ value: e, label: x.entities[e] }))}
          onChange={(value) => set({ entity: value })}
        />
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
        <DownloadButtons
          label={x.export}
          onDownload={(format) =>
            void exporting
              .run(format, () => downloadExport(api, 'audit', format, locale))
              .then((blob) => blob && saveFile(blob, `audit.${format}`))
          }
        />
      </div>
      {exporting.error !== null && <ErrorBar title={a.common.downloadError} error={exporting.error} />}
      <LoadState resource={list.page} />
      {list.page.data && list.items.length === 0 && (
        <p role="status" className={styles.muted}>
          {x.empty}
        </p>
      )}
      {list.items.length > 0 && (
        <RecordTable
          label={x.tableLabel}
          rows={list.items}
          rowKey={(entry) => entry.id}
          columns={[
            { header: x.columns.at, cell: (entry) => when(entry.at, intlTag) },
            {
              header: x.columns.who,
              cell: (entry) => isolate(entry.actorName ?? names.get(entry.actorId) ?? x.system, dir),
            },
            { header: x.columns.action, cell: (entry) => isolate(entry.action, dir) },
            {
              header: x.columns.record,
              cell: (entry) => (
                <>
                  {x.entities[entry.entity as (typeof ENTITIES)[number]] ?? entry.entity} ·{' '}
                  {isolate(entry.entityId, dir)}
                </>
              ),
            },
            { header: x.columns.detail, wide: true, cell: (entry) => <bdi>{entry.detail}</bdi> },
          ]}
        />
      )}
      {list.hasMore && (
        <div>
          <Button onClick={list.loadMore}>{a.common.showMore}</Button>
        </div>
      )}
    </div>
  );
}
