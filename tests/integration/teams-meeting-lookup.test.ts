/**
 * GET /api/v1/meetings?teamsMeeting=<id>: the register's meeting linked to the Teams meeting a side panel or stage is
 * opened in, found by the Teams meeting id teams-js gives (base64 of `0#<thread>#0`) or by the meeting chat's thread.
 */
import type { RunningServer } from '../../teams-app/server/main';
import { startTestServer } from '../support/server';

let server: RunningServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

async function lookUp(teamsId: string) {
  const res = await fetch(`${server.url}/api/v1/meetings?teamsMeeting=${encodeURIComponent(teamsId)}`);
  return { status: res.status, body: (await res.json()) as { items?: { id: string }[]; error?: { code: string } } };
}

/** The id teams-js gives as `context.meeting.id` for the meeting whose chat is `thread`. */
const teamsMeetingId = (thread: string) => Buffer.from(`0#${thread}#0`).toString('base64');

async function threadOf(meetingId: string): Promise<string> {
  const meeting = await server.store.meetings.get(meetingId);
  const thread = meeting?.teamsMeeting?.chatThreadId;
  if (!thread) throw new Error(`the demo meeting ${meetingId} has no Teams meeting`);
  return thread;
}

describe('finding the meeting of a Teams meeting', () => {
  it('finds the meeting by the Teams meeting id teams-js gives', async () => {
    const { status, body } = await lookUp(teamsMeetingId(await threadOf('iscg-9')));
    expect(status).toBe(200);
    expect(body.items?.map((m) => m.id)).toEqual(['iscg-9']);
  });

  it("finds the meeting by its meeting chat's thread id", async () => {
    const { body } = await lookUp(await threadOf('isc-tf-33'));
    expect(body.items?.map((m) => m.id)).toEqual(['isc-tf-33']);
  });

  it('finds a past meeting too', async () => {
    const { body } = await lookUp(teamsMeetingId(await threadOf('isc-tf-31')));
    expect(body.items?.map((m) => m.id)).toEqual(['isc-tf-31']);
  });

  it('finds no meeting for a Teams meeting no meeting of the register is linked to', async () => {
    expect((await lookUp(teamsMeetingId('19:meeting_not-linked@thread.v2'))).body.items).toEqual([]);
    expect((await lookUp('19:meeting_not-linked@thread.v2')).body.items).toEqual([]);
    expect((await lookUp('not a Teams id')).body.items).toEqual([]);
  });

  it('refuses an id longer than any Teams id with 400', async () => {
    const { status, body } = await lookUp('x'.repeat(401));
    expect(status).toBe(400);
    expect(body.error?.code).toBeDefined();
  });
});
