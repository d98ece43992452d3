import type { GraphApi } from '../../graph';
import { BUSINESS_COLLECTIONS, type BusinessCollectionName, type BusinessStore, type CollectionName } from '../port';
import { watchListChanges } from './change-watch';
import { LISTS, type ListSpec } from './schema';
import { SharePointCollection } from './sharepoint-collection';
import { sharePointUnitOfWork } from './unit-of-work';

/** SharePoint answers at most 5,000 list items a page (the list view threshold). */
export const SHAREPOINT_MAX_PAGE = 5000;

/** Options of the SharePoint business store. */
export interface SharePointStoreOptions {
  graph: GraphApi;
  /** The site holding the lists (SHAREPOINT_SITE_ID). */
  siteId: string;
  /** The largest page asked for (default 5,000). */
  maxPageSize?: number;
  /** How often other writers' changes are looked for (default 5,000 ms; 0 = never). */
  changePollMs?: number;
  onError?: (error: unknown) => void;
}

type Collections = { [K in BusinessCollectionName]: SharePointCollection<K> };

/** The SharePoint business store; `refresh()` looks for other writers' changes now instead of at the next poll. */
export type SharePointStore = BusinessStore & { refresh(): Promise<void> };

/**
 * The business records in SharePoint lists on one site (created by `npm run provision`): one list per
 * collection, one item per record, its eTag the record's version (see sharepoint-collection.ts), units of work as
 * ordered idempotent steps (unit-of-work.ts). `version()` is local: a counter per list bumped by this store's
 * writes, and the lists' last-modified times read every few seconds for everyone else's (change-watch.ts).
 */
export async function openSharePointStore(options: SharePointStoreOptions): Promise<SharePointStore> {
  const context = {
    graph: options.graph,
    siteId: options.siteId,
    maxPageSize: Math.min(options.maxPageSize ?? SHAREPOINT_MAX_PAGE, SHAREPOINT_MAX_PAGE),
  };
  const writeCounts = Object.fromEntries(BUSINESS_COLLECTIONS.map((name) => [name, 0])) as Record<
    BusinessCollectionName,
    number
  >;
  const collections = Object.fromEntries(
    BUSINESS_COLLECTIONS.map((name) => [
      name,
      // One collection per list; each list's spec matches its collection's record type (LISTS is typed so).
      new SharePointCollection(context, LISTS[name] as unknown as ListSpec<BusinessCollectionName>, () => {
        writeCounts[name] += 1;
      }),
    ]),
  ) as unknown as Collections;
  const changes = watchListChanges({
    graph: options.graph,
    siteId: options.siteId,
    intervalMs: options.changePollMs ?? 5000,
    onError: options.onError,
  });
  await changes.poll();
  const unit = sharePointUnitOfWork(options.graph, collections);
  return {
    ...collections,
    kind: 'sharepoint',
    commit: unit.commit,
    refresh: changes.poll,
    version(...of: CollectionName[]) {
      return of
        .map((name) => {
          const list = LISTS[name as BusinessCollectionName];
          return list ? `${changes.stamp(list.listName)}.${writeCounts[list.collection]}` : '';
        })
        .join('|');
    },
    async health() {
      try {
        await options.graph.get(`/sites/${options.siteId}?$select=id`);
        return { ok: true, kind: 'sharepoint', detail: `site ${options.siteId}` };
      } catch (error) {
        return { ok: false, kind: 'sharepoint', detail: error instanceof Error ? error.message : String(error) };
      }
    },
    async close() {
      await changes.stop();
    },
  };
}
