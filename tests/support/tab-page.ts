/**
 * What the tab's end-to-end tests share: the real server and Chromium started around a test file, fresh offline
 * browser profiles closed after each test, page helpers, the axe scan, and a stand-in Teams client.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, BrowserContextOptions, FrameLocator, Locator, Page } from 'playwright-core';
import type { RunningServer } from '../../teams-app/server/main';
import { launchBrowser } from './browser';
import { allStarted, closeAll } from './lifecycle';
import { startTestServer } from './server';

/** How a test file's server is started and what else is started and closed with it. */
export interface TabTestOptions {
  /** Starts the server, alongside the browser (default: the demo server). */
  startServer?: () => Promise<RunningServer>;
  /** Closes what `startServer` started besides the server, alongside the browser and the server. */
  close?: () => Promise<unknown> | undefined;
  /** Runs once everything is closed. */
  cleanUp?: () => void;
}

/** How the tab is opened in a fresh browser profile. */
export interface OpenOptions {
  path?: string;
  /** The "Viewing as" person (local mode), remembered in localStorage as the picker does. */
  as?: string;
  locale?: string;
  colorScheme?: 'light' | 'dark';
  width?: number;
  /** Called before navigation, e.g. to route API calls. */
  prepare?: (page: Page) => Promise<unknown>;
}

/** The server and browser of a test file, available from its tests on. */
export interface TabTestBed {
  readonly server: RunningServer;
  readonly browser: Browser;
  /** A fresh browser profile, offline but for the test servers, closed after the test. */
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
  /** A page in a fresh browser profile (see newContext). */
  newPage(options?: BrowserContextOptions): Promise<Page>;
  /** Opens the tab in a fresh browser profile; `context` adds to (or overrides) the profile's options. */
  openTab(options?: OpenOptions, context?: BrowserContextOptions): Promise<Page>;
}

/** Starts the server and Chromium before the file's tests and closes them after; closes each test's profiles. */
export function setUpTabTests(options: TabTestOptions = {}): TabTestBed {
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    await allStarted(
      (options.startServer ?? (() => startTestServer()))().then((started) => (server = started)),
      launchBrowser().then((launched) => (browser = launched)),
    );
  }, 60_000);

  afterEach(async () => {
    await Promise.allSettled(contexts.splice(0).map((context) => context.close()));
  });

  afterAll(async () => {
    try {
      await closeAll(browser?.close(), server?.close(), options.close?.());
    } finally {
      options.cleanUp?.();
    }
  });

  async function newContext(contextOptions: BrowserContextOptions = {}): Promise<BrowserContext> {
    const context = await browser.newContext(contextOptions);
    contexts.push(context);
    // Offline: teams-js asks a CDN for its list of valid domains; answer nothing rather than wait on DNS.
    await context.route(/^https?:\/\/(?!localhost|127\.0\.0\.1)/, (route) => route.abort());
    return context;
  }

  async function newPage(contextOptions: BrowserContextOptions = {}): Promise<Page> {
    return (await newContext(contextOptions)).newPage();
  }

  async function openTab(open: OpenOptions = {}, context: BrowserContextOptions = {}): Promise<Page> {
    const browserContext = await newContext({
      locale: open.locale ?? 'en-GB',
      colorScheme: open.colorScheme ?? 'light',
      viewport: { width: open.width ?? 1280, height: 900 },
      ...context,
    });
    if (open.as) {
      await browserContext.addInitScript((person) => localStorage.setItem('isc-coordinator.devUser', person), open.as);
    }
    const page = await browserContext.newPage();
    await open.prepare?.(page);
    await page.goto(`${server.url}${open.path ?? '/'}`);
    return page;
  }

  return {
    get server() {
      return server;
    },
    get browser() {
      return browser;
    },
    newContext,
    newPage,
    openTab,
  };
}

/** Waits until a locator is visible (Playwright's own wait, with a readable failure). */
export async function expectVisible(locator: Locator, timeout = 10_000): Promise<void> {
  await locator.waitFor({ state: 'visible', timeout });
}

/** Polls `read` until it returns `expected` (compared as JSON); fails with the last value seen. */
export async function eventually<T>(read: () => Promise<T>, expected: T, timeout = 10_000): Promise<void> {
  const until = Date.now() + timeout;
  let last: T = await read();
  while (JSON.stringify(last) !== JSON.stringify(expected) && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    last = await read();
  }
  expect(last).toEqual(expected);
}

/** Runs axe on the page (Fluent's focus-trap sentinels excluded) and returns its violations, summarized. */
export async function axeViolations(page: Page): Promise<string[]> {
  // Colours are judged once the page is still: a drawer or dialog fading in is not yet at its final contrast.
  // (Endless animations, such as a spinner, never finish and are left out.)
  await page.waitForFunction(
    () =>
      document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
    undefined,
    { timeout: 10_000 },
  );
  const results = await new AxeBuilder({ page }).exclude('[data-tabster-dummy]').analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** A teams-js call the stand-in Teams client received. */
export interface HostCall {
  func: string;
  args: unknown[];
}

/** What the stand-in Teams client frames and how it answers. */
export interface TeamsHostOptions {
  /** The framed page's address and title. */
  src: string;
  title: string;
  /** The Teams context getContext answers. */
  context: Record<string, unknown>;
  /** The answer's arguments per teams-js function (initialize, getContext, …); others get none. */
  answers: Record<string, unknown[]>;
}

/**
 * A stand-in for the Teams web client: frames the tab and answers teams-js' postMessage calls, recording them in
 * `window.calls`; `window.toTab(func, args)` sends the tab a message as Teams does (theme change, Save pressed).
 */
export function fakeTeamsHost(options: TeamsHostOptions): string {
  const answers = { ...options.answers, getContext: [options.context] };
  return `<!doctype html><html lang="en"><head><title>Teams</title></head><body style="margin:0">
<iframe title="${options.title}" src="${options.src}" style="border:0;width:100vw;height:100vh"></iframe>
<script>
  const answers = ${JSON.stringify(answers)};
  window.calls = [];
  window.addEventListener('message', (event) => {
    const message = event.data;
    if (!message || typeof message.func !== 'string') return;
    window.calls.push({ func: message.func, args: message.args ?? [] });
    const args = answers[message.func] ?? [];
    event.source.postMessage({ id: message.id, uuidAsString: message.uuidAsString, args }, '*');
  });
  window.toTab = (func, args) =>
    document.querySelector('iframe').contentWindow.postMessage({ func, args }, '*');
</script></body></html>`;
}

/** Shows `host` (a fakeTeamsHost page) at `${serverUrl}/teams-client` and answers the frame holding the tab. */
export async function openTeamsHost(page: Page, serverUrl: string, host: string): Promise<FrameLocator> {
  await page.route('**/teams-client', (route) => route.fulfill({ contentType: 'text/html', body: host }));
  await page.goto(`${serverUrl}/teams-client`);
  return page.frameLocator('iframe');
}

/** The teams-js calls the stand-in Teams client on `page` has received so far. */
export function hostCalls(page: Page): Promise<HostCall[]> {
  return page.evaluate(() => (window as unknown as { calls: HostCall[] }).calls);
}

/** Sends the tab in the stand-in Teams client on `page` a message as Teams does. */
export async function sendToTab(page: Page, func: string, args: unknown[]): Promise<void> {
  await page.evaluate(([f, a]) => (window as unknown as { toTab(func: string, args: unknown[]): void }).toTab(f, a), [
    func,
    args,
  ] as const);
}
