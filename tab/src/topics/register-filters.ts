/**
 * The register's filters and sort order, read from and written to the address (`?view=register&sector=BR&q=…`), so
 * a link or a reload shows the same rows; and the rows they select, sorted in the reader's language.
 */
import type { SectorId, TopicView } from '../api';
import { matchesSearch, searchTexts } from './register-search';

const SECTORS: readonly SectorId[] = ['BR', 'TSB', 'BDT', 'GS'];

/** Whose topics: everyone's, or the viewer's as focal point and/or alternate. */
export type MineFilter = 'all' | 'any' | 'focal' | 'alternate';
export const MINE_FILTERS: readonly MineFilter[] = ['all', 'any', 'focal', 'alternate'];

/** The columns the register sorts by. */
export type SortKey = 'title' | 'lead' | 'vacancies';
export const SORT_KEYS: readonly SortKey[] = ['title', 'lead', 'vacancies'];

/** The register's filters as the address keeps them. */
export interface RegisterFilters {
  sector: SectorId | null;
  search: string;
  mine: MineFilter;
  vacantOnly: boolean;
  sort: SortKey;
  descending: boolean;
  /** The topic whose details are open (a deep link), or null. */
  topic: string | null;
}

export const NO_FILTERS: RegisterFilters = {
  sector: null,
  search: '',
  mine: 'all',
  vacantOnly: false,
  sort: 'title',
  descending: false,
  topic: null,
};

/** Reads the filters from a query string; unknown values fall back to none. */
export function readFilters(search: string): RegisterFilters {
  const params = new URLSearchParams(search);
  const sort = params.get('sort') ?? '';
  const key = SORT_KEYS.find((k) => k === sort.replace(/^-/, '')) ?? 'title';
  return {
    sector: SECTORS.find((s) => s === params.get('sector')) ?? null,
    search: params.get('q') ?? '',
    mine: MINE_FILTERS.find((m) => m === params.get('mine')) ?? 'all',
    vacantOnly: params.get('vacant') === '1',
    sort: key,
    descending: sort.startsWith('-'),
    topic: params.get('topic')?.trim() || null,
  };
}

/** The query string of the register with these filters (only those set). */
export function filtersSearch(filters: RegisterFilters): string {
  const params = new URLSearchParams({ view: 'register' });
  if (filters.sector) params.set('sector', filters.sector);
  if (filters.search.trim()) params.set('q', filters.search);
  if (filters.mine !== 'all') params.set('mine', filters.mine);
  if (filters.vacantOnly) params.set('vacant', '1');
  if (filters.sort !== 'title' || filters.descending)
    params.set('sort', `${filters.descending ? '-' : ''}${filters.sort}`);
  if (filters.topic) params.set('topic', filters.topic);
  return `?${params.toString()}`;
}

/** True when a filter narrows the rows (so no rows means "no match", not "no topics"). */
export function isFiltered(filters: RegisterFilters): boolean {
  return filters.sector !== null || filters.search.trim() !== '' || filters.mine !== 'all' || filters.vacantOnly;
}

/** The number of vacant focal point slots of a topic. */
export function vacanciesOf(topic: TopicView): number {
  return topic.assignments.filter((a) => a.vacant || !a.focalPoint).length;
}

/** What the viewer is on a topic: its focal point, its alternate (in any sector), or nothing. */
export function roleOn(topic: TopicView, personId: string | null): { focal: boolean; alternate: boolean } {
  if (!personId) return { focal: false, alternate: false };
  return {
    focal: topic.assignments.some((a) => a.focalPoint?.id === personId),
    alternate: topic.assignments.some((a) => a.alternate?.id === personId),
  };
}

/** The rows the filters select, sorted; titles compare in the reader's language (`title` gives the shown one). */
export function selectTopics(
  topics: readonly TopicView[],
  filters: RegisterFilters,
  context: { personId: string | null; title: (topic: TopicView) => string; collator: Intl.Collator },
): TopicView[] {
  const { personId, title, collator } = context;
  const rows = topics.filter((topic) => {
    // A sector's vacancy is still an entry of the sector: the topic stays when that is all it has there.
    if (
      filters.sector &&
      !topic.sectors.includes(filters.sector) &&
      !topic.assignments.some((a) => a.sector === filters.sector)
    )
      return false;
    if (filters.vacantOnly && vacanciesOf(topic) === 0) return false;
    if (filters.mine !== 'all') {
      const role = roleOn(topic, personId);
      const mine =
        filters.mine === 'focal'
          ? role.focal
          : filters.mine === 'alternate'
            ? role.alternate
            : role.focal || role.alternate;
      if (!mine) return false;
    }
    return matchesSearch(searchTexts(topic), filters.search);
  });
  const byTitle = (a: TopicView, b: TopicView) => collator.compare(title(a), title(b));
  const compare: Record<SortKey, (a: TopicView, b: TopicView) => number> = {
    title: byTitle,
    lead: (a, b) => (a.leadSector ?? '~').localeCompare(b.leadSector ?? '~') || byTitle(a, b),
    vacancies: (a, b) => vacanciesOf(b) - vacanciesOf(a) || byTitle(a, b),
  };
  const sorted = rows.sort(compare[filters.sort]);
  return filters.descending ? sorted.reverse() : sorted;
}
