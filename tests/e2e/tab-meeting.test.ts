/**
 * The meeting workspace end to end: ISC-TF 32 taken from collection to approved minutes in the built tab,
 * served by the real server (in-memory SQLite, demo data) and used in Chromium the way each role would.
 * The tests run in order and share the server, as one meeting's life does.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mammoth from 'mammoth';
import type { Locator, Page } from 'playwright-core';
import type { RunningServer } from '../../teams-app/server/main';
import { AAD, messageActivity, postActivity } from '../support/activities';
import { startReplyCapture, type ReplyCapture } from '../support/reply-capture';
import { startTestServer } from '../support/server';
import { axeViolations, eventually, expectVisible, setUpTabTests, type OpenOptions } from '../support/tab-page';

jest.setTimeout(90_000);

const MEETING = 'isc-tf-32';
const CHAT = '19:isc-tf-meeting-chat@thread.v2';

let connector: ReplyCapture;
let dataDir: string;

const bed = setUpTabTests({
  startServer: async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'isc-tab-meeting-'));
    let server: RunningServer;
    [server, connector] = await Promise.all([startTestServer({ env: { DATA_DIR: dataDir } }), startReplyCapture()]);
    return server;
  },
  close: () => connector?.close(),
  cleanUp: () => fs.rmSync(dataDir, { recursive: true, force: true }),
});

/** Opens the tab in a fresh browser profile as a person from the register. */
const openTab = (options: OpenOptions = {}): Promise<Page> =>
  bed.openTab(options, { timezoneId: 'Europe/Zurich', acceptDownloads: true });

const workspace = (view: 'tracker' | 'agenda' | 'minutes') => `/?view=${view}&meeting=${MEETING}`;

/** Calls the API as a person (local mode dev identity). */
async function api(method: string, url: string, body?: unknown, user = 'megan-bowen') {
  const res = await fetch(`${bed.server.url}/api/v1${url}`, {
    method,
    headers: { 'content-type': 'application/json', 'x-dev-user': user },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as any };
}

/** Posts a line to the meeting chat as the Bot Connector would deliver it. */
async function inChat(text: string, who: { aad: string; name: string }) {
  const activity = messageActivity(connector.serviceUrl, text, {
    ...who,
    conversationId: CHAT,
    conversationType: 'groupChat',
  });
  const res = await postActivity(bed.server.url, activity);
  expect(res.status).toBeLessThan(300);
}

const isFocused = (locator: Locator) => locator.evaluate((element) => element === document.activeElement);
const meetingState = (page: Page) => page.getByRole('status').filter({ hasText: 'Meeting state' });
const itemHeading = (page: Page, name: string) => page.getByRole('heading', { level: 4, name, exact: true });

describe('the meeting workspace of ISC-TF 32', () => {
  it('opens from its meeting card, and the secretariat opens collection after confirming', async () => {
    const before = (await api('GET', `/meetings/${MEETING}/tracker`)).body;
    const page = await openTab({ as: 'megan-bowen' });
    await page.getByRole('tab', { name: 'Upcoming meetings' }).click();
    await page.getByRole('link', { name: 'Open meeting (ISC-TF 32)' }).click();

    await expectVisible(page.getByRole('heading', { level: 2, name: 'ISC-TF 32' }));
    expect(new URL(page.url()).search).toBe(`?view=tracker&meeting=${MEETING}`);
    expect(await page.getByRole('tab', { name: 'Collection' }).getAttribute('aria-selected')).toBe('true');
    await expectVisible(meetingState(page).getByText('Scheduled'));
    await expectVisible(page.getByRole('button', { name: `Pending ${before.counts.pending}` }));
    expect(before.counts.pending).toBeGreaterThan(40);

    await page.getByRole('button', { name: 'Open collection' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Open collection now?' });
    await expectVisible(confirm);
    await confirm.getByRole('button', { name: 'Open collection' }).click();

    await expectVisible(page.getByText(/^Collection is open: 0 prompts queued, \d+ could not be delivered\.$/));
    await expectVisible(meetingState(page).getByText('Collecting updates'));
    const after = (await api('GET', `/meetings/${MEETING}/tracker`)).body;
    expect(after.counts.undeliverable).toBeGreaterThan(40);
    await expectVisible(page.getByRole('button', { name: `Undeliverable ${after.counts.undeliverable}` }));
    await expectVisible(page.getByRole('button', { name: 'Pending 0' }));

    await page.getByRole('button', { name: `Undeliverable ${after.counts.undeliverable}` }).click();
    const rows = page.getByRole('table', { name: 'Updates by topic and sector' }).locator('tbody').getByRole('row');
    await eventually(() => rows.count(), after.counts.undeliverable);
    await expectVisible(rows.first().getByText(/not installed for this person in Teams/));

    await page.goBack();
    await expectVisible(page.getByRole('list', { name: 'Upcoming meetings' }));
  });

  it('shows an update a focal point sent as answered after a reload', async () => {
    const page = await openTab({ as: 'megan-bowen', path: workspace('tracker') });
    await expectVisible(page.getByRole('button', { name: 'Answered 0' }));

    const sent = await api(
      'POST',
      `/meetings/${MEETING}/updates`,
      {
        topicId: 'accessibility',
        sector: 'BDT',
        progress: 'ICT accessibility toolkit published in three languages.',
        escalate: true,
        ask: 'Which sector leads the 2027 accessibility event?',
      },
      'alex-wilber',
    );
    expect(sent.status).toBe(201);

    await page.reload();
    await page.getByRole('button', { name: 'Answered 1' }).click();
    const row = page.getByRole('table', { name: 'Updates by topic and sector' }).locator('tbody').getByRole('row');
    await eventually(() => row.count(), 1);
    const text = await row.innerText();
    expect(text).toContain('Accessibility');
    expect(text).toContain('BDT');
    expect(text).toContain('ICT accessibility toolkit published in three languages.');
    expect(text).toContain('Escalated: Which sector leads the 2027 accessibility event?');
    expect(text).toContain('Alex Wilber');
  });

  it('finds no accessibility violations in the tracker', async () => {
    const page = await openTab({ as: 'megan-bowen', path: workspace('tracker') });
    await expectVisible(page.getByRole('table', { name: 'Updates by topic and sector' }));
    expect(await axeViolations(page)).toEqual([]);
  }, 120_000);

  it('compiles the agenda, then moves, retitles, adds and removes items', async () => {
    const page = await openTab({ as: 'megan-bowen', path: workspace('agenda') });
    await expectVisible(page.getByRole('heading', { name: 'No agenda yet' }));
    await page.getByRole('button', { name: 'Compile agenda' }).click();

    await expectVisible(itemHeading(page, '3. Escalated issues for decision'));
    await expectVisible(meetingState(page).getByText('Agenda in draft'));
    await expectVisible(page.getByText('The agenda has been compiled.'));
    await expectVisible(page.getByRole('cell', { name: 'Which sector leads the 2027 accessibility event?' }));

    await page.getByRole('button', { name: 'Move item 3 up' }).click();
    await expectVisible(itemHeading(page, '2. Escalated issues for decision'));
    await expectVisible(itemHeading(page, '3. Follow-up of actions from the previous meeting'));
    await eventually(() => isFocused(page.getByRole('button', { name: 'Move item 2 up' })), true);

    await page.getByRole('button', { name: 'Edit item 1' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit item 1' });
    await edit.getByRole('textbox', { name: 'Title' }).fill('');
    await edit.getByRole('button', { name: 'Save' }).click();
    await expectVisible(edit.getByText('Enter a title.'));
    await edit.getByRole('textbox', { name: 'Title' }).fill('Opening, welcome and adoption of the agenda');
    await edit.getByRole('textbox', { name: 'Note' }).fill('The chair welcomes new focal points.');
    await edit.getByRole('button', { name: 'Save' }).click();
    await edit.waitFor({ state: 'hidden' });
    await expectVisible(itemHeading(page, '1. Opening, welcome and adoption of the agenda'));
    await expectVisible(page.getByText('The chair welcomes new focal points.'));

    await page.getByRole('button', { name: 'Add item' }).click();
    const add = page.getByRole('dialog', { name: 'Add an agenda item' });
    await add.getByRole('textbox', { name: 'Title' }).fill('Budget for joint events in 2027');
    await add.getByRole('button', { name: 'Add item' }).click();
    await add.waitFor({ state: 'hidden' });
    await expectVisible(itemHeading(page, '7. Budget for joint events in 2027'));
    await expectVisible(itemHeading(page, '8. Any other business'));
    expect(await page.getByRole('button', { name: 'Remove item 8' }).count()).toBe(0);

    await page.getByRole('button', { name: 'Add item' }).click();
    await add.getByRole('textbox', { name: 'Title' }).fill('Item added by mistake');
    await add.getByRole('button', { name: 'Add item' }).click();
    await expectVisible(itemHeading(page, '8. Item added by mistake'));
    await page.getByRole('button', { name: 'Remove item 8' }).click();
    const remove = page.getByRole('alertdialog', { name: 'Remove item 8?' });
    await remove.getByRole('button', { name: 'Remove' }).click();
    await expectVisible(page.getByText('“Item added by mistake” has been removed.'));
    expect(await itemHeading(page, '8. Item added by mistake').count()).toBe(0);
    await expectVisible(itemHeading(page, '8. Any other business'));

    const stored = (await api('GET', `/meetings/${MEETING}/agenda`)).body;
    expect(stored.agenda.items.map((i: any) => i.id).slice(0, 3)).toEqual(['opening', 'escalations', 'actions']);
    expect(stored.agenda.revision).toBe(6);
  });

  it('finds no accessibility violations in the draft agenda and its edit dialog', async () => {
    const page = await openTab({ as: 'megan-bowen', path: workspace('agenda') });
    await expectVisible(itemHeading(page, '2. Escalated issues for decision'));
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Edit item 2' }).click();
    await expectVisible(page.getByRole('dialog', { name: 'Edit item 2' }));
    expect(await axeViolations(page)).toEqual([]);
  }, 120_000);

  it('explains and reloads when someone else edited the agenda in the meantime', async () => {
    const page = await openTab({ as: 'megan-bowen', path: workspace('agenda') });
    await expectVisible(itemHeading(page, '8. Any other business'));

    const current = (await api('GET', `/meetings/${MEETING}/agenda`)).body;
    const other = await api(
      'PATCH',
      `/meetings/${MEETING}/agenda`,
      {
        expectedRevision: current.agenda.revision,
        edit: { op: 'edit', itemId: 'aob', patch: { title: 'Other business' } },
      },
      'patti-fernandez',
    );
    expect(other.status).toBe(200);

    await page.getByRole('button', { name: 'Move item 4 down' }).click();
    await expectVisible(page.getByText('Someone else changed the agenda'));
    await expectVisible(page.getByText('Someone else edited the agenda in the meantime. Reload and try again.'));
    await expectVisible(itemHeading(page, '8. Other business'));
    expect(await itemHeading(page, '4. Updates on coordination topics').count()).toBe(1);
  });

  it('shows a focal point the draft without any of the staff controls', async () => {
    const page = await openTab({ as: 'alex-wilber', path: workspace('agenda') });
    await expectVisible(itemHeading(page, '2. Escalated issues for decision'));
    await expectVisible(page.getByText(/the chair and the secretariat prepare its agenda and minutes/));
    for (const name of ['Publish agenda', 'Compile again', 'Add item', 'Move item 2 up', 'Edit item 1']) {
      expect({ name, count: await page.getByRole('button', { name }).count() }).toEqual({ name, count: 0 });
    }

    await page.getByRole('tab', { name: 'Minutes' }).click();
    await expectVisible(page.getByRole('heading', { name: 'No minutes yet' }));
    expect(await page.getByRole('button', { name: 'Compile minutes' }).count()).toBe(0);
    expect(new URL(page.url()).search).toBe(`?view=minutes&meeting=${MEETING}`);
  });

  it('publishes the agenda only after confirmation, then downloads it as a .docx', async () => {
    const page = await openTab({ as: 'megan-bowen', path: workspace('agenda') });
    await page.getByRole('button', { name: 'Publish agenda' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Publish the agenda?' });
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await confirm.waitFor({ state: 'hidden' });
    expect((await bed.server.store.meetings.get(MEETING))?.state).toBe('agenda-draft');

    await page.getByRole('button', { name: 'Publish agenda' }).click();
    await confirm.getByRole('button', { name: 'Publish agenda' }).click();
    await expectVisible(page.getByText('The agenda has been published and posted to the meeting chat.'));
    await expectVisible(meetingState(page).getByText('Agenda published'));
    expect(await page.getByRole('button', { name: 'Move item 2 up' }).count()).toBe(0);

    const link = page.getByRole('link', { name: 'Download agenda (.docx)' });
    const request = page.waitForRequest((r) => r.url().includes('/api/v1/documents/'));
    const download = page.waitForEvent('download');
    await link.click();
    expect((await request).headers()['x-dev-user']).toBe('megan-bowen');
    const file = await download;
    expect(file.suggestedFilename()).toBe('isc-tf-32-agenda-v1.docx');
    const content = fs.readFileSync((await file.path()) ?? '');
    expect(content.length).toBeGreaterThan(1000);
    expect(content.subarray(0, 2).toString()).toBe('PK');
    const text = (await mammoth.extractRawText({ buffer: content })).value;
    expect(text).toContain('Opening, welcome and adoption of the agenda');
    expect(text).toContain('Budget for joint events in 2027');
  });

  it('lets the chair set the current item from the meeting side panel', async () => {
    const pointer = await api('POST', `/meetings/${MEETING}/current-item`, { item: 2 }, 'patti-fernandez');
    expect(pointer).toEqual({ status: 200, body: { item: 2, sub: null } });
    await inChat('Action: circulate the revised accessibility toolkit to all sectors', {
      aad: AAD.patti,
      name: 'Patti Fernandez',
    });

    const page = await openTab({ as: 'patti-fernandez', path: '/?view=sidepanel', width: 320 });
    const items = page.getByRole('list', { name: 'Agenda items' });
    const updates = items.getByRole('listitem').filter({ hasText: 'Updates on coordination topics' });
    await updates.getByRole('button', { name: 'Set as current item' }).click();
    await expectVisible(page.getByText('Item 4 is now the current item in the meeting chat.'));
    expect(await updates.getAttribute('aria-current')).toBe('step');
    expect(await axeViolations(page)).toEqual([]);

    await inChat('Decision: BDT leads the 2027 accessibility event.', { aad: AAD.patti, name: 'Patti Fernandez' });
    const lines = await bed.server.store.chatMessages.all({ where: { chatId: CHAT } });
    expect(lines.map((l) => l.text)).toEqual(expect.arrayContaining(['Item 2', 'Item 4']));
  }, 120_000);

  it('shows the side panel agenda read-only to a focal point', async () => {
    const page = await openTab({ as: 'alex-wilber', path: '/?view=sidepanel', width: 320 });
    await expectVisible(page.getByRole('list', { name: 'Agenda items' }).getByText('Other business'));
    expect(await page.getByRole('button', { name: 'Set as current item' }).count()).toBe(0);
  });

  it('drafts the minutes as the chair, fixes a missing owner inline, and approves after confirmation', async () => {
    const page = await openTab({ as: 'patti-fernandez', path: workspace('minutes') });
    await expectVisible(page.getByRole('heading', { name: 'No minutes yet' }));
    await page.getByRole('button', { name: 'Compile minutes' }).click();

    await expectVisible(page.getByRole('heading', { name: 'Attendance' }));
    await expectVisible(meetingState(page).getByText('Minutes in draft'));
    await expectVisible(page.getByText('BDT leads the 2027 accessibility event.'));
    const review = page.getByRole('list', { name: 'Lines to review' });
    await expectVisible(review.getByText(/Owner missing/));
    await expectVisible(page.getByText('1 line needs a look before approval'));
    expect(await axeViolations(page)).toEqual([]);

    await review.getByRole('button', { name: 'Fix' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit action' });
    await dialog.getByRole('combobox', { name: 'Owner' }).pressSequentially('Alex');
    await page.getByRole('option', { name: /^Alex Wilber/ }).click();
    await dialog.getByLabel('Due date').fill('2027-01-15');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expectVisible(page.getByText('The minutes have been saved.'));
    expect(await page.getByRole('list', { name: 'Lines to review' }).count()).toBe(0);
    const actions = page.getByRole('table', { name: 'Actions under item 2' });
    await expectVisible(actions.getByRole('cell', { name: 'Alex Wilber' }));
    await expectVisible(actions.getByRole('cell', { name: '15 Jan 2027' }));

    await page.getByRole('button', { name: 'Approve minutes' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Approve the minutes?' });
    await confirm.getByRole('button', { name: 'Approve minutes' }).click();
    await expectVisible(meetingState(page).getByText('Minutes approved'));
    await expectVisible(page.getByRole('link', { name: 'Download minutes (.docx)' }));
    expect(await page.getByRole('button', { name: 'Approve minutes' }).count()).toBe(0);

    expect((await bed.server.store.meetings.get(MEETING))?.state).toBe('minutes-approved');
    const recorded = await bed.server.store.actions.all({ where: { sourceMeetingId: MEETING } });
    expect(recorded).toEqual([expect.objectContaining({ ownerId: 'alex-wilber', due: '2027-01-15', status: 'open' })]);
  }, 120_000);

  it('renders the meeting page right to left in Arabic', async () => {
    const page = await openTab({ as: 'megan-bowen', locale: 'ar', path: workspace('agenda') });
    await expectVisible(page.getByRole('heading', { level: 3, name: 'جدول الأعمال' }));
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await expectVisible(page.getByRole('tab', { name: 'المحضر' }));
    await expectVisible(page.getByRole('status').filter({ hasText: 'اعتُمد المحضر' }));
    await expectVisible(page.getByRole('link', { name: 'تنزيل جدول الأعمال (.docx)' }));
    const back = await page.getByRole('button', { name: 'الاجتماعات القادمة' }).boundingBox();
    const heading = await page.getByRole('heading', { level: 2, name: 'ISC-TF 32' }).boundingBox();
    expect((back?.x ?? 0) + (back?.width ?? 0)).toBeGreaterThan(1000);
    expect((heading?.x ?? 0) + (heading?.width ?? 0)).toBeGreaterThan(1000);
    expect(await axeViolations(page)).toEqual([]);
  }, 120_000);

  it("shows the server's message when the tracker cannot be loaded, and recovers on retry", async () => {
    let failing = true;
    const page = await openTab({
      as: 'megan-bowen',
      path: workspace('tracker'),
      prepare: (p) =>
        p.route(
          (url) => url.pathname === `/api/v1/meetings/${MEETING}/tracker`,
          (route) =>
            failing
              ? route.fulfill({
                  status: 503,
                  contentType: 'application/json',
                  body: JSON.stringify({ error: { code: 'internal', message: 'The tracker is being rebuilt.' } }),
                })
              : route.fallback(),
        ),
    });
    await expectVisible(page.getByText('The tracker could not be loaded'));
    await expectVisible(page.getByText('The tracker is being rebuilt.'));
    failing = false;
    await page.getByRole('button', { name: 'Retry' }).click();
    await expectVisible(page.getByRole('table', { name: 'Updates by topic and sector' }));
  });

  it('tells the reader when the meeting does not exist', async () => {
    const page = await openTab({ as: 'megan-bowen', path: '/?view=agenda&meeting=isc-tf-99' });
    await expectVisible(page.getByText('The meeting could not be loaded').first());
    await expectVisible(page.getByText(/There is no meeting "isc-tf-99"/));
    await page.getByRole('button', { name: 'Upcoming meetings' }).click();
    await expectVisible(page.getByRole('list', { name: 'Upcoming meetings' }));
  });
});
