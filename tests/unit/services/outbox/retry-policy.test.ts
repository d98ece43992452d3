import {
  DEFAULT_RETRY,
  DeliveryError,
  backoffDelayMs,
  classifyFailure,
  parseRetryAfter,
  type RetryOptions,
} from '../../../../teams-app/services/outbox';

const options: RetryOptions = { ...DEFAULT_RETRY, maxAttempts: 5, baseDelayMs: 1000, maxDelayMs: 8000 };
const half = () => 0.5;

describe('classifyFailure', () => {
  it('waits exactly what Retry-After asks on a 429', () => {
    const decision = classifyFailure(new DeliveryError(429, 'Throttled', { retryAfterMs: 3000 }), 1, options, half);
    expect(decision).toMatchObject({ action: 'retry', delayMs: 3000 });
  });

  it('backs off with full jitter on a 429 without Retry-After', () => {
    expect(classifyFailure(new DeliveryError(429, 'Throttled'), 3, options, half)).toMatchObject({
      action: 'retry',
      delayMs: 2000,
    });
    expect(classifyFailure(new DeliveryError(429, 'Throttled'), 3, options, () => 0)).toMatchObject({ delayMs: 0 });
  });

  it('caps a very long Retry-After', () => {
    const decision = classifyFailure(
      new DeliveryError(429, 'Throttled', { retryAfterMs: 10 * 3_600_000 }),
      1,
      { ...options, maxRetryAfterMs: 60_000 },
      half,
    );
    expect(decision).toMatchObject({ action: 'retry', delayMs: 60_000 });
  });

  it.each([412, 500, 502, 503, 504, 0])('retries a %i with backoff', (status) => {
    const decision = classifyFailure(new DeliveryError(status, 'boom'), 1, options, half);
    expect(decision).toMatchObject({ action: 'retry', delayMs: 500 });
  });

  it('treats an error that is not a DeliveryError as a network error', () => {
    expect(classifyFailure(new TypeError('socket hang up'), 1, options, half)).toMatchObject({ action: 'retry' });
  });

  it('gives up with "failed" once the attempts are used up', () => {
    const decision = classifyFailure(new DeliveryError(503, 'Unavailable'), 5, options, half);
    expect(decision.action).toBe('fail');
    expect(decision.reason).toContain('gave up after 5 attempts');
    expect(classifyFailure(new DeliveryError(429, 'T', { retryAfterMs: 1 }), 5, options, half).action).toBe('fail');
  });

  it('marks a 403 undeliverable at once, with its reason code and the detail for the logs', () => {
    const decision = classifyFailure(new DeliveryError(403, 'Forbidden', { code: 'BotDisabledByAdmin' }), 1, options);
    expect(decision).toEqual({
      action: 'undeliverable',
      code: 'delivery.blocked',
      reason: 'app not installed or blocked by the user (403 BotDisabledByAdmin)',
    });
  });

  it('marks a 404 undeliverable at once', () => {
    expect(classifyFailure(new DeliveryError(404, 'NotFound'), 1, options)).toMatchObject({
      action: 'undeliverable',
      code: 'delivery.not-found',
    });
  });

  it('fails a 400 without retrying, since resending the same request cannot help', () => {
    expect(classifyFailure(new DeliveryError(400, 'BadArgument'), 1, options).action).toBe('fail');
  });
});

describe('backoffDelayMs', () => {
  it('doubles the ceiling with each attempt up to the cap', () => {
    const top = () => 0.999999;
    expect([1, 2, 3, 4, 5, 6].map((a) => backoffDelayMs(a, options, top))).toEqual([999, 1999, 3999, 7999, 7999, 7999]);
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('2')).toBe(2000);
    expect(parseRetryAfter('0.5')).toBe(500);
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:28:10 GMT', Date.parse('2026-10-21T07:28:00Z'))).toBe(10_000);
    expect(parseRetryAfter(undefined)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
  });
});
