import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { loadConfig } from '../../teams-app/server/config';
import { createLogger } from '../../teams-app/server/logger';
import { startServer, type RunningServer } from '../../teams-app/server/main';
import { openSqliteStore } from '../../teams-app/store/sqlite/sqlite-store';
import { messageActivity } from '../support/activities';

const TEAMS_HOSTS = [
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.skype.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://*.office.com',
  'https://*.microsoft365.com',
  'https://*.cloud.microsoft',
];

/** A built tab in a temporary folder: an HTML page and one script asset. */
function fakeTab(dir: string): string {
  const tab = path.join(dir, 'tab');
  fs.mkdirSync(path.join(tab, 'assets'), { recursive: true });
  fs.writeFileSync(
    path.join(tab, 'index.html'),
    '<!doctype html><html><head><script type="module" src="/assets/app.js"></script></head><body></body></html>',
  );
  fs.writeFileSync(path.join(tab, 'assets', 'app.js'), 'console.log("tab");');
  return tab;
}

/** Starts the real server on a temporary folder (file-backed SQLite store and a built tab). */
async function start(dir: string, env: Record<string, string> = {}): Promise<RunningServer> {
  return startServer(loadConfig({ PORT: '0', LOG_LEVEL: 'silent', SEED_DEMO: 'true', ...env }), {
    store: openSqliteStore({ file: path.join(dir, 'store.sqlite') }),
    logger: createLogger('silent'),
    tabDir: fakeTab(dir),
    background: false,
  });
}

/** The directives of a Content-Security-Policy header, by name. */
function directives(header: string | null): Map<string, string[]> {
  return new Map(
    (header ?? '')
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name = '', ...values]) => [name, values]),
  );
}

describe('server hardening (local mode)', () => {
  let dir: string;
  let server: RunningServer;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'isc-hardening-'));
    server = await start(dir);
  });
  afterAll(async () => {
    await server?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const post = (
    route: string,
    headers: Record<string, string>,
    body: string | Uint8Array<ArrayBuffer>,
    method = 'POST',
  ) =>
    fetch(`${server.url}${route}`, {
      method,
      headers: { 'content-type': 'application/json', 'x-dev-user': 'megan-bowen', ...headers },
      body,
    });

  describe('Content-Security-Policy', () => {
    it.each(['/', '/assets/app.js', '/privacy', '/terms', '/config', '/meetings/isc-tf-32'])(
      'allows scripts only from the server and framing only by Teams, Outlook and Microsoft 365 on %s',
      async (route) => {
        const res = await fetch(`${server.url}${route}`);
        expect(res.status).toBe(200);
        const csp = directives(res.headers.get('content-security-policy'));
        expect(csp.get('script-src')).toEqual(["'self'"]);
        expect(csp.get('frame-ancestors')?.sort()).toEqual(["'self'", ...TEAMS_HOSTS].sort());
        expect(csp.get('object-src')).toEqual(["'none'"]);
      },
    );

    it('lets Fluent UI insert styles at run time but never inline scripts', async () => {
      const csp = directives((await fetch(`${server.url}/`)).headers.get('content-security-policy'));
      expect(csp.get('style-src')).toContain("'unsafe-inline'");
      expect(csp.get('script-src')).not.toContain("'unsafe-inline'");
      expect(csp.get('script-src')).not.toContain("'unsafe-eval'");
    });
  });

  describe('Content-Encoding', () => {
    const routes: [string, string][] = [
      ['POST', '/api/messages'],
      ['POST', '/api/v1/meetings/isc-tf-32/updates'],
      ['PATCH', '/api/v1/meetings/isc-tf-32/agenda'],
      ['POST', '/api/v1/meetings/isc-tf-32/agenda/compile'],
      ['POST', '/api/v1/no-such-route'],
    ];

    it.each(routes)('answers an unknown encoding on %s %s with 415 and a coded JSON body', async (method, route) => {
      for (const encoding of ['x-unknown', 'zstd-or-something', 'gzip, x-foo']) {
        const res = await post(route, { 'content-encoding': encoding }, '{}', method);
        expect(res.status).toBe(415);
        expect(((await res.json()) as any).error).toEqual({
          code: 'request.unsupported-encoding',
          message: expect.any(String),
        });
      }
    });

    it.each(routes)(
      'answers a corrupt compressed body on %s %s with 400 and a coded JSON body',
      async (method, route) => {
        for (const encoding of ['gzip', 'deflate', 'br']) {
          const res = await post(route, { 'content-encoding': encoding }, 'this is not compressed', method);
          expect(res.status).toBe(400);
          expect(((await res.json()) as any).error).toEqual({
            code: 'request.undecodable',
            message: expect.any(String),
          });
        }
      },
    );

    it('answers a character set other than UTF-8 with 415 and a coded JSON body', async () => {
      const res = await post(
        '/api/v1/meetings/isc-tf-32/updates',
        { 'content-type': 'application/json; charset=koi8-r' },
        '{}',
      );
      expect(res.status).toBe(415);
      expect(((await res.json()) as any).error.code).toBe('request.unsupported-encoding');
    });

    it('still reads a correctly gzipped body', async () => {
      const body = new Uint8Array(zlib.gzipSync(JSON.stringify({ edit: { op: 'remove', itemId: 'aob' } })));
      const res = await post('/api/v1/meetings/isc-tf-32/agenda', { 'content-encoding': 'gzip' }, body, 'PATCH');
      expect(((await res.json()) as any).error.code).toBe('agenda.not-ready');
    });

    it('translates the refusal for the caller', async () => {
      const res = await post(
        '/api/v1/meetings/isc-tf-32/updates',
        { 'content-encoding': 'x-foo', 'accept-language': 'fr' },
        '{}',
      );
      expect(((await res.json()) as any).error.message).toMatch(/encodage/);
    });
  });

  describe('requests forwarded by a proxy or tunnel ending on loopback', () => {
    const FORWARDED: Record<string, string>[] = [
      { forwarded: 'for=203.0.113.7;proto=https' },
      { 'x-forwarded-for': '203.0.113.7' },
      { 'x-forwarded-host': 'abc.devtunnels.ms' },
      { 'X-Forwarded-Proto': 'https' },
    ];

    it.each(FORWARDED)('refuses the dev identity when the request carries %p', async (headers) => {
      const res = await fetch(`${server.url}/api/v1/me`, { headers: { 'x-dev-user': 'megan-bowen', ...headers } });
      expect(res.status).toBe(403);
      expect(((await res.json()) as any).error.code).toBe('auth.loopback-only');
    });

    it.each(FORWARDED)('refuses unauthenticated bot traffic when the request carries %p', async (headers) => {
      const res = await post('/api/messages', headers, JSON.stringify(messageActivity('http://127.0.0.1:9/', 'help')));
      expect(res.status).toBe(403);
      expect(((await res.json()) as any).error.code).toBe('auth.loopback-only');
    });

    it('still accepts the dev identity from this computer without forwarding headers', async () => {
      const res = await fetch(`${server.url}/api/v1/me`, { headers: { 'x-dev-user': 'megan-bowen' } });
      expect(res.status).toBe(200);
    });
  });

  it('refuses a planned event that ends before it starts on the API path too', async () => {
    const res = await post(
      '/api/v1/meetings/isc-tf-32/updates',
      { 'x-dev-user': 'alex-wilber' },
      JSON.stringify({
        topicId: 'accessibility',
        sector: 'BDT',
        progress: 'Guidelines drafted.',
        events: [{ name: 'WSIS Forum', start: '2027-07-11', end: '2027-07-07', place: 'Geneva' }],
      }),
    );
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as any;
    expect(error.code).toBe('request.invalid');
    expect(error.message).toMatch(/events\.0\.end: The event cannot end before it starts/);
  });

  it('shows the store detail on /healthz in local mode', async () => {
    const body = (await (await fetch(`${server.url}/healthz`)).json()) as any;
    expect(body.store.detail).toContain('store.sqlite');
  });
});

describe('/healthz in production', () => {
  it('reports the store health without any file path', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'isc-health-'));
    const server = await start(dir, {
      MICROSOFT_APP_ID: 'bot-app-id',
      MICROSOFT_APP_PASSWORD: 'bot-secret',
      MICROSOFT_APP_TENANT_ID: '11111111-2222-3333-4444-555555555555',
      AAD_CLIENT_ID: '99999999-8888-7777-6666-555555555555',
    });
    try {
      const res = await fetch(`${server.url}/healthz`);
      const text = await res.text();
      expect(res.status).toBe(200);
      expect(JSON.parse(text)).toEqual({ status: 'ok', mode: 'production', store: { ok: true, kind: 'sqlite' } });
      expect(text).not.toContain(dir);
      expect(text).not.toMatch(/sqlite"?[^,}]*[/\\]/);
    } finally {
      await server.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
