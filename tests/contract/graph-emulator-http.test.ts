import { spawn } from 'node:child_process';
import path from 'node:path';
import { GraphEmulator, type EmulatorServer } from '../support/graph-emulator';

const ROOT = path.resolve(__dirname, '../..');

describe('Graph emulator over HTTP', () => {
  let server: EmulatorServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('serves /v1.0 on 127.0.0.1, refusing requests without the bearer token', async () => {
    const emulator = new GraphEmulator({ latencyMs: 2 });
    server = await emulator.listen(0);
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1\.0$/);
    const anonymous = await fetch(`${server.url}/sites/root`);
    expect(anonymous.status).toBe(401);
    expect((await anonymous.json()).error.code).toBe('InvalidAuthenticationToken');
    const site = await fetch(`${server.url}/sites/root`, { headers: { Authorization: `Bearer ${emulator.token}` } });
    expect(site.status).toBe(200);
    expect(site.headers.get('request-id')).toEqual(expect.any(String));
    expect((await site.json()).id).toBe(emulator.siteId);
  });

  it('gives absolute links on its own address: nextLinks and upload URLs work over HTTP', async () => {
    const emulator = new GraphEmulator({ pageSize: 1 });
    server = await emulator.listen(0);
    const auth = { Authorization: `Bearer ${emulator.token}`, 'Content-Type': 'application/json' };
    const lists = `${server.url}/sites/${emulator.siteId}/lists`;
    await fetch(lists, { method: 'POST', headers: auth, body: JSON.stringify({ displayName: 'People' }) });
    for (const title of ['a', 'b']) {
      await fetch(`${lists}/People/items`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({ fields: { Title: title } }),
      });
    }
    const first = await (await fetch(`${lists}/People/items?expand=fields`, { headers: auth })).json();
    expect(first['@odata.nextLink'].startsWith(server.url)).toBe(true);
    const second = await (await fetch(first['@odata.nextLink'], { headers: auth })).json();
    expect(second.value[0].fields.Title).toBe('b');

    const session = await (
      await fetch(`${server.url}/sites/${emulator.siteId}/drive/root:/big.docx:/createUploadSession`, {
        method: 'POST',
        headers: auth,
        body: '{}',
      })
    ).json();
    expect(session.uploadUrl.startsWith(server.url)).toBe(true);
    const done = await fetch(session.uploadUrl, {
      method: 'PUT',
      headers: { 'Content-Range': 'bytes 0-4/5' },
      body: 'hello',
    });
    expect(done.status).toBe(201);
    expect(emulator.readFile('big.docx')?.toString()).toBe('hello');
  });

  it('runs as `npm run graph-emulator`, printing its address and site id', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'scripts/graph-emulator.ts', '--port', '0', '--latency', '1'],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    try {
      const output = await new Promise<string>((resolve, reject) => {
        let text = '';
        child.stdout.on('data', (chunk: Buffer) => {
          text += chunk.toString();
          if (text.includes('group id:')) resolve(text);
        });
        child.once('exit', (code) => reject(new Error(`exited with ${code}: ${text}`)));
      });
      const url = /listening on (\S+)/.exec(output)?.[1] ?? '';
      expect(output).toContain(new GraphEmulator().siteId);
      expect((await fetch(`${url}/sites/root`)).status).toBe(401);
      const site = await fetch(`${url}/sites/root`, { headers: { Authorization: 'Bearer emulator-token' } });
      expect((await site.json()).id).toBe(new GraphEmulator().siteId);
    } finally {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
    }
  });
});
