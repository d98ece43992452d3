/**
 * The administration (secretariat): the register's topics and focal points, people, the meeting calendar, import
 * and export, the audit log and the annual report, one tab each.
 */
import { Spinner, Tab, TabList } from '@fluentui/react-components';
import { Suspense } from 'react';
import type { AdminTab } from '../app/route';
import { ADMIN_TABS } from '../app/route';
import { useI18n } from '../i18n';
import { useAdminText } from '../i18n/admin/admin-text';
import { useAdminStyles } from './admin.styles';
import { AuditLog } from './audit/AuditLog';
import { MeetingAdmin } from './meetings/MeetingAdmin';
import { PeopleAdmin } from './people/PeopleAdmin';
import { ReportPanel } from './report/ReportPanel';
import { TopicAdmin } from './topics/TopicAdmin';
import { TransferPanel } from './transfer/TransferPanel';
import { useMeetingList, usePeopleList, useTopicList } from './useLists';
import { ViewHeader } from './ViewHeader';

/** The administration view; its strings load with it (the spinner shows meanwhile). */
export function AdminView(props: { headingId: string; tab: AdminTab; onTabChange: (tab: AdminTab) => void }) {
  const { t } = useI18n();
  return (
    <Suspense fallback={<Spinner label={t.app.loading} />}>
      <AdminSections {...props} />
    </Suspense>
  );
}

function AdminSections({
  headingId,
  tab,
  onTabChange,
}: {
  headingId: string;
  tab: AdminTab;
  onTabChange: (tab: AdminTab) => void;
}) {
  const a = useAdminText();
  const styles = useAdminStyles();
  const topics = useTopicList();
  const people = usePeopleList();
  const meetings = useMeetingList();

  return (
    <section aria-labelledby={headingId} className={styles.view}>
      <ViewHeader headingId={headingId} heading={a.admin.heading} intro={a.admin.intro} />
      <div className={styles.tabs}>
        <TabList
          selectedValue={tab}
          onTabSelect={(_, data) => onTabChange(data.value as AdminTab)}
          aria-label={a.admin.tabsLabel}
          size="small"
        >
          {ADMIN_TABS.map((value) => (
            <Tab key={value} id={`admin-tab-${value}`} value={value} aria-controls={`admin-panel-${value}`}>
              {a.admin.tabs[value]}
            </Tab>
          ))}
        </TabList>
      </div>
      <div role="tabpanel" id={`admin-panel-${tab}`} aria-labelledby={`admin-tab-${tab}`}>
        {tab === 'topics' && <TopicAdmin topics={topics} people={people} />}
        {tab === 'people' && <PeopleAdmin people={people} />}
        {tab === 'meetings' && <MeetingAdmin meetings={meetings} people={people} />}
        {tab === 'transfer' && (
          <TransferPanel
            onApplied={() => {
              topics.reload();
              people.reload();
            }}
          />
        )}
        {tab === 'audit' && <AuditLog people={people} />}
        {tab === 'report' && <ReportPanel />}
      </div>
    </section>
  );
}
