import { graphError, scriptedGraph, BASE_URL } from './scripted-graph';

const page = (items: number[], next?: string, delta?: string) => ({
  body: {
    value: items.map((id) => ({ id: `${id}` })),
    ...(next ? { '@odata.nextLink': next } : {}),
    ...(delta ? { '@odata.deltaLink': delta } : {}),
  },
});

/** Opaque continuation links, as SharePoint makes them. */
const link = (token: string) => `${BASE_URL}/sites/s1/lists/l1/items?$expand=fields&$top=2&$skiptoken=${token}`;

describe('Graph paging', () => {
  it('follows @odata.nextLink whole over 3 pages and gathers every item', async () => {
    const { graph, script } = scriptedGraph();
    script.reply(
      page([1, 2], link('UGFnZWQ9VFJVRSZwX0lEPTI%3d')),
      page([3, 4], link('UGFnZWQ9VFJVRSZwX0lEPTQ%3d')),
      page([5]),
    );

    const items = await graph.all<{ id: string }>('/sites/s1/lists/l1/items?$expand=fields&$top=2', {
      Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly',
    });

    expect(items.map((i) => i.id)).toEqual(['1', '2', '3', '4', '5']);
    expect(script.seen.map((s) => s.url)).toEqual([
      `${BASE_URL}/sites/s1/lists/l1/items?$expand=fields&$top=2`,
      link('UGFnZWQ9VFJVRSZwX0lEPTI%3d'),
      link('UGFnZWQ9VFJVRSZwX0lEPTQ%3d'),
    ]);
    expect(script.seen.every((s) => s.headers.prefer === 'HonorNonIndexedQueriesWarningMayFailRandomly')).toBe(true);
    expect(graph.stats).toMatchObject({ requests: 3, roundtrips: 3, units: 6 });
  });

  it('gives the pages one at a time', async () => {
    const { graph, script } = scriptedGraph();
    script.reply(page([1, 2], link('a')), page([3]));

    const pages: string[][] = [];
    for await (const items of graph.pages<{ id: string }>('/sites/s1/lists/l1/items'))
      pages.push(items.map((i) => i.id));

    expect(pages).toEqual([['1', '2'], ['3']]);
  });

  it('fails clearly when a collection answer has no value array', async () => {
    const { graph, script } = scriptedGraph();
    script.reply({ body: { id: 'not-a-collection' } });

    await expect(graph.all('/sites/s1/lists')).rejects.toMatchObject({ code: 'invalidCollection' });
  });
});

describe('Graph delta', () => {
  const initial = '/groups/g1/calendarView/delta?startDateTime=2026-12-01T00:00:00Z&endDateTime=2027-12-01T00:00:00Z';
  const deltaLink = (n: number) => `${BASE_URL}/groups/g1/calendarView/delta?$deltatoken=token-${n}`;
  const nextLink = (n: number) => `${BASE_URL}/groups/g1/calendarView/delta?$skiptoken=skip-${n}`;

  it('follows nextLinks to the deltaLink', async () => {
    const { graph, script } = scriptedGraph();
    script.reply(page([1], nextLink(1)), page([2], nextLink(2)), page([3], undefined, deltaLink(1)));

    const result = await graph.delta<{ id: string }>(initial);

    expect(result).toEqual({
      items: [{ id: '1' }, { id: '2' }, { id: '3' }],
      deltaLink: deltaLink(1),
      restarted: false,
    });
    expect(script.seen.map((s) => s.url)).toEqual([`${BASE_URL}${initial}`, nextLink(1), nextLink(2)]);
  });

  it('starts from the saved deltaLink and returns only the changes with the next deltaLink', async () => {
    const { graph, script } = scriptedGraph();
    script.reply(page([7], undefined, deltaLink(2)));

    const result = await graph.delta<{ id: string }>(initial, deltaLink(1));

    expect(script.seen[0]?.url).toBe(deltaLink(1));
    expect(result).toEqual({ items: [{ id: '7' }], deltaLink: deltaLink(2), restarted: false });
  });

  it('starts over from the initial query when the delta token has expired (410)', async () => {
    const { graph, script } = scriptedGraph();
    script.reply(graphError(410, 'syncStateNotFound'), page([1], nextLink(3)), page([2], undefined, deltaLink(3)));

    const result = await graph.delta<{ id: string }>(initial, deltaLink(1));

    expect(result).toEqual({ items: [{ id: '1' }, { id: '2' }], deltaLink: deltaLink(3), restarted: true });
    expect(script.seen.map((s) => s.url)).toEqual([deltaLink(1), `${BASE_URL}${initial}`, nextLink(3)]);
  });

  it('does not loop when the fresh query also answers 410', async () => {
    const { graph, script } = scriptedGraph();
    script.otherwise(graphError(410, 'syncStateNotFound'));

    await expect(graph.delta(initial, deltaLink(1))).rejects.toMatchObject({ status: 410 });
    expect(script.seen).toHaveLength(2);
  });
});
