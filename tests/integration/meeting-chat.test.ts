/**
 * Meeting chats are linked by the meeting, not by whoever speaks first: a chat links by itself only when it is
 * the meeting's own Teams chat (its stored identity), otherwise only on a chair's or secretariat member's
 * `meeting <n>`; activities from tenants that are not allowed are ignored; strangers stay strangers.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RunningServer } from '../../teams-app/server/main';
import { startTestServer } from '../support/server';
import { startReplyCapture, type ReplyCapture } from '../support/reply-capture';
import { AAD, messageActivity, postActivity } from '../support/activities';
import { DEMO_MEETING_CHAT } from '../../teams-app/store/demo/seed';
import { closeAll } from '../support/lifecycle';

/** The chat of ISC-TF 33 in Teams: its join URL (demo data) names this thread. */
const TF33_CHAT = '19:meeting_demo-isc-tf-33@thread.v2';
const STRANGER_CHAT = '19:meeting_somebody-elses-meeting@thread.v2';
const FOREIGN_TENANT_CHAT = '19:meeting_other-organisation@thread.v2';
const OTHER_CHAT = '19:another-chat@thread.v2';
const SECRETARIAT_CHAT = '19:iscg-prep-chat@thread.v2';
const STRANGER = { aad: 'ffffffff-0000-0000-0000-00000000abcd', name: 'Patti Fernandez' };
const MEGAN = { aad: AAD.megan, name: 'Megan Bowen' };
const ALEX = { aad: AAD.alex, name: 'Alex Wilber' };

let now = '2026-11-24T08:00:00.000Z';
let server: RunningServer;
let connector: ReplyCapture;
let dataDir: string;
let seq = 0;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'isc-meeting-chat-'));
  server = await startTestServer({ now: () => now, env: { DATA_DIR: dataDir }, seedAt: '2026-11-24T08:00:00.000Z' });
  connector = await startReplyCapture();
});
afterAll(async () => {
  await closeAll(server?.close(), connector?.close());
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

/** A message in a group chat that Teams marks as a meeting chat (`channelData.meeting`) unless told otherwise. */
async function inChat(
  chat: string,
  text: string,
  who: { aad: string; name: string },
  options: { teamsMeetingId?: string | null; tenantId?: string } = {},
) {
  connector.activities.length = 0;
  seq += 1;
  const teamsMeetingId = options.teamsMeetingId === undefined ? `teams-meeting-of-${chat}` : options.teamsMeetingId;
  const activity = {
    ...messageActivity(connector.serviceUrl, text, {
      ...who,
      conversationId: chat,
      conversationType: 'groupChat',
      tenantId: options.tenantId,
      channelData: teamsMeetingId ? { meeting: { id: teamsMeetingId } } : {},
    }),
    id: `meeting-chat-${seq}`,
    timestamp: new Date(Date.parse(now) + seq * 1000).toISOString(),
  };
  const res = await postActivity(server.url, activity);
  expect(res.status).toBeLessThan(300);
  return connector.activities.map((a) => String(a.body.text ?? ''));
}

async function api(method: string, url: string, user: string, body?: unknown) {
  const res = await fetch(`${server.url}/api/v1${url}`, {
    method,
    headers: { 'content-type': 'application/json', 'x-dev-user': user },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json()) as any;
  if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

/** Opens collection and compiles a draft agenda, so the meeting is in use (the old code linked any chat to it). */
async function draftAgenda(meetingId: string) {
  await api('POST', `/meetings/${meetingId}/collection/open`, 'megan-bowen');
  await api('POST', `/meetings/${meetingId}/agenda/compile`, 'megan-bowen', { confirm: true });
}

async function meeting(id: string) {
  const found = await server.store.meetings.get(id);
  if (!found) throw new Error(`no meeting ${id}`);
  return found;
}

async function linkedTo(chat: string) {
  return (await server.store.meetings.all()).filter((m) => m.chatId === chat).map((m) => m.id);
}

describe('meeting chats linked by the meeting itself', () => {
  beforeAll(async () => {
    await draftAgenda('isc-tf-33');
  });

  it('ignores a chat from a tenant that is not allowed and stores nothing of it', async () => {
    const replies = await inChat(FOREIGN_TENANT_CHAT, '<at>ISC Coordinator</at> Decision: we take over.', MEGAN, {
      tenantId: 'a-tenant-that-is-not-allowed',
    });
    await inChat(FOREIGN_TENANT_CHAT, '<at>ISC Coordinator</at> meeting isc-tf-33', MEGAN, {
      tenantId: 'a-tenant-that-is-not-allowed',
    });
    expect(replies).toEqual([]);
    expect(connector.activities).toEqual([]);
    expect(await server.store.conversations.all({ where: { conversationId: FOREIGN_TENANT_CHAT } })).toEqual([]);
    expect(await server.store.chatMessages.all({ where: { chatId: FOREIGN_TENANT_CHAT } })).toEqual([]);
    expect(await linkedTo(FOREIGN_TENANT_CHAT)).toEqual([]);
  });

  it("does not link a stranger's meeting chat, record its lines or post the agenda there", async () => {
    await inChat(STRANGER_CHAT, 'Decision: the stranger decides.', STRANGER);
    const replies = await inChat(STRANGER_CHAT, '<at>ISC Coordinator</at> Action: Alex Wilber to pay by 2026-12-20', {
      aad: 'ffffffff-0000-0000-0000-00000000beef',
      name: 'Mallory',
    });
    expect(replies).toEqual([expect.stringContaining('not linked to a meeting')]);
    expect(await linkedTo(STRANGER_CHAT)).toEqual([]);
    expect(await server.store.chatMessages.all({ where: { chatId: STRANGER_CHAT } })).toEqual([]);
    expect((await server.store.chatMessages.all()).filter((r) => /stranger decides|to pay/.test(r.text))).toEqual([]);

    await api('POST', '/meetings/isc-tf-33/agenda/publish', 'patti-fernandez');
    const strangerRefs = (await server.store.conversations.all({ where: { conversationId: STRANGER_CHAT } })).map(
      (r) => r.id,
    );
    const posted = (await server.store.outbox.all()).filter((m) => strangerRefs.includes(m.conversationRefId));
    expect(posted).toEqual([]);
    expect((await meeting('isc-tf-33')).chatId).toBeNull();
  });

  it('refuses `meeting <n>` from someone who is neither chair nor secretariat', async () => {
    const replies = await inChat(OTHER_CHAT, '<at>ISC Coordinator</at> meeting isc-tf-33', ALEX);
    expect(replies).toEqual([expect.stringMatching(/Only the chair/)]);
    expect(await linkedTo(OTHER_CHAT)).toEqual([]);
    expect((await meeting('isc-tf-33')).chatId).toBeNull();
  });

  it('links the real meeting chat by itself when its thread matches the identity stored on the meeting', async () => {
    const replies = await inChat(TF33_CHAT, 'Decision: we meet in Geneva.', ALEX, {
      teamsMeetingId: 'MCMxOTptZWV0aW5n',
    });
    expect(replies).toEqual([]);
    const linked = await meeting('isc-tf-33');
    expect(linked.chatId).toBe(TF33_CHAT);
    expect(linked.teamsMeeting).toEqual({ chatThreadId: TF33_CHAT, meetingId: 'MCMxOTptZWV0aW5n' });
    const records = await server.store.chatMessages.all({ where: { chatId: TF33_CHAT } });
    expect(records).toEqual([
      expect.objectContaining({ meetingId: 'isc-tf-33', text: 'Decision: we meet in Geneva.' }),
    ]);
  });

  it('does not let a second chat take over a linked meeting, even on a secretariat member’s word', async () => {
    const replies = await inChat(OTHER_CHAT, '<at>ISC Coordinator</at> meeting isc-tf-33', MEGAN);
    expect(replies).toEqual([expect.stringContaining('already linked to another chat')]);
    expect(replies[0]).toContain('meeting isc-tf-33 relink');
    expect((await meeting('isc-tf-33')).chatId).toBe(TF33_CHAT);
    await inChat(OTHER_CHAT, 'Decision: this chat decides.', MEGAN);
    expect(await server.store.chatMessages.all({ where: { chatId: OTHER_CHAT } })).toEqual([]);
  });

  it('moves a linked meeting to another chat on an explicit `relink`, and audits it', async () => {
    const replies = await inChat(OTHER_CHAT, '<at>ISC Coordinator</at> meeting isc-tf-33 relink', MEGAN);
    expect(replies).toEqual([expect.stringContaining('now linked to this chat instead of its previous chat')]);
    const moved = await meeting('isc-tf-33');
    expect(moved.chatId).toBe(OTHER_CHAT);
    expect(moved.teamsMeeting?.chatThreadId).toBe(OTHER_CHAT);
    const audit = (await server.store.audit.all()).filter((a) => a.action === 'meeting.chat-relinked');
    expect(audit).toEqual([
      expect.objectContaining({
        actorId: 'megan-bowen',
        entityId: 'isc-tf-33',
        detail: expect.stringContaining(TF33_CHAT),
      }),
    ]);
    // The old chat no longer matches the meeting's identity: it is not recorded any more.
    await inChat(TF33_CHAT, 'Decision: too late.', ALEX, { teamsMeetingId: 'MCMxOTptZWV0aW5n' });
    expect((await server.store.chatMessages.all({ where: { chatId: TF33_CHAT } })).map((r) => r.text)).not.toContain(
      'Decision: too late.',
    );
  });

  it('links a chat on a secretariat member’s `meeting <n>` and stores it as the meeting’s identity', async () => {
    const replies = await inChat(SECRETARIAT_CHAT, '<at>ISC Coordinator</at> meeting iscg-9', MEGAN, {
      teamsMeetingId: null,
    });
    expect(replies).toEqual([expect.stringContaining('This chat is now linked to')]);
    const linked = await meeting('iscg-9');
    expect(linked.chatId).toBe(SECRETARIAT_CHAT);
    expect(linked.teamsMeeting).toEqual({ chatThreadId: SECRETARIAT_CHAT, meetingId: null });
    await inChat(SECRETARIAT_CHAT, 'Decision: ISCG agrees.', MEGAN, { teamsMeetingId: null });
    expect(await server.store.chatMessages.all({ where: { chatId: SECRETARIAT_CHAT } })).toEqual([
      expect.objectContaining({ meetingId: 'iscg-9', text: 'Decision: ISCG agrees.' }),
    ]);
  });
});

describe('strangers in a linked meeting chat', () => {
  it('records a stranger who bears a register person’s name under that name only, never as the person', async () => {
    // ISC-TF 32's chat is the demo (Agents Playground) chat, linked by the demo data.
    await draftAgenda('isc-tf-32');
    await api('POST', '/meetings/isc-tf-32/agenda/publish', 'patti-fernandez');
    now = new Date(Date.parse((await meeting('isc-tf-32')).start) + 30 * 60_000).toISOString();
    await inChat(DEMO_MEETING_CHAT, 'Escalate: the stranger wants a budget.', STRANGER, { teamsMeetingId: null });
    const [record] = (await server.store.chatMessages.all({ where: { chatId: DEMO_MEETING_CHAT } })).filter((r) =>
      r.text.includes('stranger wants'),
    );
    expect(record).toMatchObject({ fromName: 'Patti Fernandez', fromAadObjectId: STRANGER.aad });

    const minutes = (await api('POST', '/meetings/isc-tf-32/minutes/compile', 'megan-bowen', { confirm: true }))
      .minutes;
    const named = minutes.attendance.filter((a: any) => a.name === 'Patti Fernandez');
    expect(named.length).toBeGreaterThan(0);
    for (const attendee of named) {
      if (attendee.personId !== null) expect(attendee.present ?? false).toBe(false);
    }
    expect(named).toContainEqual(expect.objectContaining({ personId: null, chair: false }));
    const escalations = minutes.items.flatMap((i: any) => i.escalations);
    expect(escalations).toEqual([
      expect.objectContaining({
        text: 'the stranger wants a budget.',
        by: expect.objectContaining({ name: 'Patti Fernandez', aadObjectId: STRANGER.aad }),
        sector: null,
      }),
    ]);
  });
});
