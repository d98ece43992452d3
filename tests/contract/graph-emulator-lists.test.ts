import { GraphError } from '@microsoft/microsoft-graph-client';
import { callerFor, GraphEmulator, graphClientFor, HONOR_NON_INDEXED } from '../support/graph-emulator';

/** A list with typed columns, as the SharePoint store provisions them. */
async function topicsList(call: ReturnType<typeof callerFor>, siteId: string) {
  const created = await call('POST', `/sites/${siteId}/lists`, {
    displayName: 'Topics',
    columns: [
      { name: 'Key', text: {}, indexed: true, enforceUniqueValues: true },
      { name: 'Status', choice: { choices: ['open', 'closed'] }, indexed: true },
      { name: 'Rank', number: {} },
      { name: 'Due', dateTime: {}, indexed: true },
      { name: 'Record', text: { allowMultipleLines: true } },
    ],
    list: { template: 'genericList' },
  });
  expect(created.status).toBe(201);
  return created.body as { id: string };
}

function setup(options: ConstructorParameters<typeof GraphEmulator>[0] = {}) {
  const emulator = new GraphEmulator(options);
  const call = callerFor(emulator);
  const items = `/sites/${emulator.siteId}/lists/Topics/items`;
  return { emulator, call, items };
}

describe('Graph emulator: sites and authentication', () => {
  it('answers 401 with the error envelope when the bearer token is missing or wrong', async () => {
    const emulator = new GraphEmulator();
    const attempts: Array<Record<string, string>> = [
      {},
      { authorization: 'Bearer wrong' },
      { authorization: emulator.token },
    ];
    for (const headers of attempts) {
      const reply = await emulator.handle({ method: 'GET', url: '/v1.0/sites/root', headers });
      expect(reply.status).toBe(401);
      const body = JSON.parse(reply.body.toString());
      expect(body.error.code).toBe('InvalidAuthenticationToken');
      expect(body.error.innerError['request-id']).toEqual(expect.any(String));
    }
  });

  it('serves the one site at /sites/root, by id and by path through the graph client middleware', async () => {
    const emulator = new GraphEmulator();
    const client = graphClientFor(emulator);
    const root = await client.api('/sites/root').get();
    expect(root.id).toBe(emulator.siteId);
    expect((await client.api(`/sites/${emulator.siteId}`).get()).webUrl).toBe(root.webUrl);
    expect((await client.api('/sites/contoso.sharepoint.com:/sites/isc-coordinator').get()).id).toBe(emulator.siteId);
    await expect(client.api('/sites/contoso.sharepoint.com,1,2').get()).rejects.toMatchObject({ statusCode: 404 });
  });

  it('records what clients sent, without their tokens, and fails injected requests before any rule', async () => {
    const emulator = new GraphEmulator();
    const client = graphClientFor(emulator);
    emulator.injectFault({ method: 'GET', path: '/sites/root', status: 503, retryAfterSeconds: 2 });
    const failed = await client
      .api('/sites/root')
      .header('User-Agent', 'NONISV|ITU|ISCCoordinator/0.1.0')
      .get()
      .catch((e: unknown) => e);
    expect(failed).toMatchObject({ statusCode: 503, code: 'serviceNotAvailable' });
    expect((await client.api('/sites/root').get()).id).toBe(emulator.siteId);
    const [first, second] = emulator.requests();
    expect(first).toMatchObject({ method: 'GET', url: '/sites/root', status: 503, batched: false });
    expect(first?.headers['user-agent']).toBe('NONISV|ITU|ISCCoordinator/0.1.0');
    expect(first?.headers.authorization).toBeUndefined();
    expect(second?.status).toBe(200);
  });

  it('answers an unknown segment with 400 and a wrong method with 405, in the envelope', async () => {
    const { call, emulator } = setup();
    const unknown = await call('GET', `/sites/${emulator.siteId}/nothing-here`);
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatchObject({ code: 'BadRequest', message: expect.stringContaining('nothing-here') });
    expect((await call('DELETE', `/sites/${emulator.siteId}/lists`)).status).toBe(405);
  });
});

describe('Graph emulator: lists and columns', () => {
  it('creates a list with typed columns and returns it by display name with its columns expanded', async () => {
    const { call, emulator } = setup();
    const list = await topicsList(call, emulator.siteId);
    const read = await call('GET', `/sites/${emulator.siteId}/lists/Topics?expand=columns`);
    expect(read.body.id).toBe(list.id);
    expect(read.body.list.template).toBe('genericList');
    const key = read.body.columns.find((c: { name: string }) => c.name === 'Key');
    expect(key).toMatchObject({ indexed: true, enforceUniqueValues: true, text: {} });
    expect(read.body.columns.find((c: { name: string }) => c.name === 'Record').text.allowMultipleLines).toBe(true);
    expect((await call('GET', `/sites/${emulator.siteId}/lists/${list.id}/columns`)).body.value.length).toBe(
      read.body.columns.length,
    );
    expect((await call('POST', `/sites/${emulator.siteId}/lists`, { displayName: 'Topics' })).status).toBe(409);
  });

  it('refuses unknown properties in list, column and item bodies with 400 and the error envelope', async () => {
    const { call, emulator, items } = setup();
    await topicsList(call, emulator.siteId);
    const list = await call('POST', `/sites/${emulator.siteId}/lists`, { displayName: 'X', colour: 'red' });
    expect(list.status).toBe(400);
    expect(list.body.error.message).toContain("'colour'");
    const column = await call('POST', `/sites/${emulator.siteId}/lists/Topics/columns`, {
      name: 'Y',
      text: { maxLenght: 10 },
    });
    expect(column.status).toBe(400);
    const item = await call('POST', items, { fields: { Key: 'k1' }, extra: true });
    expect(item.status).toBe(400);
    const field = await call('POST', items, { fields: { Key: 'k1', Colour: 'red' } });
    expect(field.status).toBe(400);
    expect(field.body.error).toMatchObject({ code: 'invalidRequest', message: "Field 'Colour' is not recognized" });
    expect(Object.keys(field.body.error.innerError)).toEqual(expect.arrayContaining(['request-id', 'date']));
    expect(emulator.items('Topics')).toEqual([]);
  });

  it('indexes a column on PATCH, refuses indexing a multi-line column, and keeps at most 20 indexed columns', async () => {
    const { call, emulator } = setup();
    await topicsList(call, emulator.siteId);
    const columns = `/sites/${emulator.siteId}/lists/Topics/columns`;
    expect((await call('PATCH', `${columns}/Rank`, { indexed: true })).body.indexed).toBe(true);
    expect((await call('PATCH', `${columns}/Record`, { indexed: true })).status).toBe(400);
    expect((await call('PATCH', `${columns}/Rank`, { number: {}, text: {} })).status).toBe(400);
    const already = emulator.list('Topics')?.columns.filter((c) => c.indexed && !c.system).length ?? 0;
    for (let i = already; i < 20; i += 1)
      expect((await call('POST', columns, { name: `I${i}`, text: {}, indexed: true })).status).toBe(201);
    const over = await call('POST', columns, { name: 'I20', text: {}, indexed: true });
    expect(over.status).toBe(400);
  });
});

describe('Graph emulator: list items', () => {
  it('changes the eTag on every write, in the "<guid>,<version>" form', async () => {
    const { call, emulator, items } = setup();
    await topicsList(call, emulator.siteId);
    const created = await call('POST', items, { fields: { Key: 'k1', Rank: 1 } });
    expect(created.status).toBe(201);
    expect(created.body.eTag).toMatch(/^"[0-9a-f-]{36},1"$/);
    expect(created.body.fields['@odata.etag']).toBe(created.body.eTag);
    const seen = new Set([created.body.eTag]);
    let etag = created.body.eTag;
    for (const rank of [2, 3]) {
      const updated = await call('PATCH', `${items}/${created.body.id}/fields`, { Rank: rank });
      expect(updated.status).toBe(200);
      etag = updated.body['@odata.etag'];
      expect(seen.has(etag)).toBe(false);
      seen.add(etag);
    }
    expect(etag).toMatch(/,3"$/);
    const whole = await call('PATCH', `${items}/${created.body.id}`, { fields: { Rank: 4 } });
    expect(whole.body.eTag).toMatch(/,4"$/);
  });

  it('refuses a stale If-Match with 412 and changes nothing; the current eTag and * pass', async () => {
    const { call, emulator, items } = setup();
    await topicsList(call, emulator.siteId);
    const created = await call('POST', items, { fields: { Key: 'k1', Rank: 1 } });
    const first = created.body.eTag as string;
    const second = (await call('PATCH', `${items}/1/fields`, { Rank: 2 }, { 'if-match': first })).body['@odata.etag'];
    const stale = await call('PATCH', `${items}/1/fields`, { Rank: 99 }, { 'if-match': first });
    expect(stale.status).toBe(412);
    expect(stale.body.error.code).toBe('resourceModified');
    expect(emulator.items('Topics')[0]).toMatchObject({ Rank: 2, '@odata.etag': second });
    expect((await call('DELETE', `${items}/1`, undefined, { 'if-match': first })).status).toBe(412);
    expect(emulator.items('Topics')).toHaveLength(1);
    expect((await call('PATCH', `${items}/1/fields`, { Rank: 3 }, { 'if-match': '*' })).status).toBe(200);
    const current = String(emulator.items('Topics')[0]?.['@odata.etag']);
    expect((await call('DELETE', `${items}/1`, undefined, { 'if-match': current })).status).toBe(204);
    expect((await call('GET', `${items}/1`)).status).toBe(404);
  });

  it('turns a 412 into a graph client error the client can read', async () => {
    const { call, emulator, items } = setup();
    await topicsList(call, emulator.siteId);
    const client = graphClientFor(emulator);
    const created = await client.api(items).post({ fields: { Key: 'k1' } });
    await client.api(`${items}/${created.id}/fields`).patch({ Rank: 1 });
    const error = await client
      .api(`${items}/${created.id}/fields`)
      .header('If-Match', created.eTag)
      .patch({ Rank: 2 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphError);
    expect(error).toMatchObject({ statusCode: 412, code: 'resourceModified' });
  });

  it('refuses $filter and $orderby on a non-indexed column unless Prefer allows it', async () => {
    const { call, emulator, items } = setup();
    await topicsList(call, emulator.siteId);
    for (const [key, status, rank] of [
      ['a', 'open', 3],
      ['b', 'closed', 1],
      ['c', 'open', 2],
    ] as const) {
      await call('POST', items, { fields: { Key: key, Status: status, Rank: rank } });
    }
    const refused = await call('GET', `${items}?expand=fields&$filter=fields/Rank eq 1`);
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain(HONOR_NON_INDEXED);
    expect((await call('GET', `${items}?expand=fields&$orderby=fields/Rank`)).status).toBe(400);
    const allowed = await call('GET', `${items}?expand=fields&$orderby=fields/Rank desc`, undefined, {
      prefer: HONOR_NON_INDEXED,
    });
    expect(allowed.body.value.map((i: any) => i.fields.Key)).toEqual(['a', 'c', 'b']);
    const indexed = await call('GET', `${items}?expand=fields&$filter=fields/Status eq 'open' and fields/Key ne 'c'`);
    expect(indexed.body.value.map((i: any) => i.fields.Key)).toEqual(['a']);
    const notes = await call('GET', `${items}?$filter=fields/Record eq 'x'`, undefined, { prefer: HONOR_NON_INDEXED });
    expect(notes.status).toBe(400);
    expect((await call('GET', `${items}?$filter=fields/Status eq`)).status).toBe(400);
  });

  it('compares text without regard to case and date-times by instant, as SharePoint does', async () => {
    const { call, emulator, items } = setup();
    await topicsList(call, emulator.siteId);
    await call('POST', items, { fields: { Key: 'Alpha', Due: '2026-12-01T10:00:00Z' } });
    await call('POST', items, { fields: { Key: 'beta', Due: '2026-12-02T10:00:00Z' } });
    const byKey = await call('GET', `${items}?expand=fields&$filter=fields/Key eq 'ALPHA'`);
    expect(byKey.body.value.map((i: any) => i.fields.Key)).toEqual(['Alpha']);
    const sorted = await call('GET', `${items}?expand=fields&$orderby=fields/Key desc`);
    expect(sorted.body.value.map((i: any) => i.fields.Key)).toEqual(['beta', 'Alpha']);
    const due = await call('GET', `${items}?expand=fields&$filter=fields/Due lt '2026-12-02T10:00:00.000Z'`);
    expect(due.body.value.map((i: any) => i.fields.Key)).toEqual(['Alpha']);
  });

  it('pages with an opaque nextLink that keeps the query, and following it returns every item once', async () => {
    const { call, emulator, items } = setup({ pageSize: 3 });
    await topicsList(call, emulator.siteId);
    for (let i = 0; i < 10; i += 1)
      await call('POST', items, { fields: { Key: `k${i}`, Status: i % 2 ? 'open' : 'closed' } });
    const keys: string[] = [];
    let url: string | undefined = `${items}?expand=fields&$filter=fields/Status eq 'closed'&$orderby=fields/Key desc`;
    let pages = 0;
    while (url) {
      const page: any = await call('GET', url);
      expect(page.status).toBe(200);
      keys.push(...page.body.value.map((i: any) => i.fields.Key));
      url = page.body['@odata.nextLink'];
      if (url) {
        expect(url).toMatch(/^https:\/\/graph\.microsoft\.com\/v1\.0\/sites\//);
        expect(new URL(url).searchParams.get('$skiptoken')).not.toMatch(/^\d+$/);
      }
      pages += 1;
    }
    expect(keys).toEqual(['k8', 'k6', 'k4', 'k2', 'k0']);
    expect(pages).toBe(2);
    const big = await call('GET', `${items}?$top=50`);
    expect(big.body.value).toHaveLength(10);
    expect(big.body['@odata.nextLink']).toBeUndefined();
    const first: any = await call('GET', `${items}?$top=2`);
    const foreign = new URL(first.body['@odata.nextLink']).searchParams.get('$skiptoken');
    expect((await call('GET', `${items}?$orderby=fields/Key&$skiptoken=${foreign}`)).status).toBe(400);
  });

  it('refuses a duplicate in a column enforcing unique values with 409, on create and on update', async () => {
    const { call, emulator, items } = setup();
    await topicsList(call, emulator.siteId);
    await call('POST', items, { fields: { Key: 'alpha' } });
    const second = await call('POST', items, { fields: { Key: 'beta' } });
    const duplicate = await call('POST', items, { fields: { Key: 'ALPHA' } });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error.message).toContain('[Key]');
    expect((await call('PATCH', `${items}/${second.body.id}/fields`, { Key: 'alpha' })).status).toBe(409);
    expect((await call('PATCH', `${items}/${second.body.id}/fields`, { Key: 'beta', Rank: 1 })).status).toBe(200);
    expect(emulator.items('Topics').map((f) => f.Key)).toEqual(['alpha', 'beta']);
    await call('DELETE', `${items}/1`);
    expect((await call('POST', items, { fields: { Key: 'Alpha' } })).status).toBe(201);
  });

  it('checks values against column types and SharePoint text limits', async () => {
    const { call, emulator, items } = setup();
    await topicsList(call, emulator.siteId);
    expect((await call('POST', items, { fields: { Key: 'x'.repeat(256) } })).status).toBe(400);
    expect((await call('POST', items, { fields: { Key: 'k', Rank: 'three' } })).status).toBe(400);
    expect((await call('POST', items, { fields: { Key: 'k', Status: 'maybe' } })).status).toBe(400);
    expect((await call('POST', items, { fields: { Key: 'k', Due: 'tomorrow' } })).status).toBe(400);
    expect((await call('POST', items, { fields: { Key: 'k', Record: 'x'.repeat(64_000) } })).status).toBe(400);
    expect((await call('POST', items, { fields: { Key: 'k', Created: '2026-01-01T00:00:00Z' } })).status).toBe(400);
    const json = JSON.stringify({ title: 'A topic', body: 'y'.repeat(60_000) });
    const ok = await call('POST', items, { fields: { Key: 'k', Record: json, Due: '2026-12-01T10:00:00.000Z' } });
    expect(ok.status).toBe(201);
    expect(ok.body.fields).toMatchObject({ Record: json, Due: '2026-12-01T10:00:00Z' });
    expect(ok.body.fields).not.toHaveProperty('Rank');
  });

  it('keeps the versions of an item, newest first, with their fields', async () => {
    const { call, emulator, items } = setup();
    await topicsList(call, emulator.siteId);
    await call('POST', items, { fields: { Key: 'k', Rank: 1 } });
    await call('PATCH', `${items}/1/fields`, { Rank: 2 });
    await call('PATCH', `${items}/1/fields`, { Rank: null });
    const versions = await call('GET', `${items}/1/versions?expand=fields`);
    expect(versions.body.value.map((v: any) => v.id)).toEqual(['3.0', '2.0', '1.0']);
    expect(versions.body.value.map((v: any) => v.fields.Rank)).toEqual([undefined, 2, 1]);
    expect((await call('GET', `${items}/1/versions/2.0`)).body.fields).toMatchObject({ Key: 'k', Rank: 2 });
  });
});
