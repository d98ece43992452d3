/** The agenda timer's rules: since when an item is current, and time used and left against the time planned. */
import { itemTiming, positionSince, positionVersion } from '../../../../teams-app/domain';

const at = (minute: number) => `2026-12-07T09:${String(minute).padStart(2, '0')}:00.000Z`;

describe('positionSince', () => {
  it('is null before the chat reaches any item', () => {
    expect(positionSince([])).toBeNull();
    expect(positionSince([{ item: null, sub: null, at: at(1) }])).toBeNull();
  });

  it('is the time of the line that moved the chat to its last position', () => {
    const replay = [
      { item: 1, sub: null, at: at(1) },
      { item: 1, sub: null, at: at(2) },
      { item: 4, sub: null, at: at(5) },
      { item: 4, sub: 2, at: at(9) },
      { item: 4, sub: 2, at: at(12) },
    ];
    expect(positionSince(replay)).toBe(at(9));
  });

  it('starts the clock again when the chat comes back to an item it left', () => {
    const replay = [
      { item: 2, sub: null, at: at(1) },
      { item: 3, sub: null, at: at(4) },
      { item: 2, sub: null, at: at(7) },
    ];
    expect(positionSince(replay)).toBe(at(7));
  });
});

describe('positionVersion', () => {
  it('differs when the position or its start differs, and not otherwise', () => {
    expect(positionVersion(2, null, at(1))).toBe(positionVersion(2, null, at(1)));
    expect(positionVersion(2, null, at(1))).not.toBe(positionVersion(2, null, at(7)));
    expect(positionVersion(2, null, at(1))).not.toBe(positionVersion(2, 1, at(1)));
    expect(positionVersion(null, null, null)).not.toBe(positionVersion(1, null, null));
  });
});

describe('itemTiming', () => {
  const start = Date.parse(at(0));

  it('counts the time used and left against the minutes planned', () => {
    expect(itemTiming(10, start, start + 4 * 60_000 + 5_000)).toEqual({
      usedSeconds: 245,
      remainingSeconds: 355,
      over: false,
    });
  });

  it('is over once the planned time has passed, with the time over as a negative remainder', () => {
    expect(itemTiming(10, start, start + 11 * 60_000)).toEqual({ usedSeconds: 660, remainingSeconds: -60, over: true });
    expect(itemTiming(10, start, start + 10 * 60_000).over).toBe(false);
  });

  it('counts only the time used when no time is planned, and never less than nothing', () => {
    expect(itemTiming(null, start, start + 90_000)).toEqual({ usedSeconds: 90, remainingSeconds: null, over: false });
    expect(itemTiming(5, start, start - 3_000).usedSeconds).toBe(0);
  });
});
