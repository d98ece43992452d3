import { AppError, MeetingState, acceptsUpdates, canTransition, transition } from '../../../teams-app/domain';

describe('meeting state machine', () => {
  it('walks the whole cycle from scheduled to approved minutes', () => {
    const path: MeetingState[] = [
      'scheduled',
      'open',
      'closed',
      'agenda-draft',
      'agenda-published',
      'held',
      'minutes-draft',
      'minutes-approved',
    ];
    for (let i = 1; i < path.length; i += 1) expect(transition(path[i - 1]!, path[i]!)).toBe(path[i]);
  });

  it('refuses minutes before the meeting is held, with a coded error naming both states', () => {
    expect.assertions(4);
    expect(() => transition('agenda-published', 'minutes-draft')).toThrow(AppError);
    try {
      transition('open', 'minutes-approved');
    } catch (error) {
      expect((error as AppError).code).toBe('meeting.invalid-transition');
      expect((error as AppError).details).toEqual({ from: 'open', to: 'minutes-approved' });
      expect((error as AppError).status).toBe(409);
    }
  });

  it('refuses any move after the minutes are approved, including approving twice', () => {
    for (const to of MeetingState.options) expect(canTransition('minutes-approved', to)).toBe(false);
  });

  it('lets a published agenda go back to draft for a new version, but not skip the window', () => {
    expect(canTransition('agenda-published', 'agenda-draft')).toBe(true);
    expect(canTransition('scheduled', 'closed')).toBe(false);
  });

  it('accepts updates until the meeting is held', () => {
    expect(acceptsUpdates('open')).toBe(true);
    expect(acceptsUpdates('agenda-published')).toBe(true);
    expect(acceptsUpdates('held')).toBe(false);
  });
});
