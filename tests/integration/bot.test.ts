import type { RunningServer } from '../../teams-app/server/main';
import { startTestServer } from '../support/server';
import { startReplyCapture, type ReplyCapture } from '../support/reply-capture';
import { AAD, messageActivity, postActivity } from '../support/activities';
import { closeAll } from '../support/lifecycle';

let server: RunningServer;
let connector: ReplyCapture;

beforeAll(async () => {
  server = await startTestServer({ now: () => '2026-11-24T08:00:00.000Z' });
  connector = await startReplyCapture();
});
afterAll(async () => {
  await closeAll(server?.close(), connector?.close());
});
beforeEach(() => {
  connector.activities.length = 0;
});

async function say(text: string, options: Parameters<typeof messageActivity>[2] = {}) {
  connector.activities.length = 0;
  const res = await postActivity(server.url, messageActivity(connector.serviceUrl, text, options));
  expect(res.status).toBeLessThan(300);
  return (await connector.waitFor(1))[0]!.body;
}

const cardOf = (reply: Record<string, any>) => reply.attachments?.[0]?.content;

describe('bot commands through the Bot Framework adapter', () => {
  it('answers help with an Adaptive Card 1.5 listing the commands', async () => {
    const card = cardOf(await say('help'));
    expect(card.type).toBe('AdaptiveCard');
    expect(card.version).toBe('1.5');
    expect(JSON.stringify(card)).toContain('my topics');
  });

  it("answers my topics with Alex Wilber's topics, the next meeting and its deadline", async () => {
    const text = JSON.stringify(cardOf(await say('my topics')));
    expect(text).toContain('Accessibility');
    expect(text).toContain('Youth');
    expect(text).toContain('32nd meeting of the Inter-Sectoral Coordination Task Force');
    expect(text).toContain('Updates due by');
  });

  it('understands a command with an @mention in a group chat', async () => {
    const card = cardOf(
      await say('<at>ISC Coordinator</at> help', {
        conversationType: 'groupChat',
        conversationId: '19:chat@thread.v2',
      }),
    );
    expect(card.type).toBe('AdaptiveCard');
  });

  it('answers unknown text with a friendly hint, with markup shown inert', async () => {
    const reply = await say('<script>alert(1)</script> **bold**');
    expect(reply.text).toMatch(/Type \*\*help\*\*/);
    expect(reply.text).not.toContain('<script>');
    expect(reply.text).toContain('\\*\\*bold\\*\\*');
  });

  it('answers in the language of the person and switches language on request', async () => {
    const fr = await say('language fr');
    expect(fr.text).toBe('Je vous parlerai désormais en français.');
    const card = cardOf(await say('my topics'));
    expect(JSON.stringify(card)).toContain('Vos thèmes');
    await say('language ar');
    const arabic = cardOf(await say('help'));
    expect(arabic.rtl).toBe(true);
    await say('language en');
  });

  it('tells a person who is not in the register how to get added', async () => {
    const reply = await say('my topics', { aad: 'ffffffff-ffff-ffff-ffff-ffffffffffff', name: 'Visitor' });
    expect(reply.text).toMatch(/not in the ISC Coordinator register/);
  });

  it('stores the conversation reference of everyone who talks to it', async () => {
    await say('help', { aad: AAD.lynne, name: 'Lynne Robbins' });
    const refs = await server.store.conversations.all({ where: { aadObjectId: AAD.lynne } });
    expect(refs).toHaveLength(1);
    expect(refs[0]).toEqual(
      expect.objectContaining({
        personId: 'lynne-robbins',
        conversationType: 'personal',
        serviceUrl: connector.serviceUrl,
      }),
    );
  });

  it('refuses an activity that is not a valid Bot Framework activity without crashing', async () => {
    const res = await postActivity(server.url, { type: 'message', text: 'help' });
    expect(res.status).toBeGreaterThanOrEqual(400);
    const after = await say('help');
    expect(cardOf(after).type).toBe('AdaptiveCard');
  });
});
