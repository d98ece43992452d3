/** The register's filters: sector, free-text search, whose topics, vacancies only, and the sort order. */
import { Dropdown, Field, Option, SearchBox, Switch } from '@fluentui/react-components';
import type { SectorId } from '../api';
import { useI18n } from '../i18n';
import { MINE_FILTERS, type MineFilter } from './register-filters';
import { useTopicFiltersStyles } from './TopicFilters.styles';
import type { RegisterState } from './useRegister';

const SECTORS: readonly SectorId[] = ['BR', 'TSB', 'BDT', 'GS'];
const ALL = 'all';
const SORTS = ['title', '-title', 'lead', 'vacancies'] as const;
type SortChoice = (typeof SORTS)[number];

/** The filter bar; "My topics" is disabled when the signed-in person is not in the register. */
export function TopicFilters({ state, canFilterMine }: { state: RegisterState; canFilterMine: boolean }) {
  const { t } = useI18n();
  const styles = useTopicFiltersStyles();
  const { filters } = state;
  const r = t.register;
  const selected = filters.sector ?? ALL;
  const sectorLabel = filters.sector ? `${filters.sector} · ${t.sectors.names[filters.sector]}` : t.sectors.all;
  const sort: SortChoice = filters.sort === 'title' && filters.descending ? '-title' : filters.sort;
  return (
    <div role="search" className={styles.bar} aria-label={t.topics.filtersLabel}>
      <Field label={t.topics.search} className={styles.search}>
        <SearchBox
          value={filters.search}
          placeholder={t.topics.searchPlaceholder}
          dismiss={{ 'aria-label': t.topics.clearSearch }}
          onChange={(_, data) => state.setSearch(data.value)}
        />
      </Field>
      <Field label={t.topics.sector} className={styles.sector}>
        <Dropdown
          value={sectorLabel}
          selectedOptions={[selected]}
          onOptionSelect={(_, data) => state.setSector(SECTORS.find((s) => s === data.optionValue) ?? null)}
        >
          <Option value={ALL}>{t.sectors.all}</Option>
          {SECTORS.map((sector) => (
            <Option key={sector} value={sector} text={`${sector} · ${t.sectors.names[sector]}`}>
              {`${sector} · ${t.sectors.names[sector]}`}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label={r.mineLabel} className={styles.choice}>
        <Dropdown
          value={r.mine[filters.mine]}
          selectedOptions={[filters.mine]}
          disabled={!canFilterMine}
          onOptionSelect={(_, data) => state.setMine(MINE_FILTERS.find((m) => m === data.optionValue) ?? 'all')}
        >
          {MINE_FILTERS.map((m: MineFilter) => (
            <Option key={m} value={m}>
              {r.mine[m]}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label={r.sortLabel} className={styles.choice}>
        <Dropdown
          value={r.sorts[sort]}
          selectedOptions={[sort]}
          onOptionSelect={(_, data) => {
            const choice = SORTS.find((s) => s === data.optionValue) ?? 'title';
            state.setSort(choice === '-title' ? 'title' : choice, choice === '-title');
          }}
        >
          {SORTS.map((s) => (
            <Option key={s} value={s}>
              {r.sorts[s]}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Switch
        className={styles.switch}
        label={r.vacantOnly}
        checked={filters.vacantOnly}
        onChange={(_, data) => state.setVacantOnly(data.checked)}
      />
    </div>
  );
}
