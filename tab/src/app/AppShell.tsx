/** The full tab: a header (name, mode, settings) with the section tabs, and the selected section. */
import { Badge, Caption1, Spinner, Tab, TabList, Text } from '@fluentui/react-components';
import { CalendarLtr20Regular } from '@fluentui/react-icons/svg/calendar-ltr';
import { PeopleTeam24Filled } from '@fluentui/react-icons/svg/people-team';
import { TextBulletListSquare20Regular } from '@fluentui/react-icons/svg/text-bullet-list-square';
import { Suspense, lazy, useEffect, useState } from 'react';
import { responseSchemas } from '../api/responses';
import { useSession } from '../common/ApiContext';
import { ErrorBar } from '../common/ErrorBar';
import type { Resource } from '../common/useResource';
import type { Me } from '../api';
import { TopicRegister } from '../topics/TopicRegister';
import { useI18n } from '../i18n';
import type { Host } from '../host/host';
import { useShellStyles } from './AppShell.styles';
import type { SettingsProps } from './SettingsBar';
import { useRoute } from './useRoute';
import { loadMeetingList, loadMeetingWorkspace } from './views';

// The meetings (cards) and the meeting workspace (dialogs, tables, forms) load on first use, keeping the register's
// first paint light; the entry script starts them at once when the address opens on them.
const MeetingList = lazy(() => loadMeetingList().then((module) => ({ default: module.MeetingList })));
// The settings (menus, a dropdown: popups and their positioning) load once the signed-in person is known (the
// "Viewing as" picker depends on it), beside the first view's data rather than ahead of it.
const SettingsBar = lazy(() => import('./SettingsBar').then((module) => ({ default: module.SettingsBar })));
// The signed-in person's avatar (shown in Teams only) comes with presence icons it does not show: load it there only.
const Avatar = lazy(() => import('./avatar').then((module) => ({ default: module.Avatar })));
const MeetingWorkspace = lazy(() => loadMeetingWorkspace().then((module) => ({ default: module.MeetingWorkspace })));

/** Runs `work` when the browser is idle (or after a while where it cannot tell); returns the cancel. */
function whenIdle(work: () => unknown): () => void {
  if ('requestIdleCallback' in window) {
    const id = window.requestIdleCallback(work, { timeout: 5000 });
    return () => window.cancelIdleCallback(id);
  }
  const id = setTimeout(work, 2000);
  return () => clearTimeout(id);
}

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
  // The meetings panel renders once first shown (then stays, keeping its state), not behind the register's first
  // paint; its chunk is fetched when the page is idle, so opening it waits for its data only.
  const [meetingsShown, setMeetingsShown] = useState(section === 'meetings');
  if (section === 'meetings' && !meetingsShown) setMeetingsShown(true);
  useEffect(() => whenIdle(() => loadMeetingList().catch(() => undefined)), []);
  // The API's response schemas (with zod) read every answer after the first view: loaded once the page is idle.
  useEffect(() => whenIdle(() => responseSchemas().catch(() => undefined)), []);

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
                <Suspense fallback={null}>
                  <Avatar name={person.name} size={24} aria-hidden />
                </Suspense>
                <Caption1>{t.app.signedInAs(person.name)}</Caption1>
              </span>
            )}
            {(me.data !== undefined || me.error !== null) && (
              <Suspense fallback={null}>
                <SettingsBar {...props} />
              </Suspense>
            )}
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
            meetingsShown && (
              <Suspense fallback={<Spinner label={t.app.loading} />}>
                <MeetingList
                  headingId="heading-meetings"
                  onJoin={host.openLink}
                  onOpen={(meetingId, view) => navigate({ section: 'meeting', meetingId, view })}
                />
              </Suspense>
            )
          )}
        </div>
      </main>
    </div>
  );
}
