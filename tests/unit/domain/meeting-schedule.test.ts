import {
  AppError,
  BEFORE_HELD,
  MeetingState,
  RescheduleMeetingRequest,
  ScheduleMeetingRequest,
  acceptsUpdates,
  applyReschedule,
  canTransition,
  instantOf,
  localDateTimeOf,
  meetingFromSchedule,
  requireNotHeld,
  sameSchedule,
  scheduledMeetingId,
} from '../../../teams-app/domain';

/** A schedule request as the API parses it, with the fields a test changes. */
function request(fields: Record<string, unknown> = {}) {
  return ScheduleMeetingRequest.parse({
    body: 'ISC-TF',
    number: 36,
    start: '2027-03-28T09:30',
    end: '2027-03-28T12:00',
    timeZone: 'Europe/Zurich',
    ...fields,
  });
}

describe('scheduling a meeting', () => {
  it('keys a meeting by its body and number, so a repeated request finds the first', () => {
    expect(scheduledMeetingId('ISC-TF', 32)).toBe('isc-tf-32');
    expect(scheduledMeetingId('ISCG', 9)).toBe('iscg-9');
    expect(meetingFromSchedule(request()).id).toBe('isc-tf-36');
  });

  it('reads wall-clock times in the meeting zone, on either side of a DST change', () => {
    // Geneva moves to summer time on 28 March 2027 at 02:00.
    expect(instantOf('2027-03-27T09:30', 'Europe/Zurich')).toBe('2027-03-27T08:30:00.000Z');
    expect(instantOf('2027-03-28T09:30', 'Europe/Zurich')).toBe('2027-03-28T07:30:00.000Z');
    expect(instantOf('2027-01-10T09:00', 'America/New_York')).toBe('2027-01-10T14:00:00.000Z');
    expect(localDateTimeOf('2027-03-28T07:30:00.000Z', 'Europe/Zurich')).toBe('2027-03-28T09:30');
  });

  it('gives the standard title, the default window and a chat identity from a pasted Teams link', () => {
    const meeting = meetingFromSchedule(
      request({ joinUrl: 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_x1%40thread.v2/0' }),
    );
    expect(meeting).toMatchObject({
      title: '36th meeting of the Inter-Sectoral Coordination Task Force',
      state: 'scheduled',
      online: true,
      window: { openDaysBefore: 10, reminderDaysBefore: [5, 2], closeDaysBefore: 1, closeLocalTime: '17:00' },
      teamsMeeting: { chatThreadId: '19:meeting_x1@thread.v2', meetingId: null },
    });
  });

  it('refuses a meeting that does not end after it starts', () => {
    expect(() => meetingFromSchedule(request({ end: '2027-03-28T09:30' }))).toThrow(AppError);
  });

  it('refuses malformed times and unknown fields at the boundary', () => {
    expect(ScheduleMeetingRequest.safeParse({ ...request(), start: '2027-03-28 09:30' }).success).toBe(false);
    expect(ScheduleMeetingRequest.safeParse({ ...request(), start: '2027-13-28T09:30' }).success).toBe(false);
    expect(ScheduleMeetingRequest.safeParse({ ...request(), room: 'A' }).success).toBe(false);
    expect(RescheduleMeetingRequest.safeParse({}).success).toBe(false);
  });

  it('tells a repeat of the same request from a different meeting under the same number', () => {
    const stored = meetingFromSchedule(request());
    expect(sameSchedule(stored, request())).toBe(true);
    expect(sameSchedule(stored, request({ place: 'Bern' }))).toBe(false);
    expect(sameSchedule(stored, request({ start: '2027-03-28T10:00' }))).toBe(false);
  });
});

describe('moving or editing a meeting', () => {
  const meeting = meetingFromSchedule(request());

  it('moves the instants, keeping the wall-clock time of the end when only the start changes', () => {
    const { meeting: moved, moved: isMove } = applyReschedule(
      meeting,
      RescheduleMeetingRequest.parse({ start: '2027-03-28T08:30' }),
    );
    expect(isMove).toBe(true);
    expect(moved.start).toBe('2027-03-28T06:30:00.000Z');
    expect(moved.end).toBe(meeting.end);
  });

  it('keeps the wall-clock times in a new zone', () => {
    const { meeting: moved } = applyReschedule(meeting, RescheduleMeetingRequest.parse({ timeZone: 'Africa/Nairobi' }));
    expect(moved.start).toBe('2027-03-28T06:30:00.000Z');
    expect(localDateTimeOf(moved.start, 'Africa/Nairobi')).toBe('2027-03-28T09:30');
  });

  it('tells an edit (place) from a move, and a repeat from either', () => {
    expect(applyReschedule(meeting, RescheduleMeetingRequest.parse({ place: 'Bern' }))).toMatchObject({
      moved: false,
      changed: true,
    });
    expect(applyReschedule(meeting, RescheduleMeetingRequest.parse({ start: '2027-03-28T09:30' }))).toMatchObject({
      moved: false,
      changed: false,
    });
  });

  it('refuses to move a meeting once held or cancelled', () => {
    for (const state of ['held', 'minutes-draft', 'minutes-approved', 'cancelled'] as const) {
      expect(() => applyReschedule({ ...meeting, state }, RescheduleMeetingRequest.parse({ place: 'Bern' }))).toThrow(
        expect.objectContaining({ code: 'meeting.invalid-transition' }),
      );
      expect(() => requireNotHeld({ state }, 'cancelled')).toThrow(AppError);
    }
  });
});

describe('a cancelled meeting', () => {
  it('can be cancelled from any state before it is held, and goes nowhere after', () => {
    for (const state of MeetingState.options) {
      expect(canTransition(state, 'cancelled')).toBe(BEFORE_HELD.includes(state));
      expect(canTransition('cancelled', state)).toBe(false);
    }
  });

  it('takes no more updates', () => {
    expect(acceptsUpdates('cancelled')).toBe(false);
  });
});
