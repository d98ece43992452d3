import type { RequestHandler } from 'express';
import { AppError, type Role } from '../domain';
import type { RegisterService } from '../services';
import { isLocalRequest, type Identity, type TokenClaims } from './auth';

/** How the API establishes who is calling. */
export interface IdentityOptions {
  mode: 'local' | 'production';
  devUser: string;
  register: RegisterService;
  verifyToken?: (token: string) => Promise<TokenClaims>;
}

const GUEST_ROLES: Role[] = [];

/**
 * Sets `res.locals.identity` for every API call. Production: a Teams SSO bearer token is required.
 * Local mode: the dev identity (`x-dev-user` header or the configured default) from loopback only, and never
 * for a request a proxy or tunnel forwarded.
 */
export function identify(options: IdentityOptions): RequestHandler {
  return async (req, res, next) => {
    try {
      res.locals.identity = await resolve(options, req.headers, req.socket.remoteAddress);
      next();
    } catch (error) {
      next(error);
    }
  };
}

async function resolve(
  options: IdentityOptions,
  headers: Record<string, string | string[] | undefined>,
  remote: string | undefined,
): Promise<Identity> {
  const authorization = typeof headers.authorization === 'string' ? headers.authorization : '';
  if (options.mode === 'production' || authorization.startsWith('Bearer ')) {
    if (!options.verifyToken) throw new AppError('auth.required', 'Sign-in is not configured on this server.');
    const token = authorization.match(/^Bearer\s+(\S+)$/)?.[1];
    if (!token) throw new AppError('auth.required', 'Please sign in: this call needs a Teams sign-in token.');
    const claims = await options.verifyToken(token);
    const person = await options.register.personByAadId(claims.oid);
    return { aadObjectId: claims.oid, tenantId: claims.tid, person, roles: person?.roles ?? GUEST_ROLES, via: 'sso' };
  }
  if (!isLocalRequest(remote, headers)) {
    throw new AppError(
      'auth.loopback-only',
      'The local development identity is accepted only from this computer, not through a proxy or tunnel.',
    );
  }
  const wanted =
    typeof headers['x-dev-user'] === 'string' && headers['x-dev-user'] ? headers['x-dev-user'] : options.devUser;
  const person =
    (await options.register.personByAadId(wanted)) ?? (await options.register.getPerson(wanted).catch(() => null));
  if (!person) throw new AppError('auth.forbidden', `The dev identity "${wanted}" is not a person in the register.`);
  return { aadObjectId: person.aadObjectId, tenantId: null, person, roles: person.roles, via: 'dev' };
}
