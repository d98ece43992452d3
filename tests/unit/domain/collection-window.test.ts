import {
  DEFAULT_WINDOW,
  collectionWindow,
  windowPhase,
  windowProblems,
  zonedToInstant,
  localParts,
} from '../../../teams-app/domain';

const geneva = (start: string) => ({ start, timeZone: 'Europe/Zurich', window: DEFAULT_WINDOW });

describe('collection window', () => {
  it('opens 10 days before at the meeting time, reminds 5 and 2 days before, closes the day before at 17:00', () => {
    const w = collectionWindow(geneva('2026-06-20T08:00:00Z')); // 10:00 CEST
    expect(w.opensAt).toBe('2026-06-10T08:00:00.000Z');
    expect(w.remindersAt).toEqual(['2026-06-15T08:00:00.000Z', '2026-06-18T08:00:00.000Z']);
    expect(w.closesAt).toBe('2026-06-19T15:00:00.000Z');
  });

  it('keeps wall-clock times when the window crosses the end of daylight saving time', () => {
    // Meeting on Tuesday 3 November 2026 at 10:00 CET (UTC+1); DST ended on 25 October.
    const w = collectionWindow(geneva('2026-11-03T09:00:00Z'));
    expect(w.opensAt).toBe('2026-10-24T08:00:00.000Z'); // 10:00 CEST (UTC+2)
    expect(w.remindersAt[0]).toBe('2026-10-29T09:00:00.000Z'); // 10:00 CET
    expect(w.closesAt).toBe('2026-11-02T16:00:00.000Z'); // 17:00 CET
  });

  it('keeps wall-clock times when the window crosses the start of daylight saving time', () => {
    // Meeting on 2 April 2026 at 10:00 CEST; DST began on 29 March.
    const w = collectionWindow(geneva('2026-04-02T08:00:00Z'));
    expect(w.opensAt).toBe('2026-03-23T09:00:00.000Z'); // 10:00 CET
    expect(w.closesAt).toBe('2026-04-01T15:00:00.000Z'); // 17:00 CEST
  });

  it('counts days on the calendar of a meeting held in another time zone', () => {
    // ISCG meeting hosted from New York, 9:00 EST on 10 March 2026 (US DST starts 8 March).
    const w = collectionWindow({ start: '2026-03-10T13:00:00Z', timeZone: 'America/New_York', window: DEFAULT_WINDOW });
    expect(w.opensAt).toBe('2026-02-28T14:00:00.000Z'); // 9:00 EST
    expect(w.remindersAt).toEqual(['2026-03-05T14:00:00.000Z', '2026-03-08T13:00:00.000Z']); // 9:00 EST, 9:00 EDT
    expect(w.closesAt).toBe('2026-03-09T21:00:00.000Z'); // 17:00 EDT
  });

  it('uses the local date of the meeting, not the UTC date, in a zone far from UTC', () => {
    // 8:00 in Bangkok on 5 May is 1:00 UTC the same day; in Apia (UTC+13) 9:00 on 5 May is 20:00 UTC on 4 May.
    const w = collectionWindow({ start: '2026-05-04T20:00:00Z', timeZone: 'Pacific/Apia', window: DEFAULT_WINDOW });
    expect(localParts(Date.parse(w.closesAt), 'Pacific/Apia')).toMatchObject({ month: 5, day: 4, hour: 17, minute: 0 });
  });

  it('tells before, open and closed phases', () => {
    const w = collectionWindow(geneva('2026-06-20T08:00:00Z'));
    expect(windowPhase(w, '2026-06-01T00:00:00Z')).toBe('before');
    expect(windowPhase(w, '2026-06-12T00:00:00Z')).toBe('open');
    expect(windowPhase(w, '2026-06-19T15:00:00Z')).toBe('closed');
  });

  it('reports settings that make no sense', () => {
    expect(windowProblems(DEFAULT_WINDOW)).toEqual([]);
    expect(windowProblems({ ...DEFAULT_WINDOW, closeDaysBefore: 12 })).toContain(
      'the window must close after it opens',
    );
    expect(windowProblems({ ...DEFAULT_WINDOW, reminderDaysBefore: [11] })[0]).toMatch(/comes before the opening/);
  });
});

describe('zoned time', () => {
  it('resolves a time skipped by the spring DST jump to the first valid time after the gap', () => {
    // 02:30 on 29 March 2026 does not exist in Geneva (02:00 -> 03:00).
    const instant = zonedToInstant({ year: 2026, month: 3, day: 29, hour: 2, minute: 30 }, 'Europe/Zurich');
    expect(new Date(instant).toISOString()).toBe('2026-03-29T01:30:00.000Z'); // 03:30 CEST
  });

  it('resolves a repeated autumn time to its first occurrence', () => {
    const instant = zonedToInstant({ year: 2026, month: 10, day: 25, hour: 2, minute: 30 }, 'Europe/Zurich');
    expect(new Date(instant).toISOString()).toBe('2026-10-25T00:30:00.000Z'); // 02:30 CEST
  });
});
