/**
 * Cards' Teams deep links, followed: Teams opens the app's personal tab (whose own address names the register) with
 * the link's sub-page in its context, and the tab opens on the view the card pointed at. A stand-in Teams client
 * frames the built tab served by the real server (production mode with SSO).
 */
import type { FrameLocator, Page } from 'playwright-core';
import { STATIC_TAB_ENTITY_ID, teamsDeepLink, type TabTarget } from '../../teams-app/domain/tab-links';
import { startTestIssuer, type TestIssuer } from '../support/jwt';
import { startTestServer } from '../support/server';
import { expectVisible, fakeTeamsHost, openTeamsHost, setUpTabTests } from '../support/tab-page';

jest.setTimeout(60_000);

const TENANT = '11111111-2222-3333-4444-555555555555';
const CLIENT_ID = '99999999-8888-7777-6666-555555555555';
const MEETING = 'isc-tf-32';

let issuer: TestIssuer;
let token: string;

const bed = setUpTabTests({
  startServer: async () => {
    issuer = await startTestIssuer();
    token = await issuer.sign({
      aud: CLIENT_ID,
      iss: `https://login.microsoftonline.com/${TENANT}/v2.0`,
      tid: TENANT,
      oid: '00000000-0000-0000-0000-0000000000020',
      scp: 'access_as_user',
      name: 'Alex Wilber',
    });
    return startTestServer({
      env: {
        MICROSOFT_APP_ID: 'bot-app-id',
        MICROSOFT_APP_PASSWORD: 'bot-secret',
        MICROSOFT_APP_TENANT_ID: TENANT,
        AAD_CLIENT_ID: CLIENT_ID,
        JWKS_URL: issuer.jwksUrl,
      },
    });
  },
  close: () => issuer?.close(),
});

/** The sub-page Teams hands the tab when a person follows the card's deep link to `target`. */
function subPageOf(target: TabTarget): string {
  const link = teamsDeepLink(
    { publicUrl: bed.server.url, teamsAppId: '31cea51d-8e61-48a5-bf47-22e9b5360041' },
    target,
    'ISC Coordinator',
  );
  const context = new URL(link ?? '').searchParams.get('context');
  return (JSON.parse(context ?? '{}') as { subEntityId: string }).subEntityId;
}

/** Opens the personal tab in the stand-in Teams client as Teams does after a deep link with `subEntityId`. */
async function openFromDeepLink(subEntityId: string | null): Promise<{ page: Page; tab: FrameLocator }> {
  const page = await bed.newPage({ viewport: { width: 1280, height: 900 }, timezoneId: 'Europe/Zurich' });
  const host = fakeTeamsHost({
    title: 'ISC Coordinator tab',
    src: '/?view=register',
    context: {
      locale: 'en-us',
      theme: 'default',
      frameContext: 'content',
      hostClientType: 'web',
      entityId: STATIC_TAB_ENTITY_ID,
      ...(subEntityId === null ? {} : { subEntityId }),
      userObjectId: '00000000-0000-0000-0000-0000000000020',
      tid: TENANT,
    },
    answers: { initialize: ['content', 'web', '', '2.0.0'], 'authentication.getAuthToken': [true, token] },
  });
  return { page, tab: await openTeamsHost(page, bed.server.url, host) };
}

/** The address of the frame holding the tab. */
function tabSearch(page: Page): string {
  const frame = page.frames().find((f) => f !== page.mainFrame());
  return frame ? new URL(frame.url()).search : '';
}

describe('a card’s deep link opens the tab in Teams at the card’s view', () => {
  it('opens the meeting’s tracker from a tracker card', async () => {
    const { page, tab } = await openFromDeepLink(subPageOf({ view: 'tracker', meetingId: MEETING }));

    await expectVisible(tab.getByRole('heading', { level: 2, name: 'ISC-TF 32' }));
    await expectVisible(tab.getByRole('tab', { name: 'Collection', selected: true }));
    expect(tabSearch(page)).toBe(`?view=tracker&meeting=${MEETING}`);
  });

  it('opens the meeting’s agenda from an agenda card', async () => {
    const { page, tab } = await openFromDeepLink(subPageOf({ view: 'agenda', meetingId: MEETING }));

    await expectVisible(tab.getByRole('heading', { level: 2, name: 'ISC-TF 32' }));
    await expectVisible(tab.getByRole('tab', { name: 'Agenda', selected: true }));
    expect(tabSearch(page)).toBe(`?view=agenda&meeting=${MEETING}`);
  });

  it('opens the topic in the register from a summary card', async () => {
    const { page, tab } = await openFromDeepLink(subPageOf({ view: 'register', topicId: 'accessibility' }));

    await expectVisible(tab.getByRole('dialog', { name: 'Accessibility' }));
    expect(new URLSearchParams(tabSearch(page)).get('view')).toBe('register');
  });

  it('opens the focal point’s work from a prompt', async () => {
    const { page, tab } = await openFromDeepLink(subPageOf({ view: 'mywork' }));

    await expectVisible(tab.locator('#panel-mywork h2'));
    expect(tabSearch(page)).toBe('?view=mywork');
  });

  it('opens on the register, as its own address says, without a sub-page or with one it does not know', async () => {
    for (const subEntityId of [null, 'view=admin&tab=people']) {
      const { page, tab } = await openFromDeepLink(subEntityId);

      await expectVisible(tab.getByRole('heading', { level: 2, name: 'Topic register' }));
      expect(tabSearch(page)).toBe('?view=register');
      await page.close();
    }
  });
});
