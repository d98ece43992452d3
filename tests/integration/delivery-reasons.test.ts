import type { RunningServer } from '../../teams-app/server/main';
import { CATALOGUES } from '../../teams-app/i18n';
import { startTestServer } from '../support/server';
import { startReplyCapture, type ReplyCapture } from '../support/reply-capture';
import { AAD, messageActivity, postActivity } from '../support/activities';
import { closeAll } from '../support/lifecycle';

// The demo's next ISC-TF meeting (isc-tf-32) is 12 days after the seed time; "now" is inside its window.
const now = '2026-11-30T08:00:00.000Z';
let server: RunningServer;
let connector: ReplyCapture;

beforeAll(async () => {
  server = await startTestServer({ now: () => now, seedAt: '2026-11-24T08:00:00.000Z' });
  connector = await startReplyCapture();
  // Megan (secretariat) has talked to the bot; Adele never has, so her prompts cannot be delivered.
  await postActivity(
    server.url,
    messageActivity(connector.serviceUrl, 'help', { aad: AAD.megan, name: 'Megan Bowen' }),
  );
});
afterAll(async () => {
  await closeAll(server?.close(), connector?.close());
});

async function api(method: string, path: string, language: string) {
  const res = await fetch(`${server.url}/api/v1${path}`, {
    method,
    headers: { 'x-dev-user': 'megan-bowen', 'accept-language': language },
  });
  return { status: res.status, body: (await res.json()) as any };
}

describe('delivery failure reasons', () => {
  it('stores why a prompt cannot be delivered as a code, and the API says it in the reader’s language', async () => {
    const opened = await api('POST', '/meetings/isc-tf-32/collection/open', 'fr-FR');
    expect(opened.status).toBe(200);
    const adele = opened.body.undeliverablePeople.find((p: any) => p.personId === 'adele-vance');
    expect(adele).toMatchObject({
      reasonCode: 'delivery.not-installed',
      reason: CATALOGUES.fr['delivery.not-installed'],
    });
    const stored = await server.store.outbox.all({ where: { personId: 'adele-vance', status: 'undeliverable' } });
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.every((row) => row.lastError?.startsWith('delivery.not-installed:'))).toBe(true);

    const tracker = await api('GET', '/meetings/isc-tf-32/tracker', 'ru');
    const row = tracker.body.rows.find((r: any) => r.personId === 'adele-vance' && r.status === 'undeliverable');
    expect(row).toMatchObject({
      reasonCode: 'delivery.not-installed',
      reason: CATALOGUES.ru['delivery.not-installed'],
    });
  });

  it('reads a reason stored as English text before reasons were coded as its code, in the reader’s language', async () => {
    const [row] = await server.store.outbox.all({ where: { personId: 'adele-vance', status: 'undeliverable' } });
    if (!row) throw new Error('no undeliverable prompt for Adele');
    await server.store.outbox.update({ ...row, lastError: 'app not installed or blocked by the user (403)' }, row.etag);
    const tracker = await api('GET', '/meetings/isc-tf-32/tracker', 'es');
    const [, , , topicId, sector] = row.id.split(':');
    expect(tracker.body.rows.find((r: any) => r.topicId === topicId && r.sector === sector)).toMatchObject({
      status: 'undeliverable',
      reasonCode: 'delivery.blocked',
      reason: CATALOGUES.es['delivery.blocked'],
    });
  });

  it('names the reason in the bot’s tracker card in the secretary’s language', async () => {
    const megan = await server.store.people.get('megan-bowen');
    if (!megan) throw new Error('demo person megan-bowen missing');
    await server.store.people.update({ ...megan, locale: 'ar' }, megan.etag);
    connector.activities.length = 0;
    await postActivity(
      server.url,
      messageActivity(connector.serviceUrl, 'status', { aad: AAD.megan, name: 'Megan Bowen' }),
    );
    const card = JSON.stringify((await connector.waitFor(1))[0]!.body.attachments[0].content);
    // The reason stored as English text before reasons were coded is read as its code: no English in the card.
    expect(card).toContain('التطبيق غير مثبَّت لدى هذا الشخص في');
    expect(card).not.toMatch(/not installed|blocked by/);
  });
});
