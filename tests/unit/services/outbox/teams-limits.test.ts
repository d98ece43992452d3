import {
  TEAMS_LIMITS,
  greedyMakespanMs,
  minimumSendTimeMs,
  shareGlobalLimits,
} from '../../../../teams-app/services/outbox';

describe('minimumSendTimeMs', () => {
  it('is bound by the global 50 per second for a wide fan-out', () => {
    expect(minimumSendTimeMs(new Array(500).fill(3))).toBe(29_000);
    expect(minimumSendTimeMs(new Array(50).fill(1))).toBe(0);
  });

  it('is bound by the per-conversation limits for one busy conversation', () => {
    expect(minimumSendTimeMs([8])).toBe(1000);
    expect(minimumSendTimeMs([61])).toBe(30_000);
  });

  it('matches a greedy schedule of the windows', () => {
    expect(greedyMakespanMs(9, TEAMS_LIMITS.perConversation)).toBe(2000);
    expect(greedyMakespanMs(0, TEAMS_LIMITS.global)).toBe(0);
  });
});

describe('shareGlobalLimits', () => {
  it('splits the app-wide budget between instances and keeps per-conversation limits', () => {
    const shared = shareGlobalLimits(TEAMS_LIMITS, 2);
    expect(shared.global).toEqual([{ limit: 25, windowMs: 1000 }]);
    expect(shared.perConversation).toEqual(TEAMS_LIMITS.perConversation);
  });
});
