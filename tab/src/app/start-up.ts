/**
 * What the first paint needs, prepared by the entry script while the app's code downloads: the host, the
 * language and theme with their chunks, and the first view's data requested early.
 */
import type { Theme } from '@fluentui/react-components';
import type { Locale } from '../../../teams-app/domain';
import { subPageSearch } from '../../../teams-app/domain/tab-links';
import { readPreference } from '../common/storage';
import { setCurrentHost } from '../host/current-host';
import { detectHost, type Host, type HostTheme } from '../host/host';
import type { Messages } from '../i18n/en';
import { CATALOGUES } from '../i18n/locales';
import { requestEarly, type EarlyRequests } from './early-requests';
import { initialLocale, initialThemeKind } from './preferences';
import { frameView, parseRoute } from './route';
import { THEMES } from './themes';
import { preloadView } from './views';

/** The host, and the language and theme to start in, each with its loaded chunk. */
export interface StartUp {
  host: Host;
  locale: readonly [Locale, Messages];
  theme: readonly [HostTheme, Theme];
  /** The first view's requests, sent before React started. */
  early: EarlyRequests;
}

let started: Promise<StartUp> | null = null;

/**
 * Detects the host, then sends the first view's requests and loads its language, theme and view chunks; once per
 * page (boot.ts starts it, main.tsx waits for it).
 */
export function startUp(): Promise<StartUp> {
  started ??= prepare();
  return started;
}

async function prepare(): Promise<StartUp> {
  const host = await detectHost();
  setCurrentHost(host);
  followDeepLink(host);
  const search = window.location.search;
  const view = frameView(host.frameContext, search);
  const locale = initialLocale(host);
  const kind = initialThemeKind(host);
  preloadView(view, search);
  // The register's topics are also what "My work" (and the address without a view, which may show it) starts from.
  const register = view === 'tab' && ['topics', 'home', 'mywork'].includes(parseRoute(search).section);
  const early = requestEarly(
    { getToken: host.getToken, devUserId: host.inTeams ? null : readPreference('devUser'), language: locale },
    register ? ['/me', '/topics'] : ['/me'],
  );
  const [messages, theme] = await Promise.all([CATALOGUES.load(locale), THEMES.load(kind)]);
  return { host, locale: [locale, messages], theme: [kind, theme], early };
}

/**
 * Opens the full tab on the view a Teams deep link names (its sub-page id, e.g. a meeting's tracker) rather than the
 * one in the tab's own address, as if that view's address had been opened; the address then keeps it for Back.
 */
function followDeepLink(host: Host): void {
  const wanted = subPageSearch(host.subPageId);
  const here = window.location;
  if (!wanted || wanted === here.search || frameView(host.frameContext, here.search) !== 'tab') return;
  try {
    window.history.replaceState(null, '', `${here.pathname}${wanted}${here.hash}`);
  } catch {
    // A sandboxed history: the tab opens where its own address says.
  }
}
