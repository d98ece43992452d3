import { z } from 'zod';
import { AppError } from '../../domain';
import type { GraphApi } from '../../graph';
import { BUSINESS_COLLECTIONS } from '../port';
import { graphStatus } from './sharepoint-collection';
import { LIBRARY, LISTS, columnDefinition, columnsOf, type ColumnSpec } from './schema';

/** A column as Graph describes it (only what provisioning compares). */
const Column = z.looseObject({
  id: z.string(),
  name: z.string(),
  indexed: z.boolean().optional(),
  enforceUniqueValues: z.boolean().optional(),
});
type Column = z.infer<typeof Column>;
const ListWithColumns = z.looseObject({ id: z.string(), displayName: z.string(), columns: z.array(Column).optional() });

/** One change provisioning makes (or, on a dry run, would make). */
export type ProvisionStep =
  | { kind: 'create-list'; list: string; columns: ColumnSpec[] }
  | { kind: 'add-column'; list: string; column: ColumnSpec }
  | { kind: 'index-column'; list: string; column: ColumnSpec; columnId: string }
  | { kind: 'create-folder'; folder: string };

/** A step as the provisioning script prints it. */
export function describeStep(step: ProvisionStep): string {
  switch (step.kind) {
    case 'create-list': {
      const indexed = step.columns.filter((c) => c.indexed).length;
      return `create list "${step.list}" with ${step.columns.length} columns (${indexed} indexed)`;
    }
    case 'add-column':
      return `add column "${step.column.name}" to "${step.list}"${step.column.indexed ? ' (indexed)' : ''}`;
    case 'index-column':
      return `index column "${step.column.name}" of "${step.list}"${step.column.unique ? ' (unique values)' : ''}`;
    case 'create-folder':
      return `create folder "${step.folder}" in the document library`;
  }
}

/** The lists the store needs: one per business collection, and the document library's columns. */
function wantedLists(): { list: string; columns: ColumnSpec[]; createIfMissing: boolean }[] {
  return [
    ...BUSINESS_COLLECTIONS.map((name) => ({
      list: LISTS[name].listName,
      columns: columnsOf(LISTS[name]),
      createIfMissing: true,
    })),
    // The site's default library exists with the site; provisioning only adds its columns.
    { list: LIBRARY.listName, columns: [...LIBRARY.columns], createIfMissing: false },
  ];
}

const listUrl = (siteId: string, list: string) => `/sites/${siteId}/lists/${encodeURIComponent(list)}`;

/**
 * What provisioning would change on the site: lists missing, columns missing, columns that should be indexed (or
 * hold unique values) and are not, the library's root folder. Nothing is ever deleted or retyped: a column of the
 * wrong type is left for a person to look at.
 */
export async function planProvisioning(graph: GraphApi, siteId: string): Promise<ProvisionStep[]> {
  const steps: ProvisionStep[] = [];
  for (const wanted of wantedLists()) {
    let existing: z.infer<typeof ListWithColumns> | null = null;
    try {
      existing = ListWithColumns.parse(await graph.get(`${listUrl(siteId, wanted.list)}?$expand=columns`));
    } catch (error) {
      if (graphStatus(error) !== 404) throw error;
    }
    if (!existing) {
      if (wanted.createIfMissing) steps.push({ kind: 'create-list', list: wanted.list, columns: wanted.columns });
      else
        throw new AppError(
          'store.unavailable',
          `The site has no list "${wanted.list}" (its default document library).`,
        );
      continue;
    }
    const byName = new Map<string, Column>((existing.columns ?? []).map((c) => [c.name, c]));
    for (const column of wanted.columns) {
      const found = byName.get(column.name);
      if (!found) steps.push({ kind: 'add-column', list: wanted.list, column });
      else if ((column.indexed && !found.indexed) || (column.unique && !found.enforceUniqueValues))
        steps.push({ kind: 'index-column', list: wanted.list, column, columnId: found.id });
    }
  }
  try {
    await graph.get(`/sites/${siteId}/drive/root:/${encodeURIComponent(LIBRARY.root)}`);
  } catch (error) {
    if (graphStatus(error) !== 404) throw error;
    steps.push({ kind: 'create-folder', folder: LIBRARY.root });
  }
  return steps;
}

/** Makes one planned change. */
async function applyStep(graph: GraphApi, siteId: string, step: ProvisionStep): Promise<void> {
  switch (step.kind) {
    case 'create-list':
      await graph.post(`/sites/${siteId}/lists`, {
        displayName: step.list,
        columns: step.columns.map(columnDefinition),
        list: { template: 'genericList' },
      });
      return;
    case 'add-column':
      await graph.post(`${listUrl(siteId, step.list)}/columns`, columnDefinition(step.column));
      return;
    case 'index-column':
      await graph.patch(`${listUrl(siteId, step.list)}/columns/${step.columnId}`, {
        indexed: true,
        ...(step.column.unique ? { enforceUniqueValues: true } : {}),
      });
      return;
    case 'create-folder':
      try {
        await graph.post(`/sites/${siteId}/drive/root/children`, {
          name: step.folder,
          folder: {},
          '@microsoft.graph.conflictBehavior': 'fail',
        });
      } catch (error) {
        if (graphStatus(error) !== 409) throw error; // made meanwhile: what was wanted
      }
      return;
  }
}

/**
 * Creates or upgrades the lists, columns, indexes and library folder the SharePoint store needs, idempotently
 * (a second run finds nothing to do). With `dryRun` only the plan is returned. Never deletes anything.
 */
export async function provisionSite(
  graph: GraphApi,
  siteId: string,
  options: { dryRun?: boolean; onStep?: (step: ProvisionStep) => void } = {},
): Promise<ProvisionStep[]> {
  const steps = await planProvisioning(graph, siteId);
  for (const step of steps) {
    if (!options.dryRun) await applyStep(graph, siteId, step);
    options.onStep?.(step);
  }
  return steps;
}
