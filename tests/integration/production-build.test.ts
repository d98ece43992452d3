/**
 * The production start: `npm run build:server` compiles the server into one bundle with a V8 code cache, and
 * `node dist/server/main.js` runs it. Built here into a temporary folder and started as its own process.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { AAD } from '../support/activities';
import { DEMO_TENANT_ID } from '../../teams-app/store/demo/seed';

const ROOT = path.resolve(__dirname, '../..');

/** A started compiled server and the address it printed. */
interface Started {
  child: ChildProcess;
  url: string;
}

/** Starts the built entry on a free port (PORT=0) and resolves with the address it logs. */
function start(entry: string, dataDir: string): Promise<Started> {
  const child = spawn(process.execPath, [entry], {
    cwd: ROOT,
    // The bundle leaves better-sqlite3 (native) to node_modules, found from the repository here.
    env: { PATH: process.env.PATH ?? '', PORT: '0', DATA_DIR: dataDir, NODE_PATH: path.join(ROOT, 'node_modules') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let printed = '';
    const timer = setTimeout(() => reject(new Error(`no start within 30 s:\n${printed}`)), 30_000);
    const read = (chunk: Buffer) => {
      printed += chunk.toString();
      const url = /"url":"(http:\/\/localhost:\d+)"/.exec(printed)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve({ child, url: url.replace('localhost', '127.0.0.1') });
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code}):\n${printed}`));
    });
  });
}

async function stop(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return child.exitCode;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGTERM');
  return exited;
}

/** An Action.Execute invoke whose verb nobody handles: the bot answers with a notice card in the response. */
function unknownCardAction() {
  return {
    type: 'invoke',
    name: 'adaptiveCard/action',
    id: 'invoke-1',
    channelId: 'msteams',
    serviceUrl: 'http://127.0.0.1:9/',
    from: { id: `29:${AAD.alex}`, name: 'Alex Wilber', aadObjectId: AAD.alex },
    recipient: { id: '28:bot', name: 'ISC Coordinator' },
    conversation: { id: `a:${AAD.alex}`, conversationType: 'personal', tenantId: DEMO_TENANT_ID },
    value: { action: { type: 'Action.Execute', verb: 'no.such.verb', data: {} }, trigger: 'manual' },
  };
}

describe('production build', () => {
  let dir: string;
  let outdir: string;
  let running: ChildProcess | null = null;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'isc-build-test-'));
    outdir = path.join(dir, 'server');
    const build = spawnSync(process.execPath, [path.join(ROOT, 'scripts/build-server.mjs'), outdir], {
      cwd: ROOT,
      env: { ...process.env, NODE_PATH: path.join(ROOT, 'node_modules') },
      encoding: 'utf8',
    });
    if (build.status !== 0) throw new Error(`the build failed:\n${build.stdout}\n${build.stderr}`);
  }, 180_000);
  afterEach(async () => {
    if (running) await stop(running);
    running = null;
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes the entry, the bundle and its code cache', () => {
    for (const file of ['main.js', 'server.js', 'server.js.cache', 'server.js.map']) {
      expect(fs.statSync(path.join(outdir, file)).size).toBeGreaterThan(0);
    }
  });

  it('starts on an empty data folder and answers health, the register and the bot, then stops cleanly', async () => {
    const started = await start(path.join(outdir, 'main.js'), path.join(dir, 'data-1'));
    running = started.child;
    const health = await fetch(`${started.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', store: { ok: true, kind: 'sqlite' } });
    const topics = (await (await fetch(`${started.url}/api/v1/topics`)).json()) as { items: unknown[] };
    expect(topics.items).toHaveLength(18);
    // The first bot request loads the Bot Framework SDK from the bundle.
    const invoke = await fetch(`${started.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(unknownCardAction()),
    });
    expect(invoke.status).toBe(200);
    expect(await invoke.json()).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expect(await stop(started.child)).toBe(0);
  }, 60_000);

  it('does not use a code cache made from another bundle of the same length, and writes a new one', async () => {
    const bundle = path.join(outdir, 'server.js');
    const cache = path.join(outdir, 'server.js.cache');
    const source = fs.readFileSync(bundle, 'utf8');
    const changed = source.replace(/sourceMappingURL=server\.js\.map\s*$/, 'sourceMappingURL=server.js.mop\n');
    expect(changed).not.toBe(source);
    expect(Buffer.byteLength(changed)).toBe(Buffer.byteLength(source));
    fs.writeFileSync(bundle, changed);
    const before = fs.readFileSync(cache);
    const started = await start(path.join(outdir, 'main.js'), path.join(dir, 'data-3'));
    running = started.child;
    expect((await fetch(`${started.url}/healthz`)).status).toBe(200);
    const after = fs.readFileSync(cache);
    expect(after.readUInt32LE(0)).toBe(zlib.crc32(Buffer.from(changed)));
    expect(after.readUInt32LE(0)).not.toBe(before.readUInt32LE(0));
  }, 60_000);

  it('writes the code cache again when it is missing, as after an upgrade of Node', async () => {
    const cache = path.join(outdir, 'server.js.cache');
    fs.rmSync(cache);
    const started = await start(path.join(outdir, 'main.js'), path.join(dir, 'data-2'));
    running = started.child;
    expect((await fetch(`${started.url}/healthz`)).status).toBe(200);
    expect(fs.statSync(cache).size).toBeGreaterThan(0);
  }, 60_000);
});
