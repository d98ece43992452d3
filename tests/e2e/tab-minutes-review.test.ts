/**
 * The minutes review after someone else's change: the dialog says which entries changed meanwhile and keeps what was
 * typed, and a save's outcome shows beside the entry it concerns rather than at the top of the page.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestServer } from '../support/server';
import { expectVisible, setUpTabTests } from '../support/tab-page';

jest.setTimeout(90_000);

const MEETING = 'isc-tf-32';
const CHAIR = 'patti-fernandez';

let dataDir: string;
/** The server's clock: real time, moved to the meeting's start before the minutes are drafted. */
let clockOffsetMs = 0;
const now = () => new Date(Date.now() + clockOffsetMs).toISOString();

const bed = setUpTabTests({
  startServer: async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'isc-tab-minutes-'));
    return startTestServer({ env: { DATA_DIR: dataDir }, now });
  },
  cleanUp: () => fs.rmSync(dataDir, { recursive: true, force: true }),
});

/** Calls the API as a person (local mode dev identity). */
async function api(method: string, url: string, body?: unknown, user = 'megan-bowen') {
  const res = await fetch(`${bed.server.url}/api/v1${url}`, {
    method,
    headers: { 'content-type': 'application/json', 'x-dev-user': user },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as any };
}

const FIRST = 'BDT leads the 2027 accessibility event.';
const SECOND = 'TSB hosts the next joint workshop.';
const CHANGED = 'TSB hosts the next joint workshop in Geneva.';

/** The id of the decision with this text in the draft minutes. */
async function decisionId(text: string): Promise<string> {
  const minutes = (await api('GET', `/meetings/${MEETING}/minutes`, undefined, CHAIR)).body.minutes;
  const decision = minutes.items.flatMap((item: any) => item.decisions).find((d: any) => d.text === text);
  if (!decision) throw new Error(`no decision "${text}" in the minutes`);
  return decision.id;
}

beforeAll(async () => {
  expect((await api('POST', `/meetings/${MEETING}/collection/open`)).status).toBe(200);
  expect((await api('POST', `/meetings/${MEETING}/agenda/compile`, { confirm: true })).status).toBe(201);
  expect((await api('POST', `/meetings/${MEETING}/agenda/publish`)).status).toBe(200);
  const meeting = await bed.server.store.meetings.get(MEETING);
  clockOffsetMs = Date.parse(meeting?.start ?? '') - Date.now() + 60_000;
  expect((await api('POST', `/meetings/${MEETING}/minutes/compile`, undefined, CHAIR)).status).toBe(201);
  for (const text of [FIRST, SECOND]) {
    const added = await api(
      'PATCH',
      `/meetings/${MEETING}/minutes`,
      { edit: { op: 'add-decision', entry: { item: 2, sub: null, text } } },
      CHAIR,
    );
    expect(added.status).toBe(200);
  }
}, 60_000);

describe('the minutes review', () => {
  it('says which entry someone else changed, keeps the text typed, and shows the save beside the entry', async () => {
    const page = await bed.openTab(
      { as: CHAIR, path: `/?view=minutes&meeting=${MEETING}` },
      { timezoneId: 'Europe/Zurich' },
    );
    await expectVisible(page.getByText(FIRST));
    await page.getByRole('button', { name: 'Edit decision 1 under item 2' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit decision' });
    const typed = 'BDT leads the 2027 accessibility event, with TSB.';
    await dialog.getByRole('textbox').fill(typed);

    // Meanwhile the secretariat edits the other decision.
    const edited = await api(
      'PATCH',
      `/meetings/${MEETING}/minutes`,
      { edit: { op: 'decision', entryId: await decisionId(SECOND), patch: { text: CHANGED } } },
      CHAIR,
    );
    expect(edited.status).toBe(200);

    await dialog.getByRole('button', { name: 'Save' }).click();
    await expectVisible(dialog.getByText('Someone else changed this in the meantime'));
    await expectVisible(dialog.getByText(`What changed: edited “${CHANGED}”.`));
    expect(await dialog.getByRole('textbox').inputValue()).toBe(typed);

    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const entry = page.getByRole('listitem').filter({ hasText: typed });
    await expectVisible(entry.getByRole('status').filter({ hasText: 'The minutes have been saved.' }));
    // Said once, beside the entry: not again at the top of the page.
    expect(await page.getByText('The minutes have been saved.').count()).toBe(1);
  });
});
