/** The full tab: a header (name, mode, settings) with the section tabs, and the selected section. */
import { Badge, Caption1, Spinner, Tab, TabList, Text } from '@fluentui/react-components';
import { CalendarLtr20Regular } from '@fluentui/react-icons/svg/calendar-ltr';
import { ClipboardTaskListLtr20Regular } from '@fluentui/react-icons/svg/clipboard-task-list-ltr';
import { Settings20Regular } from '@fluentui/react-icons/svg/settings';
import { TaskListLtr20Regular } from '@fluentui/react-icons/svg/task-list-ltr';
import { PeopleTeam24Filled } from '@fluentui/react-icons/svg/people-team';
import { TextBulletListSquare20Regular } from '@fluentui/react-icons/svg/text-bullet-list-square';
import { Suspense, lazy, useEffect, useState } from 'react';
import { responseSchemas } from '../api/responses';
import { useSession } from '../common/ApiContext';
import { ErrorBar } from '../common/ErrorBar';
import { usePermission } from '../common/roles';
import type { Resource } from '../common/useResource';
import type { Me } from '../api';
import { TopicRegister } from '../topics/TopicRegister';
import { useI18n, type Messages } from '../i18n';
import type { Host } from '../host/host';
import { useShellStyles } from './AppShell.styles';
import type { SettingsProps } from './SettingsBar';
import { useRoute } from './useRoute';
import type { Route } from './route';
import { loadAdminView, loadMeetingList, loadMeetingWorkspace, loadMyWork, loadRecordsView } from './views';

// The meetings (cards) and the meeting workspace (dialogs, tables, forms) load on first use, keeping the register's
// first paint light; the entry script starts them at once when the address opens on them.
const MeetingList = lazy(() => loadMeetingList().then((module) => ({ default: module.MeetingList })));
// The settings (menus, a dropdown: popups and their positioning) load once the signed-in person is known (the
// "Viewing as" picker depends on it), beside the first view's data rather than ahead of it.
const SettingsBar = lazy(() => import('./SettingsBar').then((module) => ({ default: module.SettingsBar })));
// The signed-in person's avatar (shown in Teams only) comes with presence icons it does not show: load it there only.
const Avatar = lazy(() => import('./avatar').then((module) => ({ default: module.Avatar })));
const MeetingWorkspace = lazy(() => loadMeetingWorkspace().then((module) => ({ default: module.MeetingWorkspace })));
// The records register and the administration (forms, tables, their own catalogue) load when first opened.
const RecordsView = lazy(() => loadRecordsView().then((module) => ({ default: module.RecordsView })));
const AdminView = lazy(() => loadAdminView().then((module) => ({ default: module.AdminView })));
// A focal point's home (their topics' updates and their actions) loads when shown.
const MyWork = lazy(() => loadMyWork().then((module) => ({ default: module.MyWork })));

/** The sections of the header's tab list. */
type Section = 'mywork' | 'topics' | 'meetings' | 'records' | 'admin';

/**
 * The section a route shows; administration only to those who may edit the register (the register otherwise). The
 * address without a view is a focal point's "My work", everyone else's register.
 */
function sectionOf(route: Route, canAdminister: boolean, focalPoint: boolean): Section {
  if (route.section === 'meeting') return 'meetings';
  if (route.section === 'admin' && !canAdminister) return 'topics';
  if (route.section === 'home') return focalPoint ? 'mywork' : 'topics';
  return route.section;
}

/** The route a section's tab leads to. */
function routeOf(section: Section): Route {
  if (section === 'records') return { section, tab: 'actions' };
  if (section === 'admin') return { section, tab: 'topics' };
  return { section };
}

/** Runs `work` when the browser is idle (or after a while where it cannot tell); returns the cancel. */
function whenIdle(work: () => unknown): () => void {
  if ('requestIdleCallback' in window) {
    const id = window.requestIdleCallback(work, { timeout: 5000 });
    return () => window.cancelIdleCallback(id);
  }
  const id = setTimeout(work, 2000);
  return () => clearTimeout(id);
}

/** The title over a failed `/me` outside Teams: the "Viewing as" person is not in the register. */
function notInRegisterTitle(t: Messages, devUserId: string | null): string {
  return devUserId ? t.viewAs.notInRegister(devUserId) : t.errors.identity;
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
  const can = usePermission();
  const canAdminister = can('register.edit');
  const person = signedIn?.person ?? null;
  const focalPoint = person?.roles.includes('focal-point') ?? false;
  const meKnown = me.data !== undefined || me.error !== null;
  // Until `/me` answers, an address on the administration waits for the roles rather than showing the register,
  // and the address without a view waits to know whether it shows "My work".
  const waiting = !meKnown && (route.section === 'admin' || route.section === 'home');
  const section: Section | null = waiting
    ? route.section === 'admin'
      ? 'admin'
      : null
    : sectionOf(route, canAdminister, focalPoint);
  // The shell is on screen: Teams can hide its loading indicator.
  useEffect(() => host.notifyLoaded(), [host]);
  // The register and "My work" say when their data shows; the other sections once the signed-in person is known.
  useEffect(() => {
    if (meKnown && section !== 'topics' && section !== 'mywork') host.notifyShown();
  }, [host, meKnown, section]);
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
          // Null (no tab selected) while the home waits for `/me`: never undefined, which would leave the list uncontrolled.
          selectedValue={section}
          onTabSelect={(_, data) => navigate(routeOf(data.value as Section))}
          aria-label={t.nav.label}
          className={styles.tabs}
        >
          {(focalPoint || section === 'mywork') && (
            <Tab id="tab-mywork" value="mywork" icon={<TaskListLtr20Regular />} aria-controls="panel-mywork">
              {t.nav.myWork}
            </Tab>
          )}
          <Tab id="tab-topics" value="topics" icon={<TextBulletListSquare20Regular />} aria-controls="panel-topics">
            {t.nav.topics}
          </Tab>
          <Tab id="tab-meetings" value="meetings" icon={<CalendarLtr20Regular />} aria-controls="panel-meetings">
            {t.nav.meetings}
          </Tab>
          <Tab id="tab-records" value="records" icon={<ClipboardTaskListLtr20Regular />} aria-controls="panel-records">
            {t.nav.records}
          </Tab>
          {canAdminister && (
            <Tab id="tab-admin" value="admin" icon={<Settings20Regular />} aria-controls="panel-admin">
              {t.nav.admin}
            </Tab>
          )}
        </TabList>
      </header>

      <main className={styles.main}>
        {me.error !== null && (
          // Outside Teams the identity is the local "Viewing as" person: say who is unknown, and offer the picker.
          <ErrorBar
            title={host.inTeams ? t.errors.signIn : notInRegisterTitle(t, props.devUserId)}
            error={me.error}
            onRetry={me.reload}
          />
        )}
        {signedIn && !person && (
          <Caption1 as="p" className={styles.notice}>
            {t.app.notRegistered}
          </Caption1>
        )}
        {section === 'mywork' && (
          <div role="tabpanel" id="panel-mywork" aria-labelledby="tab-mywork">
            <Suspense fallback={<Spinner label={t.app.loading} />}>
              <MyWork headingId="heading-mywork" onOpenRegister={() => navigate({ section: 'topics' })} />
            </Suspense>
          </div>
        )}
        <div role="tabpanel" id="panel-topics" aria-labelledby="tab-topics" hidden={section !== 'topics'}>
          <TopicRegister headingId="heading-topics" active={section === 'topics'} />
        </div>
        <div role="tabpanel" id="panel-meetings" aria-labelledby="tab-meetings" hidden={section !== 'meetings'}>
          {route.section === 'meeting' ? (
            <Suspense fallback={<Spinner label={t.workspace.loading} />}>
              <MeetingWorkspace
                key={route.meetingId}
                meetingId={route.meetingId}
                view={route.view}
                onViewChange={(view) => navigate({ ...route, view }, { replace: true })}
                onBack={(past) => navigate(past ? { section: 'meetings', archive: true } : { section: 'meetings' })}
              />
            </Suspense>
          ) : (
            meetingsShown && (
              <Suspense fallback={<Spinner label={t.app.loading} />}>
                <MeetingList
                  headingId="heading-meetings"
                  showArchive={route.section === 'meetings' && route.archive === true}
                  onJoin={host.openLink}
                  onOpen={(meetingId, view) => navigate({ section: 'meeting', meetingId, view })}
                />
              </Suspense>
            )
          )}
        </div>
        {section === 'records' && route.section === 'records' && (
          <div role="tabpanel" id="panel-records" aria-labelledby="tab-records">
            <Suspense fallback={<Spinner label={t.app.loading} />}>
              <RecordsView
                headingId="heading-records"
                tab={route.tab}
                onTabChange={(tab) => navigate({ section: 'records', tab }, { replace: true })}
              />
            </Suspense>
          </div>
        )}
        {section === 'admin' && route.section === 'admin' && canAdminister && (
          <div role="tabpanel" id="panel-admin" aria-labelledby="tab-admin">
            <Suspense fallback={<Spinner label={t.app.loading} />}>
              <AdminView
                headingId="heading-admin"
                tab={route.tab}
                onTabChange={(tab) => navigate({ section: 'admin', tab }, { replace: true })}
              />
            </Suspense>
          </div>
        )}
      </main>
    </div>
  );
}
