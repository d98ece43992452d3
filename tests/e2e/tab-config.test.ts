/**
 * The configurable tab's configuration page (`?view=config`) end to end: the built tab (dist/tab) served by
 * the real server, opened in Chromium standalone and inside a stand-in Teams client that frames the page in
 * the `settings` frame context and answers teams-js' postMessage calls, as Teams' "add a tab" dialog does.
 */
import type { FrameLocator, Page } from 'playwright-core';
import {
  axeViolations,
  eventually,
  expectVisible,
  fakeTeamsHost,
  hostCalls,
  openTeamsHost,
  sendToTab,
  setUpTabTests,
} from '../support/tab-page';

jest.setTimeout(60_000);

const bed = setUpTabTests();

/** A fresh browser profile, offline but for the test bed.server. */
const newPage = (options: { locale?: string; colorScheme?: 'light' | 'dark'; width?: number } = {}) =>
  bed.newPage({
    locale: options.locale ?? 'en-GB',
    colorScheme: options.colorScheme ?? 'light',
    viewport: { width: options.width ?? 800, height: 600 },
  });

const choices = (scope: Page | FrameLocator, label = 'This tab shows') =>
  scope.getByRole('radiogroup', { name: label });

describe('standalone (a browser, not Teams)', () => {
  it('shows the three choices, a note and an Open link that follows the choice, by mouse and keyboard', async () => {
    const page = await newPage();
    await page.goto(`${bed.server.url}/?view=config`);

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
    expect(await open.getAttribute('href')).toBe(`${bed.server.url}/?view=register`);

    await sidePanel.check();
    await eventually(() => open.getAttribute('href'), `${bed.server.url}/?view=sidepanel`);

    // Keyboard: arrows move the choice within the group, as in any radio group.
    await sidePanel.focus();
    await page.keyboard.press('ArrowUp');
    await eventually(() => meetings.isChecked(), true);
    await eventually(() => open.getAttribute('href'), `${bed.server.url}/?view=meetings`);

    await open.click();
    await page.waitForURL(`${bed.server.url}/?view=meetings`);
    await expectVisible(page.getByRole('list', { name: 'Upcoming meetings' }));
  });

  it('is translated and right-to-left in Arabic', async () => {
    const page = await newPage({ locale: 'ar' });
    await page.goto(`${bed.server.url}/?view=config`);
    const group = choices(page, 'تعرض علامة التبويب هذه');
    await expectVisible(group.getByRole('radio', { name: 'اللوحة الجانبية للاجتماع' }));
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await expectVisible(page.getByRole('link', { name: 'فتح' }));
  });
});

/** A stand-in Teams client showing the tab's configuration page in the `settings` frame. */
async function openInTeams(options: { locale: string; meetingId?: string }) {
  const page = await newPage();
  const host = fakeTeamsHost({
    title: 'ISC Coordinator tab settings',
    src: '/?view=config',
    context: {
      locale: options.locale,
      theme: 'default',
      frameContext: 'settings',
      hostClientType: 'web',
      userObjectId: '00000000-0000-0000-0000-0000000000020',
      tid: 'tenant',
      teamId: '19:team@thread.tacv2',
      channelId: '19:channel@thread.tacv2',
      meetingId: options.meetingId,
    },
    answers: { initialize: ['settings', 'web', '', '2.0.0'], 'settings.setSettings': [true] },
  });
  const tab = await openTeamsHost(page, bed.server.url, host);
  const called = async (func: string) => (await hostCalls(page)).filter((c) => c.func === func).map((c) => c.args);
  // What Teams does when the user presses Save in the dialog.
  const pressSave = () => sendToTab(page, 'settings.save', [{}]);
  return { page, tab, called, pressSave };
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
    expect(config.contentUrl).toBe(`${bed.server.url}/?view=meetings`);
    expect(config.contentUrl?.endsWith('/?view=meetings')).toBe(true);
    expect(config).toMatchObject({
      websiteUrl: `${bed.server.url}/?view=meetings`,
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
      contentUrl: `${bed.server.url}/?view=sidepanel`,
      entityId: 'isc-sidepanel',
      suggestedDisplayName: 'Panneau latéral de réunion',
    });
  });
});

describe('accessibility (axe, Fluent focus-trap sentinels excluded)', () => {
  it('finds no violations on the configuration page, in English and in Arabic dark', async () => {
    const page = await newPage();
    await page.goto(`${bed.server.url}/?view=config`);
    await expectVisible(choices(page));
    expect(await axeViolations(page)).toEqual([]);

    const arabic = await newPage({ locale: 'ar', colorScheme: 'dark' });
    await arabic.goto(`${bed.server.url}/?view=config`);
    await expectVisible(choices(arabic, 'تعرض علامة التبويب هذه'));
    expect(await axeViolations(arabic)).toEqual([]);
  }, 120_000);
});
