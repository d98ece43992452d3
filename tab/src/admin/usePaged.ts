/** Paging through a list one page at a time, for the records lists and the audit log. */
import { useCallback, useState } from 'react';
import { useResource } from '../common/useResource';

/** A page of a paged list; `total` counts every item across the pages, where the list tells it. */
export interface Page<T> {
  items: T[];
  total?: number;
  nextCursor: string | null;
}

/** A paged list: the first page from `load` (run again when it changes), then more pages on request. */
export function usePaged<T>(load: (cursor: string | undefined, signal?: AbortSignal) => Promise<Page<T>>) {
  const first = useCallback((signal: AbortSignal) => load(undefined, signal), [load]);
  const page = useResource(first);
  const [more, setMore] = useState<{ from: Page<T>; items: T[]; cursor: string | null } | null>(null);
  // Pages loaded for an earlier first page (other filters) are dropped.
  const current = more && more.from === page.data ? more : null;
  const items = [...(page.data?.items ?? []), ...(current?.items ?? [])];
  const cursor = current ? current.cursor : (page.data?.nextCursor ?? null);
  const loadMore = () => {
    const from = page.data;
    if (!cursor || !from) return;
    void load(cursor).then(
      (next) => setMore({ from, items: [...(current?.items ?? []), ...next.items], cursor: next.nextCursor }),
      () => undefined,
    );
  };
  /** Replaces one item by a newer copy (the answer of a change). */
  const replace = (match: (item: T) => boolean, next: T) => {
    if (!page.data) return;
    const firstPage = { ...page.data, items: page.data.items.map((item) => (match(item) ? next : item)) };
    page.set(firstPage);
    if (current)
      setMore({ ...current, from: firstPage, items: current.items.map((item) => (match(item) ? next : item)) });
  };
  return { page, items, total: page.data?.total ?? 0, hasMore: cursor !== null, loadMore, replace };
}
