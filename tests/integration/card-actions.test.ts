import type { RunningServer } from '../../teams-app/server/main';
import { AAD, cardActionActivity, messageActivity, postActivity } from '../support/activities';
import { startReplyCapture, type ReplyCapture } from '../support/reply-capture';
import { startTestServer } from '../support/server';
import { closeAll } from '../support/lifecycle';

// The demo's next ISC-TF meeting (isc-tf-32) is 12 days after the seed time; "now" is inside its window.
let server: RunningServer;
let connector: ReplyCapture;

beforeAll(async () => {
  server = await startTestServer({ now: () => '2026-11-30T08:00:00.000Z', seedAt: '2026-11-24T08:00:00.000Z' });
  connector = await startReplyCapture();
});
afterAll(async () => {
  await closeAll(server?.close(), connector?.close());
});
beforeEach(() => {
  connector.activities.length = 0;
});

const slot = { meetingId: 'isc-tf-32', topicId: 'accessibility', sector: 'BDT' };
const INVALID = 'This card button sent data that is not valid. Please ask for a fresh card.';

/** Posts an `adaptiveCard/action` invoke with a raw value; returns the HTTP status and the invoke response. */
async function invoke(value: unknown) {
  const activity = { ...cardActionActivity(connector.serviceUrl, 'unused', {}, { aad: AAD.alex }), value };
  const res = await postActivity(server.url, activity);
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}

/** The text blocks of an Adaptive Card. */
const texts = (card: Record<string, any> | undefined): string[] =>
  (card?.body ?? []).filter((e: any) => e.type === 'TextBlock').map((e: any) => String(e.text));

async function storedUpdates() {
  return server.store.statusUpdates.all({ where: { meetingId: slot.meetingId, topicId: slot.topicId } });
}

describe('card actions are validated before use', () => {
  it.each([
    ['a string value', 'update.submit'],
    ['no action', { trigger: 'manual' }],
    ['an action without a verb', { action: { type: 'Action.Execute', data: slot } }],
    ['a verb that is not text', { action: { verb: 42, data: slot } }],
    ['data that is a string', { action: { verb: 'update.submit', data: 'isc-tf-32' } }],
    ['data that is a list', { action: { verb: 'update.submit', data: [slot] } }],
    ['a verb nobody handles', { action: { verb: 'update.explode', data: slot } }],
  ])('answers an invoke with %s with a notice card', async (_name, value) => {
    const { status, body } = await invoke(value);
    expect(status).toBe(200);
    expect(body.statusCode).toBe(200);
    expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(texts(body.value)).toEqual([INVALID]);
  });

  it.each([
    ['"1.5"', '1.5'],
    ['"abc"', 'abc'],
    ['1.5', 1.5],
    ['null', null],
    ['"1e0"', '1e0'],
    ['true', true],
    ['-1', -1],
    ['" 1"', ' 1'],
  ])('refuses a revision of %s with a notice card and stores nothing', async (_name, baseRevision) => {
    const before = await storedUpdates();
    for (const verb of ['update.submit', 'update.noChange']) {
      const { status, body } = await invoke({ action: { verb, data: { ...slot, baseRevision, progress: 'Done.' } } });
      expect(status).toBe(200);
      expect(texts(body.value)).toEqual([INVALID]);
    }
    expect(await storedUpdates()).toEqual(before);
  });

  it('refuses wrongly typed inputs with a notice card', async () => {
    for (const data of [
      { ...slot, escalate: 5 },
      { ...slot, escalate: 'maybe' },
      { ...slot, sector: 'ITU' },
      { ...slot, meetingId: { id: 'isc-tf-32' } },
      { ...slot, progress: ['a', 'b'] },
    ]) {
      const { status, body } = await invoke({ action: { verb: 'update.submit', data } });
      expect(status).toBe(200);
      expect(texts(body.value)).toEqual([INVALID]);
    }
  });

  it('answers a malformed Action.Submit (older clients) with a notice card in place of the clicked one', async () => {
    for (const value of [
      { verb: 'update.submit', ...slot, baseRevision: 'abc' },
      { verb: 'update.explode', ...slot },
    ]) {
      connector.activities.length = 0;
      const res = await postActivity(
        server.url,
        messageActivity(connector.serviceUrl, '', { value, replyToId: 'card-1', aad: AAD.alex }),
      );
      expect(res.status).toBe(200);
      const [reply] = await connector.waitFor(1);
      expect(reply?.method).toBe('PUT');
      expect(texts(reply?.body.attachments?.[0]?.content)).toEqual([INVALID]);
    }
  });

  it('still accepts a revision given as its decimal digits', async () => {
    const { status, body } = await invoke({
      action: { verb: 'update.submit', data: { ...slot, baseRevision: '0', progress: 'Guidelines drafted.' } },
    });
    expect(status).toBe(200);
    expect(texts(body.value)[0]).toMatch(/Update received/);
    expect((await storedUpdates()).map((u) => u.progress)).toEqual(['Guidelines drafted.']);
  });
});
