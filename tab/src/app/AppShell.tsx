/** The full tab: a header (name, mode, settings) with the section tabs, and the selected section. */
import { Avatar, Badge, Caption1, Spinner, Tab, TabList, Text } from '@fluentui/react-components';
import { CalendarLtr20Regular, PeopleTeam24Filled, TextBulletListSquare20Regular } from '@fluentui/react-icons';
import { Suspense, lazy } from 'react';
import { useSession } from '../common/ApiContext';
import { ErrorBar } from '../common/ErrorBar';
import type { Resource } from '../common/useResource';
import type { Me } from '../api';
import { MeetingList } from '../meetings/MeetingList';
import { TopicRegister } from '../topics/TopicRegister';
import { useI18n } from '../i18n';
import type { Host } from '../host/host';
import { useShellStyles } from './AppShell.styles';
import { SettingsBar, type SettingsProps } from './SettingsBar';
import { useRoute } from './useRoute';

// The meeting workspace (dialogs, tables, forms) loads on first use, keeping the register's first paint light.
const MeetingWorkspace = lazy(() =>
  import('../workspace/MeetingWorkspace').then((module) => ({ default: module.MeetingWorkspace })),
);

/** Everything App passes down to the shell. */
export interface ShellProps extends SettingsProps {
  host: Host;
  me: Resource<Me>;
}

/** The tab in Teams (channel, personal, meeting tab) or in a browser. */
export function AppShell(props: ShellProps) {
  const { host, me } = props;
  const { t } = useI18n();
  const { me: signedIn } = useSession();
  const styles = useShellStyles();
  const [route, navigate] = useRoute();
  const section = route.section === 'topics' ? 'topics' : 'meetings';
  const person = signedIn?.person ?? null;

  return (
    <div className={styles.root}>
      <header className={styles.header}>
        <div className={styles.topRow}>
          <div className={styles.brand}>
            <span className={styles.logo} aria-hidden>
              <PeopleTeam24Filled />
            </span>
            <div className={styles.brandText}>
              <Text as="h1" weight="semibold" size={500} className={styles.appName}>
                {t.app.name}
              </Text>
              <Caption1 className={styles.tagline}>{t.app.tagline}</Caption1>
            </div>
          </div>
          <div className={styles.controls}>
            {!host.inTeams && (
              <Badge appearance="outline" color="informative" title={t.app.standaloneHint}>
                {t.app.standalone}
              </Badge>
            )}
            {host.inTeams && person && (
              <span className={styles.person}>
                <Avatar name={person.name} size={24} aria-hidden />
                <Caption1>{t.app.signedInAs(person.name)}</Caption1>
              </span>
            )}
            <SettingsBar {...props} />
          </div>
        </div>
        <TabList
          selectedValue={section}
          onTabSelect={(_, data) => navigate({ section: data.value === 'meetings' ? 'meetings' : 'topics' })}
          aria-label={t.nav.label}
          className={styles.tabs}
        >
          <Tab id="tab-topics" value="topics" icon={<TextBulletListSquare20Regular />} aria-controls="panel-topics">
            {t.nav.topics}
          </Tab>
          <Tab id="tab-meetings" value="meetings" icon={<CalendarLtr20Regular />} aria-controls="panel-meetings">
            {t.nav.meetings}
          </Tab>
        </TabList>
      </header>

      <main className={styles.main}>
        {me.error !== null && <ErrorBar title={t.errors.signIn} error={me.error} onRetry={me.reload} />}
        {signedIn && !person && (
          <Caption1 as="p" className={styles.notice}>
            {t.app.notRegistered}
          </Caption1>
        )}
        <div role="tabpanel" id="panel-topics" aria-labelledby="tab-topics" hidden={section !== 'topics'}>
          <TopicRegister headingId="heading-topics" />
        </div>
        <div role="tabpanel" id="panel-meetings" aria-labelledby="tab-meetings" hidden={section !== 'meetings'}>
          {route.section === 'meeting' ? (
            <Suspense fallback={<Spinner label={t.workspace.loading} />}>
              <MeetingWorkspace
                key={route.meetingId}
                meetingId={route.meetingId}
                view={route.view}
                onViewChange={(view) => navigate({ ...route, view }, { replace: true })}
                onBack={() => navigate({ section: 'meetings' })}
              />
            </Suspense>
          ) : (
            <MeetingList
              headingId="heading-meetings"
              onJoin={host.openLink}
              onOpen={(meetingId, view) => navigate({ section: 'meeting', meetingId, view })}
            />
          )}
        </div>
      </main>
    </div>
  );
}
