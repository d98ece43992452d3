import { z } from 'zod';

/** At most `limit` operations in any sliding window of `windowMs`. */
export const RateWindow = z.object({
  limit: z.number().int().min(1),
  windowMs: z.number().int().min(1),
});
export type RateWindow = z.infer<typeof RateWindow>;

/** The limits a bot must honour: per conversation, and for the whole app in a tenant. */
export const RateLimits = z.object({
  perConversation: z.array(RateWindow).max(10),
  global: z.array(RateWindow).max(10),
});
export type RateLimits = z.infer<typeof RateLimits>;

/**
 * The Teams bot limits (learn.microsoft.com, "Rate limiting for bots"): per bot per conversation 7 per second,
 * 8 per 2 s, 60 per 30 s, 1800 per hour; and 50 requests per second per app per tenant.
 */
export const TEAMS_LIMITS: RateLimits = {
  perConversation: [
    { limit: 7, windowMs: 1_000 },
    { limit: 8, windowMs: 2_000 },
    { limit: 60, windowMs: 30_000 },
    { limit: 1_800, windowMs: 3_600_000 },
  ],
  global: [{ limit: 50, windowMs: 1_000 }],
};

/** The limits with the global budget divided between `instances` workers that share one app registration. */
export function shareGlobalLimits(limits: RateLimits, instances: number): RateLimits {
  return {
    perConversation: limits.perConversation,
    global: limits.global.map((w) => ({ ...w, limit: Math.max(1, Math.floor(w.limit / instances)) })),
  };
}

/** When the last of `count` operations can go, sending each as early as `windows` allow (greedy is optimal). */
export function greedyMakespanMs(count: number, windows: readonly RateWindow[]): number {
  const times: number[] = [];
  let t = 0;
  for (let i = 0; i < count; i += 1) {
    for (const w of windows) {
      const older = times[times.length - w.limit];
      if (older !== undefined) t = Math.max(t, older + w.windowMs);
    }
    times.push(t);
  }
  return count > 0 ? t : 0;
}

/**
 * The least time (ms from the first send to the last) the limits allow for a fan-out with the given number of
 * messages per conversation: the larger of the global bound and the busiest conversation's bound.
 */
export function minimumSendTimeMs(perConversation: readonly number[], limits: RateLimits = TEAMS_LIMITS): number {
  const total = perConversation.reduce((sum, n) => sum + n, 0);
  const busiest = perConversation.reduce((max, n) => Math.max(max, n), 0);
  return Math.max(greedyMakespanMs(total, limits.global), greedyMakespanMs(busiest, limits.perConversation));
}
