import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, generateKeyPair } from 'jose';
import { createBotAdapter } from '../../bot/adapter';
import { RegisterService } from '../../teams-app/services';
import { createApp } from '../../teams-app/server/app';
import { createLogger } from '../../teams-app/server/logger';
import type { RunningServer } from '../../teams-app/server/main';
import { openSqliteStore } from '../../teams-app/store/sqlite/sqlite-store';
import { messageActivity } from '../support/activities';
import { startTestServer } from '../support/server';
import { closeAll } from '../support/lifecycle';

const BOT_APP_ID = 'bot-app-id';
const TENANT = '11111111-2222-3333-4444-555555555555';
const PRODUCTION = {
  MICROSOFT_APP_ID: BOT_APP_ID,
  MICROSOFT_APP_PASSWORD: 'bot-secret',
  MICROSOFT_APP_TENANT_ID: TENANT,
  AAD_CLIENT_ID: '99999999-8888-7777-6666-555555555555',
};

/** A token shaped like the Bot Connector's, signed by a key nobody publishes. */
async function connectorToken(options: { exp?: number | null; iss?: string } = {}): Promise<string> {
  const { privateKey } = await generateKeyPair('RS256');
  const jwt = new SignJWT({ serviceurl: 'http://127.0.0.1:9/' })
    .setProtectedHeader({ alg: 'RS256', kid: 'connector-key' })
    .setIssuer(options.iss ?? 'https://api.botframework.com')
    .setAudience(BOT_APP_ID)
    .setIssuedAt();
  if (options.exp !== null) jwt.setExpirationTime(options.exp ?? Math.floor(Date.now() / 1000) + 3600);
  return jwt.sign(privateKey);
}

/** Everything written to stderr or through console.error/console.warn while `run` runs. */
async function stderrDuring<T>(run: () => Promise<T>): Promise<{ result: T; written: string[] }> {
  const written: string[] = [];
  const spies = [
    jest.spyOn(console, 'error').mockImplementation((...args) => void written.push(args.map(String).join(' '))),
    jest.spyOn(console, 'warn').mockImplementation((...args) => void written.push(args.map(String).join(' '))),
    jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    }),
  ];
  try {
    return { result: await run(), written };
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
}

async function postActivity(url: string, authorization?: string) {
  const res = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify(messageActivity('http://127.0.0.1:9/', 'help')),
  });
  return { status: res.status, text: await res.text() };
}

describe('the bot endpoint in production refuses bad tokens with 401 and a coded body', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startTestServer({ env: PRODUCTION, seed: false });
  });
  afterAll(async () => {
    await server?.close();
  });

  it.each([
    ['no token', async () => undefined, 'auth.required'],
    ['a token that is not a JWT', async () => 'Bearer not-a-jwt', 'auth.invalid-token'],
    ['an expired token', async () => `Bearer ${await connectorToken({ exp: 1_000_000 })}`, 'auth.invalid-token'],
    ['a token without exp', async () => `Bearer ${await connectorToken({ exp: null })}`, 'auth.invalid-token'],
    [
      'a token from another issuer',
      async () => `Bearer ${await connectorToken({ iss: 'https://evil.example.com' })}`,
      'auth.invalid-token',
    ],
  ])('%s', async (_name, authorization, code) => {
    const header = await authorization();
    const { result, written } = await stderrDuring(() => postActivity(server.url, header));
    expect(result.status).toBe(401);
    expect(JSON.parse(result.text)).toMatchObject({ error: { code, message: expect.any(String) } });
    expect(written).toEqual([]);
  });
});

describe('the bot endpoint when the signing keys cannot be fetched', () => {
  /** Serves the Bot Framework OpenID metadata: broken, or pointing at a key set without the token's key. */
  async function metadataServer(mode: 'error' | 'no-key'): Promise<{ url: string; close(): Promise<void> }> {
    const server = http.createServer((req, res) => {
      if (mode === 'error') {
        res.writeHead(500).end('down for maintenance at /srv/keys');
        return;
      }
      const { port } = server.address() as AddressInfo;
      res.setHeader('content-type', 'application/json');
      res.end(
        JSON.stringify(
          req.url === '/keys'
            ? { keys: [] }
            : { issuer: 'https://api.botframework.com', jwks_uri: `http://127.0.0.1:${port}/keys` },
        ),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return {
      url: `http://127.0.0.1:${port}/openidconfiguration`,
      close: async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeAllConnections();
        await closed;
      },
    };
  }

  /** A port nothing listens on: connecting to it fails the way an offline key fetch does. */
  async function closedPortUrl(): Promise<string> {
    const probe = http.createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    return `http://127.0.0.1:${port}/openidconfiguration`;
  }

  /** The production app wired as main.ts wires it, with the channel's OpenID metadata at `openIdMetadataUrl`. */
  async function startApp(openIdMetadataUrl: string) {
    const lines: string[] = [];
    const logger = createLogger('info', { write: (line: string) => void lines.push(line) });
    const store = openSqliteStore({ file: ':memory:' });
    const adapter = createBotAdapter(
      { appId: BOT_APP_ID, appPassword: 'bot-secret', tenantId: TENANT, appType: 'SingleTenant', openIdMetadataUrl },
      (error) => logger.error({ err: error }, 'bot turn failed'),
    );
    const app = createApp({
      mode: 'production',
      store,
      register: new RegisterService(store),
      logger,
      identity: { devUser: 'alex-wilber' },
      now: () => new Date().toISOString(),
      botEndpoint: (request) => adapter.process(request, async () => undefined),
    });
    const server = http.createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return {
      url: `http://127.0.0.1:${port}`,
      lines,
      async close() {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeAllConnections();
        await closed;
        await store.close();
      },
    };
  }

  it.each([
    ['the metadata host is unreachable', async () => ({ url: await closedPortUrl(), close: async () => undefined })],
    ['the metadata host answers 500', () => metadataServer('error')],
  ])(
    'answers 503 with a coded body, no internal text, and logs it only through the structured log when %s',
    async (_name, metadata) => {
      const keys = await metadata();
      const app = await startApp(keys.url);
      try {
        const token = await connectorToken();
        const { result, written } = await stderrDuring(() => postActivity(app.url, `Bearer ${token}`));
        expect(result.status).toBe(503);
        expect(JSON.parse(result.text)).toEqual({
          error: { code: 'bot.signing-keys-unavailable', message: expect.any(String) },
        });
        expect(result.text).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|FetchError|\/srv\/|at \w+ \(/);
        expect(written).toEqual([]);
        const logged = app.lines.map((line) => JSON.parse(line) as Record<string, any>);
        expect(logged.some((entry) => entry.level === 50 && entry.err?.code === 'bot.signing-keys-unavailable')).toBe(
          true,
        );
      } finally {
        await closeAll(app.close(), keys.close());
      }
    },
  );

  it('answers 401 when the keys load but none signed the token', async () => {
    const keys = await metadataServer('no-key');
    const app = await startApp(keys.url);
    try {
      const { result, written } = await stderrDuring(async () =>
        postActivity(app.url, `Bearer ${await connectorToken()}`),
      );
      expect(result.status).toBe(401);
      expect(JSON.parse(result.text).error.code).toBe('auth.invalid-token');
      expect(written).toEqual([]);
    } finally {
      await closeAll(app.close(), keys.close());
    }
  });
});
