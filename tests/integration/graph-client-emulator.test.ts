import { createGraphApi, staticTokenAuth, type GraphApi } from '../../teams-app/graph';
import { GraphEmulator, type GraphEmulatorOptions } from '../support/graph-emulator';

/** A clock that moves only when the client sleeps: throttling waits cost no real time. */
function virtualClock() {
  let time = Date.parse('2026-12-01T09:00:00Z');
  return {
    now: () => time,
    sleep: async (ms: number) => {
      time += ms;
    },
  };
}

/** The production Graph layer with the emulator as its last middleware, both on one virtual clock. */
function clientOn(options: GraphEmulatorOptions & { clientBudget?: number } = {}) {
  const clock = virtualClock();
  const emulator = new GraphEmulator({ now: clock.now, ...options });
  const graph = createGraphApi(
    {
      baseUrl: 'https://graph.microsoft.com/v1.0',
      auth: staticTokenAuth(emulator.token),
      budgetPerMinute: options.clientBudget ?? 1_000_000,
    },
    { middleware: emulator.middleware(), ...clock },
  );
  return { emulator, graph, clock };
}

async function createEventsList(graph: GraphApi, siteId: string): Promise<string> {
  await graph.post(`/sites/${siteId}/lists`, {
    displayName: 'Events',
    columns: [{ name: 'Seq', number: {}, indexed: true }],
    list: { template: 'genericList' },
  });
  return `/sites/${siteId}/lists/Events/items`;
}

const seqOf = (item: { fields?: { Seq?: number } }) => item.fields?.Seq;

describe('the Graph layer against the Graph emulator', () => {
  it('reads a list past one page by following the emulator’s nextLinks', async () => {
    const { emulator, graph } = clientOn({ pageSize: 5 });
    const items = await createEventsList(graph, emulator.siteId);
    for (let seq = 1; seq <= 12; seq += 1) await graph.post(items, { fields: { Title: `e${seq}`, Seq: seq } });
    const before = graph.stats.roundtrips;

    const all = await graph.all<{ fields?: { Seq?: number } }>(`${items}?expand=fields`);

    expect(all.map(seqOf)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(graph.stats.roundtrips - before).toBe(3);
  });

  it('reads 45 items in 3 batches, answers matched by id although the emulator shuffles them', async () => {
    const { emulator, graph } = clientOn({ shuffleBatchResponses: true });
    const items = await createEventsList(graph, emulator.siteId);
    const created = await graph.batch(
      Array.from({ length: 45 }, (_, i) => ({ method: 'POST' as const, url: items, body: { fields: { Seq: i } } })),
    );
    const ids = created.map((r) => (r.body as { id: string }).id);
    const requestsBefore = emulator.stats.requests;

    const read = await graph.batch(ids.map((id) => ({ method: 'GET' as const, url: `${items}/${id}?expand=fields` })));

    expect(created.every((r) => r.status === 201)).toBe(true);
    expect(read.map((r) => r.status)).toEqual(Array(45).fill(200));
    expect(read.map((r) => seqOf(r.body as { fields?: { Seq?: number } }))).toEqual(
      Array.from({ length: 45 }, (_, i) => i),
    );
    expect(emulator.stats.requests - requestsBefore).toBe(3);
  });

  it('stays out of 429 when its budget matches the tenant’s, within 1.2× of the time the budget allows', async () => {
    const { emulator, graph, clock } = clientOn({ budgetPerMinute: 300, clientBudget: 300 });
    const items = await createEventsList(graph, emulator.siteId);
    const start = clock.now();

    for (let seq = 0; seq < 400; seq += 1) await graph.post(items, { fields: { Seq: seq } });

    const elapsedMs = clock.now() - start;
    const boundMs = ((400 * 2) / 300) * 60_000;
    expect(emulator.stats.throttled).toBe(0);
    expect(elapsedMs).toBeLessThanOrEqual(1.2 * boundMs);
    expect(emulator.items('Events')).toHaveLength(400);
  });

  it('loses nothing when the tenant throttles harder than the budget expects: 429s are waited out and retried', async () => {
    const { emulator, graph } = clientOn({ budgetPerMinute: 100, clientBudget: 1_000_000 });
    const items = await createEventsList(graph, emulator.siteId);

    for (let seq = 0; seq < 120; seq += 1) await graph.post(items, { fields: { Seq: seq } });
    const batched = await graph.batch(
      Array.from({ length: 30 }, (_, i) => ({
        method: 'POST' as const,
        url: items,
        body: { fields: { Seq: 1000 + i } },
      })),
    );

    expect(graph.stats.throttled).toBeGreaterThan(0);
    expect(batched.every((r) => r.status === 201)).toBe(true);
    expect(emulator.items('Events')).toHaveLength(150);
  });

  it('follows a calendar delta to its deltaLink and starts over when the emulator expires the token', async () => {
    const { emulator, graph } = clientOn({ pageSize: 2 });
    const events = `/groups/${emulator.groupId}/events`;
    for (let day = 1; day <= 3; day += 1) {
      await graph.post(events, {
        subject: `ISC-TF meeting ${day}`,
        start: { dateTime: `2027-01-0${day}T09:00:00`, timeZone: 'UTC' },
        end: { dateTime: `2027-01-0${day}T10:00:00`, timeZone: 'UTC' },
      });
    }
    const view = `/groups/${emulator.groupId}/calendarView/delta?startDateTime=2027-01-01T00:00:00Z&endDateTime=2027-02-01T00:00:00Z`;

    const first = await graph.delta<{ id: string }>(view);
    emulator.expireDeltaTokens();
    const again = await graph.delta<{ id: string }>(view, first.deltaLink);

    expect(first).toMatchObject({ restarted: false, deltaLink: expect.stringContaining('/calendarView/delta') });
    expect(first.items).toHaveLength(3);
    expect(again.restarted).toBe(true);
    expect(again.items.map((e) => e.id).sort()).toEqual(first.items.map((e) => e.id).sort());
  });

  it('talks HTTP to the emulator server with its token, and is refused without it', async () => {
    const emulator = new GraphEmulator();
    const server = await emulator.listen(0);
    try {
      const graph = createGraphApi({ baseUrl: server.url, auth: staticTokenAuth(emulator.token) });
      const wrong = createGraphApi({ baseUrl: server.url, auth: staticTokenAuth('not-the-token') });

      await expect(graph.get<{ id: string }>('/sites/root')).resolves.toMatchObject({ id: emulator.siteId });
      await expect(wrong.get('/sites/root')).rejects.toMatchObject({ status: 401, appCode: 'graph.access-denied' });
    } finally {
      await server.close();
    }
  });
});
