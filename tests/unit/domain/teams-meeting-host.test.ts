import { chatThreadFromMeetingId, isTeamsMeetingOf } from '../../../teams-app/domain';

const THREAD = '19:meeting_NjA2YTIxZDQtZDY0Mi00MmU1@thread.v2';
/** `context.meeting.id` as teams-js gives it: base64 of `0#<thread>#0`. */
const MEETING_ID = Buffer.from(`0#${THREAD}#0`).toString('base64');

describe('the Teams meeting a tab is opened in', () => {
  it('reads the chat thread out of a Teams meeting id', () => {
    expect(chatThreadFromMeetingId(MEETING_ID)).toBe(THREAD);
    expect(chatThreadFromMeetingId('not base64 at all!')).toBeNull();
    expect(chatThreadFromMeetingId(Buffer.from('0#not a thread#0').toString('base64'))).toBeNull();
  });

  it('reads a Teams meeting id without its trailing part', () => {
    expect(chatThreadFromMeetingId(Buffer.from(`0#${THREAD}`).toString('base64'))).toBe(THREAD);
  });

  it('matches a stored identity by meeting id, by thread or by the stored Teams meeting id', () => {
    const stored = { chatThreadId: THREAD, meetingId: null };
    expect(isTeamsMeetingOf(stored, MEETING_ID)).toBe(true);
    expect(isTeamsMeetingOf(stored, THREAD)).toBe(true);
    expect(isTeamsMeetingOf(stored, `${THREAD};messageid=1700000000000`)).toBe(true);
    expect(isTeamsMeetingOf({ chatThreadId: '19:other@thread.v2', meetingId: 'opaque-id' }, 'opaque-id')).toBe(true);
  });

  it('matches no other meeting, and nothing without a stored identity', () => {
    const other = Buffer.from('0#19:meeting_other@thread.v2#0').toString('base64');
    expect(isTeamsMeetingOf({ chatThreadId: THREAD, meetingId: null }, other)).toBe(false);
    expect(isTeamsMeetingOf({ chatThreadId: THREAD, meetingId: null }, '19:meeting_other@thread.v2')).toBe(false);
    expect(isTeamsMeetingOf(null, MEETING_ID)).toBe(false);
  });
});
