import { PlannedEvent, StatusUpdate } from '../../../teams-app/domain';

const event = { name: 'WSIS Forum 2027', start: '2027-07-07', end: '2027-07-11', place: 'Geneva' };

describe('a planned event', () => {
  it('may last one day or several', () => {
    expect(PlannedEvent.safeParse(event).success).toBe(true);
    expect(PlannedEvent.safeParse({ ...event, end: event.start }).success).toBe(true);
  });

  it('cannot end before it starts, with a message naming the end date', () => {
    const result = PlannedEvent.safeParse({ ...event, end: '2027-07-06' });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ path: ['end'], message: expect.stringMatching(/cannot end before it starts/) }),
    ]);
  });

  it('is checked inside a status update too', () => {
    const update = {
      id: 'u1',
      meetingId: 'isc-tf-32',
      topicId: 'accessibility',
      sector: 'BDT',
      authorId: 'alex-wilber',
      progress: '',
      nextSteps: '',
      escalation: { flag: false, ask: '' },
      events: [{ ...event, end: '2027-06-30' }],
      noChange: false,
      submittedAt: '2026-11-30T08:00:00Z',
      late: false,
      revision: 1,
      history: [],
    };
    expect(StatusUpdate.safeParse(update).success).toBe(false);
    expect(StatusUpdate.safeParse({ ...update, events: [event] }).success).toBe(true);
  });
});
