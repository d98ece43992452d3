/**
 * The tab end to end: the built tab (dist/tab) served by the real server (in-memory SQLite, demo data),
 * opened in Chromium outside Teams (standalone, local dev identity) and used the way a person would.
 */
import type { FrameLocator, Page, Request } from 'playwright-core';
import type { RunningServer } from '../../teams-app/server/main';
import { startTestIssuer, type TestIssuer } from '../support/jwt';
import { startTestServer } from '../support/server';
import {
  axeViolations,
  eventually,
  expectVisible,
  fakeTeamsHost,
  hostCalls,
  openTeamsHost,
  sendToTab,
  setUpTabTests,
  type OpenOptions,
} from '../support/tab-page';

jest.setTimeout(60_000);

const bed = setUpTabTests();

/**
 * Opens the tab in a fresh browser profile (viewer in New York, so meeting times show two zones), on the register
 * unless another address is given (the address without a view is a focal point's "My work").
 */
const openTab = (options: OpenOptions = {}): Promise<Page> =>
  bed.openTab({ path: '/?view=register', ...options }, { timezoneId: 'America/New_York' });

const register = (page: Page) => page.getByRole('table', { name: 'Coordination topics' });
const bodyRows = (page: Page) => register(page).locator('tbody').getByRole('row');
const topicRow = (page: Page, title: string) =>
  bodyRows(page).filter({ has: page.getByRole('button', { name: title, exact: true }) });

/** Opens the tab and waits for the register's rows. */
async function openRegister(options: OpenOptions = {}): Promise<Page> {
  const page = await openTab(options);
  await expectVisible(bodyRows(page).first());
  return page;
}

async function topicCount(filter: (topic: { sectors: string[]; id: string }) => boolean): Promise<number> {
  return (await bed.server.store.topics.all()).filter(filter).length;
}

describe('the topic register', () => {
  it('shows all 18 topics with their sectors, focal points, vacancies and resolutions', async () => {
    const page = await openRegister();

    await expectVisible(page.getByRole('heading', { level: 1, name: 'ISC Coordinator' }));
    await expectVisible(page.getByRole('heading', { level: 2, name: 'Topic register' }));
    await expectVisible(page.getByText('Standalone (not in Teams)'));
    expect(await bodyRows(page).count()).toBe(18);
    await expectVisible(page.getByText('18 topics'));
    for (const title of ['Accessibility', 'Space', 'Climate change and environmental sustainability']) {
      await expectVisible(topicRow(page, title));
    }

    const accessibility = topicRow(page, 'Accessibility');
    const bdt = accessibility.getByRole('listitem').filter({ hasText: 'BDT' });
    expect(await bdt.innerText()).toContain('Alex Wilber');
    expect(await bdt.innerText()).toContain('Alternate: Lynne Robbins');
    await expectVisible(accessibility.getByText('PP Res. 175 (Rev. Bucharest, 2022)'));

    await expectVisible(topicRow(page, 'Industry engagement').getByText('Vacant', { exact: true }));
    expect(await topicRow(page, 'Accessibility').getByText('Vacant', { exact: true }).count()).toBe(0);
  });

  it('narrows the rows by sector and search, and shows an empty state when nothing matches', async () => {
    const page = await openRegister();

    await page.getByRole('combobox', { name: 'Sector' }).click();
    await page.getByRole('option', { name: /^BR · / }).click();
    const withBr = await topicCount((t) => t.sectors.includes('BR'));
    expect(withBr).toBeLessThan(18);
    await eventually(() => bodyRows(page).count(), withBr);
    await expectVisible(topicRow(page, 'Space'));
    expect(await topicRow(page, 'Youth').count()).toBe(0);

    await page.getByRole('searchbox', { name: 'Search' }).fill('175');
    await eventually(() => bodyRows(page).count(), 1);
    await expectVisible(topicRow(page, 'Accessibility'));

    await page.getByRole('searchbox', { name: 'Search' }).fill('no topic is called this');
    await expectVisible(page.getByRole('heading', { name: 'No topics match these filters' }));
    expect(await register(page).count()).toBe(0);

    await page.getByRole('button', { name: 'Clear filters' }).click();
    await eventually(() => bodyRows(page).count(), 18);
    expect(await page.getByRole('searchbox', { name: 'Search' }).inputValue()).toBe('');
  });

  it('shows only the viewer\'s topics with "My topics", following the "Viewing as" person', async () => {
    const page = await openRegister();
    const assignments = await bed.server.store.assignments.all();
    const topicsOf = (personId: string) =>
      new Set(
        assignments.filter((a) => a.focalPointId === personId || a.alternateId === personId).map((a) => a.topicId),
      ).size;

    await page.getByRole('combobox', { name: 'My topics' }).click();
    await page.getByRole('option', { name: 'Focal point or alternate' }).click();
    await eventually(() => bodyRows(page).count(), topicsOf('alex-wilber'));
    expect(new URL(page.url()).searchParams.get('mine')).toBe('any');

    const request = page.waitForRequest((r) => r.url().endsWith('/api/v1/me'));
    await page.getByRole('combobox', { name: 'Viewing as' }).click();
    await page.getByRole('option', { name: /^Isaiah Langer/ }).click();
    expect((await request).headers()['x-dev-user']).toBe('isaiah-langer');
    await eventually(() => bodyRows(page).count(), topicsOf('isaiah-langer'));
    await expectVisible(topicRow(page, 'Space'));

    // Focal point and alternate told apart: Isaiah is the BR focal point, Irvin Sayers his alternate.
    const focalOf = (personId: string) =>
      new Set(assignments.filter((a) => a.focalPointId === personId).map((a) => a.topicId)).size;
    await page.getByRole('combobox', { name: 'My topics' }).click();
    await page.getByRole('option', { name: 'As focal point' }).click();
    await eventually(() => bodyRows(page).count(), focalOf('isaiah-langer'));
    await page.getByRole('combobox', { name: 'My topics' }).click();
    await page.getByRole('option', { name: 'As alternate' }).click();
    await eventually(
      () => bodyRows(page).count(),
      new Set(assignments.filter((a) => a.alternateId === 'isaiah-langer').map((a) => a.topicId)).size,
    );
  });

  it('opens a topic in a drawer with its description and every related resolution', async () => {
    const page = await openRegister();

    await page.getByRole('button', { name: 'Accessibility', exact: true }).click();
    const drawer = page.getByRole('dialog', { name: 'Accessibility' });
    await expectVisible(drawer);
    await expectVisible(drawer.getByRole('heading', { name: 'Related resolutions' }));
    for (const label of [
      'PP Res. 175 (Rev. Bucharest, 2022)',
      'WTSA Res. 70 (Rev. Dubai, 2012)',
      'WTDC Res. 58 (Rev. Dubai, 2014)',
      'RA resolution',
    ]) {
      await expectVisible(drawer.getByText(label, { exact: true }));
    }
    await drawer.getByRole('button', { name: 'Close' }).click();
    await drawer.waitFor({ state: 'hidden' });

    const industry = await bed.server.store.topics.get('industry-engagement');
    expect(industry?.description).toBeTruthy();
    await topicRow(page, 'Industry engagement').click();
    const industryDrawer = page.getByRole('dialog', { name: 'Industry engagement' });
    await expectVisible(industryDrawer.getByText(industry?.description ?? '', { exact: true }));
    await expectVisible(industryDrawer.getByText('Vacant', { exact: true }));
  });

  it("shows the server's message and a Retry button when the API fails, and recovers on retry", async () => {
    let failing = true;
    const page = await openTab({
      prepare: (p) =>
        p.route(
          (url) => url.pathname === '/api/v1/topics',
          (route) =>
            failing
              ? route.fulfill({
                  status: 500,
                  contentType: 'application/json',
                  body: JSON.stringify({
                    error: { code: 'internal', message: 'The register store is not answering.' },
                  }),
                })
              : route.fallback(),
        ),
    });
    await expectVisible(page.getByText('The topic register could not be loaded'));
    await expectVisible(page.getByText('The register store is not answering.'));

    failing = false;
    await page.getByRole('button', { name: 'Retry' }).click();
    await eventually(() => bodyRows(page).count(), 18);
    expect(await page.getByText('The register store is not answering.').count()).toBe(0);
  });

  it('explains a failure that is not JSON in plain words', async () => {
    const page = await openTab({
      prepare: (p) =>
        p.route(
          (url) => url.pathname === '/api/v1/meetings',
          (route) => route.fulfill({ status: 502, body: 'Bad gateway' }),
        ),
    });
    await page.getByRole('tab', { name: 'Upcoming meetings' }).click();
    await expectVisible(page.getByText('The meetings could not be loaded').first());
    await expectVisible(page.getByText('The server answered with an unexpected error (HTTP 502).').first());
  });
});

describe('upcoming meetings', () => {
  it('lists ISC-TF 32 and ISCG 9 with meeting-zone and local times, the collection window and a Join link', async () => {
    const page = await openTab();
    await page.getByRole('tab', { name: 'Upcoming meetings' }).click();
    const meetings = page.getByRole('list', { name: 'Upcoming meetings' });
    await expectVisible(meetings);

    const tf32 = meetings.getByRole('article', { name: /ISC-TF 32/ });
    await expectVisible(tf32);
    await expectVisible(meetings.getByRole('article', { name: /ISCG 9/ }));
    expect(await meetings.getByRole('article', { name: /ISC-TF 31/ }).count()).toBe(0);

    const text = await tf32.innerText();
    expect(text).toContain('Meeting time');
    expect(text).toContain('(Central European Time)');
    expect(text).toContain('Your time');
    expect(text).toContain('(Eastern Time)');
    expect(text).toContain('Update collection');
    expect(text).toMatch(/Opens[\s\S]*Closes/);
    const join = tf32.getByRole('link', { name: 'Join meeting (ISC-TF 32)' });
    expect(await join.getAttribute('href')).toBe(
      'https://teams.microsoft.com/l/meetup-join/19%3Aisc-tf-meeting-chat%40thread.v2/0',
    );
  });
});

describe('languages, themes and layout', () => {
  it('switches to Arabic: right-to-left layout, Arabic titles, and the choice is remembered', async () => {
    const page = await openRegister();

    await page.getByRole('button', { name: /^Language/ }).click();
    await page.getByRole('menuitemradio', { name: 'العربية' }).click();

    await expectVisible(page.getByRole('button', { name: 'إمكانية النفاذ', exact: true }));
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('html').getAttribute('lang')).toBe('ar');
    await expectVisible(page.getByRole('heading', { name: 'سجل المواضيع' }));
    await expectVisible(page.getByRole('table', { name: 'مواضيع التنسيق' }));

    await page.reload();
    await expectVisible(page.getByRole('button', { name: 'إمكانية النفاذ', exact: true }));
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
  });

  it('starts in the browser language when it is a UN language (French)', async () => {
    const page = await openTab({ locale: 'fr-FR' });
    await expectVisible(page.getByRole('heading', { name: 'Registre des thèmes' }));
    await expectVisible(page.getByRole('button', { name: 'Accessibilité', exact: true }));
    expect(await page.locator('html').getAttribute('dir')).toBe('ltr');
  });

  it('follows the system dark theme and lets the user pick another theme', async () => {
    const page = await openRegister({ colorScheme: 'dark' });
    const provider = page.locator('.fui-FluentProvider').first();
    expect(await provider.getAttribute('data-theme')).toBe('dark');

    await page.getByRole('button', { name: /^Theme/ }).click();
    await page.getByRole('menuitemradio', { name: 'High contrast' }).click();
    await eventually(() => provider.getAttribute('data-theme'), 'contrast');
  });

  it('gives the meeting side panel a narrow layout with the next meeting', async () => {
    const page = await openTab({ path: '/?view=sidepanel', width: 320 });
    const details = page.getByRole('region', { name: 'Meeting details' });
    await expectVisible(details.getByText('ISC-TF 32', { exact: true }));
    expect(await page.getByRole('table').count()).toBe(0);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  it('falls back to standalone quickly when framed by a page that is not Teams', async () => {
    const page = await openTab({
      path: '/framed-by-not-teams',
      prepare: (p) =>
        p.route('**/framed-by-not-teams', (route) =>
          route.fulfill({
            contentType: 'text/html',
            body: '<!doctype html><html lang="en"><title>Host</title><iframe title="tab" src="/?view=register" width="1200" height="800"></iframe></html>',
          }),
        ),
    });
    const tab = page.frameLocator('iframe[title="tab"]');
    await expectVisible(tab.getByText('Standalone (not in Teams)'), 8_000);
    await expectVisible(tab.getByRole('button', { name: 'Accessibility', exact: true }));
  });
});

describe('inside Teams (a stand-in Teams client, production mode with SSO)', () => {
  const TENANT = '11111111-2222-3333-4444-555555555555';
  const CLIENT_ID = '99999999-8888-7777-6666-555555555555';
  let issuer: TestIssuer;
  let teamsServer: RunningServer;
  let token: string;

  beforeAll(async () => {
    issuer = await startTestIssuer();
    teamsServer = await startTestServer({
      env: {
        MICROSOFT_APP_ID: 'bot-app-id',
        MICROSOFT_APP_PASSWORD: 'bot-secret',
        MICROSOFT_APP_TENANT_ID: TENANT,
        AAD_CLIENT_ID: CLIENT_ID,
        JWKS_URL: issuer.jwksUrl,
      },
    });
    token = await issuer.sign({
      aud: CLIENT_ID,
      iss: `https://login.microsoftonline.com/${TENANT}/v2.0`,
      tid: TENANT,
      oid: '00000000-0000-0000-0000-0000000000020',
      scp: 'access_as_user',
      name: 'Alex Wilber',
    });
  }, 60_000);

  afterAll(async () => {
    await Promise.allSettled([teamsServer?.close(), issuer?.close()]);
  });

  async function openInTeams(
    frameContext: string,
    width = 1280,
  ): Promise<{ page: Page; tab: FrameLocator; apiRequests: Request[] }> {
    const page = await bed.newPage({ viewport: { width, height: 900 }, timezoneId: 'Europe/Zurich' });
    // Recorded from the start: the tab may call the API before openTeamsHost returns.
    const apiRequests: Request[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/api/')) apiRequests.push(request);
    });
    const host = fakeTeamsHost({
      title: 'ISC Coordinator tab',
      src: '/?view=register',
      context: {
        locale: 'fr-fr',
        theme: 'dark',
        frameContext,
        hostClientType: 'web',
        entityId: 'register',
        userObjectId: '00000000-0000-0000-0000-0000000000020',
        tid: 'tenant',
      },
      answers: { initialize: [frameContext, 'web', '', '2.0.0'], 'authentication.getAuthToken': [true, token] },
    });
    return { page, tab: await openTeamsHost(page, teamsServer.url, host), apiRequests };
  }

  it('takes language and theme from Teams, follows theme changes and calls the API with the SSO token', async () => {
    const { page, tab, apiRequests } = await openInTeams('content');

    await expectVisible(tab.getByRole('button', { name: 'Accessibilité', exact: true }));
    const topicsCall = apiRequests.find((request) => request.url().includes('/api/v1/topics'));
    expect(topicsCall?.headers().authorization).toBe(`Bearer ${token}`);
    await expectVisible(tab.getByText('Connecté en tant que Alex Wilber'));
    expect(await tab.getByText('Autonome (hors de Teams)').count()).toBe(0);
    expect(await tab.getByRole('combobox', { name: 'Afficher en tant que' }).count()).toBe(0);
    expect(await tab.getByRole('button', { name: /^Thème :/ }).count()).toBe(0);

    const provider = tab.locator('.fui-FluentProvider').first();
    expect(await provider.getAttribute('data-theme')).toBe('dark');
    await sendToTab(page, 'themeChange', ['contrast']);
    await eventually(() => provider.getAttribute('data-theme'), 'contrast');
    expect((await hostCalls(page)).map((call) => call.func)).toEqual(
      expect.arrayContaining(['initialize', 'getContext', 'authentication.getAuthToken']),
    );
  });

  it('tells Teams when the shell and then the data are shown, and comes back from the app cache at once', async () => {
    const { page, tab } = await openInTeams('content');
    await expectVisible(tab.getByRole('button', { name: 'Accessibilité', exact: true }));
    const funcs = async () => (await hostCalls(page)).map((call) => call.func);
    await eventually(async () => (await funcs()).includes('appInitialization.success'), true);
    const calls = await hostCalls(page);
    const loaded = calls.findIndex((call) => call.func === 'appInitialization.appLoaded');
    const success = calls.findIndex((call) => call.func === 'appInitialization.success');
    expect(loaded).toBeGreaterThan(-1);
    expect(success).toBeGreaterThan(loaded);
    // App caching: a before-suspend handler and a resume handler are registered.
    const registered = calls.filter((call) => call.func === 'registerHandler').map((call) => call.args[0]);
    expect(registered).toEqual(expect.arrayContaining(['beforeUnload', 'load']));

    // Teams brings the cached tab back on another view: shown without a reload, and success is told again.
    const frameUrl = await page.frames()[1]?.evaluate(() => window.location.origin);
    await sendToTab(page, 'load', [{ entityId: 'register', contentUrl: `${frameUrl}/?view=meetings` }]);
    await expectVisible(tab.getByRole('heading', { level: 2, name: 'Prochaines réunions' }));
    await eventually(async () => (await funcs()).filter((func) => func === 'appInitialization.success').length, 2);
  });

  it('shows the compact layout in the meeting side panel frame', async () => {
    const { tab } = await openInTeams('sidePanel', 320);
    await expectVisible(
      tab.getByRole('region', { name: 'Détails de la réunion' }).getByText('ISC-TF 32', { exact: true }),
    );
    expect(await tab.getByRole('table').count()).toBe(0);
  });
});

// axe scans of a full Fluent page take several seconds each on a small machine, hence the longer timeouts.
describe('accessibility (axe, Fluent focus-trap sentinels excluded)', () => {
  it('finds no violations in the register and its details drawer', async () => {
    const page = await openRegister();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Accessibility', exact: true }).click();
    await expectVisible(page.getByRole('dialog', { name: 'Accessibility' }).getByText('RA resolution'));
    expect(await axeViolations(page)).toEqual([]);
  }, 120_000);

  it('finds no violations in the meetings view', async () => {
    const page = await openTab();
    await page.getByRole('tab', { name: 'Upcoming meetings' }).click();
    await expectVisible(page.getByRole('article', { name: /ISC-TF 32/ }));
    expect(await axeViolations(page)).toEqual([]);
  }, 120_000);

  it('finds no violations in Arabic, in the dark theme and in the empty state', async () => {
    const arabic = await openTab({ locale: 'ar' });
    await expectVisible(arabic.getByRole('button', { name: 'إمكانية النفاذ', exact: true }));
    expect(await axeViolations(arabic)).toEqual([]);

    const dark = await openRegister({ colorScheme: 'dark' });
    await dark.getByRole('searchbox', { name: 'Search' }).fill('no topic is called this');
    await expectVisible(dark.getByRole('heading', { name: 'No topics match these filters' }));
    expect(await axeViolations(dark)).toEqual([]);
  }, 120_000);

  it('finds no violations in the side panel', async () => {
    const page = await openTab({ path: '/?view=sidepanel', width: 320 });
    await expectVisible(page.getByRole('region', { name: 'Meeting details' }).getByText('ISC-TF 32', { exact: true }));
    expect(await axeViolations(page)).toEqual([]);
  }, 120_000);
});
