/**
 * The bot end to end in a Teams client emulator: the real server (in-memory SQLite, demo data) behind the
 * Microsoft 365 Agents Playground, driven in Chromium the way a person uses it.
 */
import type { Browser, Page } from 'playwright-core';
import type { ConversationRef } from '../../teams-app/domain';
import type { RunningServer } from '../../teams-app/server/main';
import { launchBrowser } from '../support/browser';
import { allStarted, closeAll } from '../support/lifecycle';
import {
  ask,
  cardIn,
  connectorUrl,
  expectVisible,
  meetingChatMessage,
  openChat,
  openPlayground,
  PLAYGROUND_GROUP_CHAT,
  playgroundUser,
  sendCustomActivity,
  startPlayground,
  waitForBotMessage,
  type RunningPlayground,
} from '../support/playground';
import { startTestServer } from '../support/server';

jest.setTimeout(60_000);

const ALEX = playgroundUser('alex-wilber');
const PATTI = playgroundUser('patti-fernandez');

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  await allStarted(
    startTestServer().then((started) => (server = started)),
    launchBrowser().then((launched) => (browser = launched)),
  );
}, 60_000);

afterAll(async () => {
  await closeAll(browser?.close(), server?.close());
});

/** The stored conversation reference matching `match`, waiting briefly for the bot's turn to store it. */
async function conversationReference(match: (ref: ConversationRef) => boolean): Promise<ConversationRef | undefined> {
  const until = Date.now() + 10_000;
  for (;;) {
    const found = (await server.store.conversations.all()).find(match);
    if (found || Date.now() > until) return found;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('the bot in the Agents Playground, as Alex Wilber (BDT focal point)', () => {
  let playground: RunningPlayground;
  let page: Page;

  beforeAll(async () => {
    playground = await startPlayground({ botEndpoint: `${server.url}/api/messages` });
    page = await browser.newPage();
    await openPlayground(page, playground, 'Personal Chat');
  }, 150_000);

  afterAll(async () => {
    await closeAll(page?.close(), playground?.close());
  });

  it('answers "help" with a card listing its commands and a link to the topic register', async () => {
    const card = cardIn(await ask(page, 'help', { hasText: 'What you can ask me' }));

    await expectVisible(card.getByRole('heading', { name: 'ISC Coordinator' }));
    for (const command of ['help', 'my topics', 'language [code]', 'update [topic]', 'minutes']) {
      await expectVisible(card.getByText(command, { exact: true }));
    }
    await expectVisible(card.getByText('the topics you answer for, with the next meeting and its deadline'));
    // Action.OpenUrl renders as a button with the link role.
    await expectVisible(card.getByRole('link', { name: 'Open the topic register' }));
  });

  it('lists Alex Wilber\'s topics with the next meeting and the deadline for updates on "my topics"', async () => {
    const now = new Date().toISOString();
    const [next] = (await server.store.meetings.all())
      .filter((m) => m.start > now)
      .sort((a, b) => a.start.localeCompare(b.start));

    const card = cardIn(await ask(page, 'my topics', { hasText: 'Your topics' }));

    await expectVisible(card.getByRole('heading', { name: 'Your topics' }));
    for (const topic of ['Accessibility', 'Climate change and environmental sustainability', 'Youth']) {
      await expectVisible(card.getByText(topic, { exact: true }));
    }
    await expectVisible(card.getByText(`Next meeting: ${next?.title}`));
    await expectVisible(card.getByText('Updates due by'));
    expect(await card.getByText('Space', { exact: true }).count()).toBe(0);
  });

  it('answers text it does not understand with a hint to type help', async () => {
    const reply = await ask(page, 'what is the weather in Geneva', { hasText: 'did not understand' });

    expect(await reply.innerText()).toContain(
      'Sorry, I did not understand "what is the weather in Geneva". Type help to see what I can do.',
    );
    expect(await cardIn(reply).count()).toBe(0);
  });

  it("keeps a reference to Alex Wilber's personal chat for proactive messages", async () => {
    const ref = await conversationReference((r) => r.aadObjectId === ALEX.aadObjectId);

    expect(ref).toMatchObject({
      aadObjectId: ALEX.aadObjectId,
      personId: 'alex-wilber',
      conversationType: 'personal',
      serviceUrl: connectorUrl(playground),
    });
  });

  it('answers an @mention in the group chat in that chat', async () => {
    await openChat(page, PLAYGROUND_GROUP_CHAT.name);

    const reply = await ask(page, 'help', { mentionBot: true, hasText: 'What you can ask me' });

    await expectVisible(cardIn(reply).getByRole('link', { name: 'Open the topic register' }));
  });

  it('receives a meeting-chat message injected as a custom activity and answers in that chat', async () => {
    await openChat(page, PLAYGROUND_GROUP_CHAT.name);

    await sendCustomActivity(
      playground,
      meetingChatMessage({
        meetingId: 'MCMxOTptZWV0aW5nX2lzYy10Zi0zMkB0aHJlYWQudjI=',
        text: 'my topics',
        mentionBot: true,
        serviceUrl: connectorUrl(playground),
      }),
    );

    const reply = await waitForBotMessage(page, 'Your topics');
    await expectVisible(cardIn(reply).getByText('Accessibility', { exact: true }));
    const ref = await conversationReference((r) => r.conversationType === 'groupChat');
    expect(ref).toMatchObject({ conversationId: PLAYGROUND_GROUP_CHAT.id, aadObjectId: ALEX.aadObjectId });
  });
});

describe('the bot in the Agents Playground, as Patti Fernandez (the chair)', () => {
  let playground: RunningPlayground;
  let page: Page;

  beforeAll(async () => {
    playground = await startPlayground({ botEndpoint: `${server.url}/api/messages`, currentUser: 'patti-fernandez' });
    page = await browser.newPage();
    await openPlayground(page, playground, 'Personal Chat');
  }, 150_000);

  afterAll(async () => {
    await closeAll(page?.close(), playground?.close());
  });

  it('talks to Patti Fernandez in Spanish, her language, and remembers her personal chat', async () => {
    await expectVisible(page.getByRole('img', { name: PATTI.name }).first());

    const card = cardIn(await ask(page, 'help', { hasText: 'Lo que puede pedirme' }));

    await expectVisible(card.getByRole('link', { name: 'Abrir el registro de temas' }));
    const ref = await conversationReference(
      (r) => r.aadObjectId === PATTI.aadObjectId && r.conversationType === 'personal',
    );
    expect(ref).toMatchObject({ personId: 'patti-fernandez', conversationId: 'personal-chat-patti-fernandez' });
  });
});
