/**
 * The side panel and the stage inside a Teams meeting show that meeting's own register meeting, recognised by the
 * Teams meeting id (teams-js `context.meeting.id`) or the meeting chat's thread (`context.chat.id`), never another
 * one; a Teams meeting no register meeting is linked to gets a message that says how to link it.
 */
import type { FrameLocator, Page } from 'playwright-core';
import { expectVisible, fakeTeamsHost, openTeamsHost, setUpTabTests } from '../support/tab-page';

jest.setTimeout(90_000);

const bed = setUpTabTests();

/** `context.meeting.id` as Teams gives it for the meeting whose chat is `thread`: base64 of `0#<thread>#0`. */
const teamsMeetingId = (thread: string) => Buffer.from(`0#${thread}#0`).toString('base64');

async function threadOf(meetingId: string): Promise<string> {
  const thread = (await bed.server.store.meetings.get(meetingId))?.teamsMeeting?.chatThreadId;
  if (!thread) throw new Error(`the demo meeting ${meetingId} has no Teams meeting`);
  return thread;
}

/** Opens the tab in a stand-in Teams client, in `frameContext`, with the meeting and chat ids Teams would give. */
async function openInMeeting(
  frameContext: 'sidePanel' | 'meetingStage',
  ids: { meetingId?: string; chatId?: string },
): Promise<{ page: Page; tab: FrameLocator }> {
  const page = await bed.newPage({ viewport: { width: frameContext === 'sidePanel' ? 320 : 1280, height: 800 } });
  // The stand-in Teams client signs in with a token the local server does not read: act as the chair instead.
  await page.route(/\/api\/v1\//, (route) => {
    const { authorization: _token, ...headers } = route.request().headers();
    return route.continue({ headers: { ...headers, 'x-dev-user': 'patti-fernandez' } });
  });
  const host = fakeTeamsHost({
    src: `${bed.server.url}/`,
    title: 'ISC Coordinator',
    context: {
      locale: 'en-gb',
      theme: 'default',
      frameContext,
      hostClientType: 'web',
      userObjectId: '00000000-0000-0000-0000-0000000000021',
      tid: 'tenant',
      ...ids,
    },
    answers: { initialize: [frameContext, 'web', '', '2.0.0'], 'authentication.getAuthToken': [true, 'token'] },
  });
  return { page, tab: await openTeamsHost(page, bed.server.url, host) };
}

describe('the side panel and the stage in a Teams meeting', () => {
  it('shows the meeting the Teams meeting is linked to, not the next one', async () => {
    const { tab } = await openInMeeting('sidePanel', { meetingId: teamsMeetingId(await threadOf('iscg-9')) });
    const details = tab.getByRole('region', { name: 'Meeting details' });
    await expectVisible(details.getByText('ISCG 9', { exact: true }));
    expect(await tab.getByText('ISC-TF 32', { exact: true }).count()).toBe(0);
  });

  it("recognises the meeting by its chat's thread when Teams gives no meeting id", async () => {
    const { tab } = await openInMeeting('meetingStage', { chatId: await threadOf('isc-tf-33') });
    await expectVisible(tab.getByRole('heading', { level: 1, name: 'Agenda · ISC-TF 33' }));
  });

  it('says how to link a Teams meeting no meeting of the register is linked to, and shows no other meeting', async () => {
    const unknown = teamsMeetingId('19:meeting_not-linked-to-the-register@thread.v2');
    const { tab } = await openInMeeting('sidePanel', { meetingId: unknown });
    await expectVisible(tab.getByText(/This Teams meeting is not linked to an ISC meeting.*meeting <number>/));
    expect(await tab.getByRole('region', { name: 'Meeting details' }).count()).toBe(0);
    expect(await tab.getByText(/ISC-TF 32|ISCG 9/).count()).toBe(0);

    const stage = await openInMeeting('meetingStage', { meetingId: unknown });
    await expectVisible(stage.tab.getByText(/This Teams meeting is not linked to an ISC meeting/));
    expect(await stage.tab.getByRole('heading', { level: 1 }).count()).toBe(0);
  });
});
