import { meetingIsPast, notYetEnded, pastMeetings, type MeetingState } from '../../../teams-app/domain';
import { MEETING_STATES } from '../../../teams-app/domain/states';

const NOW = Date.parse('2026-12-02T10:00:00.000Z');

/** A meeting of two hours, starting `startHours` from NOW, in `state`. */
function timed(id: string, startHours: number, state: MeetingState) {
  const start = NOW + startHours * 3_600_000;
  return {
    id,
    state,
    start: new Date(start).toISOString(),
    end: new Date(start + 2 * 3_600_000).toISOString(),
  };
}

describe('meetingIsPast', () => {
  it('keeps a meeting under way with the upcoming ones until its end, whatever its state', () => {
    for (const state of ['held', 'minutes-draft', 'agenda-published'] as const) {
      expect(meetingIsPast(timed('tf-32', -1, state), NOW)).toBe(false);
    }
  });

  it('counts a meeting as past from its planned end on', () => {
    const meeting = timed('tf-32', -2, 'held');
    expect(meetingIsPast(meeting, NOW - 1)).toBe(false);
    expect(meetingIsPast(meeting, NOW)).toBe(true);
  });

  it('reads ends written with an offset by the instant they name', () => {
    expect(meetingIsPast({ end: '2026-12-02T10:30:00+01:00' }, NOW)).toBe(true);
    expect(meetingIsPast({ end: '2026-12-02T10:30:00+00:00' }, NOW)).toBe(false);
  });
});

describe('the upcoming meetings and the archive', () => {
  const meetings = MEETING_STATES.flatMap((state, i) => [
    timed(`ahead-${state}`, 24 * (i + 1), state),
    timed(`running-${state}`, -1, state),
    timed(`ended-${state}`, -24 * (i + 1), state),
  ]);

  it('put every meeting, in every state, in exactly one of the two lists', () => {
    const upcoming = notYetEnded(meetings, NOW).map((m) => m.id);
    const past = pastMeetings(meetings, NOW).map((m) => m.id);
    expect(upcoming.filter((id) => past.includes(id))).toEqual([]);
    expect([...upcoming, ...past].sort()).toEqual(meetings.map((m) => m.id).sort());
  });

  it('shows a held meeting still running with the upcoming meetings only', () => {
    expect(notYetEnded(meetings, NOW).map((m) => m.id)).toContain('running-held');
    expect(pastMeetings(meetings, NOW).map((m) => m.id)).not.toContain('running-held');
  });

  it('archives a cancelled meeting once its planned end has passed, and not before', () => {
    expect(pastMeetings(meetings, NOW).map((m) => m.id)).toContain('ended-cancelled');
    expect(notYetEnded(meetings, NOW).map((m) => m.id)).toEqual(
      expect.arrayContaining(['ahead-cancelled', 'running-cancelled']),
    );
  });

  it('lists the past meetings newest first', () => {
    const starts = pastMeetings(meetings, NOW).map((m) => Date.parse(m.start));
    expect(starts).toEqual([...starts].sort((a, b) => b - a));
  });
});
