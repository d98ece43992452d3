import { DEFAULT_TEAMS_APP_ID as PACKAGE_APP_ID } from '../../../manifest/app-package';
import {
  DEFAULT_TEAMS_APP_ID,
  STATIC_TAB_ENTITY_ID,
  subPageSearch,
  tabLink,
  tabUrl,
  teamsDeepLink,
  type TabLinks,
  type TabTarget,
} from '../../../teams-app/domain/tab-links';
import { loadConfig } from '../../../teams-app/server/config';

const APP_ID = '31cea51d-8e61-48a5-bf47-22e9b5360041';
const IN_TEAMS: TabLinks = { publicUrl: 'https://isc.example.org/', teamsAppId: APP_ID };
const LOCAL: TabLinks = { publicUrl: 'http://localhost:3978', teamsAppId: null };

/** The parts of a Teams deep link: app id, entity id, and its decoded webUrl, label and context. */
function parsed(link: string) {
  const url = new URL(link);
  const [, l, entity, appId, entityId] = url.pathname.split('/');
  return {
    origin: url.origin,
    path: `${l}/${entity}`,
    appId,
    entityId,
    webUrl: url.searchParams.get('webUrl'),
    label: url.searchParams.get('label'),
    context: JSON.parse(url.searchParams.get('context') ?? 'null') as { subEntityId: string } | null,
  };
}

const TARGETS: [TabTarget, string][] = [
  [{ view: 'mywork' }, 'view=mywork'],
  [{ view: 'register' }, 'view=register'],
  [{ view: 'register', topicId: 'accessibility' }, 'view=register&topic=accessibility'],
  [{ view: 'tracker', meetingId: 'isc-tf-32' }, 'view=tracker&meeting=isc-tf-32'],
  [{ view: 'agenda', meetingId: 'isc-tf-32' }, 'view=agenda&meeting=isc-tf-32'],
  [{ view: 'minutes', meetingId: 'isc-tf-32' }, 'view=minutes&meeting=isc-tf-32'],
];

describe('links into the tab', () => {
  it.each(TARGETS)('give the tab address of each view (%j)', (target, query) => {
    expect(tabUrl(IN_TEAMS, target)).toBe(`https://isc.example.org/?${query}`);
    expect(tabUrl(LOCAL, target)).toBe(`http://localhost:3978/?${query}`);
  });

  it.each(TARGETS)(
    'open the personal tab in Teams on the same view, with the tab address as fallback (%j)',
    (target, query) => {
      const link = parsed(teamsDeepLink(IN_TEAMS, target, 'Open') ?? '');
      expect(link).toEqual({
        origin: 'https://teams.microsoft.com',
        path: 'l/entity',
        appId: APP_ID,
        entityId: STATIC_TAB_ENTITY_ID,
        webUrl: `https://isc.example.org/?${query}`,
        label: 'Open',
        context: { subEntityId: query },
      });
    },
  );

  it('encodes the label, the fallback address and the context as query values', () => {
    const target: TabTarget = { view: 'tracker', meetingId: 'a b&c=d/é' };
    const link = teamsDeepLink(IN_TEAMS, target, "Ouvrir « Mon travail » (l'onglet) & co") ?? '';
    const query = link.slice(link.indexOf('?') + 1);
    expect(query.split('&').map((pair) => pair.split('=')[0])).toEqual(['webUrl', 'label', 'context']);
    expect(query).not.toMatch(/[ {}"«»é()']/);
    const decoded = parsed(link);
    expect(decoded.label).toBe("Ouvrir « Mon travail » (l'onglet) & co");
    expect(decoded.context?.subEntityId).toBe('view=tracker&meeting=a+b%26c%3Dd%2F%C3%A9');
    expect(subPageSearch(decoded.context?.subEntityId)).toBe(`?${decoded.context?.subEntityId}`);
    expect(new URLSearchParams(decoded.context?.subEntityId).get('meeting')).toBe('a b&c=d/é');
  });

  it('fall back to the tab address when no Teams app id is configured', () => {
    expect(teamsDeepLink(LOCAL, { view: 'mywork' }, 'Open')).toBeNull();
    expect(tabLink(LOCAL, { view: 'agenda', meetingId: 'm1' }, 'Open')).toBe(
      'http://localhost:3978/?view=agenda&meeting=m1',
    );
    expect(tabLink(IN_TEAMS, { view: 'agenda', meetingId: 'm1' }, 'Open')).toMatch(
      /^https:\/\/teams\.microsoft\.com\/l\/entity\//,
    );
  });
});

describe('the sub-page a deep link opens', () => {
  it.each(TARGETS)('reads back every view it was made for (%j)', (_target, query) => {
    expect(subPageSearch(query)).toBe(`?${query}`);
  });

  it('names no view for an empty, unknown or incomplete sub-page', () => {
    for (const subPageId of [null, undefined, '', 'view=admin', 'view=stage&meeting=m1', 'view=tracker', 'x'])
      expect(subPageSearch(subPageId)).toBeNull();
    expect(subPageSearch('x'.repeat(600))).toBeNull();
  });

  it('keeps only what the view reads', () => {
    expect(subPageSearch('?view=register&topic=t1&q=evil&view=admin')).toBe('?view=register&topic=t1');
    expect(subPageSearch('view=mywork&meeting=m1')).toBe('?view=mywork');
  });
});

describe('the Teams app id', () => {
  it('is the app package’s id by default in production, and none in local mode', () => {
    expect(DEFAULT_TEAMS_APP_ID).toBe(PACKAGE_APP_ID);
    const production = {
      MICROSOFT_APP_ID: '11111111-1111-1111-1111-111111111111',
      MICROSOFT_APP_PASSWORD: 'secret',
      AAD_CLIENT_ID: '22222222-2222-2222-2222-222222222222',
      ALLOWED_TENANTS: '33333333-3333-3333-3333-333333333333',
    };
    expect(loadConfig(production).teamsAppId).toBe(PACKAGE_APP_ID);
    expect(loadConfig({}).teamsAppId).toBeNull();
  });

  it('is read from TEAMS_APP_ID, which must be a GUID', () => {
    expect(loadConfig({ TEAMS_APP_ID: '44444444-4444-4444-8444-444444444444' }).teamsAppId).toBe(
      '44444444-4444-4444-8444-444444444444',
    );
    expect(() => loadConfig({ TEAMS_APP_ID: 'not-a-guid' })).toThrow(/TEAMS_APP_ID/);
  });
});
