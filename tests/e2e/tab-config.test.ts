/**
 * The configurable tab's configuration page (`?view=config`) end to end: the built tab (dist/tab) served by
 * the real server, opened in Chromium standalone and inside a stand-in Teams client that frames the page in
 * the `settings` frame context and answers teams-js' postMessage calls, as Teams' "add a tab" dialog does.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, FrameLocator, Locator, Page } from 'playwright-core';
import type { RunningServer } from '../../teams-app/server/main';
import { launchBrowser } from '../support/browser';
import { startTestServer } from '../support/server';

jest.setTimeout(60_000);

let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
}, 60_000);

afterEach(async () => {
  await Promise.allSettled(contexts.splice(0).map((context) => context.close()));
});

afterAll(async () => {
  await Promise.allSettled([browser?.close(), server?.close()]);
});

/** A fresh browser profile, offline but for the test server. */
async function newPage(options: { locale?: string; colorScheme?: 'light' | 'dark'; width?: number } = {}) {
  const context = await browser.newContext({
    locale: options.locale ?? 'en-GB',
    colorScheme: options.colorScheme ?? 'light',
    viewport: { width: options.width ?? 800, height: 600 },
  });
  contexts.push(context);
  // teams-js asks a CDN for its list of valid domains; answer nothing rather than wait on DNS.
  await context.route(/^https?:\/\/(?!localhost|127\.0\.0\.1)/, (route) => route.abort());
  return context.newPage();
}

/** Waits until a locator is visible (Playwright's own wait, with a readable failure). */
async function expectVisible(locator: Locator, timeout = 10_000): Promise<void> {
  await locator.waitFor({ state: 'visible', timeout });
}

/** Polls `read` until it returns `expected`; fails with the last value seen. */
async function eventually<T>(read: () => Promise<T>, expected: T, timeout = 10_000): Promise<void> {
  const until = Date.now() + timeout;
  let last: T = await read();
  while (JSON.stringify(last) !== JSON.stringify(expected) && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    last = await read();
  }
  expect(last).toEqual(expected);
}

/** Runs axe on the page (Fluent's focus-trap sentinels excluded) and returns its violations, summarized. */
async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).exclude('[data-tabster-dummy]').analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

const choices = (scope: Page | FrameLocator, label = 'This tab shows') =>
  scope.getByRole('radiogroup', { name: label });

describe('standalone (a browser, not Teams)', () => {
  it('shows the three choices, a note and an Open link that follows the choice, by mouse and keyboard', async () => {
    const page = await newPage();
    await page.goto(`${server.url}/?view=config`);

    await expectVisible(page.getByRole('heading', { level: 1, name: 'Set up the ISC Coordinator tab' }));
    const group = choices(page);
    await expectVisible(group);
    expect(await group.getByRole('radio').count()).toBe(3);
    const register = group.getByRole('radio', { name: 'Topic register' });
    const meetings = group.getByRole('radio', { name: 'Upcoming meetings' });
    const sidePanel = group.getByRole('radio', { name: 'Meeting side panel' });
    expect(await register.isChecked()).toBe(true);
    await expectVisible(page.getByText('This page is used when the tab is added to a team, a chat or a meeting'));
    await expectVisible(page.getByText('Choose what this tab shows.'));

    const open = page.getByRole('link', { name: 'Open' });
    expect(await open.getAttribute('href')).toBe(`${server.url}/?view=register`);

    await sidePanel.check();
    await eventually(() => open.getAttribute('href'), `${server.url}/?view=sidepanel`);

    // Keyboard: arrows move the choice within the group, as in any radio group.
    await sidePanel.focus();
    await page.keyboard.press('ArrowUp');
    await eventually(() => meetings.isChecked(), true);
    await eventually(() => open.getAttribute('href'), `${server.url}/?view=meetings`);

    await open.click();
    await page.waitForURL(`${server.url}/?view=meetings`);
    await expectVisible(page.getByRole('list', { name: 'Upcoming meetings' }));
  });

  it('is translated and right-to-left in Arabic', async () => {
    const page = await newPage({ locale: 'ar' });
    await page.goto(`${server.url}/?view=config`);
    const group = choices(page, 'تعرض علامة التبويب هذه');
    await expectVisible(group.getByRole('radio', { name: 'اللوحة الجانبية للاجتماع' }));
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await expectVisible(page.getByRole('link', { name: 'فتح' }));
  });
});

interface HostCall {
  func: string;
  args: unknown[];
}

/** A stand-in Teams client showing the tab's configuration page in the `settings` frame. */
function fakeTeamsConfigHost(options: { locale: string; meetingId?: string }): string {
  return `<!doctype html><html lang="en"><head><title>Teams</title></head><body style="margin:0">
<iframe title="ISC Coordinator tab settings" src="/?view=config" style="border:0;width:100vw;height:100vh"></iframe>
<script>
  const options = ${JSON.stringify(options)};
  window.calls = [];
  const context = {
    locale: options.locale, theme: 'default', frameContext: 'settings', hostClientType: 'web',
    userObjectId: '00000000-0000-0000-0000-0000000000020', tid: 'tenant',
    teamId: '19:team@thread.tacv2', channelId: '19:channel@thread.tacv2', meetingId: options.meetingId,
  };
  const answers = {
    initialize: ['settings', 'web', '', '2.0.0'],
    getContext: [context],
    'settings.setSettings': [true],
  };
  window.addEventListener('message', (event) => {
    const message = event.data;
    if (!message || typeof message.func !== 'string') return;
    window.calls.push({ func: message.func, args: message.args ?? [] });
    const args = answers[message.func] ?? [];
    event.source.postMessage({ id: message.id, uuidAsString: message.uuidAsString, args }, '*');
  });
  // What Teams does when the user presses Save in the dialog.
  window.pressSave = () =>
    document.querySelector('iframe').contentWindow.postMessage({ func: 'settings.save', args: [{}] }, '*');
</script></body></html>`;
}

async function openInTeams(options: { locale: string; meetingId?: string }) {
  const page = await newPage();
  await page.route('**/teams-client', (route) =>
    route.fulfill({ contentType: 'text/html', body: fakeTeamsConfigHost(options) }),
  );
  await page.goto(`${server.url}/teams-client`);
  const calls = () => page.evaluate(() => (window as unknown as { calls: HostCall[] }).calls);
  const called = async (func: string) => (await calls()).filter((c) => c.func === func).map((c) => c.args);
  const pressSave = () => page.evaluate(() => (window as unknown as { pressSave(): void }).pressSave());
  return { page, tab: page.frameLocator('iframe'), called, pressSave };
}

describe('inside Teams (a stand-in "add a tab" dialog, settings frame)', () => {
  it('saves the chosen view: setConfig with its address, entity id and name, after setValidityState(true)', async () => {
    const { tab, called, pressSave } = await openInTeams({ locale: 'en-us' });

    const group = choices(tab);
    await expectVisible(group);
    expect(await group.getByRole('radio', { name: 'Topic register' }).isChecked()).toBe(true);
    expect(await tab.getByRole('link', { name: 'Open' }).count()).toBe(0);
    expect(await tab.getByText('Standalone (not in Teams)').count()).toBe(0);
    // Valid from the start (the default choice), and a save handler registered with the host.
    await eventually(async () => (await called('settings.setValidityState')).length > 0, true);
    expect(await called('settings.setValidityState')).toContainEqual([true]);
    await eventually(async () => (await called('registerHandler')).some((args) => args[0] === 'save'), true);

    await group.getByRole('radio', { name: 'Upcoming meetings' }).check();
    await pressSave();

    await eventually(async () => (await called('settings.setSettings')).length, 1);
    const [[config]] = (await called('settings.setSettings')) as [[Record<string, string>]];
    expect(config.contentUrl).toBe(`${server.url}/?view=meetings`);
    expect(config.contentUrl?.endsWith('/?view=meetings')).toBe(true);
    expect(config).toMatchObject({
      websiteUrl: `${server.url}/?view=meetings`,
      entityId: 'isc-meetings',
      suggestedDisplayName: 'Upcoming meetings',
    });
    await eventually(async () => (await called('settings.save.success')).length, 1);
    for (const args of await called('settings.setValidityState')) expect(args).toEqual([true]);
  });

  it('preselects the meeting side panel in a meeting, with a name in the Teams language', async () => {
    const { tab, called, pressSave } = await openInTeams({ locale: 'fr-fr', meetingId: 'MCMx-meeting-id' });

    const group = choices(tab, 'Cet onglet affiche');
    await expectVisible(group);
    await eventually(() => group.getByRole('radio', { name: 'Panneau latéral de réunion' }).isChecked(), true);
    await eventually(async () => (await called('registerHandler')).some((args) => args[0] === 'save'), true);

    await pressSave();
    await eventually(async () => (await called('settings.setSettings')).length, 1);
    const [[config]] = (await called('settings.setSettings')) as [[Record<string, string>]];
    expect(config).toMatchObject({
      contentUrl: `${server.url}/?view=sidepanel`,
      entityId: 'isc-sidepanel',
      suggestedDisplayName: 'Panneau latéral de réunion',
    });
  });
});

describe('accessibility (axe, Fluent focus-trap sentinels excluded)', () => {
  it('finds no violations on the configuration page, in English and in Arabic dark', async () => {
    const page = await newPage();
    await page.goto(`${server.url}/?view=config`);
    await expectVisible(choices(page));
    expect(await axeViolations(page)).toEqual([]);

    const arabic = await newPage({ locale: 'ar', colorScheme: 'dark' });
    await arabic.goto(`${server.url}/?view=config`);
    await expectVisible(choices(arabic, 'تعرض علامة التبويب هذه'));
    expect(await axeViolations(arabic)).toEqual([]);
  }, 120_000);
});
