/** The tab's root: theme, language, session (API client + signed-in person) and the layout for the frame. */
import { FluentProvider, makeStaticStyles } from '@fluentui/react-components';
import { Suspense, lazy, useCallback, useEffect, useMemo } from 'react';
import { createApiClient, getMe, type Identity } from '../api';
import { SessionContext, type Session } from '../common/ApiContext';
import { useResource } from '../common/useResource';
import { I18nProvider, INTL_TAGS, directionOf } from '../i18n';
import { AppShell } from './AppShell';
import { withEarlyRequests } from './early-requests';
import { frameView } from './route';
import type { StartUp } from './start-up';
import { useAppTheme } from './useAppTheme';
import { useDevUser } from './useDevUser';
import { useLocale } from './useLocale';
import { loadConfigPage, loadSidePanel, loadStage } from './views';

const TabConfigPage = lazy(() => loadConfigPage().then((m) => ({ default: m.TabConfigPage })));
const SidePanel = lazy(() => loadSidePanel().then((m) => ({ default: m.SidePanel })));
const StageView = lazy(() => loadStage().then((m) => ({ default: m.StageView })));

const useGlobalStyles = makeStaticStyles({
  body: { margin: '0' },
});

/** Renders the tab for a detected host, in the language and theme prepared at start-up. */
export function App({ start }: { start: StartUp }) {
  const { host, early } = start;
  useGlobalStyles();
  const { locale, messages, setLocale } = useLocale(start.locale);
  const theme = useAppTheme(host, start.theme);
  const [devUserId, setDevUserId] = useDevUser();
  const dir = directionOf(locale);

  const api = useMemo(() => {
    const identity: Identity = {
      getToken: host.getToken,
      devUserId: host.inTeams ? null : devUserId,
      language: locale,
    };
    return withEarlyRequests(createApiClient(identity), identity, early);
  }, [host, devUserId, locale, early]);
  const loadMe = useCallback((signal: AbortSignal) => getMe(api, signal), [api]);
  const me = useResource(loadMe);
  const session = useMemo<Session>(() => ({ api, me: me.data ?? null }), [api, me.data]);

  useEffect(() => {
    const html = document.documentElement;
    html.lang = INTL_TAGS[locale];
    html.dir = dir;
  }, [locale, dir]);

  useEffect(() => {
    document.getElementById('root')?.removeAttribute('aria-busy');
    // The app is on screen: Teams can hide its loading indicator.
    host.notifyLoaded();
  }, [host]);

  const settings = {
    host,
    onLocaleChange: setLocale,
    themeChoice: theme.choice,
    onThemeChange: theme.setChoice,
    devUserId,
    onDevUserChange: setDevUserId,
  };
  const view = frameView(host.frameContext, window.location.search);
  // The configuration page and the side panel are shown once the signed-in person is known (the full tab's sections
  // tell it themselves, see AppShell).
  const meKnown = me.data !== undefined || me.error !== null;
  useEffect(() => {
    if (view !== 'tab' && meKnown) host.notifyShown();
  }, [host, view, meKnown]);

  return (
    <FluentProvider theme={theme.theme} dir={dir} data-theme={theme.kind}>
      <I18nProvider locale={locale} messages={messages}>
        <SessionContext.Provider value={session}>
          {view === 'tab' ? (
            <AppShell {...settings} me={me} />
          ) : (
            // The entry script started this view's chunk with the app's, so the wait is short: keep the splash's place.
            <Suspense fallback={null}>
              {view === 'config' ? (
                <TabConfigPage {...settings} />
              ) : view === 'stage' ? (
                <StageView {...settings} />
              ) : (
                <SidePanel {...settings} />
              )}
            </Suspense>
          )}
        </SessionContext.Provider>
      </I18nProvider>
    </FluentProvider>
  );
}
