import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mammoth from 'mammoth';
import type { RunningServer } from '../../teams-app/server/main';
import { startTestServer } from '../support/server';
import { startReplyCapture, type ReplyCapture } from '../support/reply-capture';
import { AAD, cardActionActivity, messageActivity, postActivity } from '../support/activities';
import { closeAll } from '../support/lifecycle';

const CHAT = '19:isc-tf-meeting-chat@thread.v2';
let now = '2026-11-30T08:00:00.000Z';
let server: RunningServer;
let connector: ReplyCapture;
let dataDir: string;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'isc-minutes-'));
  server = await startTestServer({ now: () => now, env: { DATA_DIR: dataDir }, seedAt: '2026-11-24T08:00:00.000Z' });
  connector = await startReplyCapture();
  // Patti Fernandez (the chair) reads Spanish by default; these tests read the English cards.
  await postActivity(
    server.url,
    messageActivity(connector.serviceUrl, 'language en', { aad: AAD.patti, name: 'Patti Fernandez' }),
  );
});
afterAll(async () => {
  await closeAll(server?.close(), connector?.close());
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

async function api(method: string, url: string, body?: unknown, user = 'megan-bowen') {
  const res = await fetch(`${server.url}/api/v1${url}`, {
    method,
    headers: { 'content-type': 'application/json', 'x-dev-user': user },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const type = res.headers.get('content-type') ?? '';
  return {
    status: res.status,
    body: type.includes('json') ? ((await res.json()) as any) : Buffer.from(await res.arrayBuffer()),
  };
}

let seq = 0;
async function inChat(text: string, who: { aad: string; name: string } = { aad: AAD.patti, name: 'Patti Fernandez' }) {
  connector.activities.length = 0;
  seq += 1;
  const activity = {
    ...messageActivity(connector.serviceUrl, text, { ...who, conversationId: CHAT, conversationType: 'groupChat' }),
    id: `chat-${seq}`,
    timestamp: new Date(Date.parse('2026-12-06T09:00:00Z') + seq * 60_000).toISOString(),
  };
  const res = await postActivity(server.url, activity);
  expect(res.status).toBeLessThan(300);
  return connector.activities;
}

async function click(verb: string, data: Record<string, unknown>, aad: string = AAD.patti) {
  const res = await postActivity(server.url, cardActionActivity(connector.serviceUrl, verb, data, { aad }));
  return ((await res.json()) as any).value;
}

async function docxText(file: Buffer): Promise<string> {
  return (await mammoth.extractRawText({ buffer: file })).value;
}

describe('agenda: compile, edit, publish', () => {
  beforeAll(async () => {
    await api('POST', '/meetings/isc-tf-32/collection/open');
    await api(
      'POST',
      '/meetings/isc-tf-32/updates',
      {
        topicId: 'accessibility',
        sector: 'BDT',
        progress: 'Toolkit published.',
        nextSteps: 'Launch',
        escalate: true,
        ask: 'Which sector leads the 2027 accessibility event?',
      },
      'alex-wilber',
    );
    await api(
      'POST',
      '/meetings/isc-tf-32/updates',
      {
        topicId: 'youth',
        sector: 'BDT',
        progress: 'Youth summit',
        events: [{ name: 'WSIS Forum 2027', start: '2027-03-10', end: '2027-03-14', place: 'Geneva' }],
      },
      'alex-wilber',
    );
    await api(
      'POST',
      '/meetings/isc-tf-32/updates',
      {
        topicId: 'accessibility',
        sector: 'TSB',
        progress: 'Study group work',
        events: [{ name: 'WSIS Forum 2027', start: '2027-03-10', end: '2027-03-14', place: 'Geneva' }],
      },
      'adele-vance',
    );
  });

  it('refuses to compile the agenda for a focal point', async () => {
    const res = await api('POST', '/meetings/isc-tf-32/agenda/compile', undefined, 'alex-wilber');
    expect(res.status).toBe(403);
  });

  it('asks before compiling while collection is still open, stating how many updates are missing', async () => {
    const res = await api('POST', '/meetings/isc-tf-32/agenda/compile');
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('collection.incomplete');
    expect(res.body.error.details).toMatchObject({ state: 'open', answered: 3 });
    expect(res.body.error.message).toMatch(/^\d+ of \d+ updates are missing/);
    expect((await server.store.meetings.get('isc-tf-32'))?.state).toBe('open');
  });

  it('compiles the draft agenda with escalations first and event overlaps flagged', async () => {
    const res = await api('POST', '/meetings/isc-tf-32/agenda/compile', { confirm: true });
    expect(res.status).toBe(201);
    expect(res.body.status).toBe('draft');
    const kinds = res.body.agenda.items.map((i: any) => i.kind);
    expect(kinds.slice(0, 5)).toEqual(['opening', 'actions', 'escalations', 'topic-updates', 'events']);
    expect(res.body.agenda.summary.escalations).toBe(1);
    expect(res.body.agenda.summary.overlaps).toBe(1);
    expect((await server.store.meetings.get('isc-tf-32'))?.state).toBe('agenda-draft');
  });

  it('lets the chair reorder an item, and refuses an edit made on an older revision', async () => {
    const moved = await api(
      'PATCH',
      '/meetings/isc-tf-32/agenda',
      { expectedRevision: 1, edit: { op: 'move', from: 7, to: 2 } },
      'patti-fernandez',
    );
    expect(moved.status).toBe(200);
    expect(moved.body.agenda.items[1].kind).toBe('aob');
    expect(moved.body.agenda.revision).toBe(2);
    const stale = await api(
      'PATCH',
      '/meetings/isc-tf-32/agenda',
      { expectedRevision: 1, edit: { op: 'move', from: 2, to: 7 } },
      'patti-fernandez',
    );
    expect(stale.status).toBe(409);
  });

  it('shows the draft on a card in the meeting chat and publishes it on approval', async () => {
    await inChat('<at>ISC Coordinator</at> help', { aad: AAD.megan, name: 'Megan Bowen' }); // the bot now knows the chat
    const replies = await inChat('<at>ISC Coordinator</at> agenda');
    const card = replies[0]!.body.attachments[0].content;
    expect(JSON.stringify(card)).toContain('Draft agenda');
    const published = await click('agenda.publish', { meetingId: 'isc-tf-32', revision: 2 });
    expect(JSON.stringify(published)).toContain('Agenda published');
    expect((await server.store.meetings.get('isc-tf-32'))?.state).toBe('agenda-published');
    const post = await server.store.outbox.get('agenda:isc-tf-32:v1');
    expect(post).toEqual(expect.objectContaining({ status: 'pending', kind: 'agenda' }));
    const version = await api('GET', '/meetings/isc-tf-32/agenda?status=published', undefined, 'alex-wilber');
    expect(version.body.file).toBe('isc-tf-32/agenda-v1-r2.docx');
    const doc = await api('GET', `/documents/${version.body.file}`, undefined, 'alex-wilber');
    expect(doc.status).toBe(200);
    const text = await docxText(doc.body as Buffer);
    expect(text).toContain('Which sector leads the 2027 accessibility event?');
    expect(text).toContain('WSIS Forum 2027');
  });

  it('makes a new version on recompiling after publication, never overwriting the published one', async () => {
    const again = await api('POST', '/meetings/isc-tf-32/agenda/compile');
    expect(again.body.version).toBe(2);
    expect((await api('GET', '/meetings/isc-tf-32/agenda?status=published')).body.version).toBe(1);
    expect((await api('GET', '/meetings/isc-tf-32/agenda')).body.version).toBe(2);
    expect((await api('GET', '/meetings/isc-tf-32/agenda?status=nonsense')).status).toBe(400);
    expect((await server.store.documents.get('isc-tf-32.agenda.v1'))?.status).toBe('published');
    const republished = await api('POST', '/meetings/isc-tf-32/agenda/publish', undefined, 'patti-fernandez');
    expect(republished.body.version).toBe(2);
    expect((await server.store.documents.get('isc-tf-32.agenda.v1'))?.status).toBe('superseded');
    expect(fs.existsSync(path.join(dataDir, 'documents/isc-tf-32/agenda-v1-r2.docx'))).toBe(true);
  });
});

describe('meeting chat and minutes', () => {
  beforeAll(async () => {
    // The meeting is under way: minutes can be drafted from its start.
    now = (await server.store.meetings.get('isc-tf-32'))?.start ?? now;
  });

  it('refuses minutes from someone who is not chair or secretariat', async () => {
    const replies = await inChat('<at>ISC Coordinator</at> minutes', { aad: AAD.alex, name: 'Alex Wilber' });
    expect(replies[0]!.body.text).toMatch(/Only the chair/);
  });

  it('records decisions, actions and escalations against the current item and acknowledges mentions', async () => {
    expect((await inChat('<at>ISC Coordinator</at> Item 4'))[0]!.body.text).toBe('Now on item 4.');
    expect(
      (await inChat('<at>ISC Coordinator</at> Decision: BDT leads the 2027 accessibility event.'))[0]!.body.text,
    ).toBe('Decision recorded under item 4.');
    await inChat(
      '<at>ISC Coordinator</at> Action: <at>Adele Vance</at> to share the TSB study group plan by 2026-12-20',
    );
    await inChat('Escalate: Budget for joint WSIS participation', { aad: AAD.megan, name: 'Megan Bowen' }); // no mention: recorded silently (RSC)
    await inChat('We agreed to talk again in January.', { aad: AAD.alex, name: 'Alex Wilber' });
    await inChat(`<at>ISC Coordinator</at> Decision: <script>alert(1)</script>${'x'.repeat(10_000)}`);
    // The pointer moves in the middle of a message: what follows is filed under the new item, and said so.
    const moved = await inChat('<at>ISC Coordinator</at> Thank you. Item 5: Decision: One ITU delegation at COP32.');
    expect(moved[0]!.body.text).toBe('Now on item 5.\n\nDecision recorded under item 5.');
    expect((await inChat('<at>ISC Coordinator</at> Item 4'))[0]!.body.text).toBe('Now on item 4.');
    expect(await server.store.chatMessages.all({ where: { chatId: CHAT } })).toHaveLength(11);
    expect((await api('GET', '/meetings/isc-tf-32/current-item', undefined, 'alex-wilber')).body).toMatchObject({
      item: 4,
      sub: null,
    });
  });

  it('drafts the minutes on "minutes" from the chair', async () => {
    const replies = await inChat('<at>ISC Coordinator</at> minutes');
    const card = JSON.stringify(replies[0]!.body.attachments[0].content);
    expect(card).toContain('Draft minutes');
    expect(card).toContain('BDT leads the 2027 accessibility event.');
    expect(card).toContain('share the TSB study group plan');
    expect(card).toContain('Adele Vance');
    expect(card).not.toContain('<script>');
    expect((await server.store.meetings.get('isc-tf-32'))?.state).toBe('minutes-draft');
  });

  it('moves an entry to another item from the draft card', async () => {
    const draft = await api('GET', '/meetings/isc-tf-32/minutes');
    const item4 = draft.body.minutes.items.find((i: any) => i.number === 4);
    const decision = item4.decisions.find((d: any) => d.text.includes('BDT leads'));
    const card = await click('minutes.move-entry', {
      meetingId: 'isc-tf-32',
      revision: draft.body.minutes.revision,
      entryId: decision.id,
      item: '6',
    });
    expect(JSON.stringify(card)).toContain('Item 6 · Decision:** BDT leads the 2027 accessibility event.');
    const after = await api('GET', '/meetings/isc-tf-32/minutes');
    const item6 = after.body.minutes.items.find((i: any) => i.number === 6);
    expect(item6.decisions.map((d: any) => d.id)).toContain(decision.id);
    const stale = await click('minutes.move-entry', {
      meetingId: 'isc-tf-32',
      revision: draft.body.minutes.revision,
      entryId: decision.id,
      item: '4',
    });
    expect(JSON.stringify(stale)).toMatch(/Someone else/);
    const forged = await click('minutes.move-entry', {
      meetingId: 'isc-tf-32',
      revision: 1,
      entryId: decision.id,
      item: 'x',
    });
    expect(JSON.stringify(forged)).toMatch(/cannot use/);
  });

  it('refuses approval while review notes are open, until each is accepted as it stands', async () => {
    const refused = await click('minutes.approve', { meetingId: 'isc-tf-32' });
    expect(JSON.stringify(refused)).toMatch(/review notes are still open/);
    const draft = await api('GET', '/meetings/isc-tf-32/minutes');
    const notes = draft.body.minutes.review;
    expect(notes.length).toBeGreaterThan(1);
    // One accepted in the tab's way (the API), the others from the card.
    const first = await api(
      'PATCH',
      '/meetings/isc-tf-32/minutes',
      { edit: { op: 'accept-note', recordId: notes[0].recordId } },
      'patti-fernandez',
    );
    expect(first.status).toBe(200);
    const card = await click('minutes.accept-notes', {
      meetingId: 'isc-tf-32',
      revision: first.body.minutes.revision,
      recordIds: notes
        .slice(1)
        .map((n: any) => n.recordId)
        .join(','),
    });
    expect(JSON.stringify(card)).not.toContain('Lines to check before approval');
    const accepted = await api('GET', '/meetings/isc-tf-32/minutes');
    expect(accepted.body.minutes.review.every((n: any) => n.acceptedBy?.personId === 'patti-fernandez')).toBe(true);
  });

  it('refuses approval by a focal point and keeps the draft', async () => {
    const refused = await click('minutes.approve', { meetingId: 'isc-tf-32' }, AAD.alex);
    expect(JSON.stringify(refused)).toContain('Only the chair');
    expect((await server.store.meetings.get('isc-tf-32'))?.state).toBe('minutes-draft');
  });

  it('approves: stores the docx with the decisions and actions, creates tracked actions, posts to the chat', async () => {
    const approved = await click('minutes.approve', { meetingId: 'isc-tf-32' });
    expect(JSON.stringify(approved)).toContain('Minutes approved');
    expect((await server.store.meetings.get('isc-tf-32'))?.state).toBe('minutes-approved');
    const version = await api('GET', '/meetings/isc-tf-32/minutes');
    expect(version.body.file).toMatch(/^isc-tf-32\/minutes-v1-r\d+\.docx$/);
    const doc = await api('GET', `/documents/${version.body.file}`);
    const text = await docxText(doc.body as Buffer);
    expect(text).toContain('BDT leads the 2027 accessibility event.');
    expect(text).toContain('share the TSB study group plan');
    expect(text).toContain('Budget for joint WSIS participation');
    const actions = await server.store.actions.all({ where: { sourceMeetingId: 'isc-tf-32' } });
    expect(actions).toEqual(
      expect.arrayContaining([expect.objectContaining({ ownerId: 'adele-vance', due: '2026-12-20', status: 'open' })]),
    );
    expect(await server.store.outbox.get('minutes:isc-tf-32:v1')).not.toBeNull();
  });

  it('answers a second approval with the approved minutes, creating nothing twice, and refuses edits', async () => {
    const before = await server.store.actions.all({ where: { sourceMeetingId: 'isc-tf-32' } });
    expect(JSON.stringify(await click('minutes.approve', { meetingId: 'isc-tf-32' }))).toContain('Minutes approved');
    expect(await server.store.actions.all({ where: { sourceMeetingId: 'isc-tf-32' } })).toHaveLength(before.length);
    const edit = await api('PATCH', '/meetings/isc-tf-32/minutes', { edit: { op: 'remove', entryId: 'x' } });
    expect(edit.status).toBe(409);
  });

  it('puts the new actions into the owner’s next collection prompt', async () => {
    now = '2027-01-10T08:00:00.000Z';
    await postActivity(
      server.url,
      messageActivity(connector.serviceUrl, 'help', { aad: AAD.adele, name: 'Adele Vance' }),
    );
    const meeting = await api('GET', '/meetings?upcoming=true');
    const next = meeting.body.items.find((m: any) => m.body === 'ISC-TF' && m.id !== 'isc-tf-32');
    await api('POST', `/meetings/${next.id}/collection/open`);
    const prompt = await server.store.outbox.get(`prompt:${next.id}:adele-vance:accessibility:TSB`);
    expect(JSON.stringify(prompt?.activity)).toContain('share the TSB study group plan');
  });

  it('refuses minutes before the meeting has a published agenda', async () => {
    const res = await api('POST', '/meetings/iscg-9/minutes/compile', undefined, 'patti-fernandez');
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('minutes.agenda-not-published');
  });

  it('answers 404 with a clear code when asked for an agenda or minutes that do not exist yet', async () => {
    const agenda = await api('GET', '/meetings/iscg-9/agenda');
    expect(agenda.status).toBe(404);
    expect(agenda.body.error.code).toBe('agenda.not-ready');
    const published = await api('GET', '/meetings/iscg-9/agenda?status=published');
    expect(published.status).toBe(404);
    const minutes = await api('GET', '/meetings/iscg-9/minutes');
    expect(minutes.status).toBe(404);
    expect(minutes.body.error.code).toBe('minutes.not-ready');
  });

  it('refuses a body to compile that is not JSON rather than reading it as empty', async () => {
    const res = await fetch(`${server.url}/api/v1/meetings/iscg-9/agenda/compile`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', 'x-dev-user': 'megan-bowen' },
      body: '{"confirm":true}',
    });
    expect(res.status).toBe(415);
    expect(((await res.json()) as any).error.code).toBe('request.not-json');
    expect((await api('GET', '/meetings/iscg-9/agenda')).status).toBe(404);
  });
});
