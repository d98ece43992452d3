import type { RunningServer } from '../../teams-app/server/main';
import { isLoopback } from '../../teams-app/server/auth';
import { startTestServer } from '../support/server';
import { forgeToken, startTestIssuer, type TestIssuer } from '../support/jwt';
import { closeAll } from '../support/lifecycle';

const TENANT = '11111111-2222-3333-4444-555555555555';
const CLIENT_ID = '99999999-8888-7777-6666-555555555555';
const ALEX_AAD = '00000000-0000-0000-0000-0000000000020';

let issuer: TestIssuer;
let server: RunningServer;

beforeAll(async () => {
  issuer = await startTestIssuer();
  server = await startTestServer({
    env: {
      MICROSOFT_APP_ID: 'bot-app-id',
      MICROSOFT_APP_PASSWORD: 'bot-secret',
      MICROSOFT_APP_TENANT_ID: TENANT,
      AAD_CLIENT_ID: CLIENT_ID,
      AAD_APP_ID_URI: `api://isc.example.org/${CLIENT_ID}`,
      JWKS_URL: issuer.jwksUrl,
    },
  });
});
afterAll(async () => {
  await closeAll(server?.close(), issuer?.close());
});

const claims = (overrides: Record<string, unknown> = {}) => ({
  aud: CLIENT_ID,
  iss: `https://login.microsoftonline.com/${TENANT}/v2.0`,
  tid: TENANT,
  oid: ALEX_AAD,
  scp: 'access_as_user',
  name: 'Alex Wilber',
  ...overrides,
});

async function me(token?: string, extra: Record<string, string> = {}) {
  const res = await fetch(`${server.url}/api/v1/me`, {
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...extra },
  });
  return { status: res.status, body: (await res.json()) as any };
}

describe('Teams SSO on the API (production mode)', () => {
  it('accepts a valid token and maps it to the person in the register', async () => {
    const res = await me(await issuer.sign(claims()));
    expect(res.status).toBe(200);
    expect(res.body.person.id).toBe('alex-wilber');
  });

  it('accepts the v1 issuer form and the app id URI audience', async () => {
    const token = await issuer.sign(
      claims({ iss: `https://sts.windows.net/${TENANT}/`, aud: `api://isc.example.org/${CLIENT_ID}` }),
    );
    expect((await me(token)).status).toBe(200);
  });

  it('refuses a call without a token', async () => {
    const res = await me();
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('auth.required');
  });

  it('ignores the dev identity header in production', async () => {
    expect((await me(undefined, { 'x-dev-user': 'patti-fernandez' })).status).toBe(401);
  });

  it('refuses a token signed by another key', async () => {
    const res = await me(await forgeToken(claims()));
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('auth.invalid-token');
  });

  it('refuses a token for another audience, tenant, issuer or without the scope', async () => {
    for (const bad of [
      claims({ aud: 'someone-else' }),
      claims({ tid: 'other-tenant', iss: 'https://login.microsoftonline.com/other-tenant/v2.0' }),
      claims({ iss: 'https://evil.example.com/' }),
      claims({ scp: 'User.Read' }),
    ]) {
      expect((await me(await issuer.sign(bad))).status).toBe(401);
    }
  });

  it('refuses an expired token', async () => {
    const token = await issuer.sign(claims({ exp: Math.floor(Date.now() / 1000) - 3600 }), { expiresIn: '-1h' });
    expect((await me(token)).status).toBe(401);
  });

  it('refuses a signed-in user who is not in the register (no role)', async () => {
    const res = await me(await issuer.sign(claims({ oid: 'ffffffff-0000-0000-0000-000000000000' })));
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('auth.forbidden');
  });

  it('never echoes the token in an error', async () => {
    const token = await forgeToken(claims());
    const res = await me(token);
    expect(JSON.stringify(res.body)).not.toContain(token.slice(20, 60));
  });
});

describe('loopback detection for the local dev identity', () => {
  it('treats only loopback addresses as local', () => {
    for (const address of ['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1']) expect(isLoopback(address)).toBe(true);
    for (const address of ['10.0.0.5', '192.168.1.10', '::ffff:10.0.0.5', 'fe80::1', '', undefined])
      expect(isLoopback(address)).toBe(false);
  });
});
