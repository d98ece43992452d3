import type { RequestHandler, Response } from 'express';
import { AppError, requirePermission, type Caller, type Operation, type Person } from '../domain';
import type { RegisterService } from '../services';
import type { Stored } from '../store';
import { isLocalRequest, type TokenClaims } from './auth';

/**
 * Who is calling the API, as established by SSO or (local mode only) the dev identity: a person of the register,
 * or someone Entra signed in whom the register does not know (who may do nothing but be told so).
 */
export type Identity =
  | { kind: 'person'; person: Stored<Person>; aadObjectId: string; tenantId: string | null; via: 'sso' | 'dev' }
  | { kind: 'unknown'; aadObjectId: string; tenantId: string; via: 'sso' };

/** How the API establishes who is calling. */
export interface IdentityOptions {
  mode: 'local' | 'production';
  devUser: string;
  register: RegisterService;
  verifyToken?: (token: string) => Promise<TokenClaims>;
}

/** The identity of each request under way, set by `identify` and read by `identityOf`. */
const identities = new WeakMap<Response, Identity>();

/**
 * Establishes the identity of every API call. Production: a Teams SSO bearer token is required. Local mode: the dev
 * identity (`x-dev-user` header or the configured default) from loopback only, and never for a request a proxy or
 * tunnel forwarded.
 */
export function identify(options: IdentityOptions): RequestHandler {
  return async (req, res, next) => {
    try {
      identities.set(res, await resolve(options, req.headers, req.socket.remoteAddress));
      next();
    } catch (error) {
      next(error);
    }
  };
}

/** The identity `identify` established for this request. */
export function identityOf(res: Response): Identity {
  const identity = identities.get(res);
  if (!identity) throw new AppError('internal', 'An API route ran before the caller was identified.');
  return identity;
}

/** The caller of this request as the services take it, or null for someone the register does not know. */
export function callerOf(res: Response): Caller | null {
  const identity = identityOf(res);
  return identity.kind === 'person' ? { personId: identity.person.id, roles: identity.person.roles } : null;
}

/**
 * The caller of this request when the permission table lets them do `operation`; `auth.forbidden` otherwise
 * (someone the register does not know may do nothing).
 */
export function callerFor(res: Response, operation: Operation): Caller {
  const caller = callerOf(res);
  requirePermission(caller, operation);
  return caller;
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
    const signedIn = { aadObjectId: claims.oid, tenantId: claims.tid, via: 'sso' as const };
    return person ? { kind: 'person', person, ...signedIn } : { kind: 'unknown', ...signedIn };
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
  // Someone who has left the register is refused like a stranger.
  if (!person || person.retiredAt) {
    throw new AppError('auth.forbidden', `The dev identity "${wanted}" is not a person in the register.`);
  }
  return { kind: 'person', person, aadObjectId: person.aadObjectId, tenantId: null, via: 'dev' };
}
