/**
 * Status collection end to end in the Agents Playground: the secretariat opens collection for the next
 * ISC-TF meeting, the outbox worker sends Alex Wilber (BDT focal point) one proactive prompt card per topic,
 * and he answers them in Teams the way a person does: the card is replaced in place by a summary and the
 * secretariat's tracker follows.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import type { RunningServer } from '../../teams-app/server/main';
import { launchBrowser } from '../support/browser';
import { allStarted, closeAll } from '../support/lifecycle';
import {
  apiRequest,
  ask,
  botMessages,
  cardIn,
  expectVisible,
  openPlayground,
  playgroundUser,
  startPlayground,
  submitCard,
  type RunningPlayground,
} from '../support/playground';
import { startTestServer } from '../support/server';

jest.setTimeout(90_000);

const MEETING = 'isc-tf-32';
const MEETING_TITLE = '32nd meeting of the Inter-Sectoral Coordination Task Force';
const PROMPT_TITLE = `Status update for ${MEETING_TITLE}`;
const ALEX = playgroundUser('alex-wilber');
/** Alex Wilber's topics as BDT focal point in the demo register: one prompt card each. */
const ALEX_TOPICS = [
  'Accessibility',
  'Climate change and environmental sustainability',
  'Digital transformation',
  'Emergency telecommunications',
  'Youth',
];

let dataDir: string;
let server: RunningServer;
let browser: Browser;
let playground: RunningPlayground;
let page: Page;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'isc-e2e-collection-'));
  // background: the outbox worker delivers the prompts and the scheduler runs, as in production.
  await allStarted(
    startTestServer({ background: true, env: { DATA_DIR: dataDir } }).then((started) => (server = started)),
    launchBrowser().then((launched) => (browser = launched)),
  );
  playground = await startPlayground({ botEndpoint: `${server.url}/api/messages` });
  page = await browser.newPage();
  await openPlayground(page, playground, 'Personal Chat');
}, 180_000);

afterAll(async () => {
  try {
    await page?.close().catch(() => undefined); // closing the browser closes it anyway
    await closeAll(browser?.close(), playground?.close(), server?.close());
  } finally {
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

/** The API as Megan Bowen (ISC-TF secretariat). */
function asSecretariat(method: string, url: string, json?: unknown) {
  return apiRequest(method, `${server.url}/api/v1${url}`, { user: 'megan-bowen', json });
}

interface TrackerRow {
  topicId: string;
  sector: string;
  status: string;
  answeredByName: string | null;
}

async function trackerRow(topicId: string, sector = 'BDT'): Promise<TrackerRow | undefined> {
  const res = await asSecretariat('GET', `/meetings/${MEETING}/tracker`);
  expect(res.status).toBe(200);
  return res.json<{ rows: TrackerRow[] }>().rows.find((r) => r.topicId === topicId && r.sector === sector);
}

/** Alex's messages from the bot about one topic (`<topic> · BDT` is on the prompt and on its summary). */
function topicMessages(topic: string): Locator {
  return botMessages(page).filter({ hasText: `${topic} · BDT` });
}

/** The prompt card of a topic, still unanswered. */
function promptCard(topic: string): Locator {
  return cardIn(topicMessages(topic).filter({ hasText: PROMPT_TITLE }));
}

describe('status collection in the Agents Playground, as Alex Wilber (BDT focal point)', () => {
  it('lets Alex Wilber talk to the bot first, so it keeps his personal chat for proactive messages', async () => {
    await ask(page, 'help', { hasText: 'What you can ask me' });

    const until = Date.now() + 10_000;
    while (!(await server.store.conversations.all()).some((r) => r.aadObjectId === ALEX.aadObjectId)) {
      if (Date.now() > until) throw new Error("The bot did not store Alex Wilber's conversation reference.");
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });

  it('sends one prompt card per topic once the secretariat opens collection', async () => {
    const res = await asSecretariat('POST', `/meetings/${MEETING}/collection/open`);
    expect(res.status).toBe(200);
    expect(res.json()).toMatchObject({ meetingId: MEETING, state: 'open' });
    expect(res.json<{ queued: number }>().queued).toBeGreaterThanOrEqual(ALEX_TOPICS.length);

    for (const topic of ALEX_TOPICS) await expectVisible(promptCard(topic), 30_000);

    const card = promptCard('Accessibility');
    await expectVisible(card.getByRole('heading', { name: PROMPT_TITLE }));
    await expectVisible(card.getByRole('textbox', { name: 'Progress since the last meeting' }));
    await expectVisible(card.getByRole('textbox', { name: 'Next steps' }));
    await expectVisible(card.getByRole('checkbox', { name: 'Escalate to the task force (needs a decision)' }));
    await expectVisible(card.getByRole('textbox', { name: 'Question for decision' }));
    await expectVisible(card.getByRole('textbox', { name: 'Event name' }));
    await expectVisible(card.getByRole('textbox', { name: 'Place' }));
    for (const button of ['Submit update', 'No change since last meeting', 'Delegate to my alternate']) {
      await expectVisible(card.getByRole('button', { name: button }));
    }
  });

  it('does not deliver a prompt twice, even when collection is opened again', async () => {
    const again = await asSecretariat('POST', `/meetings/${MEETING}/collection/open`);
    expect(again.status).toBe(200);
    expect(again.json()).toMatchObject({ state: 'open', queued: 0 });
    // Two more passes of the outbox worker (besides its own polling every second).
    await server.worker.runOnce();
    await server.worker.runOnce();
    const outbox = await server.store.outbox.all({ where: { personId: 'alex-wilber' } });
    const prompts = outbox.filter((m) => m.kind === 'prompt' && m.meetingId === MEETING);
    expect(prompts).toHaveLength(ALEX_TOPICS.length);
    expect(prompts.every((m) => m.status === 'sent')).toBe(true);

    for (const topic of ALEX_TOPICS) expect(await topicMessages(topic).count()).toBe(1);
    expect(await botMessages(page).filter({ hasText: PROMPT_TITLE }).count()).toBe(ALEX_TOPICS.length);
  });

  it('enforces the 4000-character limit of "Progress since the last meeting" in the card', async () => {
    const progress = promptCard('Accessibility').getByRole('textbox', { name: 'Progress since the last meeting' });
    expect(await progress.getAttribute('maxlength')).toBe('4000');

    await progress.fill('x'.repeat(4001));

    expect((await progress.inputValue()).length).toBeLessThanOrEqual(4000);
    await progress.fill('');
  });

  it('replaces the Accessibility card with a summary on "Submit update", and the tracker shows it answered', async () => {
    const messagesBefore = await botMessages(page).count();

    await submitCard(promptCard('Accessibility'), 'Submit update', {
      'Progress since the last meeting': 'Accessibility toolkit for small island developing states published.',
      'Next steps': 'Regional launch workshops with TSB in the first quarter.',
    });

    const summary = cardIn(topicMessages('Accessibility'));
    await expectVisible(summary.getByRole('heading', { name: 'Update received: Accessibility · BDT' }), 20_000);
    await expectVisible(summary.getByText('Accessibility toolkit for small island developing states published.'));
    await expectVisible(summary.getByText('Regional launch workshops with TSB in the first quarter.'));
    await expectVisible(summary.getByRole('button', { name: 'Edit' }));
    expect(await summary.getByRole('button', { name: 'Submit update' }).count()).toBe(0);
    // Replaced in place: no new message, still one message about the topic.
    expect(await botMessages(page).count()).toBe(messagesBefore);
    expect(await topicMessages('Accessibility').count()).toBe(1);

    expect(await trackerRow('accessibility')).toMatchObject({ status: 'answered', answeredByName: ALEX.name });
    const [update] = await server.store.statusUpdates.all({
      where: { meetingId: MEETING, topicId: 'accessibility', sector: 'BDT' },
    });
    expect(update).toMatchObject({
      progress: 'Accessibility toolkit for small island developing states published.',
      nextSteps: 'Regional launch workshops with TSB in the first quarter.',
      noChange: false,
      revision: 1,
    });
  });

  it('records "No change since last meeting" on the Youth card in one click', async () => {
    await promptCard('Youth').getByRole('button', { name: 'No change since last meeting' }).click();

    const summary = cardIn(topicMessages('Youth'));
    await expectVisible(summary.getByRole('heading', { name: 'Update received: Youth · BDT' }), 20_000);
    await expectVisible(summary.getByText('No change since the last meeting.'));
    await expectVisible(summary.getByRole('button', { name: 'Edit' }));
    expect(await topicMessages('Youth').count()).toBe(1);

    expect(await trackerRow('youth')).toMatchObject({ status: 'no-change', answeredByName: ALEX.name });
    // The other topics are still waiting for Alex.
    expect(await trackerRow('digital-transformation')).toMatchObject({ status: 'pending' });
    // Still one message per topic, seconds after the prompts went out: none was delivered twice.
    for (const topic of ALEX_TOPICS) expect(await topicMessages(topic).count()).toBe(1);
  });
});
