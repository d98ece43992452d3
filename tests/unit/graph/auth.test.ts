import { isAppError } from '../../../teams-app/domain';
import { clientCredentialsAuth, GRAPH_DEFAULT_SCOPE, staticTokenAuth } from '../../../teams-app/graph';

const credentials = { tenantId: 'tenant-1', clientId: 'client-1', clientSecret: 'very-secret-value' };

/** msal's confidential client, answering tokens that expire an hour after the fake clock. */
function tokenSource(clock: { now: () => number }) {
  const requests: { scopes: string[] }[] = [];
  let issued = 0;
  return {
    requests,
    acquireTokenByClientCredential: async (request: { scopes: string[] }) => {
      requests.push(request);
      issued += 1;
      return { accessToken: `token-${issued}`, expiresOn: new Date(clock.now() + 3600_000) };
    },
  };
}

describe('Graph authentication', () => {
  it('asks msal for an app-only token for the .default scope of Graph', async () => {
    const time = 0;
    const source = tokenSource({ now: () => time });
    const auth = clientCredentialsAuth(credentials, { source, now: () => time });

    await expect(auth.getAccessToken()).resolves.toBe('token-1');

    expect(source.requests).toEqual([{ scopes: [GRAPH_DEFAULT_SCOPE] }]);
    expect(GRAPH_DEFAULT_SCOPE).toBe('https://graph.microsoft.com/.default');
    expect(auth.kind).toBe('client-credentials');
  });

  it('keeps the token until five minutes before it expires, then renews it', async () => {
    let time = 0;
    const source = tokenSource({ now: () => time });
    const auth = clientCredentialsAuth(credentials, { source, now: () => time });

    await auth.getAccessToken();
    time = 54 * 60_000;
    await expect(auth.getAccessToken()).resolves.toBe('token-1');
    time = 56 * 60_000;
    await expect(auth.getAccessToken()).resolves.toBe('token-2');
    expect(source.requests).toHaveLength(2);
  });

  it('asks once for callers arriving together', async () => {
    const source = tokenSource({ now: () => 0 });
    const auth = clientCredentialsAuth(credentials, { source, now: () => 0 });

    await Promise.all([auth.getAccessToken(), auth.getAccessToken(), auth.getAccessToken()]);

    expect(source.requests).toHaveLength(1);
  });

  it('turns a refused credential into an access-denied error that does not contain the secret', async () => {
    const refused = Object.assign(new Error('AADSTS7000215: Invalid client secret provided: very-secret-value'), {
      errorCode: 'invalid_client',
    });
    const auth = clientCredentialsAuth(credentials, {
      source: { acquireTokenByClientCredential: () => Promise.reject(refused) },
    });

    const error = await auth.getAccessToken().catch((e: unknown) => e);

    expect(isAppError(error, 'graph.access-denied')).toBe(true);
    expect(String((error as Error).message)).toContain('invalid_client');
    expect(JSON.stringify({ ...(error as object), message: (error as Error).message })).not.toContain(
      'very-secret-value',
    );
  });

  it('builds a real msal client from the settings without calling the network', () => {
    expect(clientCredentialsAuth(credentials).kind).toBe('client-credentials');
  });

  it('hands out a fixed token for the emulator', async () => {
    await expect(staticTokenAuth('emulator-token').getAccessToken()).resolves.toBe('emulator-token');
  });
});
