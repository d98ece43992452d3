/**
 * State of the topic register view: the whole register loaded once, filtered, searched and sorted in the browser,
 * with the filters kept in the address while the view is shown.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { listTopics, type SectorId, type TopicView } from '../api';
import { useSession } from '../common/ApiContext';
import { useResource } from '../common/useResource';
import { useI18n } from '../i18n';
import {
  NO_FILTERS,
  filtersSearch,
  isFiltered,
  readFilters,
  selectTopics,
  vacanciesOf,
  type MineFilter,
  type RegisterFilters,
  type SortKey,
} from './register-filters';
import { useTopicTitle } from './useTopicTitle';

/** The register's rows and filters, and the setters its controls call. */
export interface RegisterState {
  /** Every topic, as loaded. */
  all: TopicView[] | undefined;
  /** The rows the filters select, sorted. */
  rows: TopicView[] | undefined;
  /** Vacant slots among the rows shown. */
  vacancies: number;
  loading: boolean;
  error: unknown;
  reload(): void;
  filters: RegisterFilters;
  filtered: boolean;
  setSector(sector: SectorId | null): void;
  setSearch(search: string): void;
  setMine(mine: MineFilter): void;
  setVacantOnly(vacantOnly: boolean): void;
  /** Sorts by a column; the same column again reverses the order. */
  sortBy(key: SortKey): void;
  setSort(key: SortKey, descending: boolean): void;
  setTopic(topicId: string | null): void;
  clearFilters(): void;
}

/** Loads the register; `active` (the view is shown) lets it keep its filters in the address. */
export function useRegister(active: boolean): RegisterState {
  const { api, me } = useSession();
  const { intlTag } = useI18n();
  const title = useTopicTitle();
  const [filters, setFilters] = useState<RegisterFilters>(() => readFilters(window.location.search));
  const load = useCallback((signal: AbortSignal) => listTopics(api, {}, signal), [api]);
  const resource = useResource(load);

  useEffect(() => {
    if (!active) return;
    const search = filtersSearch(filters);
    // The address without a view (the home, which is the register for some) stays as it is until a filter is set.
    if (!new URLSearchParams(window.location.search).has('view') && search === filtersSearch(NO_FILTERS)) return;
    const url = `${window.location.pathname}${search}${window.location.hash}`;
    try {
      window.history.replaceState(window.history.state, '', url);
    } catch {
      // Some hosts sandbox the history API: the filters then last for this visit only.
    }
  }, [active, filters]);

  const collator = useMemo(() => new Intl.Collator(intlTag, { sensitivity: 'base', numeric: true }), [intlTag]);
  const personId = me?.person?.id ?? null;
  const all = resource.data;
  const rows = useMemo(
    () => (all ? selectTopics(all, filters, { personId, title, collator }) : undefined),
    [all, filters, personId, title, collator],
  );

  const setters = useMemo(() => {
    const change = (patch: Partial<RegisterFilters>) => setFilters((f) => ({ ...f, ...patch }));
    return {
      setSector: (sector: SectorId | null) => change({ sector }),
      setSearch: (search: string) => change({ search }),
      setMine: (mine: MineFilter) => change({ mine }),
      setVacantOnly: (vacantOnly: boolean) => change({ vacantOnly }),
      sortBy: (key: SortKey) =>
        setFilters((f) => ({ ...f, sort: key, descending: f.sort === key ? !f.descending : false })),
      setSort: (sort: SortKey, descending: boolean) => change({ sort, descending }),
      setTopic: (topic: string | null) => change({ topic }),
      clearFilters: () => setFilters((f) => ({ ...NO_FILTERS, sort: f.sort, descending: f.descending })),
    };
  }, []);

  return {
    all,
    rows,
    vacancies: rows ? rows.reduce((n, topic) => n + vacanciesOf(topic), 0) : 0,
    loading: resource.loading,
    error: resource.error,
    reload: resource.reload,
    filters,
    filtered: isFiltered(filters),
    ...setters,
  };
}
