import { ConfidentialClientApplication } from '@azure/msal-node';
import { AppError } from '../domain';
import type { GraphAuth } from './types';

/** The scope of an app-only Graph token: every application permission granted to the app. */
export const GRAPH_DEFAULT_SCOPE = 'https://graph.microsoft.com/.default';

/** A token is renewed this long before it expires. */
const RENEW_BEFORE_MS = 5 * 60_000;

/** A fixed bearer token: the Graph emulator's, or a token obtained elsewhere. */
export function staticTokenAuth(token: string): GraphAuth {
  return { kind: 'static-token', getAccessToken: async () => token };
}

/** The part of msal-node's confidential client used here (a fake in tests). */
export interface ClientCredentialSource {
  acquireTokenByClientCredential(request: {
    scopes: string[];
  }): Promise<{ accessToken: string; expiresOn: Date | null } | null>;
}

/** App-only credentials of the Entra app registration. */
export interface ClientCredentials {
  tenantId: string;
  clientId: string;
  clientSecret: string;
  /** Default https://login.microsoftonline.com (other clouds have their own). */
  authorityHost?: string;
}

/**
 * App-only access through the client-credentials flow of msal-node (`acquireTokenByClientCredential` for
 * `https://graph.microsoft.com/.default`). The token is kept until five minutes before it expires, and
 * concurrent callers share one acquisition. Neither the secret nor the token is ever logged or put in an error.
 */
export function clientCredentialsAuth(
  credentials: ClientCredentials,
  deps: { source?: ClientCredentialSource; now?: () => number } = {},
): GraphAuth {
  const now = deps.now ?? Date.now;
  const source: ClientCredentialSource =
    deps.source ??
    new ConfidentialClientApplication({
      auth: {
        clientId: credentials.clientId,
        clientSecret: credentials.clientSecret,
        authority: `${(credentials.authorityHost ?? 'https://login.microsoftonline.com').replace(/\/+$/, '')}/${credentials.tenantId}`,
      },
    });
  let cached: { token: string; renewAt: number } | undefined;
  let pending: Promise<string> | undefined;

  const acquire = async (): Promise<string> => {
    let result: Awaited<ReturnType<ClientCredentialSource['acquireTokenByClientCredential']>>;
    try {
      result = await source.acquireTokenByClientCredential({ scopes: [GRAPH_DEFAULT_SCOPE] });
    } catch (error) {
      // msal's errors name the failure (invalid_client, unauthorized_client…) without the secret.
      const reason =
        error instanceof Error ? (error as Error & { errorCode?: string }).errorCode || error.name : 'unknown';
      throw new AppError('graph.access-denied', `No Graph token for client ${credentials.clientId}: ${reason}.`);
    }
    if (!result?.accessToken) {
      throw new AppError('graph.access-denied', `No Graph token for client ${credentials.clientId}.`);
    }
    const expiresAt = result.expiresOn?.getTime() ?? now() + 10 * 60_000;
    cached = { token: result.accessToken, renewAt: expiresAt - RENEW_BEFORE_MS };
    return result.accessToken;
  };

  return {
    kind: 'client-credentials',
    getAccessToken: async () => {
      if (cached && now() < cached.renewAt) return cached.token;
      pending ??= acquire().finally(() => {
        pending = undefined;
      });
      return pending;
    },
  };
}
