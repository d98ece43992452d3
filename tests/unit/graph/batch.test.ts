import { GraphError, type GraphRequest } from '../../../teams-app/graph';
import { scriptedGraph, type Reply, type SeenRequest } from './scripted-graph';

interface Step {
  id: string;
  method: string;
  url: string;
  dependsOn?: string[];
  headers?: Record<string, string>;
  body?: unknown;
}

const stepsOf = (seen: SeenRequest | undefined) => (seen?.body as { requests: Step[] }).requests;

/** A `$batch` answer from a function of each step; the answers come back in reverse order, as Graph may. */
function batchOf(answer: (step: Step) => Reply): (seen: SeenRequest) => Reply {
  return (seen) => ({
    body: {
      responses: stepsOf(seen)
        .map((step) => {
          const reply = answer(step);
          return { id: step.id, status: reply.status ?? 200, headers: reply.headers ?? {}, body: reply.body };
        })
        .reverse(),
    },
  });
}

const read = (n: number): GraphRequest => ({
  method: 'GET',
  url: `/users/u${n}/mailboxSettings/automaticRepliesSetting`,
});
const userOf = (url: string) => /\/users\/(u\d+)\//.exec(url)?.[1];

describe('Graph $batch', () => {
  it('sends 45 requests as 3 batches of at most 20, with unique ids, and answers in the order asked', async () => {
    const { graph, script } = scriptedGraph();
    script.otherwise(batchOf((step) => ({ body: { user: userOf(step.url) } })));
    const requests = Array.from({ length: 45 }, (_, i) => read(i));

    const responses = await graph.batch(requests);

    expect(script.seen.map((s) => [s.method, s.url])).toEqual(
      Array(3).fill(['POST', 'https://graph.microsoft.com/v1.0/$batch']),
    );
    expect(script.seen.map((s) => stepsOf(s).length)).toEqual([20, 20, 5]);
    for (const seen of script.seen) {
      const ids = stepsOf(seen).map((s) => s.id);
      expect(new Set(ids).size).toBe(ids.length);
    }
    expect(stepsOf(script.seen[0])[0]?.url).toBe('/users/u0/mailboxSettings/automaticRepliesSetting');
    expect(responses.map((r) => (r.body as { user: string }).user)).toEqual(requests.map((r) => userOf(r.url)));
    // Mailbox settings live in Exchange: they cost nothing of the SharePoint budget.
    expect(graph.stats).toMatchObject({ requests: 45, roundtrips: 3, units: 0 });
  });

  it('returns a failed request with its own status instead of throwing', async () => {
    const { graph, script } = scriptedGraph();
    script.otherwise(
      batchOf((step) =>
        step.url.includes('u1/')
          ? { status: 404, body: { error: { code: 'ErrorItemNotFound', message: 'no mailbox' } } }
          : { body: {} },
      ),
    );

    const responses = await graph.batch([read(0), read(1), read(2)]);

    expect(responses.map((r) => r.status)).toEqual([200, 404, 200]);
  });

  it('re-queues a 429 inside a successful batch after its Retry-After, and only that request', async () => {
    const { graph, script, clock } = scriptedGraph();
    let throttledOnce = false;
    script.otherwise(
      batchOf((step) => {
        if (step.url.includes('u3/') && !throttledOnce) {
          throttledOnce = true;
          return { status: 429, headers: { 'Retry-After': '4' }, body: { error: { code: 'TooManyRequests' } } };
        }
        return { body: { user: userOf(step.url) } };
      }),
    );

    const responses = await graph.batch(Array.from({ length: 5 }, (_, i) => read(i)));

    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect((responses[3]?.body as { user: string }).user).toBe('u3');
    expect(script.seen.map((s) => stepsOf(s).length)).toEqual([5, 1]);
    expect(clock.slept).toEqual([4000]);
    expect(graph.stats).toMatchObject({ requests: 5, roundtrips: 2, throttled: 1 });
  });

  it('returns the 429 once the attempts are spent', async () => {
    const { graph, script } = scriptedGraph({ maxAttempts: 2 });
    script.otherwise(batchOf(() => ({ status: 429, headers: { 'Retry-After': '1' } })));

    const responses = await graph.batch([read(0)]);

    expect(responses[0]?.status).toBe(429);
    expect(script.seen).toHaveLength(2);
  });

  it('keeps dependent requests in one batch and passes dependsOn with the ids of that batch', async () => {
    const { graph, script } = scriptedGraph();
    script.otherwise(batchOf(() => ({ status: 201, body: {} })));
    const requests: GraphRequest[] = [
      ...Array.from({ length: 19 }, (_, i) => read(i)),
      { id: 'folder', method: 'POST', url: '/sites/s1/drive/root/children', body: { name: 'ISC-TF' } },
      { id: 'file', method: 'PATCH', url: '/sites/s1/drive/items/1/listItem/fields', body: {}, dependsOn: ['folder'] },
    ];

    await graph.batch(requests);

    const [first, second] = script.seen.map(stepsOf);
    expect(first).toHaveLength(19);
    expect(second?.map((s) => s.url)).toEqual([
      '/sites/s1/drive/root/children',
      '/sites/s1/drive/items/1/listItem/fields',
    ]);
    expect(second?.[1]?.dependsOn).toEqual([second?.[0]?.id]);
    expect(second?.[0]?.headers).toEqual({ 'Content-Type': 'application/json' });
  });

  it('returns the 424 of a request whose dependency failed', async () => {
    const { graph, script } = scriptedGraph();
    script.otherwise(
      batchOf((step) =>
        step.dependsOn ? { status: 424, body: { error: { code: 'failedDependency' } } } : { status: 409, body: {} },
      ),
    );

    const responses = await graph.batch([
      { id: 'a', method: 'POST', url: '/sites/s1/lists/topics/items', body: { fields: {} } },
      { id: 'b', method: 'PATCH', url: '/sites/s1/lists/topics/items/1/fields', body: {}, dependsOn: ['a'] },
    ]);

    expect(responses.map((r) => [r.id, r.status])).toEqual([
      ['a', 409],
      ['b', 424],
    ]);
    expect(script.seen).toHaveLength(1);
  });

  it('sends a request again with the dependency it failed on (424) when that dependency was throttled', async () => {
    const { graph, script } = scriptedGraph();
    let round = 0;
    script.otherwise((seen) => {
      round += 1;
      return batchOf((step) => {
        if (round === 1) return step.dependsOn ? { status: 424 } : { status: 429, headers: { 'retry-after': '2' } };
        return { status: 200, body: { id: step.id } };
      })(seen);
    });

    const responses = await graph.batch([
      { id: 'a', method: 'POST', url: '/sites/s1/lists/topics/items', body: { fields: {} } },
      { id: 'b', method: 'PATCH', url: '/sites/s1/lists/topics/items/1/fields', body: {}, dependsOn: ['a'] },
    ]);

    expect(responses.map((r) => r.status)).toEqual([200, 200]);
    expect(stepsOf(script.seen[1])).toHaveLength(2);
    expect(stepsOf(script.seen[1])[1]?.dependsOn).toHaveLength(1);
  });

  it('answers 424 for a request re-queued on its own whose dependency then failed for good', async () => {
    const { graph, script } = scriptedGraph();
    script.reply(
      batchOf((step) => (step.dependsOn ? { status: 429, headers: { 'retry-after': '1' } } : { status: 500 })),
    );

    const responses = await graph.batch([
      { id: 'a', method: 'POST', url: '/sites/s1/lists/topics/items', body: { fields: {} } },
      { id: 'b', method: 'PATCH', url: '/sites/s1/lists/topics/items/1/fields', body: {}, dependsOn: ['a'] },
    ]);

    expect(responses.map((r) => r.status)).toEqual([500, 424]);
    expect(script.seen).toHaveLength(1);
  });

  it('refuses duplicate ids and unknown dependencies before sending anything', async () => {
    const { graph, script } = scriptedGraph();

    await expect(
      graph.batch([
        { ...read(0), id: 'x' },
        { ...read(1), id: 'X' },
      ]),
    ).rejects.toBeInstanceOf(GraphError);
    await expect(graph.batch([{ ...read(0), id: 'x', dependsOn: ['nope'] }])).rejects.toThrow(/unknown/);
    expect(script.seen).toHaveLength(0);
  });

  it('retries a throttled batch call as a whole and throws when it keeps failing', async () => {
    const { graph, script, clock } = scriptedGraph({ maxAttempts: 2 });
    script.reply({ status: 429, headers: { 'retry-after': '3' } }, { status: 503 });

    await expect(graph.batch([read(0)])).rejects.toMatchObject({ status: 503, appCode: 'graph.busy' });
    expect(clock.slept).toEqual([3000]);
  });

  it('sends upload bytes base64-encoded and reads a non-JSON answer back as bytes', async () => {
    const { graph, script } = scriptedGraph();
    script.otherwise(
      batchOf(() => ({ headers: { 'Content-Type': 'text/plain' }, body: Buffer.from('hello').toString('base64') })),
    );

    const [response] = await graph.batch([
      { method: 'PUT', url: '/sites/s1/drive/root:/a.txt:/content', body: Buffer.from('hi') },
    ]);

    expect(stepsOf(script.seen[0])[0]).toMatchObject({
      body: Buffer.from('hi').toString('base64'),
      headers: { 'Content-Type': 'application/octet-stream' },
    });
    expect((response?.body as Buffer).toString()).toBe('hello');
  });
});
