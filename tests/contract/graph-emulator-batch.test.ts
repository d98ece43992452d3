import { BATCH_LIMIT, callerFor, GraphEmulator, graphClientFor } from '../support/graph-emulator';

/** A clock tests move by hand. */
function manualClock(start = Date.UTC(2026, 11, 1, 9, 0, 0)) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

const get = (id: string, url: string, extra: Record<string, unknown> = {}) => ({ id, method: 'GET', url, ...extra });

describe('Graph emulator: JSON batching', () => {
  it('refuses more than 20 requests, duplicate ids and dependencies on unknown or later ids with 400', async () => {
    const emulator = new GraphEmulator();
    const call = callerFor(emulator);
    const many = Array.from({ length: BATCH_LIMIT + 1 }, (_, i) => get(String(i), '/sites/root'));
    expect((await call('POST', '/$batch', { requests: many })).status).toBe(400);
    expect((await call('POST', '/$batch', { requests: many.slice(0, BATCH_LIMIT) })).status).toBe(200);
    const duplicate = await call('POST', '/$batch', { requests: [get('1', '/sites/root'), get('1', '/sites/root')] });
    expect(duplicate.status).toBe(400);
    expect(duplicate.body.error.message).toContain('duplicate');
    const forward = await call('POST', '/$batch', {
      requests: [get('1', '/sites/root', { dependsOn: ['2'] }), get('2', '/sites/root')],
    });
    expect(forward.status).toBe(400);
    const noType = await call('POST', '/$batch', {
      requests: [{ id: '1', method: 'POST', url: '/sites/root/lists', body: { displayName: 'A' } }],
    });
    expect(noType.status).toBe(400);
    expect(
      (
        await call('POST', '/$batch', {
          requests: [
            {
              id: '1',
              method: 'POST',
              url: '/$batch',
              headers: { 'Content-Type': 'application/json' },
              body: { requests: [] },
            },
          ],
        })
      ).status,
    ).toBe(400);
    expect(emulator.list('A')).toBeUndefined();
  });

  it('answers each request with its own status, and 424 for one whose dependency failed', async () => {
    const emulator = new GraphEmulator();
    const call = callerFor(emulator);
    const json = { 'Content-Type': 'application/json' };
    const batch = await call('POST', '/$batch', {
      requests: [
        {
          id: 'list',
          method: 'POST',
          url: `/sites/${emulator.siteId}/lists`,
          headers: json,
          body: { displayName: 'Actions', columns: [{ name: 'Ref', text: {}, indexed: true }] },
        },
        {
          id: 'item',
          method: 'POST',
          url: `sites/${emulator.siteId}/lists/Actions/items`,
          headers: json,
          body: { fields: { Ref: 'A-1' } },
          dependsOn: ['list'],
        },
        get('missing', `/sites/${emulator.siteId}/lists/Nope`),
        get('after-missing', `/sites/${emulator.siteId}/lists/Actions`, { dependsOn: ['missing'] }),
        get('chain', `/sites/${emulator.siteId}/lists/Actions`, { dependsOn: ['after-missing'] }),
      ],
    });
    expect(batch.status).toBe(200);
    const byId = Object.fromEntries(batch.body.responses.map((r: any) => [r.id, r]));
    expect(byId.list.status).toBe(201);
    expect(byId.item).toMatchObject({ status: 201, body: { fields: { Ref: 'A-1' } } });
    expect(byId.missing.status).toBe(404);
    expect(byId.missing.body.error.code).toBe('itemNotFound');
    expect(byId['after-missing'].status).toBe(424);
    expect(byId.chain.status).toBe(424);
    expect(emulator.stats).toMatchObject({ requests: 1, batchedRequests: 3 });
  });

  it('may answer in another order than asked, so a client matches responses by id', async () => {
    const emulator = new GraphEmulator({ shuffleBatchResponses: true });
    const batch = await callerFor(emulator)('POST', '/$batch', {
      requests: [get('a', '/sites/root'), get('b', '/users/nobody@contoso.onmicrosoft.com')],
    });
    expect(batch.body.responses.map((r: any) => [r.id, r.status])).toEqual([
      ['b', 404],
      ['a', 200],
    ]);
  });

  it('serves a batch posted by the graph client', async () => {
    const emulator = new GraphEmulator();
    const reply = await graphClientFor(emulator)
      .api('/$batch')
      .post({ requests: [get('1', '/sites/root'), get('2', `/groups/${emulator.groupId}/events`)] });
    expect(reply.responses.map((r: any) => r.status)).toEqual([200, 200]);
  });
});

describe('Graph emulator: resource-unit throttling', () => {
  async function listWithItem(emulator: GraphEmulator) {
    const call = callerFor(emulator);
    await call('POST', `/sites/${emulator.siteId}/lists`, { displayName: 'Topics' });
    await call('POST', `/sites/${emulator.siteId}/lists/Topics/items`, { fields: { Title: 't' } });
    return call;
  }

  it('charges 1 unit per single read and 2 per list query or write', async () => {
    const emulator = new GraphEmulator({ budgetPerMinute: 1000 });
    const call = await listWithItem(emulator);
    expect(emulator.stats.units).toBe(4);
    await call('GET', `/sites/${emulator.siteId}/lists/Topics/items/1`);
    expect(emulator.stats.units).toBe(5);
    await call('GET', `/sites/${emulator.siteId}/lists/Topics/items`);
    expect(emulator.stats.units).toBe(7);
    await call('PATCH', `/sites/${emulator.siteId}/lists/Topics/items/1/fields`, { Title: 'u' });
    expect(emulator.stats.units).toBe(9);
  });

  it('sends RateLimit headers from 80 % use and 429 with Retry-After once the minute is spent', async () => {
    const clock = manualClock();
    const emulator = new GraphEmulator({ budgetPerMinute: 10, now: clock.now });
    const call = await listWithItem(emulator); // 4 units
    const item = `/sites/${emulator.siteId}/lists/Topics/items/1`;
    const early = await call('GET', item); // 5
    expect(early.headers['ratelimit-limit']).toBeUndefined();
    await call('GET', item); // 6
    await call('GET', item); // 7
    const warned = await call('GET', item); // 8 = 80 %
    expect(warned.headers).toMatchObject({
      'ratelimit-limit': '10',
      'ratelimit-remaining': '2',
      'ratelimit-reset': '60',
    });
    clock.advance(15_000);
    const write = await call('PATCH', `${item}/fields`, { Title: 'w' }); // 10
    expect(write.status).toBe(200);
    expect(write.headers['ratelimit-remaining']).toBe('0');
    const refused = await call('GET', item);
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('activityLimitReached');
    expect(refused.headers['retry-after']).toBe('45');
    expect(emulator.stats).toMatchObject({ throttled: 1, units: 10 });
    clock.advance(45_000);
    expect((await call('GET', item)).status).toBe(200);
  });

  it('shows a throttled request inside a 200 batch as 429 in its own response', async () => {
    const clock = manualClock();
    const emulator = new GraphEmulator({ budgetPerMinute: 6, now: clock.now });
    const call = await listWithItem(emulator); // 4 units
    const item = `/sites/${emulator.siteId}/lists/Topics/items/1`;
    const batch = await call('POST', '/$batch', {
      requests: [get('1', item), get('2', item), get('3', item, { dependsOn: ['2'] })],
    });
    expect(batch.status).toBe(200);
    const statuses = Object.fromEntries(batch.body.responses.map((r: any) => [r.id, r.status]));
    expect(statuses).toEqual({ '1': 200, '2': 200, '3': 429 });
    const throttled = batch.body.responses.find((r: any) => r.id === '3');
    expect(Number(throttled.headers['Retry-After'])).toBeGreaterThan(0);
    expect(throttled.body.error.code).toBe('activityLimitReached');
  });

  it('does not charge calendar, mailbox or meeting requests to the SharePoint budget', async () => {
    const emulator = new GraphEmulator({ budgetPerMinute: 1 });
    const call = callerFor(emulator);
    for (let i = 0; i < 5; i += 1) expect((await call('GET', `/groups/${emulator.groupId}/events`)).status).toBe(200);
    expect(emulator.stats.units).toBe(0);
  });
});
