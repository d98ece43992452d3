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
import { AAD, messageActivity, postActivity } from '../support/activities';
import { startReplyCapture, type ReplyCapture } from '../support/reply-capture';
import { startTestServer } from '../support/server';
import { axeViolations, eventually, expectVisible, setUpTabTests, type OpenOptions } from '../support/tab-page';

jest.setTimeout(90_000);

const MEETING = 'isc-tf-32';
const CHAT = '19:isc-tf-meeting-chat@thread.v2';

let connector: ReplyCapture;
let dataDir: string;

/** The server's clock: real time, moved on once the meeting is to start (minutes are drafted after the start). */
let clockOffsetMs = 0;
const now = () => new Date(Date.now() + clockOffsetMs).toISOString();

const bed = setUpTabTests({
  startServer: async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'isc-tab-meeting-'));
    // One after the other, so that `close` finds the capture even when the server fails to start.
    connector = await startReplyCapture();
    return startTestServer({ env: { DATA_DIR: dataDir }, now });
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

/** Posts a line to the meeting chat as the Bot Connector would deliver it, at the server's time. */
async function inChat(text: string, who: { aad: string; name: string }) {
  const activity = messageActivity(connector.serviceUrl, text, {
    ...who,
    conversationId: CHAT,
    conversationType: 'groupChat',
  });
  const res = await postActivity(bed.server.url, { ...activity, timestamp: now() });
  expect(res.status).toBeLessThan(300);
}

/** Moves the server's clock to a few minutes after the meeting's start. */
async function startMeeting() {
  const meeting = await bed.server.store.meetings.get(MEETING);
  clockOffsetMs = Date.parse(meeting?.start ?? '') - Date.now() + 5 * 60_000;
}

/** The tracker as the API gives it. */
const tracker = async (meetingId = MEETING) => (await api('GET', `/meetings/${meetingId}/tracker`)).body;

/** The distinct people behind the tracker's undeliverable rows. */
const unreachable = (rows: { status: string; personId: string | null }[]) =>
  new Set(rows.filter((r) => r.status === 'undeliverable').map((r) => r.personId)).size;

const isFocused = (locator: Locator) => locator.evaluate((element) => element === document.activeElement);
const meetingState = (page: Page) => page.getByRole('status').filter({ hasText: 'Meeting state' });
const itemHeading = (page: Page, name: string) => page.getByRole('heading', { level: 4, name, exact: true });
const trackerRows = (page: Page) =>
  page.getByRole('table', { name: 'Updates by topic and sector' }).locator('tbody').getByRole('row');
/** The warning naming the focal points Teams could not reach (a MessageBar is a group named by its title). */
const deliveryWarning = (page: Page) => page.getByRole('group', { name: /^\d+ focal points? could not be reached$/ });

describe('the meeting workspace of ISC-TF 32', () => {
  it('opens from its meeting card and tells focal points not asked yet from those asked', async () => {
    const before = await tracker();
    expect(before.counts['not-asked']).toBeGreaterThan(40);
    expect(before.counts.pending).toBe(0);
    const page = await openTab({ as: 'megan-bowen' });
    await page.getByRole('tab', { name: 'Upcoming meetings' }).click();
    await page.getByRole('link', { name: 'Open meeting (ISC-TF 32)' }).click();

    await expectVisible(page.getByRole('heading', { level: 2, name: 'ISC-TF 32' }));
    expect(new URL(page.url()).search).toBe(`?view=tracker&meeting=${MEETING}`);
    expect(await page.getByRole('tab', { name: 'Collection' }).getAttribute('aria-selected')).toBe('true');
    await expectVisible(meetingState(page).getByText('Scheduled'));
    await expectVisible(page.getByRole('button', { name: 'Pending 0' }));
    await page.getByRole('button', { name: `Not asked ${before.counts['not-asked']}` }).click();
    await eventually(() => trackerRows(page).count(), before.counts['not-asked']);
    await expectVisible(trackerRows(page).first().getByText('No prompt has been sent for this topic yet.'));
    expect(await deliveryWarning(page).count()).toBe(0);

    await page.goBack();
    await expectVisible(page.getByRole('list', { name: 'Upcoming meetings' }));
  });

  it('opens collection after confirming and warns, naming who could not be reached and why', async () => {
    const page = await openTab({ as: 'megan-bowen', path: workspace('tracker') });
    await page.getByRole('button', { name: 'Open collection' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Open collection now?' });
    await expectVisible(confirm);
    await confirm.getByRole('button', { name: 'Open collection' }).click();
    await confirm.waitFor({ state: 'hidden' });

    const warning = deliveryWarning(page);
    await expectVisible(warning);
    await expectVisible(meetingState(page).getByText('Collecting updates'));
    const after = await tracker();
    expect(after.counts.undeliverable).toBeGreaterThan(40);
    expect(await warning.innerText()).toContain('Collection is open: 0 prompts queued.');
    const people = warning.getByRole('list', { name: 'People who could not be reached' }).getByRole('listitem');
    await eventually(() => people.count(), unreachable(after.rows));
    await expectVisible(people.filter({ hasText: 'Alex Wilber' }).getByText(/not installed for this person in Teams/));
    await expectVisible(warning.getByRole('button', { name: 'Retry undeliverable' }));

    await expectVisible(page.getByRole('button', { name: 'Pending 0' }));
    await page.getByRole('button', { name: `Undeliverable ${after.counts.undeliverable}` }).click();
    await eventually(() => trackerRows(page).count(), after.counts.undeliverable);
    await expectVisible(
      trackerRows(page)
        .first()
        .getByText(/not installed for this person in Teams/),
    );
  });

  it('sends the prompts again to a focal point who has since installed the app, who then shows as pending', async () => {
    const hello = await postActivity(bed.server.url, messageActivity(connector.serviceUrl, 'help'));
    expect(hello.status).toBeLessThan(300);

    const page = await openTab({ as: 'megan-bowen', path: workspace('tracker') });
    const warning = deliveryWarning(page);
    await expectVisible(warning.getByRole('listitem').filter({ hasText: 'Alex Wilber' }));
    await warning.getByRole('button', { name: 'Retry undeliverable' }).click();

    await expectVisible(warning.getByText(/^\d+ prompts? queued again\./));
    const after = await tracker();
    const alex = after.rows.filter((r: any) => r.personId === 'alex-wilber');
    expect(alex.length).toBeGreaterThan(0);
    expect(alex.map((r: any) => r.status)).toEqual(alex.map(() => 'pending'));
    expect(after.counts.pending).toBe(alex.length);
    expect(await warning.innerText()).toContain(`${alex.length} prompt${alex.length === 1 ? '' : 's'} queued again.`);
    await eventually(() => warning.getByRole('listitem').filter({ hasText: 'Alex Wilber' }).count(), 0);

    await page.getByRole('button', { name: `Pending ${alex.length}` }).click();
    await eventually(() => trackerRows(page).count(), alex.length);
    const row = await trackerRows(page).first().innerText();
    expect(row).toContain('Alex Wilber');
    expect(row).toContain('Pending');
    expect(row).toContain('Asked; no answer yet.');
    await expectVisible(page.getByRole('button', { name: `Not asked ${after.counts['not-asked']}` }));
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

  it('asks before compiling while updates are missing, with the counts, and compiles only once confirmed', async () => {
    const refused = await api('POST', `/meetings/${MEETING}/agenda/compile`, { confirm: false });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('collection.incomplete');
    const { missing, expected } = refused.body.error.details;
    expect(missing).toBeGreaterThan(40);

    const page = await openTab({ as: 'megan-bowen', path: workspace('agenda') });
    await expectVisible(page.getByRole('heading', { name: 'No agenda yet' }));
    await page.getByRole('button', { name: 'Compile agenda' }).click();
    const ask = page.getByRole('alertdialog', { name: 'Compile with updates missing?' });
    await expectVisible(ask);
    const question = await ask.innerText();
    expect(question).toContain(`${missing} of ${expected} updates are missing. Collection is still open until `);
    expect(question).toContain('Compile anyway? Collection will close.');
    expect(await axeViolations(page)).toEqual([]);

    await ask.getByRole('button', { name: 'Cancel' }).click();
    await ask.waitFor({ state: 'hidden' });
    await expectVisible(page.getByRole('heading', { name: 'No agenda yet' }));
    expect((await bed.server.store.meetings.get(MEETING))?.state).toBe('open');

    await page.getByRole('button', { name: 'Compile agenda' }).click();
    await ask.getByRole('button', { name: 'Compile anyway' }).click();
    await ask.waitFor({ state: 'hidden' });
    await expectVisible(itemHeading(page, '3. Escalated issues for decision'));
    await expectVisible(meetingState(page).getByText('Agenda in draft'));
    await expectVisible(page.getByText('The agenda has been compiled.'));
    await expectVisible(page.getByRole('cell', { name: 'Which sector leads the 2027 accessibility event?' }));
  }, 120_000);

  it('moves, retitles, adds and removes agenda items', async () => {
    const page = await openTab({ as: 'megan-bowen', path: workspace('agenda') });
    await expectVisible(itemHeading(page, '3. Escalated issues for decision'));
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

  it('re-opens collection after a compile, after confirming, and marks the draft agenda out of date', async () => {
    const other = 'isc-tf-33';
    expect((await api('POST', `/meetings/${other}/collection/open`)).status).toBe(200);
    expect((await api('POST', `/meetings/${other}/agenda/compile`, { confirm: true })).status).toBe(201);

    const page = await openTab({ as: 'megan-bowen', path: `/?view=tracker&meeting=${other}` });
    await expectVisible(meetingState(page).getByText('Agenda in draft'));
    expect(await page.getByRole('button', { name: 'Open collection', exact: true }).count()).toBe(0);
    await page.getByRole('button', { name: 'Re-open collection' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Re-open collection?' });
    await expectVisible(confirm.getByText(/who have not answered are asked again/));
    await confirm.getByRole('button', { name: 'Re-open collection' }).click();
    await confirm.waitFor({ state: 'hidden' });

    await expectVisible(meetingState(page).getByText('Collecting updates'));
    await expectVisible(
      deliveryWarning(page).getByText(
        /Collection is open again: \d+ prompts? queued for focal points who have not answered\./,
      ),
    );
    expect((await bed.server.store.meetings.get(other))?.state).toBe('open');

    await page.getByRole('tab', { name: 'Agenda' }).click();
    const stale = page.getByRole('group', { name: 'This draft is out of date' });
    await expectVisible(
      stale.getByText('Collection was re-opened after this draft was compiled; compile again to include new updates.'),
    );
    await page.getByRole('button', { name: 'Compile again' }).click();
    const again = page.getByRole('alertdialog', { name: 'Compile the agenda again?' });
    await again.getByRole('button', { name: 'Compile again' }).click();
    const ask = page.getByRole('alertdialog', { name: 'Compile with updates missing?' });
    await expectVisible(ask.getByText(/updates are missing\. Collection is still open until /));
    await ask.getByRole('button', { name: 'Cancel' }).click();
    await ask.waitFor({ state: 'hidden' });
    await expectVisible(stale);
  }, 120_000);

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
    expect(file.suggestedFilename()).toMatch(/^isc-tf-32-agenda-v1(-r\d+)?\.docx$/);
    const content = fs.readFileSync((await file.path()) ?? '');
    expect(content.length).toBeGreaterThan(1000);
    expect(content.subarray(0, 2).toString()).toBe('PK');
    const text = (await mammoth.extractRawText({ buffer: content })).value;
    expect(text).toContain('Opening, welcome and adoption of the agenda');
    expect(text).toContain('Budget for joint events in 2027');
  });

  it('refuses to draft the minutes before the meeting starts, and says when it starts', async () => {
    const page = await openTab({ as: 'patti-fernandez', path: workspace('minutes') });
    await page.getByRole('button', { name: 'Compile minutes' }).click();
    const refusal = page.getByRole('group', { name: 'Too early to draft the minutes' });
    await expectVisible(refusal);
    const text = await refusal.innerText();
    expect(text).toContain('Minutes can be drafted once the meeting has started');
    expect(text).toMatch(/In your time zone the meeting starts .+\./);
    await expectVisible(page.getByRole('heading', { name: 'No minutes yet' }));
    expect((await bed.server.store.meetings.get(MEETING))?.state).toBe('agenda-published');
  });

  it('lets the chair set the current item from the meeting side panel', async () => {
    await startMeeting();
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
    await inChat('Action: draft the budget for the joint events', { aad: AAD.patti, name: 'Patti Fernandez' });
    const lines = await bed.server.store.chatMessages.all({ where: { chatId: CHAT } });
    expect(lines.map((l) => l.text)).toEqual(expect.arrayContaining(['Item 2', 'Item 4']));
  }, 120_000);

  it('shows the side panel agenda read-only to a focal point', async () => {
    const page = await openTab({ as: 'alex-wilber', path: '/?view=sidepanel', width: 320 });
    await expectVisible(page.getByRole('list', { name: 'Agenda items' }).getByText('Other business'));
    expect(await page.getByRole('button', { name: 'Set as current item' }).count()).toBe(0);
  });

  it('drafts the minutes as the chair, fixes one line, accepts another as is, moves an entry, then approves', async () => {
    const page = await openTab({ as: 'patti-fernandez', path: workspace('minutes') });
    await expectVisible(page.getByRole('heading', { name: 'No minutes yet' }));
    await page.getByRole('button', { name: 'Compile minutes' }).click();

    await expectVisible(page.getByRole('heading', { name: 'Attendance' }));
    await expectVisible(meetingState(page).getByText('Minutes in draft'));
    await expectVisible(page.getByText('BDT leads the 2027 accessibility event.'));
    const review = page.getByRole('list', { name: 'Lines to review' });
    const toolkit = review.getByRole('listitem').filter({ hasText: 'circulate the revised accessibility toolkit' });
    const budget = review.getByRole('listitem').filter({ hasText: 'draft the budget for the joint events' });
    await expectVisible(toolkit.getByText(/Owner missing/));
    await expectVisible(budget.getByText(/Owner missing/));
    await expectVisible(page.getByText('2 lines need a look before approval'));
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Approve minutes' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Approve the minutes?' });
    await confirm.getByRole('button', { name: 'Approve minutes' }).click();
    const unresolved = confirm.getByRole('group', { name: 'Review notes are still open' });
    await expectVisible(
      unresolved.getByText(
        /must be fixed or accepted as it is before the minutes can be approved; 2 notes are still open/,
      ),
    );
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await confirm.waitFor({ state: 'hidden' });
    expect((await bed.server.store.meetings.get(MEETING))?.state).toBe('minutes-draft');

    await toolkit.getByRole('button', { name: 'Fix' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit action' });
    await dialog.getByRole('combobox', { name: 'Owner' }).pressSequentially('Alex');
    await page.getByRole('option', { name: /^Alex Wilber/ }).click();
    await dialog.getByLabel('Due date').fill('2027-01-15');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expectVisible(page.getByText('The minutes have been saved.'));
    await eventually(() => toolkit.count(), 0);
    const actions = page.getByRole('table', { name: 'Actions under item 2' });
    await expectVisible(actions.getByRole('cell', { name: 'Alex Wilber' }));
    await expectVisible(actions.getByRole('cell', { name: '15 Jan 2027' }));

    await budget.getByRole('button', { name: 'Accept as is' }).click();
    await expectVisible(page.getByText('The line has been accepted as it is.'));
    expect(await page.getByRole('list', { name: 'Lines to review' }).count()).toBe(0);
    const accepted = page.getByRole('list', { name: 'Lines accepted as is' }).getByRole('listitem');
    await expectVisible(
      accepted.filter({ hasText: 'draft the budget for the joint events' }).getByText(/^Accepted by Patti Fernandez/),
    );

    await page.getByRole('button', { name: 'Move action 1 under item 2 to another item' }).click();
    const move = page.getByRole('dialog', { name: 'Move to another item' });
    const select = move.getByRole('combobox', { name: 'Agenda item' });
    await select.focus();
    await select.selectOption({ label: '4. Updates on coordination topics' });
    expect(await axeViolations(page)).toEqual([]);
    await move.getByRole('button', { name: 'Move' }).click();
    await move.waitFor({ state: 'hidden' });
    await expectVisible(page.getByText('The entry is now under item 4.'));
    const moved = page.getByRole('table', { name: 'Actions under item 4' });
    await expectVisible(
      moved.getByRole('cell', { name: 'circulate the revised accessibility toolkit to all sectors' }),
    );
    await expectVisible(moved.getByRole('cell', { name: 'Alex Wilber' }));

    const secretariat = page.getByRole('region', { name: 'GS · General Secretariat' });
    await expectVisible(secretariat.getByText('Patti Fernandez (Chair)'));
    expect(await page.getByRole('region', { name: /^BDT · / }).innerText()).toMatch(/Absent \(\d+\)[\s\S]*Alex Wilber/);

    await page.getByRole('button', { name: 'Set the outcome of action 2' }).click();
    const outcome = page.getByRole('dialog', { name: 'Outcome of action 2' });
    await outcome.getByRole('radio', { name: 'Closed' }).check();
    await outcome.getByRole('button', { name: 'Save' }).click();
    await outcome.waitFor({ state: 'hidden' });
    const followUps = page.getByRole('table', { name: 'Actions from earlier meetings under item 3' });
    await expectVisible(
      followUps.getByRole('row').filter({ hasText: 'Share the draft ICT accessibility toolkit' }).getByText('Closed'),
    );

    await page.getByRole('button', { name: 'Approve minutes' }).click();
    await confirm.getByRole('button', { name: 'Approve minutes' }).click();
    await expectVisible(meetingState(page).getByText('Minutes approved'));
    await expectVisible(page.getByRole('link', { name: 'Download minutes (.docx)' }));
    expect(await page.getByRole('button', { name: 'Approve minutes' }).count()).toBe(0);
    await expectVisible(page.getByRole('list', { name: 'Lines accepted as is' }));

    expect((await bed.server.store.meetings.get(MEETING))?.state).toBe('minutes-approved');
    const recorded = await bed.server.store.actions.all({ where: { sourceMeetingId: MEETING } });
    expect(recorded).toHaveLength(2);
    expect(recorded).toEqual(
      expect.arrayContaining([expect.objectContaining({ ownerId: 'alex-wilber', due: '2027-01-15', status: 'open' })]),
    );
  }, 120_000);

  it('renders the meeting page right to left in Arabic', async () => {
    const page = await openTab({ as: 'megan-bowen', locale: 'ar', path: workspace('agenda') });
    await expectVisible(page.getByRole('heading', { level: 3, name: 'جدول الأعمال' }));
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    // Compiled in English: the standard headings and the meeting title in the reader's language, typed ones as typed.
    await expectVisible(itemHeading(page, '2. المسائل المرفوعة لاتخاذ قرار'));
    await expectVisible(itemHeading(page, '1. Opening, welcome and adoption of the agenda'));
    const title = 'الاجتماع الثاني والثلاثون لفرقة العمل المعنية بالتنسيق بين القطاعات';
    expect(await page.getByText(title, { exact: true }).count()).toBeGreaterThanOrEqual(2);
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
