import packageJson from '../../../package.json';
import { createGraphApi, staticTokenAuth } from '../../../teams-app/graph';
import { ScriptedGraph, scriptedGraph } from './scripted-graph';

describe('Graph requests', () => {
  it('sends the User-Agent SharePoint asks for, with the package version', async () => {
    const { graph, script } = scriptedGraph();
    script.otherwise({ body: {} });

    await graph.get('/sites/root');
    await graph.batch([{ method: 'GET', url: '/sites/root' }]).catch(() => undefined);

    for (const seen of script.seen) {
      expect(seen.headers['user-agent']).toBe(`NONISV|ITU|ISCCoordinator/${packageJson.version}`);
    }
  });

  it('carries the bearer token to Graph and a client-request-id for support', async () => {
    const { graph, script } = scriptedGraph();
    script.otherwise({ body: {} });

    await graph.get('/sites/root');

    expect(script.seen[0]?.headers.authorization).toBe('Bearer test-token');
    expect(script.seen[0]?.headers['client-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sends no token to an upload URL on another host', async () => {
    const { graph, script } = scriptedGraph();
    script.otherwise({ status: 202, body: { nextExpectedRanges: ['10-'] } });

    await graph.request({
      method: 'PUT',
      url: 'https://contoso.sharepoint.com/_api/v2.0/uploadSession?guid=abc&path=x',
      headers: { 'Content-Range': 'bytes 0-9/20' },
      body: Buffer.alloc(10),
    });

    expect(script.seen[0]?.headers.authorization).toBeUndefined();
    expect(script.seen[0]?.headers['content-type']).toBe('application/octet-stream');
  });

  it('gives the emulator (an http base URL) its token too', async () => {
    const script = new ScriptedGraph().otherwise({ body: { id: 'root' } });
    const graph = createGraphApi(
      { baseUrl: 'http://127.0.0.1:4567/v1.0', auth: staticTokenAuth('emulator-token') },
      { middleware: script },
    );

    await graph.get('/sites/root');

    expect(script.seen[0]).toMatchObject({
      url: 'http://127.0.0.1:4567/v1.0/sites/root',
      headers: { authorization: 'Bearer emulator-token' },
    });
  });

  it('sends a URL Graph gave exactly as given, query and all', async () => {
    const { graph, script } = scriptedGraph();
    script.otherwise({ body: {} });
    const url =
      "https://graph.microsoft.com/v1.0/sites/s1/lists/l1/items?$expand=fields&$filter=fields/Status%20eq%20'open'&$skiptoken=UGFnZWQ9VFJVRSZwX0lEPTU%3d&$expand=versions";

    await graph.get(url);

    expect(script.seen[0]?.url).toBe(url);
  });

  it('sends JSON with its content type and reads JSON back; 204 gives nothing', async () => {
    const { graph, script } = scriptedGraph();
    script.reply({ status: 201, body: { id: '7', fields: { Title: 'T' } } }, { status: 204 });

    await expect(graph.post('/sites/s1/lists/topics/items', { fields: { Title: 'T' } })).resolves.toEqual({
      id: '7',
      fields: { Title: 'T' },
    });
    await expect(graph.delete('/sites/s1/lists/topics/items/7')).resolves.toBeUndefined();

    expect(script.seen[0]).toMatchObject({
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: { fields: { Title: 'T' } },
    });
    expect(script.seen[1]?.method).toBe('DELETE');
  });

  it('reads file content as bytes', async () => {
    const { graph, script } = scriptedGraph();
    script.reply({ body: Buffer.from([0x50, 0x4b, 3, 4]) });

    const content = await graph.get<Buffer>('/sites/s1/drive/items/1/content');

    expect(Buffer.isBuffer(content)).toBe(true);
    expect([...content]).toEqual([0x50, 0x4b, 3, 4]);
  });

  it('counts requests, round trips and resource units', async () => {
    const { graph, script } = scriptedGraph();
    script.otherwise({ body: { value: [] } });

    await graph.get('/sites/s1/lists/topics/items/1'); // a single read: 1 unit
    await graph.get('/sites/s1/lists/topics/items'); // a list query: 2 units
    await graph.patch('/sites/s1/lists/topics/items/1/fields', { Title: 'x' }); // a write: 2 units

    expect(graph.stats).toEqual({ requests: 3, roundtrips: 3, throttled: 0, units: 5 });
  });

  it('refuses unusable settings with a sentence', () => {
    expect(() => createGraphApi({ baseUrl: 'not a url', auth: staticTokenAuth('t') })).toThrow(/Graph settings/);
  });
});
