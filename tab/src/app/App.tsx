/** The tab's root: theme, language, session (API client + signed-in person) and the layout for the frame. */
import { FluentProvider, makeStaticStyles } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo } from 'react';
import { createApiClient, getMe } from '../api';
import { SessionContext, type Session } from '../common/ApiContext';
import { useResource } from '../common/useResource';
import { TabConfigPage } from '../config/TabConfigPage';
import type { Host } from '../host/host';
import { I18nProvider, INTL_TAGS, directionOf } from '../i18n';
import { SidePanel } from '../sidepanel/SidePanel';
import { AppShell } from './AppShell';
import { useAppTheme } from './useAppTheme';
import { useDevUser } from './useDevUser';
import { useLocale } from './useLocale';

const useGlobalStyles = makeStaticStyles({
  body: { margin: '0' },
});

/** True for the tab's configuration page: Teams' `settings` frame context, or `?view=config` in a browser. */
function isConfig(host: Host): boolean {
  return host.frameContext === 'settings' || new URLSearchParams(window.location.search).get('view') === 'config';
}

/** True for the meeting side panel: Teams' `sidePanel` frame context, or `?view=sidepanel` in a browser. */
function isSidePanel(host: Host): boolean {
  return host.frameContext === 'sidePanel' || new URLSearchParams(window.location.search).get('view') === 'sidepanel';
}

/** Renders the tab for a detected host. */
export function App({ host }: { host: Host }) {
  useGlobalStyles();
  const [locale, setLocale] = useLocale(host);
  const theme = useAppTheme(host);
  const [devUserId, setDevUserId] = useDevUser();
  const dir = directionOf(locale);

  const api = useMemo(
    () => createApiClient({ getToken: host.getToken, devUserId: host.inTeams ? null : devUserId, language: locale }),
    [host, devUserId, locale],
  );
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
  }, []);

  const settings = {
    host,
    onLocaleChange: setLocale,
    themeChoice: theme.choice,
    onThemeChange: theme.setChoice,
    devUserId,
    onDevUserChange: setDevUserId,
  };

  return (
    <FluentProvider theme={theme.theme} dir={dir} data-theme={theme.kind}>
      <I18nProvider locale={locale}>
        <SessionContext.Provider value={session}>
          {isConfig(host) ? (
            <TabConfigPage {...settings} />
          ) : isSidePanel(host) ? (
            <SidePanel {...settings} />
          ) : (
            <AppShell {...settings} me={me} />
          )}
        </SessionContext.Provider>
      </I18nProvider>
    </FluentProvider>
  );
}
