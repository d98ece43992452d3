/**
 * The decisions and actions register across all meetings, for everyone: actions (owners update and close theirs,
 * staff reassign), decisions, and escalations with their outcome; filtered by topic, sector, meeting and text.
 */
import { Field, Input, Spinner, Tab, TabList } from '@fluentui/react-components';
import { Suspense, useState } from 'react';
import type { SectorId } from '../api';
import type { RecordsTab } from '../app/route';
import { RECORDS_TABS } from '../app/route';
import { useDebounced } from '../common/useDebounced';
import { useDisplayTitles, useI18n } from '../i18n';
import { useAdminText } from '../i18n/admin/admin-text';
import { meetingName } from '../meetings/meeting-display';
import { useAdminStyles } from '../admin/admin.styles';
import { SelectFilter } from '../admin/SelectFilter';
import { useMeetingList, usePeopleList, useTopicList } from '../admin/useLists';
import { ViewHeader } from '../admin/ViewHeader';
import { ActionsRegister } from './ActionsRegister';
import { DecisionsRegister } from './DecisionsRegister';
import { EscalationsRegister } from './EscalationsRegister';
import type { SharedFilters } from './record-filters';

const SECTORS: readonly SectorId[] = ['BR', 'TSB', 'BDT', 'GS'];

/** The records view; its strings load with it. */
export function RecordsView(props: { headingId: string; tab: RecordsTab; onTabChange: (tab: RecordsTab) => void }) {
  const { t } = useI18n();
  return (
    <Suspense fallback={<Spinner label={t.app.loading} />}>
      <Records {...props} />
    </Suspense>
  );
}

function Records({
  headingId,
  tab,
  onTabChange,
}: {
  headingId: string;
  tab: RecordsTab;
  onTabChange: (tab: RecordsTab) => void;
}) {
  const { t, locale, intlTag } = useI18n();
  const titles = useDisplayTitles();
  const a = useAdminText();
  const r = a.records;
  const styles = useAdminStyles();
  const topics = useTopicList();
  const people = usePeopleList();
  const meetings = useMeetingList();
  const [topicId, setTopicId] = useState('');
  const [sector, setSector] = useState<SectorId | ''>('');
  const [meetingId, setMeetingId] = useState('');
  const [text, setText] = useState('');
  const [resolution, setResolution] = useState('');
  const q = useDebounced(text.trim(), 300);
  const resolutionQuery = useDebounced(resolution.trim(), 300);
  const filters: SharedFilters = {
    topicId: topicId || undefined,
    sector: sector || undefined,
    meetingId: meetingId || undefined,
    q: q || undefined,
    resolution: resolutionQuery || undefined,
  };
  const collator = new Intl.Collator(intlTag);
  const topicOptions = [...(topics.data ?? [])]
    .map((topic) => ({ value: topic.id, label: topic.title[locale] ?? topic.title.en }))
    .sort((x, y) => collator.compare(x.label, y.label));
  const meetingOptions = [...(meetings.data ?? [])]
    .sort((x, y) => y.start.localeCompare(x.start))
    .map((meeting) => ({ value: meeting.id, label: `${meetingName(meeting)} · ${titles.meeting(meeting)}` }));
  const lists = { topics: topics.data ?? [], people: people.data ?? [], meetings: meetings.data ?? [] };

  return (
    <section aria-labelledby={headingId} className={styles.view}>
      <ViewHeader headingId={headingId} heading={r.heading} intro={r.intro} />
      <div className={styles.tabs}>
        <TabList
          selectedValue={tab}
          onTabSelect={(_, data) => onTabChange(data.value as RecordsTab)}
          aria-label={r.tabsLabel}
          size="small"
        >
          {RECORDS_TABS.map((value) => (
            <Tab key={value} id={`records-tab-${value}`} value={value} aria-controls={`records-panel-${value}`}>
              {r.tabs[value]}
            </Tab>
          ))}
        </TabList>
      </div>
      <div role="search" aria-label={r.filtersLabel} className={styles.toolbar}>
        <SelectFilter
          label={r.topic}
          anyLabel={r.anyTopic}
          value={topicId}
          options={topicOptions}
          onChange={setTopicId}
        />
        <SelectFilter
          label={t.topics.sector}
          anyLabel={t.sectors.all}
          value={sector}
          options={SECTORS.map((s) => ({ value: s, label: `${s} · ${t.sectors.names[s]}` }))}
          onChange={setSector}
        />
        <SelectFilter
          label={r.meeting}
          anyLabel={r.anyMeeting}
          value={meetingId}
          options={meetingOptions}
          onChange={setMeetingId}
        />
        <Field label={r.resolution} className={styles.filter}>
          <Input
            value={resolution}
            placeholder={r.resolutionPlaceholder}
            onChange={(_, data) => setResolution(data.value)}
          />
        </Field>
        <Field label={a.common.text} className={styles.filter}>
          <Input
            type="search"
            value={text}
            placeholder={a.common.searchPlaceholder}
            onChange={(_, data) => setText(data.value)}
          />
        </Field>
      </div>
      <div role="tabpanel" id={`records-panel-${tab}`} aria-labelledby={`records-tab-${tab}`}>
        {tab === 'actions' && <ActionsRegister filters={filters} lists={lists} />}
        {tab === 'decisions' && <DecisionsRegister filters={filters} />}
        {tab === 'escalations' && <EscalationsRegister filters={filters} />}
      </div>
    </section>
  );
}
