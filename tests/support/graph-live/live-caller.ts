/**
 * Raw calls to a real Graph for the record/replay suite: the app's own credentials (client credentials through
 * msal-node), the app's user agent, the answer as it came (status, headers, body), with one wait on a 429/503.
 */
import { z } from 'zod';
import { DEFAULT_USER_AGENT } from '../../../teams-app/graph';
import { graphSettings } from '../../../teams-app/store/sharepoint/graph-access';
import type { GraphCaller } from './scenario';

/** The settings that switch the suite on (all but the organiser required). */
export const LiveSettings = z.object({
  GRAPH_LIVE_TENANT_ID: z.string().trim().min(1),
  GRAPH_LIVE_CLIENT_ID: z.string().trim().min(1),
  GRAPH_LIVE_CLIENT_SECRET: z.string().min(1),
  GRAPH_LIVE_SITE_ID: z.string().trim().min(1),
  /** The organiser mailbox (UPN or object id) for the calendar steps; without it they are left out. */
  GRAPH_LIVE_ORGANIZER: z.string().trim().min(1).optional(),
  /** Graph's version root (default https://graph.microsoft.com/v1.0; a loopback URL, the emulator, checks the suite). */
  GRAPH_LIVE_BASE_URL: z.url().default('https://graph.microsoft.com/v1.0'),
  /** Where the recorded shapes go (default data/graph-live/shapes-<time>.json). */
  GRAPH_LIVE_RECORD_FILE: z.string().trim().min(1).optional(),
});
export type LiveSettings = z.infer<typeof LiveSettings>;

/** The live settings from the environment, or why the suite does not run. */
export function liveSettings(env: NodeJS.ProcessEnv): { settings: LiveSettings } | { reason: string } {
  const parsed = LiveSettings.safeParse(env);
  if (parsed.success) return { settings: parsed.data };
  const missing = [...new Set(parsed.error.issues.map((issue) => String(issue.path[0])))];
  return { reason: `${missing.join(', ')} not set (the suite needs a tenant's app registration and a site)` };
}

/** A caller on the tenant of the settings. */
export function liveCaller(settings: LiveSettings): GraphCaller {
  const base = settings.GRAPH_LIVE_BASE_URL.replace(/\/+$/, '');
  // The app's own way to Graph: client credentials, or the emulator's token on a loopback URL.
  const { auth } = graphSettings({
    baseUrl: base,
    credentials: {
      tenantId: settings.GRAPH_LIVE_TENANT_ID,
      clientId: settings.GRAPH_LIVE_CLIENT_ID,
      clientSecret: settings.GRAPH_LIVE_CLIENT_SECRET,
    },
  });
  const once = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const bytes = body === undefined ? undefined : Buffer.isBuffer(body) ? new Uint8Array(body) : JSON.stringify(body);
    const contentType: Record<string, string> =
      body === undefined ? {} : { 'Content-Type': Buffer.isBuffer(body) ? 'text/plain' : 'application/json' };
    const response = await fetch(/^https?:/.test(path) ? path : `${base}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${await auth.getAccessToken()}`,
        'User-Agent': DEFAULT_USER_AGENT,
        ...contentType,
        ...headers,
      },
      ...(bytes === undefined ? {} : { body: bytes }),
    });
    const text = await response.text();
    const json = (response.headers.get('content-type') ?? '').includes('json') && text.length > 0;
    const answered: Record<string, string> = {};
    response.headers.forEach((value, key) => void (answered[key.toLowerCase()] = value));
    return {
      status: response.status,
      headers: answered,
      body: json ? (JSON.parse(text) as unknown) : text,
    };
  };
  return async (method, path, body, headers) => {
    const answer = await once(method, path, body, headers);
    if (answer.status !== 429 && answer.status !== 503) return answer;
    const seconds = Math.min(30, Number(answer.headers['retry-after'] ?? '5') || 5);
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    return once(method, path, body, headers);
  };
}
