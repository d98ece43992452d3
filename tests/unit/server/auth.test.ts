import { SignJWT, createLocalJWKSet, exportJWK, generateKeyPair, type JWTPayload } from 'jose';
import { AppError } from '../../../teams-app/domain';
import { createTokenVerifier, isForwarded, isLocalRequest } from '../../../teams-app/server/auth';

const TENANT = '11111111-2222-3333-4444-555555555555';
const CLIENT_ID = '99999999-8888-7777-6666-555555555555';

async function verifierAndSigner() {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const keys = createLocalJWKSet({ keys: [{ ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256' }] });
  const verify = createTokenVerifier({ clientId: CLIENT_ID, allowedTenants: [TENANT], jwksUrl: 'http://unused', keys });
  const sign = (claims: JWTPayload, expires: boolean) => {
    const jwt = new SignJWT({
      aud: CLIENT_ID,
      iss: `https://login.microsoftonline.com/${TENANT}/v2.0`,
      tid: TENANT,
      oid: '00000000-0000-0000-0000-0000000000020',
      scp: 'access_as_user',
      ...claims,
    })
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setIssuedAt();
    return (expires ? jwt.setExpirationTime('1h') : jwt).sign(privateKey);
  };
  return { verify, sign };
}

describe('Teams SSO token verifier', () => {
  it('accepts a valid token with an expiry', async () => {
    const { verify, sign } = await verifierAndSigner();
    expect((await verify(await sign({}, true))).tid).toBe(TENANT);
  });

  it('refuses a token without exp (it would never expire)', async () => {
    const { verify, sign } = await verifierAndSigner();
    const refused = verify(await sign({}, false));
    await expect(refused).rejects.toBeInstanceOf(AppError);
    await expect(refused).rejects.toMatchObject({ code: 'auth.invalid-token', status: 401 });
  });
});

describe('local requests', () => {
  it('treats a request with Forwarded or any X-Forwarded-* header as forwarded', () => {
    expect(isForwarded({ forwarded: 'for=1.2.3.4' })).toBe(true);
    expect(isForwarded({ 'x-forwarded-for': '1.2.3.4' })).toBe(true);
    expect(isForwarded({ 'X-Forwarded-Host': 'tunnel.example' })).toBe(true);
    expect(isForwarded({ host: 'localhost:3978', 'x-dev-user': 'alex-wilber' })).toBe(false);
  });

  it('is local only from loopback and not forwarded', () => {
    expect(isLocalRequest('127.0.0.1', {})).toBe(true);
    expect(isLocalRequest('::1', { 'x-forwarded-for': '203.0.113.7' })).toBe(false);
    expect(isLocalRequest('10.0.0.5', {})).toBe(false);
  });
});
