/** State of the topic register: the filters, and the topics the server returns for them. */
import { useCallback, useMemo, useState } from 'react';
import { listTopics, type SectorId, type TopicView } from '../api';
import { useSession } from '../common/ApiContext';
import { useDebounced } from '../common/useDebounced';
import { useResource, type Resource } from '../common/useResource';

/** The register's filters as the user set them. */
export interface TopicFilterState {
  sector: SectorId | null;
  search: string;
  mine: boolean;
}

const NO_FILTERS: TopicFilterState = { sector: null, search: '', mine: false };

/** The register's data and the setters its filter controls call. */
export interface TopicRegisterState extends Resource<TopicView[]> {
  filters: TopicFilterState;
  /** True when any filter is set (so an empty result is "no match", not "no topics"). */
  filtered: boolean;
  setSector(sector: SectorId | null): void;
  setSearch(search: string): void;
  setMine(mine: boolean): void;
  clearFilters(): void;
}

/** Loads the register; search is sent once typing pauses, and `status` narrows it (the side panel's active topics). */
export function useTopics(options: { status?: TopicView['status'] } = {}): TopicRegisterState {
  const { api } = useSession();
  const { status } = options;
  const [filters, setFilters] = useState<TopicFilterState>(NO_FILTERS);
  const search = useDebounced(filters.search, 250);
  const { sector, mine } = filters;

  const load = useCallback(
    (signal: AbortSignal) => listTopics(api, { sector: sector ?? undefined, q: search, mine, status }, signal),
    [api, sector, search, mine, status],
  );
  const resource = useResource(load);

  const setters = useMemo(
    () => ({
      setSector: (value: SectorId | null) => setFilters((f) => ({ ...f, sector: value })),
      setSearch: (value: string) => setFilters((f) => ({ ...f, search: value })),
      setMine: (value: boolean) => setFilters((f) => ({ ...f, mine: value })),
      clearFilters: () => setFilters(NO_FILTERS),
    }),
    [],
  );

  return {
    ...resource,
    ...setters,
    filters,
    filtered: filters.sector !== null || filters.search.trim() !== '' || filters.mine,
  };
}
