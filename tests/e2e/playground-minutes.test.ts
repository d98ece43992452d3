/**
 * From the meeting chat to approved minutes, end to end in the Agents Playground: the chair, Patti
 * Fernandez, records the agenda item, a decision, an action and an escalation by @mentioning the bot in
 * the meeting chat (and moves to the next item in the middle of a message) (the Playground's group chat, linked to ISC-TF 32); a message without a mention is
 * injected as Teams delivers it with RSC; "minutes" drafts them on a card and "Approve minutes" turns it
 * into the approved minutes with a Word document.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mammoth from 'mammoth';
import type { Browser, Locator, Page } from 'playwright-core';
import type { RunningServer } from '../../teams-app/server/main';
import { launchBrowser } from '../support/browser';
import { allStarted, closeAll } from '../support/lifecycle';
import {
  apiRequest,
  ask,
  botMessages,
  cardIn,
  connectorUrl,
  expectVisible,
  meetingChatMessage,
  openChat,
  openPlayground,
  PLAYGROUND_GROUP_CHAT,
  sendCustomActivity,
  startPlayground,
  type RunningPlayground,
} from '../support/playground';
import { startTestServer } from '../support/server';

jest.setTimeout(90_000);

const MEETING = 'isc-tf-32';
const MEETING_TITLE = '32nd meeting of the Inter-Sectoral Coordination Task Force';
const DECISION = 'BDT leads the 2027 accessibility event.';
const ACTION = 'share the TSB study group plan';
const ESCALATION = 'Budget for joint WSIS participation';
/** Recorded after the chair moves to item 5 in the middle of a message. */
const EVENT_DECISION = 'One ITU delegation at COP32';
/** Written in the meeting chat without mentioning the bot: Teams delivers it to the bot through RSC. */
const SILENT_DECISION = 'Joint ITU stand at WSIS';

/** How far the server's clock runs ahead of real time: none until the agenda is out, then into the meeting. */
let shift = 0;
let dataDir: string;
let server: RunningServer;
let browser: Browser;
let playground: RunningPlayground;
let page: Page;

function api(method: string, url: string, user: string, json?: unknown) {
  return apiRequest(method, `${server.url}/api/v1${url}`, { user, json });
}

async function meetingState(): Promise<string> {
  const res = await api('GET', `/meetings/${MEETING}`, 'patti-fernandez');
  expect(res.status).toBe(200);
  return res.json<{ state: string }>().state;
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'isc-e2e-minutes-'));
  // background: the outbox worker posts the approved minutes to the meeting chat, as in production.
  await allStarted(
    startTestServer({
      background: true,
      env: { DATA_DIR: dataDir },
      now: () => new Date(Date.now() + shift).toISOString(),
    }).then((started) => (server = started)),
    launchBrowser().then((launched) => (browser = launched)),
  );

  // Before the meeting: the secretariat opens collection and compiles the agenda, the chair publishes it.
  // Compiling 12 days early, with most updates missing, needs the secretariat's explicit confirmation.
  const steps: [string, string, string, unknown][] = [
    ['POST', `/meetings/${MEETING}/collection/open`, 'megan-bowen', undefined],
    ['POST', `/meetings/${MEETING}/agenda/compile`, 'megan-bowen', { confirm: true }],
    ['POST', `/meetings/${MEETING}/agenda/publish`, 'patti-fernandez', undefined],
  ];
  for (const [method, url, user, json] of steps) {
    const res = await api(method, url, user, json);
    if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${res.body.toString()}`);
  }
  // The meeting is under way: minutes can be drafted from its start.
  const start = (await server.store.meetings.get(MEETING))?.start;
  if (!start) throw new Error(`${MEETING} is missing from the demo data`);
  shift = Date.parse(start) + 5 * 60_000 - Date.now();

  playground = await startPlayground({ botEndpoint: `${server.url}/api/messages`, currentUser: 'patti-fernandez' });
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

describe('meeting chat to minutes in the Agents Playground, as Patti Fernandez (the chair)', () => {
  let draft: Locator;
  /** The bot's messages in the meeting chat before the message without a mention. */
  let botMessagesBefore = 0;

  it('has the meeting ready: agenda published, chat linked', async () => {
    expect(await meetingState()).toBe('agenda-published');
    expect((await server.store.meetings.get(MEETING))?.chatId).toBe(PLAYGROUND_GROUP_CHAT.id);
  });

  it('switches Patti Fernandez to English (she reads Spanish by default)', async () => {
    await ask(page, 'language en', { hasText: 'I will speak English with you from now on.' });
  });

  it('records the item, a decision, an action and an escalation from @mentions in the meeting chat', async () => {
    await openChat(page, PLAYGROUND_GROUP_CHAT.name);
    const lines: [string, string][] = [
      ['Item 4', 'Now on item 4.'],
      [`Decision: ${DECISION}`, 'Decision recorded under item 4.'],
      [`Action: Adele Vance to ${ACTION} by 2026-12-20`, 'Action recorded under item 4.'],
      [`Escalate (BDT): ${ESCALATION}`, 'Escalation recorded under item 4.'],
      // The pointer moves in the middle of a message: the decision after it is filed under item 5.
      [`Thank you all. Item 5: Decision: ${EVENT_DECISION}`, 'Decision recorded under item 5.'],
      ['Item 4', 'Now on item 4.'],
    ];
    for (const [line, acknowledgement] of lines) {
      const reply = await ask(page, line, { mentionBot: true, hasText: acknowledgement });
      expect((await reply.innerText()).trim()).toContain(acknowledgement);
    }
  });

  it('records a meeting-chat message that does not mention the bot, without answering it', async () => {
    botMessagesBefore = await botMessages(page).count();

    await sendCustomActivity(
      playground,
      meetingChatMessage({
        meetingId: 'MCMxOTptZWV0aW5nX2lzYy10Zi0zMkB0aHJlYWQudjI=',
        text: `Decision: ${SILENT_DECISION}`,
        from: 'megan-bowen',
        serviceUrl: connectorUrl(playground),
      }),
    );

    const until = Date.now() + 15_000;
    const recorded = async () =>
      (await server.store.chatMessages.all({ where: { chatId: PLAYGROUND_GROUP_CHAT.id } })).some((r) =>
        r.text.includes(SILENT_DECISION),
      );
    while (!(await recorded())) {
      if (Date.now() > until) throw new Error('The bot did not record the message without a mention.');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await botMessages(page).count()).toBe(botMessagesBefore);
  });

  it('drafts the minutes on "minutes": the decisions and the action with its owner', async () => {
    // The message without a mention got no answer (an answer would have come by now).
    expect(await botMessages(page).count()).toBe(botMessagesBefore);

    const message = await ask(page, 'minutes', { mentionBot: true, hasText: 'Draft minutes', timeout: 30_000 });
    draft = cardIn(message);

    await expectVisible(draft.getByRole('heading', { name: `Draft minutes: ${MEETING_TITLE}` }));
    await expectVisible(draft.getByText(DECISION));
    await expectVisible(draft.getByText(SILENT_DECISION));
    const action = draft.getByText(ACTION);
    await expectVisible(action);
    expect(await action.innerText()).toMatch(/owner: Adele Vance · due 2026-12-20/);
    await expectVisible(draft.getByText(ESCALATION));
    await expectVisible(draft.getByText(EVENT_DECISION));
    await expectVisible(draft.getByRole('button', { name: 'Approve minutes' }));
    const minutes = await server.store.documents.get(`${MEETING}.minutes.v1`);
    const items = (minutes?.content.items ?? []) as { number: number; decisions: { text: string }[] }[];
    expect(items.find((i) => i.decisions.some((d) => d.text.includes(EVENT_DECISION)))?.number).toBe(5);
    expect(items.find((i) => i.decisions.some((d) => d.text.includes(DECISION)))?.number).toBe(4);
    expect(await meetingState()).toBe('minutes-draft');
  });

  it('approves the minutes: the card turns into the approved minutes with the Word document', async () => {
    await draft.getByRole('button', { name: 'Approve minutes' }).click();

    await expectVisible(draft.getByRole('heading', { name: `Minutes approved: ${MEETING_TITLE}` }), 30_000);
    expect(await draft.getByRole('button', { name: 'Approve minutes' }).count()).toBe(0);
    const download = draft.getByRole('link', { name: 'Download the minutes (.docx)' });
    await expectVisible(download);
    expect(await meetingState()).toBe('minutes-approved');

    const url = await linkTarget(download);
    expect(url).toMatch(new RegExp(`^${server.url}/api/v1/documents/${MEETING}/minutes-v1-r\\d+\\.docx$`));
    const doc = await apiRequest('GET', url, { user: 'patti-fernandez' });
    expect(doc.status).toBe(200);
    expect(doc.headers['content-type']).toContain('wordprocessingml');
    const text = (await mammoth.extractRawText({ buffer: doc.body })).value;
    expect(text).toContain(DECISION);
    expect(text).toContain(SILENT_DECISION);
    expect(text).toContain(ACTION);
    expect(text).toContain('Adele Vance');
    expect(text).toContain(ESCALATION);
  });

  it('posts the approved minutes to the meeting chat', async () => {
    const approved = botMessages(page).filter({ hasText: `Minutes approved: ${MEETING_TITLE}` });
    await approved.nth(1).waitFor({ state: 'visible', timeout: 30_000 });
    expect(await approved.count()).toBe(2);
  });
});

/**
 * Where an Action.OpenUrl button leads: its href, else the URL of the request the page it opens makes
 * (the Playground opens the link in a new window).
 */
async function linkTarget(link: Locator): Promise<string> {
  const href = await link.getAttribute('href');
  if (href) return href;
  const context = link.page().context();
  const [request, popup] = await Promise.all([
    context.waitForEvent('request', { predicate: (r) => r.isNavigationRequest(), timeout: 15_000 }),
    context.waitForEvent('page', { timeout: 15_000 }),
    link.click(),
  ]);
  await popup.close();
  return request.url();
}
