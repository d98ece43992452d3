import { GraphError } from '../../../teams-app/graph';
import { graphError, scriptedGraph } from './scripted-graph';

const ok = { status: 200, body: { id: 'item-1' } };

describe('Graph retries', () => {
  it('waits the seconds of Retry-After after a 429, then succeeds', async () => {
    const { graph, script, clock } = scriptedGraph();
    script.reply(graphError(429, 'TooManyRequests', { 'retry-after': '3' }), ok);

    await expect(graph.get('/sites/s1/lists/topics/items/1')).resolves.toEqual({ id: 'item-1' });

    expect(clock.slept).toEqual([3000]);
    expect(script.seen).toHaveLength(2);
    expect(graph.stats).toMatchObject({ requests: 1, roundtrips: 2, throttled: 1 });
  });

  it('waits until the HTTP date of Retry-After', async () => {
    const { graph, script, clock } = scriptedGraph();
    const retryAt = new Date(clock.now() + 7000).toUTCString();
    script.reply(graphError(503, 'serviceNotAvailable', { 'retry-after': retryAt }), ok);

    await graph.get('/sites/s1');

    expect(clock.slept).toEqual([7000]);
  });

  it('waits for RateLimit-Reset when it is later than Retry-After', async () => {
    const { graph, script, clock } = scriptedGraph();
    script.reply(graphError(429, 'TooManyRequests', { 'retry-after': '2', 'ratelimit-reset': '10' }), ok);

    await graph.get('/sites/s1');

    expect(clock.slept).toEqual([10_000]);
  });

  it('keeps Retry-After when RateLimit-Reset is sooner', async () => {
    const { graph, script, clock } = scriptedGraph();
    script.reply(graphError(429, 'TooManyRequests', { 'retry-after': '12', 'ratelimit-reset': '4' }), ok);

    await graph.get('/sites/s1');

    expect(clock.slept).toEqual([12_000]);
  });

  it('backs off exponentially with jitter when Graph gives no wait (503 and 504)', async () => {
    const { graph, script, clock } = scriptedGraph();
    script.reply(graphError(503, 'serviceNotAvailable'), graphError(504, 'gatewayTimeout'), graphError(503, 'x'), ok);

    await graph.get('/sites/s1');

    // Steps of 1 s, 2 s, 4 s; the fixed jitter of 0.5 takes three quarters of each.
    expect(clock.slept).toEqual([750, 1500, 3000]);
  });

  it('gives up after the configured attempts with a "service busy" error carrying the wait asked for', async () => {
    const { graph, script } = scriptedGraph({ maxAttempts: 3 });
    script.otherwise(graphError(429, 'TooManyRequests', { 'retry-after': '5' }));

    const error = await graph.get('/sites/s1').catch((e: unknown) => e);

    expect(error).toBeInstanceOf(GraphError);
    expect(error).toMatchObject({ status: 429, code: 'TooManyRequests', retryAfterMs: 5000, appCode: 'graph.busy' });
    expect(script.seen).toHaveLength(3);
  });

  it('keeps backoff bounded: no wait grows past 32 s however many attempts', async () => {
    const { graph, script, clock } = scriptedGraph({ maxAttempts: 10 });
    script.otherwise(graphError(503, 'serviceNotAvailable'));

    await expect(graph.get('/sites/s1')).rejects.toMatchObject({ status: 503 });

    expect(clock.slept).toHaveLength(9);
    expect(Math.max(...clock.slept)).toBeLessThanOrEqual(32_000);
    expect(clock.slept.slice(-3)).toEqual([24_000, 24_000, 24_000]);
  });

  it('does not retry answers that will not change (400, 404, 412)', async () => {
    const { graph, script } = scriptedGraph();
    script.reply(
      graphError(400, 'invalidRequest'),
      graphError(404, 'itemNotFound'),
      graphError(412, 'preconditionFailed'),
    );

    await expect(graph.get('/a')).rejects.toMatchObject({ status: 400 });
    await expect(graph.get('/b')).rejects.toMatchObject({ status: 404 });
    await expect(graph.patch('/c', { x: 1 }, { 'If-Match': '"1"' })).rejects.toMatchObject({ status: 412 });
    expect(script.seen).toHaveLength(3);
  });

  it('retries a failed connection for a read but not for a POST, which might have been done', async () => {
    const { graph, script } = scriptedGraph();
    const refuse = () => {
      throw new TypeError('fetch failed');
    };
    script.reply(refuse, ok);
    await expect(graph.get('/sites/s1')).resolves.toEqual({ id: 'item-1' });

    script.reply(refuse);
    await expect(graph.post('/sites/s1/lists/topics/items', { fields: {} })).rejects.toMatchObject({
      status: 0,
      code: 'network',
      appCode: 'graph.failed',
    });
    expect(script.seen).toHaveLength(3);
  });

  it('abandons an attempt that gets no answer in time, and tries again when that is safe', async () => {
    const { graph, script } = scriptedGraph({ timeoutMs: 20 });
    /** A server that never answers, until the request's deadline aborts it. */
    const hang = (seen: { signal?: AbortSignal }) =>
      new Promise<never>((_, reject) => {
        seen.signal?.addEventListener('abort', () => reject(seen.signal?.reason));
      });
    script.reply(hang, ok);

    await expect(graph.get('/sites/s1')).resolves.toEqual({ id: 'item-1' });
    expect(script.seen).toHaveLength(2);
  });
});
