import type { RunningServer } from '../../teams-app/server/main';
import { startTestServer } from '../support/server';
import { startReplyCapture, type ReplyCapture } from '../support/reply-capture';
import { AAD, cardActionActivity, messageActivity, postActivity } from '../support/activities';
import { closeAll } from '../support/lifecycle';

// The demo's next ISC-TF meeting (isc-tf-32) is 12 days after the seed time; "now" is inside its window.
let now = '2026-11-30T08:00:00.000Z';
let server: RunningServer;
let connector: ReplyCapture;

beforeAll(async () => {
  server = await startTestServer({ now: () => now, seedAt: '2026-11-24T08:00:00.000Z' });
  connector = await startReplyCapture();
  // Alex and Lynne have talked to the bot, so it holds their 1:1 conversation references.
  await postActivity(server.url, messageActivity(connector.serviceUrl, 'help'));
  await postActivity(
    server.url,
    messageActivity(connector.serviceUrl, 'help', { aad: AAD.lynne, name: 'Lynne Robbins' }),
  );
});
afterAll(async () => {
  await closeAll(server?.close(), connector?.close());
});

async function api(method: string, path: string, body?: unknown, user = 'megan-bowen') {
  const res = await fetch(`${server.url}/api/v1${path}`, {
    method,
    headers: { 'content-type': 'application/json', 'x-dev-user': user },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as any };
}

async function click(verb: string, data: Record<string, unknown>, aad: string = AAD.alex) {
  const res = await postActivity(server.url, cardActionActivity(connector.serviceUrl, verb, data, { aad }));
  expect(res.status).toBe(200);
  const body = (await res.json()) as any;
  return body.value;
}

const slot = { meetingId: 'isc-tf-32', topicId: 'accessibility', sector: 'BDT' };

describe('status collection', () => {
  it('refuses to open collection for anyone but the secretariat', async () => {
    const res = await api('POST', '/meetings/isc-tf-32/collection/open', undefined, 'alex-wilber');
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('auth.forbidden');
  });

  it('opens collection and queues one prompt per person and topic, once', async () => {
    const first = await api('POST', '/meetings/isc-tf-32/collection/open');
    expect(first.status).toBe(200);
    expect(first.body.state).toBe('open');
    const prompts = await server.store.outbox.all({ where: { meetingId: 'isc-tf-32', kind: 'prompt' } });
    const alexTopics = prompts
      .filter((p) => p.personId === 'alex-wilber')
      .map((p) => p.topicId)
      .sort();
    expect(alexTopics).toEqual([
      'accessibility',
      'climate-change-environmental-sustainability',
      'digital-transformation',
      'emergency-telecommunications',
      'youth',
    ]);
    expect(prompts.filter((p) => p.personId === 'alex-wilber').every((p) => p.status === 'pending')).toBe(true);
    // People who never talked to the bot cannot be reached: recorded, not lost.
    expect(prompts.filter((p) => p.personId === 'adele-vance').every((p) => p.status === 'undeliverable')).toBe(true);

    const again = await api('POST', '/meetings/isc-tf-32/collection/open');
    expect(again.body.queued).toBe(0);
    expect(await server.store.outbox.all({ where: { meetingId: 'isc-tf-32', kind: 'prompt' } })).toHaveLength(
      prompts.length,
    );
  });

  it('puts the previous update and open actions on the prompt card', async () => {
    const row = await server.store.outbox.get('prompt:isc-tf-32:alex-wilber:accessibility:BDT');
    const text = JSON.stringify(row?.activity);
    expect(text).toContain('Regional accessibility workshops held in two regions');
    expect(text).toContain('Share the draft ICT accessibility toolkit');
    expect(text).toContain('"verb":"update.submit"');
    expect(text).toContain('No change since last meeting');
  });

  it('stores a submission and turns the card into a read-only summary with an Edit button', async () => {
    const card = await click('update.submit', {
      ...slot,
      baseRevision: 0,
      progress: 'Toolkit published.',
      nextSteps: 'Regional launch',
      escalate: 'false',
    });
    expect(card.body[0].text).toContain('Update received');
    expect(JSON.stringify(card.actions)).toContain('update.edit');
    const stored = await server.store.statusUpdates.get('isc-tf-32.accessibility.BDT');
    expect(stored).toEqual(
      expect.objectContaining({ progress: 'Toolkit published.', revision: 1, late: false, authorId: 'alex-wilber' }),
    );
  });

  it('treats a double click or a replay of the same submit as one', async () => {
    const data = {
      ...slot,
      baseRevision: 0,
      progress: 'Toolkit published.',
      nextSteps: 'Regional launch',
      escalate: 'false',
    };
    await click('update.submit', data);
    await click('update.submit', data);
    const stored = await server.store.statusUpdates.get('isc-tf-32.accessibility.BDT');
    expect(stored?.revision).toBe(1);
  });

  it('keeps the revision history when the focal point edits', async () => {
    await click('update.submit', {
      ...slot,
      baseRevision: 1,
      progress: 'Toolkit published in six languages.',
      nextSteps: 'Regional launch',
      escalate: 'false',
    });
    const stored = await server.store.statusUpdates.get('isc-tf-32.accessibility.BDT');
    expect(stored?.revision).toBe(2);
    expect(stored?.history.map((h) => h.progress)).toEqual(['Toolkit published.']);
  });

  it('refuses a submit from a stale card without overwriting the newer revision', async () => {
    const card = await click('update.submit', {
      ...slot,
      baseRevision: 1,
      progress: 'Old card text',
      escalate: 'false',
    });
    expect(JSON.stringify(card)).toContain('changed since this card was sent');
    expect(JSON.stringify(card)).toContain('Toolkit published in six languages.');
    expect((await server.store.statusUpdates.get('isc-tf-32.accessibility.BDT'))?.progress).toBe(
      'Toolkit published in six languages.',
    );
  });

  it('says the limit on an oversized field and keeps what was typed, storing nothing', async () => {
    const long = 'x'.repeat(4100);
    const card = await click('update.submit', {
      ...slot,
      topicId: 'youth',
      baseRevision: 0,
      progress: long,
      escalate: 'false',
    });
    const text = JSON.stringify(card);
    expect(text).toContain('at most 4000 characters (you wrote 4100)');
    expect(text).toContain(long);
    expect(await server.store.statusUpdates.get('isc-tf-32.youth.BDT')).toBeNull();
  });

  it('renders markup and script in fields inert on the summary card', async () => {
    const card = await click('update.submit', {
      ...slot,
      topicId: 'youth',
      baseRevision: 0,
      progress: '<script>alert(1)</script> [click](http://evil.example)',
      escalate: 'false',
    });
    const text = JSON.stringify(card);
    expect(text).not.toContain('<script>');
    expect(text).toContain('&lt;script&gt;');
    expect(text).toContain('\\\\[click\\\\]\\\\(http://evil.example\\\\)');
  });

  it('records no change in one click, carrying the previous text', async () => {
    const card = await click('update.noChange', { ...slot, topicId: 'emergency-telecommunications', baseRevision: 0 });
    expect(JSON.stringify(card)).toContain('No change since the last meeting');
    const stored = await server.store.statusUpdates.get('isc-tf-32.emergency-telecommunications.BDT');
    expect(stored).toEqual(
      expect.objectContaining({
        noChange: true,
        progress: 'National emergency telecom plans supported in three countries.',
      }),
    );
  });

  it('refuses a submit from someone who is neither focal point nor alternate, storing nothing', async () => {
    const card = await click('update.submit', {
      ...slot,
      sector: 'TSB',
      baseRevision: 0,
      progress: 'forged',
      escalate: 'false',
    });
    expect(JSON.stringify(card)).toContain('Only the focal point or the alternate');
    expect(await server.store.statusUpdates.get('isc-tf-32.accessibility.TSB')).toBeNull();
  });

  it('answers unknown meeting or topic ids clearly', async () => {
    expect(
      JSON.stringify(await click('update.submit', { ...slot, meetingId: 'no-such-meeting', progress: 'x' })),
    ).toContain('There is no meeting');
    expect(
      JSON.stringify(await click('update.submit', { ...slot, topicId: 'no-such-topic', progress: 'x' })),
    ).toContain('There is no topic');
    expect(JSON.stringify(await click('update.submit', { meetingId: 'isc-tf-32' }))).toContain('not valid');
  });

  it('delegates to the alternate, prompts them and tells the secretariat', async () => {
    const card = await click('update.delegate', { ...slot, topicId: 'digital-transformation', baseRevision: 0 });
    expect(JSON.stringify(card)).toContain('Delegated to Lynne Robbins');
    expect(await server.store.outbox.get('prompt:isc-tf-32:lynne-robbins:digital-transformation:BDT')).not.toBeNull();
    expect((await server.store.outbox.all({ where: { kind: 'notice', personId: 'megan-bowen' } })).length).toBe(1);
    const lynne = await click(
      'update.submit',
      {
        ...slot,
        topicId: 'digital-transformation',
        baseRevision: 0,
        progress: 'From the alternate',
        escalate: 'false',
      },
      AAD.lynne,
    );
    expect(JSON.stringify(lynne)).toContain('تم استلام التحديث'); // Lynne Robbins reads Arabic
    expect(lynne.rtl).toBe(true);
    expect((await server.store.statusUpdates.get('isc-tf-32.digital-transformation.BDT'))?.authorId).toBe(
      'lynne-robbins',
    );
  });

  it('gives an alternate who asks for a card the prompt without the delegate button or an out-of-office note', async () => {
    connector.activities.length = 0;
    await postActivity(
      server.url,
      messageActivity(connector.serviceUrl, 'update climate', { aad: AAD.lynne, name: 'Lynne Robbins' }),
    );
    const card = JSON.stringify((await connector.waitFor(1))[0]!.body.attachments[0].content);
    expect(card).toContain('"verb":"update.submit"');
    expect(card).not.toContain('update.delegate');
    expect(card).not.toContain('تتلقى هذا بصفتك المناوب');
  });

  it('shows the tracker: answered, no change, pending, undeliverable, vacant', async () => {
    const { body } = await api('GET', '/meetings/isc-tf-32/tracker');
    const row = (topicId: string, sector: string) =>
      body.rows.find((r: any) => r.topicId === topicId && r.sector === sector);
    expect(row('accessibility', 'BDT')).toEqual(
      expect.objectContaining({ status: 'answered', answeredByName: 'Alex Wilber' }),
    );
    expect(row('emergency-telecommunications', 'BDT').status).toBe('no-change');
    expect(row('climate-change-environmental-sustainability', 'BDT').status).toBe('pending');
    expect(row('accessibility', 'TSB')).toEqual(
      expect.objectContaining({ status: 'undeliverable', reason: expect.stringContaining('not installed') }),
    );
    expect(row('industry-engagement', 'GS').status).toBe('vacant');
  });

  it('sends the due reminder once, only to those who have not answered, even after downtime', async () => {
    now = '2026-12-05T09:30:00.000Z'; // past both reminders (5 and 2 days before Monday 7 December)
    const collection = await api('GET', '/meetings/isc-tf-32/tracker');
    expect(collection.status).toBe(200);
    const { CollectionService, RegisterService } = await import('../../teams-app/services');
    const { Outbox } = await import('../../teams-app/services/outbox');
    const { collectionMessages } = await import('../../bot/collection-messages');
    const outbox = new Outbox(server.store, { now: () => Date.parse(now) });
    const service = new CollectionService({
      store: server.store,
      register: new RegisterService(server.store),
      outbox,
      messages: collectionMessages,
      now: () => now,
    });
    await service.tick();
    await service.tick();
    const reminders = await server.store.outbox.all({ where: { kind: 'reminder' } });
    expect(reminders.map((r) => r.id).sort()).toEqual(expect.arrayContaining(['reminder:isc-tf-32:alex-wilber:1']));
    expect(reminders.filter((r) => r.personId === 'alex-wilber')).toHaveLength(1);
    expect(JSON.stringify(reminders.find((r) => r.personId === 'alex-wilber')?.activity)).toContain('Climate change');
    expect(JSON.stringify(reminders.find((r) => r.personId === 'alex-wilber')?.activity)).not.toContain(
      'Accessibility',
    );
  });

  it('accepts an update after the window closed and marks it late', async () => {
    now = '2026-12-06T17:00:00.000Z'; // the window closed on 6 December at 17:00 Geneva time
    const card = await click('update.submit', {
      ...slot,
      topicId: 'climate-change-environmental-sustainability',
      baseRevision: 0,
      progress: 'Late news',
      escalate: 'false',
    });
    expect(JSON.stringify(card)).toContain('Late: goes into the agenda addendum');
    expect(
      (await server.store.statusUpdates.get('isc-tf-32.climate-change-environmental-sustainability.BDT'))?.late,
    ).toBe(true);
  });

  it('refuses a submit after the meeting was held', async () => {
    const meeting = (await server.store.meetings.get('isc-tf-32'))!;
    const { etag, ...record } = meeting;
    await server.store.meetings.update({ ...record, state: 'held' }, etag);
    const card = await click('update.submit', {
      ...slot,
      baseRevision: 2,
      progress: 'After the meeting',
      escalate: 'false',
    });
    expect(JSON.stringify(card)).toContain('already been held');
    expect((await server.store.statusUpdates.get('isc-tf-32.accessibility.BDT'))?.progress).toBe(
      'Toolkit published in six languages.',
    );
  });
});
