import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { loadConfig } from '../../teams-app/server/config';
import { createLogger } from '../../teams-app/server/logger';
import { startServer, type RunningServer } from '../../teams-app/server/main';
import { openSqliteStore } from '../../teams-app/store/sqlite/sqlite-store';

const SCRIPT = 'console.log("the tab");\n'.repeat(200);
const HTML =
  '<!doctype html><html><head><script type="module" src="/assets/index-B5fpjma-.js"></script></head><body>' +
  '<div id="root"></div>'.repeat(60) +
  '</body></html>';

/** A built tab as Vite lays it out: index.html, hashed assets, one unhashed file, a small file and a dotfile. */
function builtTab(dir: string): string {
  const tab = path.join(dir, 'tab');
  fs.mkdirSync(path.join(tab, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(tab, 'index.html'), HTML);
  fs.writeFileSync(path.join(tab, 'assets', 'index-B5fpjma-.js'), SCRIPT);
  fs.writeFileSync(path.join(tab, 'assets', 'App-Cz_9x2Lq.js'), SCRIPT.replace('tab', 'app'));
  fs.writeFileSync(path.join(tab, 'assets', 'tiny-D4e5F6g7.js'), 'export {};');
  fs.writeFileSync(
    path.join(tab, 'favicon-light.svg'),
    `<svg xmlns="http://www.w3.org/2000/svg">${' '.repeat(2000)}</svg>`,
  );
  fs.writeFileSync(path.join(tab, '.env'), 'SECRET=1');
  return tab;
}

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A GET (or HEAD) that shows the bytes on the wire: fetch would decompress them and add its own headers. */
function raw(url: string, headers: Record<string, string> = {}, method = 'GET'): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the tab as static files', () => {
  let dir: string;
  let tab: string;
  let server: RunningServer;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'isc-static-'));
    tab = builtTab(dir);
    server = await startServer(loadConfig({ PORT: '0', LOG_LEVEL: 'silent', SEED_DEMO: 'false' }), {
      store: openSqliteStore({ file: ':memory:' }),
      logger: createLogger('silent'),
      tabDir: tab,
      background: false,
    });
  });
  afterAll(async () => {
    await server?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const url = (route: string) => `${server.url.replace('localhost', '127.0.0.1')}${route}`;

  it('sends brotli to a client that accepts it, and the bytes decompress to the file', async () => {
    const res = await raw(url('/assets/index-B5fpjma-.js'), { 'accept-encoding': 'gzip, deflate, br' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(res.headers.vary).toBe('Accept-Encoding');
    expect(Number(res.headers['content-length'])).toBe(res.body.length);
    expect(res.body.length).toBeLessThan(SCRIPT.length / 5);
    expect(zlib.brotliDecompressSync(res.body).toString()).toBe(SCRIPT);
  });

  it('sends gzip to a client that accepts only gzip, and the file as it is to one that accepts neither', async () => {
    const gzipped = await raw(url('/assets/index-B5fpjma-.js'), { 'accept-encoding': 'gzip' });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gzipped.body).toString()).toBe(SCRIPT);

    const refused = await raw(url('/assets/index-B5fpjma-.js'), { 'accept-encoding': 'br;q=0, gzip;q=0' });
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(refused.body.toString()).toBe(SCRIPT);
    const none = await raw(url('/assets/index-B5fpjma-.js'));
    expect(none.headers['content-encoding']).toBeUndefined();
    expect(none.body.toString()).toBe(SCRIPT);
    expect(none.headers.etag).not.toBe(gzipped.headers.etag);
  });

  it('lets browsers keep hashed assets for a year without asking again', async () => {
    const res = await raw(url('/assets/App-Cz_9x2Lq.js'), { 'accept-encoding': 'br' });
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('makes browsers revalidate index.html, the pages of the tab and unhashed files, and answers 304 while unchanged', async () => {
    for (const route of ['/', '/index.html', '/meetings/isc-tf-32', '/config', '/favicon-light.svg']) {
      const res = await raw(url(route), { 'accept-encoding': 'br' });
      expect(res.status).toBe(200);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers.etag).toMatch(/^"[\w-]+"$/);
      const again = await raw(url(route), { 'accept-encoding': 'br', 'if-none-match': res.headers.etag! });
      expect(again.status).toBe(304);
      expect(again.body.length).toBe(0);
      expect(again.headers.etag).toBe(res.headers.etag);
    }
    const page = await raw(url('/meetings/isc-tf-32'), { 'accept-encoding': 'br' });
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(zlib.brotliDecompressSync(page.body).toString()).toBe(HTML);
  });

  it('keeps the security headers on static files', async () => {
    for (const route of ['/', '/assets/index-B5fpjma-.js']) {
      const res = await raw(url(route), { 'accept-encoding': 'br' });
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it('does not compress a file too small to gain from it', async () => {
    const res = await raw(url('/assets/tiny-D4e5F6g7.js'), { 'accept-encoding': 'br, gzip' });
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body.toString()).toBe('export {};');
  });

  it('answers HEAD with the headers only', async () => {
    const res = await raw(url('/assets/index-B5fpjma-.js'), { 'accept-encoding': 'br' }, 'HEAD');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(Number(res.headers['content-length'])).toBeGreaterThan(0);
    expect(res.body.length).toBe(0);
  });

  it('answers a missing asset with 404 instead of the page, and never sends dotfiles or files outside the tab', async () => {
    expect((await raw(url('/assets/gone-Aa1Bb2Cc.js'))).status).toBe(404);
    for (const route of ['/.env', '/..%2f..%2fpackage.json', '/%2e%2e/%2e%2e/etc/passwd', '/assets/..%5c..%5c.env']) {
      const res = await raw(url(route));
      expect(res.body.toString()).not.toContain('SECRET');
      expect(res.body.toString()).not.toContain('root:');
      if (res.status === 200) expect(res.body.toString()).toBe(HTML);
    }
  });

  it("sends the build's precompressed file when it is at least as new as the original, and ignores a stale one", async () => {
    const file = path.join(tab, 'assets', 'pre-Ab12Cd34.js');
    fs.writeFileSync(file, SCRIPT);
    fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(Buffer.from('/* precompressed */')));
    const fresh = await raw(url('/assets/pre-Ab12Cd34.js'), { 'accept-encoding': 'br' });
    expect(zlib.brotliDecompressSync(fresh.body).toString()).toBe('/* precompressed */');

    const stale = path.join(tab, 'assets', 'stale-Ef56Gh78.js');
    fs.writeFileSync(stale, SCRIPT);
    fs.writeFileSync(`${stale}.br`, zlib.brotliCompressSync(Buffer.from('/* old build */')));
    const past = new Date(Date.now() - 60_000);
    fs.utimesSync(`${stale}.br`, past, past);
    const res = await raw(url('/assets/stale-Ef56Gh78.js'), { 'accept-encoding': 'br' });
    expect(zlib.brotliDecompressSync(res.body).toString()).toBe(SCRIPT);
  });

  it('serves a rebuilt file, not the copy it keeps in memory', async () => {
    const first = await raw(url('/'), { 'accept-encoding': 'gzip' });
    const rebuilt = HTML.replace('root', 'app-root');
    fs.writeFileSync(path.join(tab, 'index.html'), rebuilt);
    const second = await raw(url('/'), { 'accept-encoding': 'gzip', 'if-none-match': first.headers.etag! });
    expect(second.status).toBe(200);
    expect(zlib.gunzipSync(second.body).toString()).toBe(rebuilt);
  });
});
