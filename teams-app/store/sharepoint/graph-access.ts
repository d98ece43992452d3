import { z } from 'zod';
import { AppError } from '../../domain';
import { clientCredentialsAuth, staticTokenAuth, type GraphApi, type GraphSettings } from '../../graph';

/** The bearer token the Graph emulator accepts unless told otherwise. */
export const EMULATOR_TOKEN = 'emulator-token';

/** Whether a Graph base URL is on this machine (the emulator: `http://127.0.0.1:<port>/v1.0`). */
export function isLoopbackUrl(url: string): boolean {
  try {
    const host = new URL(url).hostname;
    return host === 'localhost' || host === '[::1]' || host === '::1' || /^127\./.test(host);
  } catch {
    return false;
  }
}

/** Where the SharePoint store reaches Graph and with which credentials. */
export interface GraphAccess {
  baseUrl: string;
  /** App-only credentials (the Entra app registration); not needed on the emulator. */
  credentials?: { tenantId?: string; clientId?: string; clientSecret?: string };
  /** The emulator's bearer token (default `emulator-token`). */
  emulatorToken?: string;
  /** SharePoint resource units per minute the app allows itself (default 1,250). */
  budgetPerMinute?: number;
}

/**
 * The Graph settings for the store: on a loopback URL (the emulator) a fixed token, anywhere else the client
 * credentials flow, which then needs tenant, client id and secret.
 */
export function graphSettings(access: GraphAccess): GraphSettings {
  const budget = access.budgetPerMinute ? { budgetPerMinute: access.budgetPerMinute } : {};
  if (isLoopbackUrl(access.baseUrl))
    return { baseUrl: access.baseUrl, auth: staticTokenAuth(access.emulatorToken ?? EMULATOR_TOKEN), ...budget };
  const { tenantId, clientId, clientSecret } = access.credentials ?? {};
  if (!tenantId || !clientId || !clientSecret)
    throw new AppError('graph.access-denied', 'Graph needs the app registration: tenant id, client id and secret.');
  return { baseUrl: access.baseUrl, auth: clientCredentialsAuth({ tenantId, clientId, clientSecret }), ...budget };
}

/** The id of the site the lists live on: given, or (on the emulator) the root site's. */
export async function siteIdOf(graph: GraphApi, siteId: string | undefined): Promise<string> {
  if (siteId) return siteId;
  return z.object({ id: z.string().min(1) }).parse(await graph.get('/sites/root?$select=id')).id;
}
