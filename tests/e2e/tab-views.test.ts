/**
 * Every view of the tab, as a role that may see it: no accessibility violations (axe) in English and Arabic, nothing
 * overflowing horizontally at 320 px (the meeting side panel's width) in the side panel and the main views, and a
 * full-page screenshot of each in English, Arabic and Chinese in test-results/screenshots/ for people to look at
 * (never compared). The views are built from the tab's route table, and a test checks that every section, workspace
 * view, records and administration tab and frame it knows is here, so a new view is not forgotten.
 *
 * One server (demo data, ISC-TF 32 in progress with its agenda published, a current item and draft minutes) and one
 * browser for the file; one page per language and person, reused from view to view.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import {
  ADMIN_TABS,
  RECORDS_TABS,
  WORKSPACE_VIEWS,
  frameView,
  parseRoute,
  routeSearch,
  type FrameView,
  type Route,
} from '../../tab/src/app/route';
import { startTestServer } from '../support/server';
import { axeViolations, expectVisible, setUpTabTests } from '../support/tab-page';

// axe scans of a full Fluent page take several seconds each on a small machine.
jest.setTimeout(120_000);

const MEETING = 'isc-tf-32';
const SECRETARIAT = 'megan-bowen';
const CHAIR = 'patti-fernandez';
const FOCAL_POINT = 'alex-wilber';
/** A member with no topics of their own. */
const MEMBER = 'nestor-wilke';

const SCREENSHOTS = path.resolve(__dirname, '../../test-results/screenshots');
const DESKTOP = { width: 1280, height: 900 };
const NARROW = { width: 320, height: 900 };

/** The languages checked (axe, overflow) and the one only photographed, with the browser locale that selects each. */
const CHECKED = [
  { lang: 'en', locale: 'en-GB' },
  { lang: 'ar', locale: 'ar' },
] as const;
const PHOTOGRAPHED = { lang: 'zh', locale: 'zh-CN' } as const;

/** One view of the tab: where it is, who looks at it, and how to tell (in any language) that it has its data. */
interface ViewCase {
  /** The screenshot's name. */
  name: string;
  path: string;
  as: string;
  /** Shown at this width (default: desktop); the side panel lives at 320 px. */
  viewport?: { width: number; height: number };
  /** Checked for horizontal overflow at 320 px. */
  narrow: boolean;
  /** Photographed as the screen shows it rather than whole (a drawer covers the screen, not the page). */
  screenOnly?: boolean;
  /** Waits until the view shows its data (role and structure only: the same in every language). */
  ready(page: Page): Promise<void>;
}

/** The workspace, records and administration views, each with its own tab panel. */
const workspacePanel = (page: Page) => page.locator('#panel-meetings [role="tabpanel"]');

/** The tab's configuration page (a small page, also used to prove the overflow check). */
const CONFIG_PAGE: ViewCase = {
  name: 'config',
  path: '/?view=config',
  as: SECRETARIAT,
  narrow: false,
  ready: (page) => expectVisible(page.getByRole('radiogroup')),
};

const CASES: ViewCase[] = [
  {
    name: 'mywork',
    // The address without a view: a focal point's home.
    path: '/',
    as: FOCAL_POINT,
    narrow: true,
    ready: (page) => expectVisible(page.locator('#panel-mywork ul').first()),
  },
  {
    name: 'mywork-no-topics',
    path: routeSearch({ section: 'mywork' }),
    as: MEMBER,
    narrow: true,
    ready: (page) => expectVisible(page.locator('#panel-mywork h2')),
  },
  {
    name: 'register',
    path: routeSearch({ section: 'topics' }),
    as: FOCAL_POINT,
    narrow: true,
    ready: (page) => expectVisible(page.locator('#panel-topics table tbody tr').first()),
  },
  {
    name: 'topic-drawer',
    path: `${routeSearch({ section: 'topics' })}&topic=accessibility`,
    as: FOCAL_POINT,
    narrow: true,
    screenOnly: true,
    ready: (page) => expectVisible(page.getByRole('dialog').locator('h3').first()),
  },
  {
    name: 'meetings',
    path: routeSearch({ section: 'meetings' }),
    as: FOCAL_POINT,
    narrow: true,
    ready: async (page) => {
      await expectVisible(page.locator('#panel-meetings').getByRole('article').first());
      // The archive of past meetings, opened.
      await page.locator('button[aria-controls="archive-list"]').click();
      await expectVisible(page.locator('#archive-list').getByRole('article').first());
    },
  },
  ...WORKSPACE_VIEWS.map((view): ViewCase => ({
    name: `meeting-${view}`,
    path: routeSearch({ section: 'meeting', meetingId: MEETING, view }),
    as: SECRETARIAT,
    narrow: true,
    ready: (page) =>
      expectVisible(
        view === 'tracker'
          ? workspacePanel(page).locator('table tbody tr').first()
          : workspacePanel(page).locator('h4').first(),
      ),
  })),
  {
    // What a member without staff rights sees of the draft minutes: read only.
    name: 'meeting-minutes-member',
    path: routeSearch({ section: 'meeting', meetingId: MEETING, view: 'minutes' }),
    as: MEMBER,
    narrow: true,
    ready: (page) => expectVisible(workspacePanel(page).locator('h4').first()),
  },
  ...RECORDS_TABS.map((tab): ViewCase => ({
    name: `records-${tab}`,
    path: routeSearch({ section: 'records', tab }),
    as: FOCAL_POINT,
    narrow: true,
    ready: (page) => expectVisible(page.locator(`#records-panel-${tab}`)),
  })),
  ...ADMIN_TABS.map((tab): ViewCase => ({
    name: `admin-${tab}`,
    path: routeSearch({ section: 'admin', tab }),
    as: SECRETARIAT,
    narrow: true,
    ready: (page) => expectVisible(page.locator(`#admin-panel-${tab}`)),
  })),
  {
    name: 'sidepanel',
    path: `/?view=sidepanel&meeting=${MEETING}`,
    as: CHAIR,
    viewport: NARROW,
    narrow: true,
    ready: (page) => expectVisible(page.locator('[aria-current="step"]').first()),
  },
  {
    // A member follows the meeting; only the chair and the secretariat set the current item.
    name: 'sidepanel-member',
    path: `/?view=sidepanel&meeting=${MEETING}`,
    as: MEMBER,
    viewport: NARROW,
    narrow: true,
    ready: (page) => expectVisible(page.locator('[aria-current="step"]').first()),
  },
  {
    name: 'stage',
    path: `/?view=stage&meeting=${MEETING}`,
    as: FOCAL_POINT,
    narrow: false,
    ready: (page) => expectVisible(page.locator('[aria-current="step"]').first()),
  },
  CONFIG_PAGE,
];

/**
 * Every place the route table knows, by section: the type makes a new section a compile error here until it is
 * listed, and the workspace views, records and administration tabs come from the table's own lists.
 */
const SECTIONS: Record<Route['section'], readonly string[]> = {
  home: ['home'],
  mywork: ['mywork'],
  topics: ['topics'],
  meetings: ['meetings'],
  meeting: WORKSPACE_VIEWS.map((view) => `meeting:${view}`),
  records: RECORDS_TABS.map((tab) => `records:${tab}`),
  admin: ADMIN_TABS.map((tab) => `admin:${tab}`),
};
/** The frames other than the full tab, likewise. */
const FRAMES: Record<Exclude<FrameView, 'tab'>, string> = {
  config: 'frame:config',
  sidepanel: 'frame:sidepanel',
  stage: 'frame:stage',
};

/** The place an address opens on, as the tab itself reads it. */
function placeOf(address: string): string {
  const search = new URL(address, 'http://tab.invalid').search;
  const frame = frameView(null, search);
  if (frame !== 'tab') return FRAMES[frame];
  const route = parseRoute(search);
  if (route.section === 'meeting') return `meeting:${route.view}`;
  if (route.section === 'records' || route.section === 'admin') return `${route.section}:${route.tab}`;
  return route.section;
}

let dataDir: string;
/** The server's clock: real time, moved to the meeting's start once its agenda is published. */
let clockOffsetMs = 0;
const now = () => new Date(Date.now() + clockOffsetMs).toISOString();

const bed = setUpTabTests({
  startServer: async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'isc-tab-views-'));
    return startTestServer({ env: { DATA_DIR: dataDir }, now });
  },
  cleanUp: () => fs.rmSync(dataDir, { recursive: true, force: true }),
});

/** Calls the API as a person (local mode dev identity) and checks the status. */
async function api(method: string, url: string, expected: number, body?: unknown, user = SECRETARIAT) {
  const res = await fetch(`${bed.server.url}/api/v1${url}`, {
    method,
    headers: { 'content-type': 'application/json', 'x-dev-user': user },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect({ url, status: res.status }).toEqual({ url, status: expected });
  return (await res.json()) as unknown;
}

/** ISC-TF 32 under way: updates in, the agenda compiled and published, item 2 current, the minutes drafted. */
async function meetingUnderWay(): Promise<void> {
  await api('POST', `/meetings/${MEETING}/collection/open`, 200);
  for (const topicId of ['accessibility', 'youth']) {
    const update = { topicId, sector: 'BDT', progress: 'Work goes on.' };
    await api('POST', `/meetings/${MEETING}/updates`, 201, update, FOCAL_POINT);
  }
  await api('POST', `/meetings/${MEETING}/agenda/compile`, 201, { confirm: true });
  await api('POST', `/meetings/${MEETING}/agenda/publish`, 200);
  const meeting = await bed.server.store.meetings.get(MEETING);
  clockOffsetMs = Date.parse(meeting?.start ?? '') - Date.now() + 5 * 60_000;
  await api('POST', `/meetings/${MEETING}/current-item`, 200, { item: 2 }, CHAIR);
  await api('POST', `/meetings/${MEETING}/minutes/compile`, 201, undefined, CHAIR);
}

/** The file's pages, one per language and person, kept from view to view (closed at the end). */
const contexts: BrowserContext[] = [];
const pages = new Map<string, Page>();

async function pageFor(locale: string, person: string): Promise<Page> {
  const key = `${locale}/${person}`;
  const known = pages.get(key);
  if (known) return known;
  const context = await bed.browser.newContext({
    locale,
    colorScheme: 'light',
    timezoneId: 'Europe/Zurich',
    viewport: DESKTOP,
  });
  contexts.push(context);
  // Offline: teams-js asks a CDN for its list of valid domains; answer nothing rather than wait on DNS.
  await context.route(/^https?:\/\/(?!localhost|127\.0\.0\.1)/, (route) => route.abort());
  await context.addInitScript((id) => localStorage.setItem('isc-coordinator.devUser', id), person);
  const page = await context.newPage();
  pages.set(key, page);
  return page;
}

/** Waits until nothing on the page is still loading (no spinner shown, nothing marked busy). */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const shown = (el: Element) => (el as HTMLElement).offsetParent !== null || el.getClientRects().length > 0;
      return (
        !Array.from(document.querySelectorAll('.fui-Spinner')).some(shown) &&
        document.querySelector('[aria-busy="true"]') === null
      );
    },
    undefined,
    { timeout: 15_000 },
  );
}

/** Opens a view in the language's page for its person and waits for its data. */
async function openView(view: ViewCase, locale: string): Promise<Page> {
  const page = await pageFor(locale, view.as);
  await page.setViewportSize(view.viewport ?? DESKTOP);
  await page.goto(`${bed.server.url}${view.path}`);
  await view.ready(page);
  await settled(page);
  return page;
}

/** Saves a (full-page) screenshot of the view as test-results/screenshots/<view>-<lang>.png. */
async function screenshot(page: Page, view: ViewCase, lang: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${view.name}-${lang}.png`), fullPage: !view.screenOnly });
}

/**
 * What sticks out horizontally at 320 px: nothing when the page does not scroll sideways; otherwise the outermost
 * elements that reach past the page's edges (outside any scrolling box of their own), described for a reader.
 */
async function overflowAtNarrowWidth(page: Page): Promise<string[]> {
  await page.setViewportSize(NARROW);
  // Two frames for layout, then a moment for resize observers (overflow menus, measured layouts) to settle.
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 300)))),
  );
  return page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    const width = root.clientWidth;
    if (root.scrollWidth <= width) return [];
    const sticksOut = (el: Element) => {
      const box = el.getBoundingClientRect();
      return box.width > 0 && (box.right > width + 0.5 || box.left < -0.5);
    };
    const scrollsItself = (el: Element) =>
      el !== document.body && el !== document.documentElement && getComputedStyle(el).overflowX !== 'visible';
    const describe = (el: Element) => {
      const id = el.id ? `#${el.id}` : '';
      const fluent = Array.from(el.classList).find((c) => c.startsWith('fui-'));
      const role = el.getAttribute('role');
      const label = el.getAttribute('aria-label');
      const box = el.getBoundingClientRect();
      const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
      return (
        `${el.tagName.toLowerCase()}${id}${fluent ? `.${fluent}` : ''}${role ? `[role=${role}]` : ''}` +
        `${label ? `[aria-label="${label}"]` : ''} x ${Math.round(box.left)}..${Math.round(box.right)}` +
        `${text ? ` "${text}"` : ''}`
      );
    };
    const insideScroller = (el: Element) => {
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) if (scrollsItself(a)) return true;
      return false;
    };
    const outermost = Array.from(document.body.querySelectorAll('*'))
      .filter(
        (el) =>
          sticksOut(el) && !(el.parentElement && el.parentElement !== document.body && sticksOut(el.parentElement)),
      )
      .filter((el) => !insideScroller(el))
      .map(describe);
    return [`page ${root.scrollWidth} px wide in ${width} px`, ...outermost.slice(0, 8)];
  });
}

describe('every view of the tab', () => {
  beforeAll(async () => {
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await meetingUnderWay();
  }, 60_000);

  afterAll(async () => {
    await Promise.allSettled(contexts.map((context) => context.close()));
  });

  it('covers every section, workspace view, records and administration tab and frame of the route table', () => {
    const expected = [...Object.values(SECTIONS).flat(), ...Object.values(FRAMES)].sort();
    const covered = [...new Set(CASES.map((view) => placeOf(view.path)))].sort();
    expect(covered).toEqual(expected);
  });

  it('names what sticks out at 320 px, past the right edge and, right to left, past the left edge', async () => {
    for (const { locale } of CHECKED) {
      const page = await openView(CONFIG_PAGE, locale);
      await page.evaluate(() => {
        const wide = document.createElement('div');
        wide.id = 'too-wide';
        wide.style.width = '400px';
        wide.style.height = '1px';
        document.body.append(wide);
      });
      const overflow = await overflowAtNarrowWidth(page);
      expect(overflow[0]).toMatch(/^page \d+ px wide in \d+ px$/);
      expect(overflow).toContainEqual(expect.stringMatching(/^div#too-wide x -?\d+\.\.-?\d+$/));
    }
  });

  describe.each(CHECKED)('in $lang', ({ lang, locale }) => {
    it.each(CASES.map((view) => [view.name, view] as const))(
      '%s: no accessibility violations, and nothing overflows at 320 px',
      async (_name, view) => {
        const page = await openView(view, locale);
        const violations = await axeViolations(page);
        await screenshot(page, view, lang);
        const overflow = view.narrow ? await overflowAtNarrowWidth(page) : [];
        expect({ view: view.name, lang, violations, overflow }).toEqual({
          view: view.name,
          lang,
          violations: [],
          overflow: [],
        });
      },
    );
  });

  describe('in zh (screenshots only)', () => {
    it.each(CASES.map((view) => [view.name, view] as const))('%s: shows its data', async (_name, view) => {
      const page = await openView(view, PHOTOGRAPHED.locale);
      await screenshot(page, view, PHOTOGRAPHED.lang);
    });
  });
});
