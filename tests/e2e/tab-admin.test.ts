/**
 * Administration and records end to end: the built tab served by the real server (in-memory SQLite, demo data, a
 * fresh server for this file), used in Chromium as the secretariat, a focal point and a member would.
 */
import type { Locator, Page } from 'playwright-core';
import { axeViolations, eventually, expectVisible, setUpTabTests, type OpenOptions } from '../support/tab-page';

jest.setTimeout(90_000);

const bed = setUpTabTests();

const SECRETARIAT = 'megan-bowen';
const FOCAL_POINT = 'alex-wilber';
const MEMBER = 'nestor-wilke';

/** Opens the tab as a person of the register (local mode), in Geneva's time zone. */
const openTab = (options: OpenOptions = {}): Promise<Page> =>
  bed.openTab(options, { timezoneId: 'Europe/Zurich', acceptDownloads: true });

/** Opens the administration on one of its tabs as the secretariat. */
async function openAdmin(tab = 'topics', options: OpenOptions = {}): Promise<Page> {
  const page = await openTab({ as: SECRETARIAT, path: `/?view=admin&tab=${tab}`, ...options });
  await expectVisible(page.getByRole('tabpanel', { name: /./ }).first());
  return page;
}

/** Calls the API as a person (local mode dev identity). */
async function api(method: string, url: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${bed.server.url}/api/v1${url}`, {
    method,
    headers: { 'content-type': 'application/json', 'x-dev-user': SECRETARIAT, ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const type = res.headers.get('content-type') ?? '';
  return { status: res.status, body: type.includes('json') ? ((await res.json()) as any) : await res.text() };
}

const isFocused = (locator: Locator) => locator.evaluate((element) => element === document.activeElement);
const status = (page: Page, text: string | RegExp) => page.getByRole('status').filter({ hasText: text });

/** The horizontal overflow of the page, in pixels (0: nothing sticks out). */
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe('register administration (secretariat)', () => {
  it('adds a topic, then gives it a focal point; focus returns to the opener', async () => {
    const page = await openAdmin();
    const add = page.getByRole('button', { name: 'Add topic' });
    await add.click();
    const dialog = page.getByRole('dialog', { name: 'Add a topic' });
    await expectVisible(dialog);

    // Saved without an English title: refused in the dialog, nothing sent, what was typed kept.
    await dialog.getByRole('textbox', { name: 'Title in French' }).fill('Infrastructure publique numérique');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expectVisible(dialog.getByText('This field is required.'));
    expect(await dialog.getByRole('textbox', { name: 'Title in French' }).inputValue()).toBe(
      'Infrastructure publique numérique',
    );

    await dialog.getByRole('textbox', { name: /^Title in English/ }).fill('Digital public infrastructure');
    await dialog.getByRole('textbox', { name: 'Description' }).fill('Shared digital rails for public services.');
    await dialog.getByRole('checkbox', { name: /^TSB · / }).check();
    await dialog.getByRole('checkbox', { name: /^BDT · / }).check();
    await dialog.getByRole('combobox', { name: 'Lead sector' }).selectOption('BDT');
    await dialog.getByRole('button', { name: 'Add a resolution' }).click();
    await dialog.getByRole('combobox', { name: 'Body' }).selectOption('WTDC');
    await dialog.getByRole('textbox', { name: 'Number' }).fill('37');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expectVisible(status(page, 'Topic “Digital public infrastructure” added.'));
    await dialog.waitFor({ state: 'hidden' });
    await eventually(() => isFocused(add), true);

    const topic = (await bed.server.store.topics.all()).find((t) => t.title.en === 'Digital public infrastructure');
    expect(topic).toMatchObject({
      title: { en: 'Digital public infrastructure', fr: 'Infrastructure publique numérique' },
      sectors: ['TSB', 'BDT'],
      leadSector: 'BDT',
      resolutions: [{ body: 'WTDC', number: '37', revision: null, title: null }],
    });

    const assign = page.getByRole('button', { name: 'Focal points of Digital public infrastructure' });
    await assign.click();
    const slot = page.getByRole('dialog', { name: 'Focal points: Digital public infrastructure' });
    await slot.getByRole('combobox', { name: 'Sector' }).selectOption('BDT');
    await slot.getByRole('combobox', { name: 'Focal point' }).selectOption(FOCAL_POINT);
    await slot.getByRole('combobox', { name: 'Alternate' }).selectOption(FOCAL_POINT);
    await slot.getByRole('button', { name: 'Save' }).click();
    await expectVisible(slot.getByText('The alternate must be someone other than the focal point.'));
    await slot.getByRole('combobox', { name: 'Alternate' }).selectOption('lynne-robbins');
    await slot.getByRole('button', { name: 'Save' }).click();
    await expectVisible(status(page, 'Focal points of BDT saved.'));
    await eventually(() => isFocused(assign), true);

    const slots = await bed.server.store.assignments.all({ where: { topicId: topic?.id ?? '' } });
    expect(slots.find((s) => s.sector === 'BDT')).toMatchObject({
      focalPointId: FOCAL_POINT,
      alternateId: 'lynne-robbins',
    });
    const row = page.getByRole('table', { name: 'Topics of the register' }).getByRole('row', {
      name: /Digital public infrastructure/,
    });
    await expectVisible(row.getByText('Alex Wilber'));
    const audit = await bed.server.store.audit.all();
    expect(
      audit.filter((e) => e.entityId === topic?.id || e.entityId.startsWith(`${topic?.id}`)).length,
    ).toBeGreaterThan(0);
  });

  it('keeps what was typed when someone else changed the topic meanwhile, and saves it over their version', async () => {
    const page = await openAdmin();
    await page.getByRole('button', { name: 'Edit topic: Youth' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit the topic' });
    await dialog.getByRole('textbox', { name: 'Description' }).fill('Youth engagement across the three Sectors.');

    // Someone else closes the topic in the meantime.
    const current = await api('GET', '/topics/youth');
    expect((await api('PATCH', '/topics/youth', { status: 'dormant' }, { 'If-Match': current.body.etag })).status).toBe(
      200,
    );

    await dialog.getByRole('button', { name: 'Save' }).click();
    await expectVisible(dialog.getByText('Someone else changed this record while you were editing it'));
    await expectVisible(dialog.getByText(/Changed meanwhile: Status\./));
    expect(await dialog.getByRole('textbox', { name: 'Description' }).inputValue()).toBe(
      'Youth engagement across the three Sectors.',
    );

    await dialog.getByRole('button', { name: 'Save' }).click();
    await expectVisible(status(page, 'Topic “Youth” saved.'));
    expect(await bed.server.store.topics.get('youth')).toMatchObject({
      status: 'dormant',
      description: 'Youth engagement across the three Sectors.',
    });
  });

  it('adds a person and retires them after confirming', async () => {
    const page = await openAdmin('people');
    await page.getByRole('button', { name: 'Add person' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a person' });
    await dialog.getByRole('textbox', { name: /^Name/ }).fill('Grady Archie');
    await dialog.getByRole('textbox', { name: /^E-mail/ }).fill('not an address');
    await dialog
      .getByRole('textbox', { name: /^Microsoft Entra object id/ })
      .fill('00000000-0000-0000-0000-000000000031');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expectVisible(dialog.getByText('Enter an e-mail address such as name@itu.int.'));
    // Refused by the server (someone already has this address): the reason shows in the dialog, the input stays.
    await dialog.getByRole('textbox', { name: /^E-mail/ }).fill('adelev@example.com');
    await dialog.getByRole('combobox', { name: 'Sector' }).selectOption('TSB');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expectVisible(dialog.getByText('The change was not saved'));
    expect(await dialog.getByRole('textbox', { name: /^Name/ }).inputValue()).toBe('Grady Archie');
    await dialog.getByRole('textbox', { name: /^E-mail/ }).fill('grady.archie@itu.int');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expectVisible(status(page, 'Grady Archie added.'));
    const person = (await bed.server.store.people.all()).find((p) => p.email === 'grady.archie@itu.int');
    expect(person).toMatchObject({ name: 'Grady Archie', sector: 'TSB', roles: ['member'] });

    await page.getByRole('button', { name: 'Retire Grady Archie' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Retire Grady Archie?' });
    await confirm.getByRole('button', { name: 'Retire' }).click();
    await expectVisible(status(page, 'Grady Archie was retired.'));
    expect((await bed.server.store.people.get(person?.id ?? ''))?.retiredAt).toBeTruthy();
  });
});

describe('import and export (secretariat)', () => {
  /** The register as the export gives it (CSV, one section per sheet). */
  async function exportedRegister(): Promise<string> {
    const exported = await api('GET', '/exports/register?format=csv&lang=en');
    expect(exported.status).toBe(200);
    return String(exported.body).replace(/^\uFEFF/, '');
  }

  /**
   * The register with a person added at the end of its people section, written in that section's columns; and the
   * line of the file it is on. Line breaks inside quoted cells are kept as they are.
   */
  async function registerWith(cells: Record<string, string>): Promise<{ text: string; line: number }> {
    const lines = (await exportedRegister()).split(/(?<=\n)/);
    const section = lines.findIndex((line) => line.trim() === '[people]');
    const headers = (lines[section + 1] ?? '').trim().split(',');
    const keys: Record<string, string> = {
      'E-mail': 'email',
      Name: 'name',
      Sector: 'sector',
      'Entra object ID': 'aad',
    };
    const row = headers.map((header) => cells[keys[header] ?? ''] ?? '').join(',');
    let end = section + 2;
    while (end < lines.length && (lines[end] ?? '').trim() !== '') end += 1;
    lines.splice(end, 0, `${row}\r\n`);
    return { text: lines.join(''), line: end + 1 };
  }

  async function choose(page: Page, name: string, text: string) {
    await page.getByLabel('Register file (XLSX or CSV)').setInputFiles({
      name,
      mimeType: 'text/csv',
      buffer: Buffer.from(text, 'utf8'),
    });
  }

  it('refuses a file with a bad row, naming its row, and applies nothing', async () => {
    const { text, line } = await registerWith({
      email: 'not-an-address',
      name: 'Bad Row',
      sector: 'BR',
      aad: 'bad-row',
    });
    const page = await openAdmin('transfer');
    await choose(page, 'register-bad.csv', text);
    await page.getByRole('button', { name: 'Check the file' }).click();
    await expectVisible(page.getByText(/^The file was refused: \d+ problems? to correct\. Nothing was changed\.$/));
    const problems = page.getByRole('table', { name: 'Problems in the file' });
    await expectVisible(
      problems
        .getByRole('row')
        .filter({ hasText: 'People' })
        .filter({ hasText: String(line) }),
    );
    expect(await page.getByRole('button', { name: 'Apply the import' }).count()).toBe(0);
    expect((await bed.server.store.people.all()).some((p) => p.name === 'Bad Row')).toBe(false);
  });

  it('checks a good file, lists the person it adds, and applies it after confirming', async () => {
    const { text } = await registerWith({
      email: 'kat.larson@itu.int',
      name: 'Kat Larson',
      sector: 'BR',
      aad: 'kat-larson',
    });
    const page = await openAdmin('transfer');
    await choose(page, 'register-good.csv', text);
    await page.getByRole('button', { name: 'Check the file' }).click();
    await expectVisible(page.getByText('The file can be imported. Review the changes, then apply them.'));
    const changes = page.getByRole('table', { name: 'Records that change' });
    await expectVisible(
      changes.getByRole('row').filter({ hasText: 'kat.larson@itu.int' }).filter({ hasText: 'Added' }),
    );
    expect((await bed.server.store.people.all()).some((p) => p.email === 'kat.larson@itu.int')).toBe(false);

    const apply = page.getByRole('button', { name: 'Apply the import' });
    await apply.click();
    await page
      .getByRole('alertdialog', { name: 'Apply the import?' })
      .getByRole('button', { name: 'Apply the import' })
      .click();
    await expectVisible(page.getByText('The import was applied.').first());
    expect((await bed.server.store.people.all()).find((p) => p.email === 'kat.larson@itu.int')).toMatchObject({
      name: 'Kat Larson',
      sector: 'BR',
    });
  });

  it('downloads the template and an export', async () => {
    const page = await openAdmin('transfer');
    const template = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download the template (CSV)' }).click();
    expect((await template).suggestedFilename()).toBe('register-template.csv');
    const exported = page.waitForEvent('download');
    await page.getByRole('combobox', { name: 'What to export' }).selectOption('actions');
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    expect((await exported).suggestedFilename()).toBe('actions.xlsx');
  });
});

describe('the meeting calendar (secretariat)', () => {
  it('schedules a meeting in its own time zone', async () => {
    const page = await openAdmin('meetings');
    await page.getByRole('button', { name: 'Schedule meeting' }).click();
    const dialog = page.getByRole('dialog', { name: 'Schedule a meeting' });
    await dialog.getByRole('combobox', { name: 'Body' }).selectOption('ISCG');
    const number = await dialog.getByRole('textbox', { name: /^Number/ }).inputValue();
    await dialog.getByLabel(/^Starts/).fill('2027-03-10T09:30');
    await dialog.getByLabel(/^Ends/).fill('2027-03-10T08:00');
    await dialog.getByRole('textbox', { name: /^Time zone of the meeting/ }).fill('America/New_York');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expectVisible(dialog.getByText('The meeting must end after it starts.'));
    await dialog.getByLabel(/^Ends/).fill('2027-03-10T12:00');
    await dialog.getByRole('textbox', { name: 'Place' }).fill('New York');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expectVisible(status(page, `ISCG ${number} scheduled.`));

    const meeting = await bed.server.store.meetings.get(`iscg-${number}`);
    expect(meeting).toMatchObject({
      body: 'ISCG',
      number: Number(number),
      timeZone: 'America/New_York',
      start: '2027-03-10T14:30:00.000Z',
      end: '2027-03-10T17:00:00.000Z',
      place: 'New York',
    });
    await expectVisible(page.getByRole('button', { name: `Reschedule ISCG ${number}` }));
  });
});

describe('the meeting calendar, the audit log and the annual report (secretariat)', () => {
  it('reschedules a meeting, then cancels it after confirming', async () => {
    const schedule = await api('POST', '/meetings', {
      body: 'ISC-TF-SUB',
      number: 7,
      start: '2027-05-04T14:00',
      end: '2027-05-04T16:00',
      timeZone: 'Europe/Zurich',
    });
    expect(schedule.status).toBe(201);
    const page = await openAdmin('meetings');
    await page.getByRole('button', { name: 'Reschedule ISC-TF-SUB 7' }).click();
    const dialog = page.getByRole('dialog', { name: 'Reschedule ISC-TF-SUB 7' });
    expect(await dialog.getByLabel(/^Starts/).inputValue()).toBe('2027-05-04T14:00');
    await dialog.getByLabel(/^Starts/).fill('2027-05-05T10:00');
    await dialog.getByLabel(/^Ends/).fill('2027-05-05T12:00');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expectVisible(status(page, /^ISC-TF-SUB 7 moved; \d+ (person was|people were) told the new date\.$/));
    expect(await bed.server.store.meetings.get('isc-tf-sub-7')).toMatchObject({
      start: '2027-05-05T08:00:00.000Z',
      end: '2027-05-05T10:00:00.000Z',
    });

    const cancel = page.getByRole('button', { name: 'Cancel ISC-TF-SUB 7' });
    await cancel.click();
    const confirm = page.getByRole('alertdialog', { name: 'Cancel ISC-TF-SUB 7?' });
    await confirm.getByRole('textbox', { name: 'Reason (optional)' }).fill('Merged with the plenary.');
    await confirm.getByRole('button', { name: 'Cancel meeting' }).click();
    await expectVisible(status(page, /^ISC-TF-SUB 7 cancelled;/));
    expect(await bed.server.store.meetings.get('isc-tf-sub-7')).toMatchObject({
      state: 'cancelled',
      cancelReason: 'Merged with the plenary.',
    });
    // The table is read again after the answer: a cancelled meeting can no longer be moved.
    await page.getByRole('button', { name: 'Reschedule ISC-TF-SUB 7' }).waitFor({ state: 'detached' });
    expect(await page.getByRole('button', { name: 'Reschedule ISC-TF-SUB 7' }).count()).toBe(0);
  });

  it('shows the audit log filtered by kind of record, with who acted', async () => {
    const page = await openAdmin('audit');
    await page.getByRole('combobox', { name: 'Kind of record' }).selectOption('topics');
    const log = page.getByRole('table', { name: 'Audit log entries' });
    await expectVisible(
      log.getByRole('row').filter({ hasText: 'topic.create' }).filter({ hasText: 'Megan Bowen' }).first(),
    );
    // The entries of other kinds go once the filtered page has come (it may follow the unfiltered one).
    await log.getByRole('row').filter({ hasText: 'Focal points ·' }).first().waitFor({ state: 'detached' });
    expect(await log.getByRole('row').filter({ hasText: 'topic.create' }).count()).toBeGreaterThan(0);
    expect(await log.getByRole('row').filter({ hasText: 'Focal points ·' }).count()).toBe(0);
  });

  it('compiles a draft annual report, downloads it and publishes it', async () => {
    const page = await openAdmin('report');
    await page.getByRole('button', { name: 'Compile a draft' }).click();
    await expectVisible(status(page, /^Draft version \d+ compiled\.$/));
    const versions = page.getByRole('table', { name: 'Versions of the report' });
    const draft = versions.getByRole('row').filter({ hasText: 'Draft' }).first();
    await expectVisible(draft);
    const download = page.waitForEvent('download');
    await draft.getByRole('button', { name: /^Download version/ }).click();
    expect((await download).suggestedFilename()).toMatch(/^annual-report-.*\.docx$/);

    await draft.getByRole('button', { name: /^Publish version/ }).click();
    await page
      .getByRole('alertdialog', { name: 'Publish the report?' })
      .getByRole('button', { name: 'Publish' })
      .click();
    await expectVisible(status(page, /^Version \d+ published\.$/));
    await expectVisible(versions.getByRole('row').filter({ hasText: 'Published' }).first());
  });
});

describe('the records register', () => {
  it('lets a focal point close their action with a note', async () => {
    const page = await openTab({ as: FOCAL_POINT, path: '/?view=records' });
    const actions = page.getByRole('table', { name: 'Actions' });
    await expectVisible(actions);
    expect(await page.getByRole('tab', { name: 'Administration' }).count()).toBe(0);
    const update = actions.getByRole('button', { name: /^Update action: Share the draft ICT accessibility toolkit/ });
    await update.click();
    const dialog = page.getByRole('dialog', { name: 'Update the action' });
    await dialog.getByRole('combobox', { name: 'Status' }).selectOption('done');
    await dialog.getByRole('textbox', { name: /^Note/ }).fill('Toolkit shared with TSB and BR on 3 March.');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expectVisible(status(page, 'The action was updated.'));
    await eventually(() => isFocused(update), true);

    const action = await bed.server.store.actions.get('isc-tf-31.a1');
    expect(action?.status).toBe('done');
    expect(action?.notes?.at(-1)).toMatchObject({
      authorId: FOCAL_POINT,
      text: 'Toolkit shared with TSB and BR on 3 March.',
    });
    // Someone else's action offers no update to a focal point.
    await expectVisible(actions.getByText(/Propose a single ITU delegation/));
    expect(await actions.getByRole('button', { name: /^Update action: Propose a single ITU delegation/ }).count()).toBe(
      0,
    );
  });

  it('reads the action again after a conflict, names what changed, and saves the note over the new version', async () => {
    const page = await openTab({ as: FOCAL_POINT, path: '/?view=records' });
    const reads: string[] = [];
    page.on('request', (request) => void (request.method() === 'GET' && reads.push(new URL(request.url()).pathname)));
    const actions = page.getByRole('table', { name: 'Actions' });
    const update = actions.getByRole('button', { name: /^Update action: Align BDT emergency telecom/ });
    await update.click();
    const dialog = page.getByRole('dialog', { name: 'Update the action' });
    // The secretariat notes something on the action meanwhile.
    expect((await api('PATCH', '/actions/isc-tf-31.a2', { note: 'Asked GS for the plan.' })).status).toBe(200);
    await dialog.getByRole('textbox', { name: /^Note/ }).fill('Calendar aligned with the GS plan.');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expectVisible(dialog.getByText('Someone else changed this record while you were editing it'));
    await expectVisible(dialog.getByText(/Changed meanwhile: Note/));
    expect(reads).toContain('/api/v1/actions/isc-tf-31.a2');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expectVisible(status(page, 'The action was updated.'));
    const action = await bed.server.store.actions.get('isc-tf-31.a2');
    expect(action?.notes?.map((n) => n.text)).toEqual(['Asked GS for the plan.', 'Calendar aligned with the GS plan.']);
  });

  it('lists decisions with their meeting, and lets the secretariat record the outcome of an escalation', async () => {
    await bed.server.store.decisions.create({
      id: 'isc-tf-31.d1',
      meetingId: 'isc-tf-31',
      topicId: 'accessibility',
      agendaItem: 4,
      text: 'The accessibility toolkit is published jointly by the three Bureaux.',
      recordedAt: '2026-11-04T10:30:00.000Z',
    });
    await bed.server.store.escalations.create({
      id: 'isc-tf-31.e1',
      meetingId: 'isc-tf-31',
      topicId: 'accessibility',
      sector: 'TSB',
      ask: 'Who funds the sign-language interpretation at regional events?',
      to: 'CoCo',
      status: 'open',
      raisedAt: '2026-11-04T10:45:00.000Z',
    });
    const page = await openTab({ as: SECRETARIAT, path: '/?view=records&tab=decisions' });
    const decisions = page.getByRole('table', { name: 'Decisions' });
    await expectVisible(
      decisions.getByRole('row').filter({ hasText: 'The accessibility toolkit is published jointly' }).filter({
        hasText: 'ISC-TF 31',
      }),
    );

    await page.getByRole('tab', { name: 'Escalations' }).click();
    const escalations = page.getByRole('table', { name: 'Escalations' });
    await escalations.getByRole('button', { name: /^Record the outcome: Who funds/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Record the outcome' });
    await dialog.getByRole('combobox', { name: 'Status' }).selectOption('decided');
    await dialog.getByRole('textbox', { name: 'Outcome' }).fill('The regional offices fund it from 2027.');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expectVisible(status(page, 'The outcome was recorded.'));
    await expectVisible(escalations.getByText('The regional offices fund it from 2027.'));
    expect(await bed.server.store.escalations.get('isc-tf-31.e1')).toMatchObject({
      status: 'decided',
      outcome: 'The regional offices fund it from 2027.',
    });
    expect(page.url()).toContain('tab=escalations');
  });

  it("shows a topic's history in its drawer", async () => {
    const page = await openTab({ as: FOCAL_POINT, path: '/?view=register' });
    await page.getByRole('button', { name: 'Accessibility', exact: true }).first().click();
    const drawer = page.getByRole('dialog', { name: 'Accessibility' });
    await expectVisible(drawer.getByRole('heading', { name: 'History' }));
    await expectVisible(drawer.getByRole('list', { name: 'History of the topic' }).getByRole('listitem').first());
    const download = page.waitForEvent('download');
    await drawer.getByRole('button', { name: 'Export the history (CSV)' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('history-accessibility.csv');
    const path = await file.path();
    const text = (await import('node:fs')).readFileSync(path, 'utf8');
    expect(text.split('\r\n')[0]).toBe('\uFEFFWhen,Kind,Event,Meeting,Sector,Who,Text,Detail');
  });

  it('does not show the administration to a member, even from its address', async () => {
    const page = await openTab({ as: MEMBER, path: '/?view=admin&tab=people' });
    await expectVisible(page.getByRole('tab', { name: 'Decisions and actions' }));
    await expectVisible(page.getByRole('heading', { level: 2, name: 'Topic register' }));
    expect(await page.getByRole('tab', { name: 'Administration' }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Administration' }).count()).toBe(0);
    expect((await api('POST', '/people', { name: 'X' }, { 'x-dev-user': MEMBER })).status).toBe(403);
  });
});

describe('layout, languages and accessibility', () => {
  it('fits the administration, its dialogs and the records in 320 px without horizontal scrolling', async () => {
    for (const path of ['/?view=admin&tab=topics', '/?view=admin&tab=meetings', '/?view=records']) {
      const page = await openTab({ as: SECRETARIAT, path, width: 320 });
      await expectVisible(page.getByRole('table').first());
      expect(await overflow(page)).toBeLessThanOrEqual(0);
    }
    const page = await openTab({ as: SECRETARIAT, path: '/?view=admin&tab=topics', width: 320 });
    await page.getByRole('button', { name: 'Add topic' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a topic' });
    await expectVisible(dialog);
    expect(await dialog.evaluate((surface) => surface.scrollWidth - surface.clientWidth)).toBeLessThanOrEqual(0);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
  });

  it('opens and closes a dialog from the keyboard, focus going back to its button', async () => {
    const page = await openAdmin('people');
    const add = page.getByRole('button', { name: 'Add person' });
    await add.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Add a person' });
    await expectVisible(dialog);
    await page.keyboard.type('Typed name');
    expect(await dialog.getByRole('textbox', { name: /^Name/ }).inputValue()).toBe('Typed name');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await eventually(() => isFocused(add), true);
  });

  it('speaks Arabic right to left in the administration, with no English left', async () => {
    const page = await openAdmin('topics', { locale: 'ar' });
    await expectVisible(page.getByRole('heading', { level: 2, name: 'الإدارة' }));
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    const text = await page.getByRole('tabpanel').last().innerText();
    for (const english of ['Add topic', 'Edit', 'Focal points', 'Manage', 'Status']) {
      expect(text).not.toContain(english);
    }
  });

  it('finds no accessibility violations in the administration and its dialog (en, ar)', async () => {
    for (const locale of ['en-GB', 'ar']) {
      const page = await openAdmin('topics', { locale });
      await expectVisible(page.getByRole('table').first());
      expect(await axeViolations(page)).toEqual([]);
    }
    const page = await openAdmin('topics');
    await page.getByRole('button', { name: 'Add topic' }).click();
    await expectVisible(page.getByRole('dialog', { name: 'Add a topic' }));
    expect(await axeViolations(page)).toEqual([]);
  }, 180_000);

  it('finds no accessibility violations in the records (en, ar) and the meeting calendar (ar)', async () => {
    for (const locale of ['en-GB', 'ar']) {
      const page = await openTab({ as: FOCAL_POINT, path: '/?view=records', locale });
      await expectVisible(page.getByRole('table').first());
      expect(await axeViolations(page)).toEqual([]);
    }
    const page = await openAdmin('meetings', { locale: 'ar' });
    await expectVisible(page.getByRole('table').first());
    expect(await axeViolations(page)).toEqual([]);
  }, 180_000);
});
