/** The register's filters: sector, free-text search and "Only my topics". */
import { Dropdown, Field, Option, SearchBox, Switch } from '@fluentui/react-components';
import type { SectorId } from '../api';
import { useI18n } from '../i18n';
import { useTopicFiltersStyles } from './TopicFilters.styles';
import type { TopicRegisterState } from './useTopics';

const SECTORS: readonly SectorId[] = ['BR', 'TSB', 'BDT', 'GS'];
const ALL = 'all';

/** The filter bar; "Only my topics" is disabled when the signed-in person is not in the register. */
export function TopicFilters({ state, canFilterMine }: { state: TopicRegisterState; canFilterMine: boolean }) {
  const { t } = useI18n();
  const styles = useTopicFiltersStyles();
  const { filters } = state;
  const selected = filters.sector ?? ALL;
  const sectorLabel = filters.sector ? `${filters.sector} · ${t.sectors.names[filters.sector]}` : t.sectors.all;
  return (
    <div role="search" className={styles.bar} aria-label={t.topics.filtersLabel}>
      <Field label={t.topics.sector} className={styles.sector}>
        <Dropdown
          value={sectorLabel}
          selectedOptions={[selected]}
          onOptionSelect={(_, data) =>
            state.setSector(data.optionValue && data.optionValue !== ALL ? (data.optionValue as SectorId) : null)
          }
        >
          <Option value={ALL}>{t.sectors.all}</Option>
          {SECTORS.map((sector) => (
            <Option key={sector} value={sector} text={`${sector} · ${t.sectors.names[sector]}`}>
              {`${sector} · ${t.sectors.names[sector]}`}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label={t.topics.search} className={styles.search}>
        <SearchBox
          value={filters.search}
          placeholder={t.topics.searchPlaceholder}
          onChange={(_, data) => state.setSearch(data.value)}
        />
      </Field>
      <Switch
        className={styles.mine}
        label={t.topics.mine}
        checked={filters.mine}
        disabled={!canFilterMine}
        onChange={(_, data) => state.setMine(data.checked)}
      />
    </div>
  );
}
