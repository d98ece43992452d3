/**
 * The built tab under the server's Content-Security-Policy: it renders in Chromium (standalone and framed by a
 * stand-in Teams client on the same origin) without a single policy violation, and a foreign origin cannot frame it.
 */
import type { Page } from 'playwright-core';
import { eventually, expectVisible, fakeTeamsHost, openTeamsHost, setUpTabTests } from '../support/tab-page';

jest.setTimeout(60_000);

const bed = setUpTabTests();

/** Records every CSP violation the page (and its frames) reports, from the console and from the DOM event. */
async function recordViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.exposeFunction('reportCspViolation', (text: string) => void violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { reportCspViolation?: (text: string) => void }).reportCspViolation;
      report?.(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return violations;
}

describe('the tab under its Content-Security-Policy', () => {
  it('renders the topic register standalone with no policy violation', async () => {
    const page = await bed.newPage({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
    const violations = await recordViolations(page);
    await page.goto(`${bed.server.url}/?view=register`);
    await expectVisible(page.getByRole('table', { name: 'Coordination topics' }));
    expect(violations).toEqual([]);
  });

  it('renders a focal point\'s "My work" (the address without a view) with no policy violation', async () => {
    const page = await bed.newPage({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
    const violations = await recordViolations(page);
    await page.goto(`${bed.server.url}/`);
    await expectVisible(page.getByRole('list', { name: 'My topics: As focal point' }));
    expect(violations).toEqual([]);
  });

  it('renders the configuration page with no policy violation', async () => {
    const page = await bed.newPage({ locale: 'en-GB', viewport: { width: 800, height: 600 } });
    const violations = await recordViolations(page);
    await page.goto(`${bed.server.url}/?view=config`);
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Set up the ISC Coordinator tab' }));
    expect(violations).toEqual([]);
  });

  /** A stand-in Teams client at `hostUrl` showing the tab's configuration page (as Teams' "add a tab" dialog does). */
  async function framedConfigPage(page: Page, hostUrl: string) {
    const host = fakeTeamsHost({
      title: 'ISC Coordinator tab settings',
      src: `${bed.server.url}/?view=config`,
      context: { locale: 'en-gb', theme: 'default', frameContext: 'settings', hostClientType: 'web' },
      answers: { initialize: ['settings', 'web', '', '2.0.0'] },
    });
    return openTeamsHost(page, hostUrl, host);
  }

  it('may be framed by a page of its own origin', async () => {
    const page = await bed.newPage({ locale: 'en-GB', viewport: { width: 800, height: 600 } });
    const violations = await recordViolations(page);
    const frame = await framedConfigPage(page, bed.server.url);
    await expectVisible(frame.getByRole('heading', { level: 1, name: 'Set up the ISC Coordinator tab' }));
    expect(violations).toEqual([]);
  });

  it('refuses to be framed by an origin outside the Teams, Outlook and Microsoft 365 hosts', async () => {
    const page = await bed.newPage({ locale: 'en-GB', viewport: { width: 800, height: 600 } });
    // 127.0.0.1 is another origin than the server's localhost address.
    await framedConfigPage(page, bed.server.url.replace('localhost', '127.0.0.1'));
    await eventually(async () => page.frames().map((f) => f.url().split(':')[0]), ['http', 'chrome-error']);
  });
});
