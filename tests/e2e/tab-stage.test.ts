/**
 * The chair running ISC-TF 32 from the tab, end to end in Chromium against the real server: the agenda reordered by
 * drag and drop and by keyboard (sub-items too), planned times and presenters, a save refused once that keeps what
 * was typed, the current item and its timer in the side panel (after a reload, live in a second page, at 320 px),
 * the stage, "Share to stage" inside a stand-in Teams client, and the archive with the approved minutes.
 * The tests run in order and share the server, as one meeting's life does.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { startTestServer } from '../support/server';
import {
  axeViolations,
  eventually,
  expectVisible,
  fakeTeamsHost,
  hostCalls,
  openTeamsHost,
  setUpTabTests,
  type OpenOptions,
} from '../support/tab-page';

jest.setTimeout(120_000);

const MEETING = 'isc-tf-32';

let dataDir: string;
/** The server's clock: real time, moved on as the meeting runs. */
let clockOffsetMs = 0;
const now = () => new Date(Date.now() + clockOffsetMs).toISOString();

const bed = setUpTabTests({
  startServer: async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'isc-tab-stage-'));
    return startTestServer({ env: { DATA_DIR: dataDir }, now });
  },
  cleanUp: () => fs.rmSync(dataDir, { recursive: true, force: true }),
});

const openTab = (options: OpenOptions = {}): Promise<Page> =>
  bed.openTab(options, { timezoneId: 'Europe/Zurich', acceptDownloads: true });

/** Calls the API as a person (local mode dev identity). */
async function api(method: string, url: string, body?: unknown, user = 'megan-bowen') {
  const res = await fetch(`${bed.server.url}/api/v1${url}`, {
    method,
    headers: { 'content-type': 'application/json', 'x-dev-user': user },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as any };
}

const storedAgenda = async () => (await api('GET', `/meetings/${MEETING}/agenda`)).body.agenda;
const itemHeading = (page: Page, name: string) => page.getByRole('heading', { level: 4, name, exact: true });
const isFocused = (locator: Locator) => locator.evaluate((element) => element === document.activeElement);
/** Drags `source` onto `target` with the mouse, in small steps as a hand does (HTML5 drag and drop). */
async function drag(page: Page, source: Locator, target: Locator) {
  const from = await source.boundingBox();
  const to = await target.boundingBox();
  if (!from || !to) throw new Error('drag: source or target not on screen');
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 4, from.y + from.height / 2 + 4, { steps: 2 });
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 6 });
  await page.mouse.up();
}

/** The agenda editor, tall enough that the items dragged are on screen together. */
const openEditor = () =>
  bed.openTab(
    { as: 'patti-fernandez', path: `/?view=agenda&meeting=${MEETING}` },
    { timezoneId: 'Europe/Zurich', viewport: { width: 1280, height: 2400 } },
  );

/** True when the page is wider than its viewport (something overflows horizontally). */
const overflows = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

describe('the chair runs ISC-TF 32 from the tab', () => {
  beforeAll(async () => {
    expect((await api('POST', `/meetings/${MEETING}/collection/open`)).status).toBe(200);
    for (const [topicId, sector, user] of [
      ['accessibility', 'BDT', 'alex-wilber'],
      ['youth', 'BDT', 'alex-wilber'],
    ] as const) {
      const sent = await api(
        'POST',
        `/meetings/${MEETING}/updates`,
        { topicId, sector, progress: 'Work goes on.' },
        user,
      );
      expect(sent.status).toBe(201);
    }
    expect((await api('POST', `/meetings/${MEETING}/agenda/compile`, { confirm: true })).status).toBe(201);
  }, 60_000);

  it('reorders the agenda by drag and drop and by keyboard, sub-items included', async () => {
    const page = await openEditor();
    await expectVisible(itemHeading(page, '3. Escalated issues for decision'));

    await drag(
      page,
      page.getByTitle('Drag item 3 to move it'),
      itemHeading(page, '1. Opening and adoption of the agenda'),
    );
    await expectVisible(itemHeading(page, '1. Escalated issues for decision'));
    await expectVisible(page.getByText('“Escalated issues for decision” is now item 1.'));
    expect((await storedAgenda()).items.map((i: any) => i.id).slice(0, 3)).toEqual([
      'escalations',
      'opening',
      'actions',
    ]);

    const down = page.getByRole('button', { name: 'Move item 1 down' });
    await down.focus();
    await page.keyboard.press('Enter');
    await expectVisible(itemHeading(page, '2. Escalated issues for decision'));
    await eventually(() => isFocused(page.getByRole('button', { name: 'Move item 2 down' })), true);

    const sections = async () =>
      (await storedAgenda()).items.find((i: any) => i.id === 'topic-updates').sections.map((s: any) => s.topicId);
    const before = await sections();
    expect(before).toHaveLength(2);
    await page.getByRole('button', { name: 'Move sub-item 4.2 up' }).click();
    await eventually(sections, [before[1], before[0]]);
    await eventually(() => isFocused(page.getByRole('button', { name: 'Move sub-item 4.1 down' })), true);
    await drag(page, page.getByTitle('Drag sub-item 4.1 to move it'), page.getByTitle('Drag sub-item 4.2 to move it'));
    await eventually(sections, before);
  });

  it('sets a planned time and a presenter, checking the minutes typed', async () => {
    const page = await openTab({ as: 'patti-fernandez', path: `/?view=agenda&meeting=${MEETING}` });
    await page.getByRole('button', { name: 'Edit item 2' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit item 2' });
    await dialog.getByRole('textbox', { name: /Planned time/ }).fill('ten');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expectVisible(dialog.getByText('Enter whole minutes from 1 to 480.'));
    await dialog.getByRole('textbox', { name: /Planned time/ }).fill('10');
    await dialog.getByRole('textbox', { name: /Presenter/ }).fill('Patti Fernandez');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expectVisible(page.getByText('Planned: 10 min · Presenter: Patti Fernandez'));
    const escalations = (await storedAgenda()).items.find((i: any) => i.id === 'escalations');
    expect(escalations).toMatchObject({ number: 2, plannedMinutes: 10, presenter: 'Patti Fernandez' });
  });

  it('keeps the dialog open with what was typed when a save is refused, says what changed, and saves again', async () => {
    const page = await openTab({ as: 'patti-fernandez', path: `/?view=agenda&meeting=${MEETING}` });
    await page.getByRole('button', { name: 'Add item' }).click();
    const add = page.getByRole('dialog', { name: 'Add an agenda item' });
    await add.getByRole('textbox', { name: 'Title' }).fill('Budget for joint events in 2027');
    await add.getByRole('textbox', { name: /Planned time/ }).fill('15');

    // Someone else changes the agenda meanwhile: the save is made on a stale revision and refused.
    const current = await storedAgenda();
    const other = await api(
      'PATCH',
      `/meetings/${MEETING}/agenda`,
      { expectedRevision: current.revision, edit: { op: 'edit', itemId: 'aob', patch: { title: 'Other business' } } },
      'megan-bowen',
    );
    expect(other.status).toBe(200);
    await add.getByRole('button', { name: 'Add item' }).click();

    await expectVisible(add.getByText('Someone else edited the agenda in the meantime. Reload and try again.'));
    await expectVisible(add.getByText('What changed: edited “Other business”.'));
    expect(await add.getByRole('textbox', { name: 'Title' }).inputValue()).toBe('Budget for joint events in 2027');
    expect(await add.getByRole('textbox', { name: /Planned time/ }).inputValue()).toBe('15');

    await add.getByRole('button', { name: 'Add item' }).click();
    await add.waitFor({ state: 'hidden' });
    const added = itemHeading(page, '7. Budget for joint events in 2027');
    await expectVisible(added);
    await expectVisible(
      page.getByRole('status').filter({ hasText: '“Budget for joint events in 2027” has been added' }),
    );
    expect(await added.evaluate((el) => el.getBoundingClientRect().top < window.innerHeight)).toBe(true);
    // Focus goes back to the button that opened the dialog.
    await eventually(() => isFocused(page.getByRole('button', { name: 'Add item' })), true);
    expect((await storedAgenda()).items.find((i: any) => i.title === 'Budget for joint events in 2027')).toMatchObject({
      plannedMinutes: 15,
    });
  });

  it('shows the current item and its timer in the side panel after a reload, and live in a second page', async () => {
    expect((await api('POST', `/meetings/${MEETING}/agenda/publish`)).status).toBe(200);
    const meeting = await bed.server.store.meetings.get(MEETING);
    clockOffsetMs = Date.parse(meeting?.start ?? '') - Date.now() + 60_000;

    const chair = await openTab({ as: 'patti-fernandez', path: `/?view=sidepanel&meeting=${MEETING}`, width: 320 });
    const items = chair.getByRole('list', { name: 'Agenda items' });
    await expectVisible(items);
    // The agenda comes first, before the meeting's details.
    const agendaTop = await chair.getByRole('heading', { level: 2, name: 'Agenda of ISC-TF 32' }).boundingBox();
    const detailsTop = await chair.getByRole('heading', { level: 2, name: 'Meeting details' }).boundingBox();
    expect((agendaTop?.y ?? 0) < (detailsTop?.y ?? 0)).toBe(true);
    expect(await chair.getByRole('button', { name: 'Share to stage' }).count()).toBe(0);
    const current = chair.getByRole('region', { name: 'Current item' });
    await expectVisible(current.getByText('No item is current yet.'));

    const member = await openTab({ as: 'alex-wilber', path: `/?view=sidepanel&meeting=${MEETING}`, width: 320 });
    const memberCurrent = member.getByRole('region', { name: 'Current item' });
    await expectVisible(memberCurrent.getByText('No item is current yet.'));

    const escalations = items.getByRole('listitem').filter({ hasText: 'Escalated issues for decision' });
    await escalations.getByRole('button', { name: 'Set as current item' }).click();
    await expectVisible(chair.getByText('Item 2 is now the current item in the meeting chat.'));
    expect(await escalations.getAttribute('aria-current')).toBe('step');
    await expectVisible(current.getByText('2. Escalated issues for decision'));
    await expectVisible(current.getByText('Presenter: Patti Fernandez'));
    await expectVisible(current.getByText(/^Time left: (10:00|9:\d\d)$/));

    // The second page follows without a reload.
    await expectVisible(memberCurrent.getByText('2. Escalated issues for decision'), 15_000);
    expect(await member.getByRole('button', { name: 'Set as current item' }).count()).toBe(0);

    await chair.reload();
    await expectVisible(current.getByText('2. Escalated issues for decision'));
    expect(await items.getByRole('listitem').filter({ hasText: 'Escalated issues' }).getAttribute('aria-current')).toBe(
      'step',
    );

    // Eleven minutes later (server time) the ten planned minutes are over.
    clockOffsetMs += 11 * 60_000;
    await expectVisible(current.getByText(/^Over time by 1:\d\d$/), 15_000);
    await expectVisible(current.getByText('Item 2 has run over its planned time.'));
    expect(await current.locator('[aria-live="assertive"]').innerText()).toBe('Item 2 has run over its planned time.');
    await expectVisible(memberCurrent.getByText(/^Over time by 1:\d\d$/), 15_000);
    expect(await overflows(chair)).toBe(false);
  });

  it('lays out the side panel at 320 px without horizontal overflow and with no accessibility violations (en, ar)', async () => {
    for (const locale of ['en-GB', 'ar']) {
      const page = await openTab({
        as: 'patti-fernandez',
        locale,
        path: `/?view=sidepanel&meeting=${MEETING}`,
        width: 320,
      });
      await expectVisible(page.getByRole('list').first());
      await expectVisible(page.locator('[aria-current="step"]').first());
      expect(await overflows(page)).toBe(false);
      expect({ locale, violations: await axeViolations(page) }).toEqual({ locale, violations: [] });
    }
  });

  it('shows the agenda with the current item large on the stage, with no accessibility violations (en, ar)', async () => {
    const page = await openTab({ as: 'alex-wilber', path: `/?view=stage&meeting=${MEETING}` });
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Agenda · ISC-TF 32' }));
    const current = page.getByRole('region', { name: 'Current item' });
    await expectVisible(current.getByText('2. Escalated issues for decision'));
    await expectVisible(current.getByText(/^Over time by \d+:\d\d$/));
    const listed = page.getByRole('region', { name: 'Agenda' }).locator('[aria-current="step"]');
    expect(await listed.innerText()).toContain('Escalated issues for decision');
    const size = await current
      .getByText('2. Escalated issues for decision')
      .evaluate((el) => getComputedStyle(el).fontSize);
    expect(parseFloat(size)).toBeGreaterThanOrEqual(28);
    expect(await axeViolations(page)).toEqual([]);

    const arabic = await openTab({ as: 'alex-wilber', locale: 'ar', path: `/?view=stage&meeting=${MEETING}` });
    await expectVisible(arabic.getByRole('region', { name: 'البند الحالي' }));
    expect(await arabic.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await axeViolations(arabic)).toEqual([]);
  });

  it('shares the stage view to the meeting stage from the side panel inside Teams', async () => {
    const page = await bed.newPage({ locale: 'en-GB', viewport: { width: 320, height: 900 } });
    // The stand-in Teams client signs in with a token the local server does not read: act as the chair instead.
    await page.route(/\/api\/v1\//, (route) => {
      const { authorization: _token, ...headers } = route.request().headers();
      return route.continue({ headers: { ...headers, 'x-dev-user': 'patti-fernandez' } });
    });
    const host = fakeTeamsHost({
      src: `${bed.server.url}/?meeting=${MEETING}`,
      title: 'ISC Coordinator',
      context: {
        locale: 'en-gb',
        theme: 'default',
        frameContext: 'sidePanel',
        hostClientType: 'web',
        // The Teams meeting of ISC-TF 32 (its chat is the demo meeting chat), as teams-js gives it: base64 of `0#<thread>#0`.
        meetingId: Buffer.from('0#19:isc-tf-meeting-chat@thread.v2#0').toString('base64'),
        userObjectId: '00000000-0000-0000-0000-0000000000021',
        tid: 'tenant',
      },
      answers: {
        initialize: ['sidePanel', 'web', '', '2.0.0'],
        'authentication.getAuthToken': [true, 'token'],
        'meeting.getAppContentStageSharingCapabilities': [null, { doesAppHaveSharePermission: true }],
        'meeting.shareAppContentToStage': [null, true],
      },
    });
    const tab = await openTeamsHost(page, bed.server.url, host);
    await tab.getByRole('button', { name: 'Share to stage' }).click();
    await expectVisible(tab.getByText('The agenda is now on the meeting stage.'));
    const shared = (await hostCalls(page)).filter((call) => call.func === 'meeting.shareAppContentToStage');
    expect(shared.map((call) => call.args[0])).toEqual([`${bed.server.url}/?view=stage&meeting=${MEETING}`]);
  });

  it('lists the meeting among past meetings once its minutes are approved, and shows them read-only', async () => {
    expect((await api('POST', `/meetings/${MEETING}/minutes/compile`, undefined, 'patti-fernandez')).status).toBe(201);
    const chair = await openTab({ as: 'patti-fernandez', path: `/?view=minutes&meeting=${MEETING}` });
    await chair.getByRole('button', { name: 'Add decision' }).click();
    const dialog = chair.getByRole('dialog', { name: 'Add a decision' });
    await dialog
      .getByRole('combobox', { name: 'Agenda item' })
      .selectOption({ label: '2. Escalated issues for decision' });
    await dialog.getByRole('textbox', { name: 'Text' }).fill('BDT leads the 2027 accessibility event.');
    await dialog.getByRole('button', { name: 'Add' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expectVisible(chair.getByText('The decision has been added under item 2.'));
    await expectVisible(chair.getByText('BDT leads the 2027 accessibility event.'));
    await eventually(() => isFocused(chair.getByRole('button', { name: 'Add decision' })), true);
    const approved = await api('POST', `/meetings/${MEETING}/minutes/approve`, { confirm: true }, 'patti-fernandez');
    expect(approved.status).toBe(200);
    const meeting = await bed.server.store.meetings.get(MEETING);
    clockOffsetMs = Date.parse(meeting?.end ?? '') - Date.now() + 60 * 60_000;

    const page = await openTab({ as: 'alex-wilber', path: '/?view=meetings' });
    await page.getByRole('button', { name: /^Show \d+ past meetings?$/ }).click();
    const past = page.getByRole('list', { name: 'Past meetings' });
    const held = past.getByRole('article', { name: /ISC-TF 32/ });
    await expectVisible(held.getByRole('link', { name: 'Agenda (.docx) (ISC-TF 32)' }));
    await expectVisible(held.getByRole('link', { name: 'Minutes (.docx) (ISC-TF 32)' }));
    await expectVisible(
      past.getByRole('article', { name: /ISC-TF 31/ }).getByText('No documents were published for this meeting.'),
    );
    expect(await page.getByRole('list', { name: 'Upcoming meetings' }).getByText('ISC-TF 32').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);

    // Back from a past meeting's minutes says it returns to the past meetings, and does, with the focus on them.
    await past.getByRole('link', { name: 'Read the approved minutes (ISC-TF 31)' }).click();
    await expectVisible(page.getByRole('heading', { name: 'ISC-TF 31' }));
    expect(await page.getByRole('button', { name: 'Upcoming meetings' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Past meetings' }).click();
    expect(new URL(page.url()).search).toBe('?view=meetings&archive=open');
    await expectVisible(held);
    await eventually(() => isFocused(page.getByRole('heading', { name: 'Past meetings' })), true);

    await held.getByRole('link', { name: 'Read the approved minutes (ISC-TF 32)' }).click();
    await expectVisible(page.getByRole('status').filter({ hasText: 'Meeting state' }).getByText('Minutes approved'));
    expect(new URL(page.url()).search).toBe(`?view=minutes&meeting=${MEETING}`);
    await expectVisible(page.getByRole('link', { name: 'Download minutes (.docx)' }));
    await expectVisible(page.getByText('BDT leads the 2027 accessibility event.'));
    expect(await page.getByRole('button', { name: 'Approve minutes' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Add decision' }).count()).toBe(0);
  });
});
