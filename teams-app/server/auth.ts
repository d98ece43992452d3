import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { AppError } from '../domain';

/** True for loopback addresses (127.0.0.0/8, ::1 and their IPv4-mapped forms). */
export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const a = address.startsWith('::ffff:') ? address.slice(7) : address;
  return a === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(a);
}

/** True when a proxy or tunnel says it forwarded the request (`Forwarded` or any `X-Forwarded-*` header). */
export function isForwarded(headers: Record<string, string | string[] | undefined>): boolean {
  return Object.keys(headers).some((name) => {
    const lower = name.toLowerCase();
    return lower === 'forwarded' || lower.startsWith('x-forwarded-');
  });
}

/**
 * True for a request made on this computer: from a loopback address and not forwarded, since a tunnel
 * (dev tunnel, ngrok, a reverse proxy) that ends on loopback carries traffic from anywhere.
 */
export function isLocalRequest(
  remoteAddress: string | undefined,
  headers: Record<string, string | string[] | undefined>,
): boolean {
  return isLoopback(remoteAddress) && !isForwarded(headers);
}

/** The claims the server relies on from a Teams SSO token. */
export interface TokenClaims {
  oid: string;
  tid: string;
  name?: string;
  preferredUsername?: string;
}

/** Settings for checking Teams SSO tokens. */
export interface TokenVerifierOptions {
  clientId: string;
  appIdUri?: string;
  allowedTenants: string[];
  jwksUrl: string;
  requiredScope?: string;
  keys?: JWTVerifyGetKey;
}

/**
 * Makes a checker for Teams SSO access tokens: RS256 signature against the Entra JWKS, audience
 * (client id or app id URI), issuer of an allowed tenant (v1 or v2 form), scope, expiry (a token without
 * `exp` never expires, so it is refused).
 */
export function createTokenVerifier(options: TokenVerifierOptions): (token: string) => Promise<TokenClaims> {
  const keys = options.keys ?? createRemoteJWKSet(new URL(options.jwksUrl), { cooldownDuration: 30_000 });
  const audience = [options.clientId, ...(options.appIdUri ? [options.appIdUri] : [])];
  const scope = options.requiredScope ?? 'access_as_user';
  return async (token) => {
    let payload;
    try {
      ({ payload } = await jwtVerify(token, keys, {
        audience,
        algorithms: ['RS256'],
        clockTolerance: 60,
        requiredClaims: ['exp'],
      }));
    } catch (error) {
      throw new AppError('auth.invalid-token', 'Your sign-in token is not valid. Please reload the tab.', {
        reason: (error as { code?: string }).code ?? 'invalid',
      });
    }
    const tid = typeof payload.tid === 'string' ? payload.tid : '';
    const oid = typeof payload.oid === 'string' ? payload.oid : '';
    if (!tid || !options.allowedTenants.includes(tid)) {
      throw new AppError('auth.invalid-token', 'Your organization is not allowed to use this app.', {
        reason: 'tenant',
      });
    }
    const issuers = [`https://login.microsoftonline.com/${tid}/v2.0`, `https://sts.windows.net/${tid}/`];
    if (!issuers.includes(String(payload.iss))) {
      throw new AppError('auth.invalid-token', 'Your sign-in token is not valid. Please reload the tab.', {
        reason: 'issuer',
      });
    }
    const scopes = String(payload.scp ?? '').split(' ');
    if (!scopes.includes(scope)) {
      throw new AppError('auth.invalid-token', 'Your sign-in token lacks the permission this app needs.', {
        reason: 'scope',
      });
    }
    if (!oid) throw new AppError('auth.invalid-token', 'Your sign-in token has no user id.', { reason: 'oid' });
    return {
      oid,
      tid,
      name: typeof payload.name === 'string' ? payload.name : undefined,
      preferredUsername: typeof payload.preferred_username === 'string' ? payload.preferred_username : undefined,
    };
  };
}
