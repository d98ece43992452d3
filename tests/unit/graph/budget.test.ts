import { ResourceBudget, resourceUnits } from '../../../teams-app/graph';
import { fakeClock, graphError, scriptedGraph, type SeenRequest } from './scripted-graph';

/** The most units sent within any 60 s window. */
function busiestMinute(seen: SeenRequest[], unitsOf: (s: SeenRequest) => number): number {
  return Math.max(
    ...seen.map((s) =>
      seen.filter((o) => o.at <= s.at && o.at > s.at - 60_000).reduce((sum, o) => sum + unitsOf(o), 0),
    ),
  );
}

describe('resource units', () => {
  it('costs 1 for a single read and 2 for a list query or a write', () => {
    expect(resourceUnits('GET', '/sites/s1/lists/topics/items/12')).toBe(1);
    expect(resourceUnits('GET', '/sites/s1/drive/root:/ISC/agenda.docx')).toBe(1);
    expect(resourceUnits('GET', '/sites/s1/drive/items/7/content')).toBe(1);
    expect(resourceUnits('GET', '/sites/s1/lists/topics/items?$expand=fields')).toBe(2);
    expect(resourceUnits('GET', '/sites/s1/lists/topics/items/12?$expand=fields')).toBe(1);
    expect(resourceUnits('POST', '/sites/s1/lists/topics/items')).toBe(2);
    expect(resourceUnits('PATCH', '/sites/s1/lists/topics/items/1/fields')).toBe(2);
    expect(resourceUnits('DELETE', '/sites/s1/lists/topics/items/1')).toBe(2);
    expect(resourceUnits('PUT', 'https://graph.microsoft.com/v1.0/sites/s1/drive/root:/a.docx:/content')).toBe(2);
  });

  it('costs 1 for a delta with a token, 2 without, and 5 for permissions', () => {
    expect(resourceUnits('GET', '/drives/d1/root/delta')).toBe(2);
    expect(resourceUnits('GET', '/drives/d1/root/delta?token=abc')).toBe(1);
    expect(resourceUnits('GET', '/sites/s1/permissions')).toBe(5);
    expect(resourceUnits('POST', '/sites/s1/permissions')).toBe(5);
    expect(resourceUnits('GET', '/sites/s1/drive/items/7?$expand=permissions')).toBe(5);
  });

  it('counts nothing against SharePoint for Outlook, Teams or directory requests', () => {
    expect(resourceUnits('GET', '/users/u1/mailboxSettings/automaticRepliesSetting')).toBe(0);
    expect(resourceUnits('GET', '/users/u1/onlineMeetings?$filter=JoinWebUrl eq %27x%27')).toBe(0);
    expect(resourceUnits('POST', '/groups/g1/events')).toBe(0);
    expect(resourceUnits('GET', 'https://graph.microsoft.com/v1.0/groups/g1/calendarView/delta?$deltatoken=x')).toBe(0);
  });
});

describe('Graph budget', () => {
  it('delays writes so no minute spends more than the budget, and loses no time beyond it', async () => {
    const { graph, script, clock } = scriptedGraph({ budgetPerMinute: 120 });
    script.otherwise({ status: 201, body: {} });
    const start = clock.now();

    for (let i = 0; i < 100; i += 1) await graph.post('/sites/s1/lists/events/items', { fields: { n: i } });

    expect(graph.stats.units).toBe(200);
    expect(busiestMinute(script.seen, () => 2)).toBeLessThanOrEqual(120);
    // 200 units at 120 a minute take 100 s at best; the budget may not waste more than a tenth of that.
    const last = script.seen[script.seen.length - 1]?.at ?? start;
    expect(last - start).toBeGreaterThan(60_000);
    expect(last - start).toBeLessThanOrEqual(110_000);
    expect(graph.stats.throttled).toBe(0);
  });

  it('never delays requests outside SharePoint', async () => {
    const { graph, script, clock } = scriptedGraph({ budgetPerMinute: 10 });
    script.otherwise({ body: {} });

    for (let i = 0; i < 50; i += 1) await graph.get(`/users/u${i}/mailboxSettings/automaticRepliesSetting`);

    expect(clock.slept).toEqual([]);
    expect(graph.stats.units).toBe(0);
  });

  it('lets a short burst through at once', async () => {
    const { graph, script, clock } = scriptedGraph({ budgetPerMinute: 1250 });
    script.otherwise({ body: {} });

    for (let i = 0; i < 20; i += 1) await graph.get(`/sites/s1/lists/topics/items/${i}`);

    expect(clock.slept).toEqual([]);
  });

  it('spreads the remaining units until the reset once SharePoint reports 80 % use', async () => {
    const { graph, script } = scriptedGraph({ budgetPerMinute: 100_000 });
    script.reply({
      headers: { 'RateLimit-Limit': '1000', 'RateLimit-Remaining': '100', 'RateLimit-Reset': '30' },
      body: {},
    });
    script.otherwise({ body: {} });

    for (let i = 0; i < 6; i += 1) await graph.get(`/sites/s1/lists/topics/items/${i}`);

    // 100 units left for 30 s: one single read every 300 ms.
    const gaps = script.seen.slice(1).map((s, i) => s.at - (script.seen[i]?.at ?? 0));
    expect(gaps.slice(1).every((gap) => gap >= 300)).toBe(true);
  });

  it('does not slow down below 80 % use', async () => {
    const { graph, script, clock } = scriptedGraph({ budgetPerMinute: 100_000 });
    script.reply({
      headers: { 'RateLimit-Limit': '1000', 'RateLimit-Remaining': '700', 'RateLimit-Reset': '30' },
      body: {},
    });
    script.otherwise({ body: {} });

    for (let i = 0; i < 6; i += 1) await graph.get(`/sites/s1/lists/topics/items/${i}`);

    expect(clock.slept).toEqual([]);
  });

  it('holds every request until the reset when nothing remains', async () => {
    const { graph, script, clock } = scriptedGraph({ budgetPerMinute: 100_000 });
    script.reply({
      headers: { 'RateLimit-Limit': '1000', 'RateLimit-Remaining': '0', 'RateLimit-Reset': '20' },
      body: {},
    });
    script.otherwise({ body: {} });
    const start = clock.now();

    await graph.get('/sites/s1');
    await graph.get('/sites/s1');

    expect(script.seen[1]?.at).toBeGreaterThanOrEqual(start + 20_000);
  });

  it('holds the next request after a 429 until its Retry-After, even when the throttled one gave up', async () => {
    const { graph, script, clock } = scriptedGraph({ maxAttempts: 1 });
    script.reply(graphError(429, 'TooManyRequests', { 'retry-after': '10' }), { body: {} });
    const start = clock.now();

    await expect(graph.get('/sites/s1/lists/a/items/1')).rejects.toMatchObject({ status: 429 });
    await graph.get('/sites/s1/lists/b/items/1');

    expect(script.seen[1]?.at).toBeGreaterThanOrEqual(start + 10_000);
  });

  it('reserves slots for concurrent callers without letting them exceed the budget', async () => {
    const start = fakeClock().now();
    const budget = new ResourceBudget(60, { now: () => start, sleep: async () => undefined });
    const waits = await Promise.all(Array.from({ length: 10 }, () => budget.take(2)));

    // 3 units of burst, then one unit every 60 s / 57.
    expect(waits[0]).toBe(0);
    expect(waits).toEqual([...waits].sort((a, b) => a - b));
    expect(waits[9]).toBeCloseTo(17 * (60_000 / 57), 3);
  });
});
