import {
  chatThreadFromJoinUrl,
  identityOfChat,
  isSameTeamsMeeting,
  Meeting,
  teamsMeetingFromJoinUrl,
} from '../../../teams-app/domain';
import { demoMeetings } from '../../../teams-app/store/demo/seed';

const JOIN_URL =
  'https://teams.microsoft.com/l/meetup-join/19%3ameeting_NjA2YjA0ZTgtOTk%40thread.v2/0?context=%7b%22Tid%22%3a%22t%22%7d';
const THREAD = '19:meeting_NjA2YjA0ZTgtOTk@thread.v2';

describe('the Teams identity of a meeting', () => {
  it('reads the chat thread from a Teams join URL', () => {
    expect(chatThreadFromJoinUrl(JOIN_URL)).toBe(THREAD);
    expect(teamsMeetingFromJoinUrl(JOIN_URL)).toEqual({ chatThreadId: THREAD, meetingId: null });
  });

  it('finds no chat in a link that is not a Teams meeting link', () => {
    for (const url of [
      null,
      '',
      'not a url',
      'https://teams.microsoft.com/l/meetup-join/demo-isc-tf-32',
      'https://example.org/l/meetup-join/%E0%A4%A',
      'https://zoom.us/j/123',
    ]) {
      expect(chatThreadFromJoinUrl(url)).toBeNull();
    }
  });

  it('matches a chat by its thread (a channel reply chain included) or by the Teams meeting id', () => {
    const stored = { chatThreadId: THREAD, meetingId: 'MCMxOTpt' };
    expect(isSameTeamsMeeting(stored, { conversationId: THREAD, meetingId: null })).toBe(true);
    expect(isSameTeamsMeeting(stored, { conversationId: `${THREAD};messageid=1700000000000`, meetingId: null })).toBe(
      true,
    );
    expect(isSameTeamsMeeting(stored, { conversationId: '19:other@thread.v2', meetingId: 'MCMxOTpt' })).toBe(true);
  });

  it('matches nothing else: another chat, another meeting id, or a meeting without identity', () => {
    const stored = { chatThreadId: THREAD, meetingId: null };
    expect(isSameTeamsMeeting(stored, { conversationId: '19:other@thread.v2', meetingId: 'x' })).toBe(false);
    expect(isSameTeamsMeeting(null, { conversationId: THREAD, meetingId: null })).toBe(false);
    expect(isSameTeamsMeeting(undefined, { conversationId: THREAD, meetingId: null })).toBe(false);
  });

  it('takes a linked chat as the identity only when it is a Teams chat thread', () => {
    expect(identityOfChat({ conversationId: THREAD, meetingId: 'm' })).toEqual({
      chatThreadId: THREAD,
      meetingId: 'm',
    });
    expect(identityOfChat({ conversationId: 'a:personal-chat', meetingId: null })).toBeNull();
  });

  it('parses a meeting stored before the identity existed, with no identity', () => {
    const [first] = demoMeetings(Date.parse('2026-11-24T08:00:00.000Z'));
    const { teamsMeeting: _dropped, ...old } = first ?? {};
    expect(Meeting.parse(old).teamsMeeting).toBeNull();
  });
});
