/** Finds out whether the tab runs inside Teams (or Outlook / the Microsoft 365 app) or standalone. */
import type { pages as teamsPages } from '@microsoft/teams-js';

/** The Teams themes: light, dark and high contrast. */
export type HostTheme = 'default' | 'dark' | 'contrast';

/** What a configurable tab saves in Teams: where it points and what it is called. */
export interface TabConfig {
  contentUrl: string;
  websiteUrl: string;
  entityId: string;
  suggestedDisplayName: string;
}

/** The Teams tab configuration page's link to its host (the dialog with the Save button). */
export interface TabConfigHost {
  /** Enables (or disables) the host's Save button. */
  setValid(valid: boolean): void;
  /** On Save, stores the configuration `current()` returns at that moment; registered once. */
  onSave(current: () => TabConfig): void;
}

/** What the tab learns from, and can ask of, the application hosting it. */
export interface Host {
  /** True inside Teams, Outlook or the Microsoft 365 app; false when opened directly in a browser. */
  inTeams: boolean;
  /** The host's UI language (e.g. `en-us`), or null. */
  locale: string | null;
  /** The host's theme, or null standalone. */
  theme: HostTheme | null;
  /** Where the tab is shown: `content`, `sidePanel`, `meetingStage`…, or null standalone. */
  frameContext: string | null;
  /** The Teams meeting the tab was opened in (meeting chat, details, side panel, stage), or null. */
  meetingId: string | null;
  /** The chat the tab is opened in (`context.chat.id`; a meeting's chat thread in a meeting), or null. */
  chatId: string | null;
  /** The sub-page a Teams deep link opened the tab on (`context.page.subPageId`, the link's subEntityId), or null. */
  subPageId: string | null;
  /** The tab configuration API when Teams shows the configuration page (`settings` frame), else null. */
  tabConfig: TabConfigHost | null;
  /** Gets a Teams SSO token for the server; null standalone. */
  getToken: (() => Promise<string>) | null;
  /** Calls back when the user switches theme in Teams; returns nothing to undo (teams-js keeps one handler). */
  onThemeChange(handler: (theme: HostTheme) => void): void;
  /** Opens a link the way the host prefers (Teams deep links open in Teams). */
  openLink(url: string): void;
  /** Tells the host the app's shell is on screen (Teams hides its loading indicator); once. */
  notifyLoaded(): void;
  /** Tells the host the first view's data is shown (Teams' "app loaded successfully"); once per load or resume. */
  notifyShown(): void;
}

/** The host when the page is opened directly in a browser. */
export const STANDALONE: Host = {
  inTeams: false,
  locale: null,
  theme: null,
  frameContext: null,
  meetingId: null,
  chatId: null,
  subPageId: null,
  tabConfig: null,
  getToken: null,
  onThemeChange: () => undefined,
  openLink: (url) => void window.open(url, '_blank', 'noopener,noreferrer'),
  notifyLoaded: () => undefined,
  notifyShown: () => undefined,
};

/** Runs `call` the first time the returned function is called, never again. */
function once(call: () => unknown): () => void {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    try {
      void Promise.resolve(call()).catch(() => undefined);
    } catch {
      // The host went away (the frame is being torn down): nothing to tell it.
    }
  };
}

/**
 * Shows the address Teams asks for when it brings a cached (suspended) tab back: the same page, another view. The
 * route follows it as it follows Back and Forward.
 */
function showResumed(contentUrl: URL): void {
  const here = window.location;
  if (contentUrl.origin !== here.origin) return;
  if (contentUrl.pathname === here.pathname && contentUrl.search === here.search) return;
  try {
    window.history.replaceState(null, '', `${contentUrl.pathname}${contentUrl.search}${contentUrl.hash}`);
    window.dispatchEvent(new PopStateEvent('popstate'));
  } catch {
    // A sandboxed history: the tab stays on the view it shows.
  }
}

/** The tab configuration calls through teams-js' `pages.config`. */
function configHost(config: typeof teamsPages.config): TabConfigHost | null {
  try {
    if (!config.isSupported()) return null;
  } catch {
    return null;
  }
  return {
    setValid: (valid) => config.setValidityState(valid),
    onSave: (current) =>
      config.registerOnSaveHandler((saveEvent) => {
        config.setConfig(current()).then(
          () => saveEvent.notifySuccess(),
          (error: unknown) => saveEvent.notifyFailure(error instanceof Error ? error.message : String(error)),
        );
      }),
  };
}

function asTheme(value: string | undefined): HostTheme {
  return value === 'dark' || value === 'contrast' ? value : 'default';
}

function timeout(ms: number): Promise<never> {
  return new Promise((_, reject) => setTimeout(() => reject(new Error(`no Teams host after ${ms} ms`)), ms));
}

/**
 * False when no Teams host can be there: teams-js talks to its host through the parent frame, the opener window or,
 * in the mobile apps, a native interface, and fails at once without one. A page opened directly in a browser
 * then skips loading teams-js at all.
 */
export function mayBeInTeams(win: Window = window): boolean {
  return win.parent !== win || Boolean(win.opener) || 'nativeInterface' in win;
}

/**
 * Initializes teams-js (loaded only when a host may be there), racing it against a timeout: in a non-Teams
 * iframe it would hang for a minute. Any failure means standalone.
 */
export async function detectHost(timeoutMs = 1500): Promise<Host> {
  if (!mayBeInTeams()) return STANDALONE;
  try {
    const { app, authentication, pages } = await import('@microsoft/teams-js');
    await Promise.race([app.initialize(), timeout(timeoutMs)]);
    const context = await Promise.race([app.getContext(), timeout(timeoutMs)]);
    const frameContext = context.page.frameContext ?? null;
    let notifyShown = once(() => app.notifySuccess());
    // App caching: Teams keeps the tab's frame when the user leaves and shows it at once when they come back.
    try {
      app.lifecycle.registerBeforeSuspendOrTerminateHandler(() => Promise.resolve());
      app.lifecycle.registerOnResumeHandler((resume) => {
        showResumed(resume.contentUrl);
        notifyShown = once(() => app.notifySuccess());
        notifyShown();
      });
    } catch {
      // An older host without app caching: the tab loads afresh each time.
    }
    return {
      inTeams: true,
      locale: context.app.locale || null,
      theme: asTheme(context.app.theme),
      frameContext,
      meetingId: context.meeting?.id || null,
      chatId: context.chat?.id || null,
      subPageId: context.page.subPageId || null,
      tabConfig: frameContext === 'settings' ? configHost(pages.config) : null,
      getToken: () => authentication.getAuthToken(),
      onThemeChange: (handler) => app.registerOnThemeChangeHandler((theme) => handler(asTheme(theme))),
      openLink: (url) => void app.openLink(url).catch(() => STANDALONE.openLink(url)),
      notifyLoaded: once(() => app.notifyAppLoaded()),
      notifyShown: () => notifyShown(),
    };
  } catch {
    return STANDALONE;
  }
}
