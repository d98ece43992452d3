/**
 * A focal point's "My work" and the register as people search, sort, filter, share and export it: the built tab
 * served by the real server (in-memory SQLite, demo data), opened in Chromium standalone (local dev identity).
 */
import fs from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { axeViolations, eventually, expectVisible, setUpTabTests, type OpenOptions } from '../support/tab-page';

jest.setTimeout(90_000);

const bed = setUpTabTests();
const MEETING = 'isc-tf-32';

const openTab = (options: OpenOptions = {}): Promise<Page> =>
  bed.openTab(options, { timezoneId: 'Europe/Zurich', acceptDownloads: true });

const register = (page: Page) => page.getByRole('table', { name: 'Coordination topics' });
const bodyRows = (page: Page) => register(page).locator('tbody').getByRole('row');
const topicRow = (page: Page, title: string) =>
  bodyRows(page).filter({ has: page.getByRole('button', { name: title, exact: true }) });
const rowTitles = (page: Page) =>
  bodyRows(page).evaluateAll((rows) => rows.map((row) => row.querySelector('[data-topic-button]')?.textContent ?? ''));
const isFocused = (locator: Locator) => locator.evaluate((element) => element === document.activeElement);
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/** Opens the register (with `query` after `view=register`) and waits for its rows. */
async function openRegister(query = '', options: OpenOptions = {}): Promise<Page> {
  const page = await openTab({ path: `/?view=register${query}`, ...options });
  await expectVisible(bodyRows(page).first());
  return page;
}

const focalList = (page: Page) => page.getByRole('list', { name: 'My topics: As focal point' });
const alternateList = (page: Page) => page.getByRole('list', { name: 'My topics: As alternate' });
const slot = (page: Page, title: string) => focalList(page).getByRole('listitem').filter({ hasText: title });

/** The tracker row of a topic × sector as the API gives it. */
async function trackerRow(topicId: string, sector: string) {
  const res = await fetch(`${bed.server.url}/api/v1/meetings/${MEETING}/tracker`, {
    headers: { 'x-dev-user': 'megan-bowen' },
  });
  const body = (await res.json()) as { rows: { topicId: string; sector: string; status: string }[] };
  return body.rows.find((row) => row.topicId === topicId && row.sector === sector)?.status;
}

describe("My work, a focal point's home", () => {
  it('opens first for a focal point and says in one sentence what is expected, for which meeting and by when', async () => {
    const page = await openTab();
    await expectVisible(page.getByRole('heading', { level: 2, name: 'My work' }));
    expect(await page.getByRole('tab', { name: 'My work' }).getAttribute('aria-selected')).toBe('true');
    await expectVisible(
      page.getByText(/^You answer for \d+ topics\. Before ISC-TF 32, send a short update on each one/),
    );
    await expectVisible(page.getByRole('heading', { name: 'Next meeting: ISC-TF 32' }));
    await expectVisible(page.getByText('Collection closes'));

    // Focal point and alternate are told apart; only the focal point delegates.
    await expectVisible(slot(page, 'Accessibility').getByText('Not asked yet'));
    await expectVisible(
      slot(page, 'Accessibility').getByRole('button', { name: 'Delegate Accessibility to the alternate' }),
    );
    await expectVisible(alternateList(page).getByRole('listitem').first());
    expect(
      await alternateList(page)
        .getByRole('button', { name: /^Delegate/ })
        .count(),
    ).toBe(0);

    // Someone who is not a focal point starts on the register.
    const secretary = await openTab({ as: 'megan-bowen' });
    await expectVisible(bodyRows(secretary).first());
    expect(await secretary.getByRole('tab', { name: 'My work' }).count()).toBe(0);
  });

  it('sends and edits an update in the tab, and the tracker shows it answered', async () => {
    const page = await openTab();
    await slot(page, 'Accessibility').getByRole('button', { name: 'Write the update on Accessibility' }).click();
    const dialog = page.getByRole('dialog', { name: 'Update on Accessibility (BDT)' });
    await expectVisible(dialog);
    await dialog.getByRole('textbox', { name: /^Progress since the last meeting/ }).fill('Toolkit drafted with TSB.');
    await dialog.getByRole('textbox', { name: 'Next steps' }).fill('Share it with BR.');
    await dialog.getByRole('button', { name: 'Send update' }).click();
    await expectVisible(page.getByText('Your update on Accessibility was sent.'));
    await dialog.waitFor({ state: 'hidden' });
    await expectVisible(slot(page, 'Accessibility').getByText('Answered', { exact: true }));
    expect(await trackerRow('accessibility', 'BDT')).toBe('answered');
    const stored = await bed.server.store.statusUpdates.get(`${MEETING}.accessibility.BDT`);
    expect(stored).toMatchObject({ progress: 'Toolkit drafted with TSB.', authorId: 'alex-wilber', revision: 1 });

    // Focus went back to the button that opened the dialog (now "Edit").
    await slot(page, 'Accessibility').getByRole('button', { name: 'Edit the update on Accessibility' }).click();
    await expectVisible(dialog.getByText('You are editing revision 1.'));
    const progress = dialog.getByRole('textbox', { name: /^Progress since the last meeting/ });
    expect(await progress.inputValue()).toBe('Toolkit drafted with TSB.');
    await progress.fill('Toolkit drafted with TSB and BR.');
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await expectVisible(page.getByText('Your update on Accessibility was changed.'));
    await eventually(
      async () => (await bed.server.store.statusUpdates.get(`${MEETING}.accessibility.BDT`))?.revision,
      2,
    );

    const tracker = await openTab({ path: `/?view=tracker&meeting=${MEETING}` });
    const rows = tracker.getByRole('table', { name: 'Updates by topic and sector' }).locator('tbody').getByRole('row');
    await expectVisible(rows.filter({ hasText: 'Accessibility' }).filter({ hasText: 'Answered' }).first());
  });

  it('sends "no change" and delegates to the alternate, as the card does', async () => {
    const page = await openTab();
    const climate = 'Climate change and environmental sustainability';
    await slot(page, climate)
      .getByRole('button', { name: `No change on ${climate}` })
      .click();
    await expectVisible(page.getByText(`“No change” was sent for ${climate}.`));
    await expectVisible(slot(page, climate).getByText('No change since the last meeting'));
    expect(await trackerRow('climate-change-environmental-sustainability', 'BDT')).toBe('no-change');

    const delegate = slot(page, 'Youth').getByRole('button', { name: 'Delegate Youth to the alternate' });
    await delegate.click();
    const confirm = page.getByRole('alertdialog', { name: 'Delegate to your alternate?' });
    await expectVisible(confirm.getByText(/Lynne Robbins gets the prompt for Youth/));
    await confirm.getByRole('button', { name: 'Delegate' }).click();
    await expectVisible(page.getByText('Youth was delegated to Lynne Robbins.'));
    const delegation = await bed.server.store.delegations.get(`${MEETING}.youth.BDT`);
    expect(delegation).toMatchObject({ fromId: 'alex-wilber', toId: 'lynne-robbins' });
    await expectVisible(
      slot(page, 'Youth').getByText('Lynne Robbins is asked this time (you delegated, or you are away).'),
    );
    expect(await delegate.count()).toBe(0);

    // The alternate sees the prompt is theirs this time.
    const lynne = await openTab({ as: 'lynne-robbins' });
    const asAlternate = lynne.getByRole('list', { name: 'My topics: As alternate' }).getByRole('listitem');
    await expectVisible(
      asAlternate
        .filter({ hasText: 'Youth' })
        .getByText('You are asked this time: the focal point delegated to you or is away.'),
    );
  });

  it("closes an action with a note and moves another one's due date", async () => {
    const page = await openTab();
    const actions = page.getByRole('list', { name: 'My open actions' });
    await expectVisible(actions.getByText(/Share the draft ICT accessibility toolkit/));
    await expectVisible(actions.getByText(/^Overdue · Due /));

    await actions.getByRole('button', { name: /^Close the action: Share the draft ICT accessibility toolkit/ }).click();
    const close = page.getByRole('alertdialog', { name: 'Close this action' });
    await close.getByRole('textbox', { name: /^What was done/ }).fill('Sent to TSB and BR on Monday.');
    await close.getByRole('button', { name: 'Close action' }).click();
    await expectVisible(page.getByText('The action was closed.'));
    await eventually(() => actions.getByText(/Share the draft ICT accessibility toolkit/).count(), 0);
    const closed = await bed.server.store.actions.get('isc-tf-31.a1');
    expect(closed?.status).toBe('done');
    expect(closed?.notes?.map((n) => n.text)).toContain('Sent to TSB and BR on Monday.');

    await actions.getByRole('button', { name: /^New due date for: Align BDT emergency telecom/ }).click();
    const redate = page.getByRole('alertdialog', { name: 'Move the due date' });
    await redate.getByLabel('New due date').fill('2030-01-15');
    await redate.getByRole('button', { name: 'Save date' }).click();
    await expectVisible(page.getByText('The due date was changed.'));
    expect((await bed.server.store.actions.get('isc-tf-31.a2'))?.due).toBe('2030-01-15');
  });

  it('fits a 320 px frame without horizontal scrolling', async () => {
    const page = await openTab({ width: 320 });
    await expectVisible(focalList(page));
    expect(await overflow(page)).toBeLessThanOrEqual(0);

    const registerPage = await openRegister('', { width: 320 });
    await expectVisible(registerPage.getByRole('searchbox', { name: 'Search' }));
    expect(await overflow(registerPage)).toBeLessThanOrEqual(0);
  });
});

describe('local mode: "Viewing as"', () => {
  it("names each person's roles, and a person no longer in the register leads to the picker, not a dead end", async () => {
    const page = await openTab({ as: 'somebody-who-left' });
    await expectVisible(page.getByText('“somebody-who-left” is not in the register. Choose who to view the tab as.'));
    expect(await page.getByText(/Teams could not sign you in/).count()).toBe(0);

    await page.getByRole('combobox', { name: 'Viewing as' }).click();
    await expectVisible(page.getByRole('option', { name: 'Megan Bowen · GS · Secretariat, Member' }));
    await page.getByRole('option', { name: /^Alex Wilber · BDT · Focal point/ }).click();
    await expectVisible(page.getByRole('heading', { level: 2, name: 'My work' }));
    expect(await page.getByText(/is not in the register/).count()).toBe(0);
  });
});

describe('the register', () => {
  it('finds "Res. 70", "Res 70", "WTSA 70", a person and an unaccented title', async () => {
    const topics = await bed.server.store.topics.all();
    const withRes70 = topics.filter((t) => t.resolutions.some((r) => r.number === '70'));
    const wtsa70 = topics.filter((t) => t.resolutions.some((r) => r.body === 'WTSA' && r.number === '70'));
    expect(wtsa70.map((t) => t.id)).toContain('accessibility');
    const alexTopics = new Set(
      (await bed.server.store.assignments.all())
        .filter((a) => a.focalPointId === 'alex-wilber' || a.alternateId === 'alex-wilber')
        .map((a) => a.topicId),
    ).size;

    const page = await openRegister();
    const search = page.getByRole('searchbox', { name: 'Search' });
    for (const [query, count] of [
      ['Res. 70', withRes70.length],
      ['Res 70', withRes70.length],
      ['WTSA 70', wtsa70.length],
      ['Alex Wilber', alexTopics],
      ['accessibilite', 1],
    ] as const) {
      await search.fill(query);
      await eventually(() => bodyRows(page).count(), count);
    }
    await expectVisible(topicRow(page, 'Accessibility'));
    expect(new URL(page.url()).searchParams.get('q')).toBe('accessibilite');
  });

  it('sorts by title both ways, and filters vacancies with their count', async () => {
    const page = await openRegister();
    const titles = await rowTitles(page);
    expect(titles).toEqual([...titles].sort(new Intl.Collator('en-GB').compare));
    await page.getByRole('columnheader', { name: 'Topic' }).getByRole('button').click();
    await eventually(async () => (await rowTitles(page))[0], titles[titles.length - 1]);
    expect(await page.getByRole('columnheader', { name: 'Topic' }).getAttribute('aria-sort')).toBe('descending');

    const vacant = (await bed.server.store.assignments.all()).filter((a) => !a.focalPointId);
    const vacantTopics = new Set(vacant.map((a) => a.topicId)).size;
    await page.getByRole('switch', { name: 'Only topics with vacancies' }).check();
    await eventually(() => bodyRows(page).count(), vacantTopics);
    await expectVisible(page.getByText(new RegExp(`^${vacantTopics} topics? · ${vacant.length} vacanc(y|ies)$`)));
    await expectVisible(topicRow(page, 'Industry engagement'));
  });

  it('keeps a topic whose only entry in a sector is a vacancy when filtering by that sector', async () => {
    const assignments = await bed.server.store.assignments.all();
    const topics = await bed.server.store.topics.all();
    const onlyVacant = topics.find(
      (t) => !t.sectors.includes('GS') && assignments.some((a) => a.topicId === t.id && a.sector === 'GS'),
    );
    expect(onlyVacant).toBeDefined();
    const page = await openRegister('&sector=GS');
    await expectVisible(topicRow(page, onlyVacant?.title.en ?? ''));
  });

  it('opens a deep link with its filters and topic, keeps them on reload, and returns focus to the opener', async () => {
    const page = await openRegister('&sector=BDT&q=wilber&topic=accessibility');
    const drawer = page.getByRole('dialog', { name: 'Accessibility' });
    await expectVisible(drawer);
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
    expect(await page.getByRole('searchbox', { name: 'Search' }).inputValue()).toBe('wilber');
    expect(new URL(page.url()).searchParams.get('topic')).toBeNull();

    await page.reload();
    await expectVisible(bodyRows(page).first());
    expect(await page.getByRole('searchbox', { name: 'Search' }).inputValue()).toBe('wilber');
    await expectVisible(page.getByRole('combobox', { name: 'Sector' }).filter({ hasText: 'BDT' }));

    const opener = page.getByRole('button', { name: 'Accessibility', exact: true });
    await opener.focus();
    await page.keyboard.press('Enter');
    await expectVisible(drawer);
    expect(new URL(page.url()).searchParams.get('topic')).toBe('accessibility');
    // The drawer's content scrolls from the keyboard: it takes focus.
    expect(await drawer.getByRole('region', { name: 'Accessibility' }).getAttribute('tabindex')).toBe('0');
    await drawer.getByRole('button', { name: 'Close' }).click();
    await drawer.waitFor({ state: 'hidden' });
    await eventually(() => isFocused(opener), true);
  });

  it('shows people as people: a card with a Teams chat link and an email link', async () => {
    const page = await openRegister();
    const name = topicRow(page, 'Accessibility').getByRole('button', { name: 'Lynne Robbins' });
    const card = page.getByRole('dialog', { name: 'Lynne Robbins' });
    const links = card.getByRole('link');
    // Both links come with the person's details; read them together, opening the card again if a slow first
    // render closed it before both were read.
    let read: [string | null, string][] = [];
    for (let attempt = 0; attempt < 3 && read.length < 2; attempt++) {
      if (!(await card.isVisible())) await name.click();
      await expectVisible(card.getByRole('link', { name: 'Send email' })).catch(() => undefined);
      read = await links.evaluateAll((elements) =>
        elements.map((element): [string | null, string] => [
          element.getAttribute('href'),
          (element.getAttribute('aria-label') ?? element.textContent ?? '').trim(),
        ]),
      );
    }
    const person = await bed.server.store.people.get('lynne-robbins');
    expect(read.map(([href]) => href)).toEqual([
      `https://teams.microsoft.com/l/chat/0/0?users=${encodeURIComponent(person?.email ?? '')}`,
      `mailto:${person?.email}`,
    ]);
    expect(read.map(([, label]) => label)).toEqual([expect.stringContaining('Chat in Teams'), expect.anything()]);
    if (await card.isVisible()) {
      await page.keyboard.press('Escape');
      await card.waitFor({ state: 'hidden' });
    }
  });

  it('exports the rows shown as CSV', async () => {
    const page = await openRegister('&sector=BR');
    const shown = await bodyRows(page).count();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const file = await (await download).path();
    const lines = fs
      .readFileSync(file, 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r\n/);
    expect(lines[0]).toMatch(/^Topic,Kind,Status,Lead sector,Sectors,Focal points,Alternates,Vacancies/);
    expect(lines).toHaveLength(shown + 1);
    expect(lines.slice(1).every((line) => line.includes('BR'))).toBe(true);
  });
});

// axe scans of a full Fluent page take several seconds each on a small machine, hence the longer timeouts.
describe('accessibility of My work and the register (axe)', () => {
  it('finds no violations on My work in English and Arabic', async () => {
    const page = await openTab();
    await expectVisible(focalList(page));
    await expectVisible(page.getByRole('list', { name: 'My open actions' }));
    expect(await axeViolations(page)).toEqual([]);

    const arabic = await openTab({ locale: 'ar' });
    await expectVisible(arabic.getByRole('heading', { level: 2, name: 'عملي' }));
    await expectVisible(arabic.getByRole('list', { name: 'إجراءاتي المفتوحة' }));
    expect(await arabic.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await axeViolations(arabic)).toEqual([]);
  }, 180_000);

  it('finds no violations on the register with its filters in English and Arabic', async () => {
    const page = await openRegister('&vacant=1');
    await expectVisible(page.getByRole('switch', { name: 'Only topics with vacancies' }));
    expect(await axeViolations(page)).toEqual([]);

    const arabic = await openTab({ path: '/?view=register', locale: 'ar' });
    await expectVisible(
      arabic.getByRole('table', { name: 'مواضيع التنسيق' }).locator('tbody').getByRole('row').first(),
    );
    await expectVisible(arabic.getByRole('combobox', { name: 'مواضيعي' }));
    expect(await axeViolations(arabic)).toEqual([]);
  }, 180_000);
});
