import { z } from 'zod';
import { DEFAULT_TEAMS_APP_ID } from '../domain/tab-links';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  PUBLIC_URL: z.url().optional(),
  STORE: z.enum(['sqlite', 'sharepoint']).default('sqlite'),
  DATA_DIR: z.string().min(1).default('./data'),
  SEED_DEMO: bool.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DEV_USER: z.string().min(1).max(100).default('alex-wilber'),
  BOT_NAME: z.string().trim().min(1).max(100).default('ISC Coordinator'),
  TEAMS_APP_ID: z.uuid().optional(),
  MICROSOFT_APP_ID: z.string().min(1).optional(),
  MICROSOFT_APP_PASSWORD: z.string().min(1).optional(),
  MICROSOFT_APP_TENANT_ID: z.string().min(1).optional(),
  MICROSOFT_APP_TYPE: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('SingleTenant'),
  AAD_CLIENT_ID: z.string().min(1).optional(),
  AAD_APP_ID_URI: z.string().min(1).optional(),
  ALLOWED_TENANTS: z.string().optional(),
  JWKS_URL: z.url().default('https://login.microsoftonline.com/common/discovery/v2.0/keys'),
  SHAREPOINT_SITE_ID: z.string().optional(),
  GRAPH_BASE_URL: z.url().default('https://graph.microsoft.com/v1.0'),
  CALENDAR_GROUP_ID: z.string().trim().min(1).optional(),
  CALENDAR_ORGANIZER: z.string().trim().min(1).optional(),
  CALENDAR_GROUP_MAIL: z.email().optional(),
  GRAPH_TENANT_ID: z.string().min(1).optional(),
  GRAPH_CLIENT_ID: z.string().min(1).optional(),
  GRAPH_CLIENT_SECRET: z.string().min(1).optional(),
  GRAPH_EMULATOR_TOKEN: z.string().min(1).optional(),
  GRAPH_BUDGET_PER_MINUTE: z.coerce.number().int().min(10).max(1_000_000).default(1250),
  OUTBOX_INSTANCES: z.coerce.number().int().min(1).max(100).default(1),
  OUTBOX_LEASE_MS: z.coerce.number().int().min(2_000).max(3_600_000).default(120_000),
  PUBLIC_REGISTER: z.enum(['on', 'off']).default('off'),
  OPS_STORE: z.enum(['sqlite', 'azure']).default('sqlite'),
  AZURE_STORAGE_CONNECTION_STRING: z.string().trim().min(1).optional(),
  AZURE_STORAGE_PREFIX: z
    .string()
    .regex(/^[a-z][a-z0-9]{0,23}$/, 'lower-case letters and digits, starting with a letter, at most 24')
    .default('isc'),
});

/** The server's settings, parsed once at start-up. */
export interface Config {
  mode: 'local' | 'production';
  port: number;
  publicUrl: string;
  store: 'sqlite' | 'sharepoint';
  /**
   * Where the operational data lives (outbox, conversation references, chat records, leases): the embedded SQLite
   * file (one instance, the default) or Azure Storage (OPS_STORE=azure, several instances: tables, queues, blob
   * leases on the account of AZURE_STORAGE_CONNECTION_STRING, names starting with AZURE_STORAGE_PREFIX).
   */
  operational: { store: 'sqlite' } | { store: 'azure'; connectionString: string; prefix: string };
  dataDir: string;
  seedDemo: boolean;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  devUser: string;
  /** The bot's display name in Teams (as in the app manifest): how people @mention it in chats. */
  botName: string;
  /**
   * The Teams app's id (the manifest's `id`: TEAMS_APP_ID, in production by default the one the app package uses):
   * cards link into the app's tab with Teams deep links. Null (local mode): cards link to the tab's address.
   */
  teamsAppId: string | null;
  bot: {
    appId?: string;
    appPassword?: string;
    tenantId?: string;
    appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
  };
  sso: { clientId?: string; appIdUri?: string; allowedTenants: string[]; jwksUrl: string };
  sharepoint: {
    siteId?: string;
    graphBaseUrl: string;
    /** SharePoint resource units per minute the app allows itself (GRAPH_BUDGET_PER_MINUTE, default 1,250). */
    budgetPerMinute: number;
    /** App-only Graph credentials: GRAPH_TENANT_ID/GRAPH_CLIENT_ID/GRAPH_CLIENT_SECRET, else the bot's registration. */
    credentials?: { tenantId: string; clientId: string; clientSecret: string };
    /** The bearer token of the Graph emulator (GRAPH_EMULATOR_TOKEN), when GRAPH_BASE_URL is on this machine. */
    emulatorToken?: string;
  };
  /**
   * The outbox worker: `instances` is how many server instances share the app's Teams budget (each takes its share of
   * the 50 requests/s per app); `leaseMs` how long a claimed message stays claimed if its instance dies mid-send.
   */
  outbox: { instances: number; leaseMs: number };
  /** PUBLIC_REGISTER=on: the read-only topic page at /register, open without sign-in (names and sectors only). */
  publicRegister?: boolean;
  /**
   * The meeting calendar in Microsoft 365 (through Graph, with the settings above). With app-only access the
   * meetings are events of the organiser's mailbox (CALENDAR_ORGANIZER) inviting the task force's group by its
   * address (CALENDAR_GROUP_MAIL), so they show on the group calendar; otherwise (delegated access, the emulator)
   * events of the group's calendar itself (CALENDAR_GROUP_ID). The organiser's Teams meetings give the attendance
   * reports. With neither, meetings keep no calendar event.
   */
  calendar: { groupId?: string; organizer?: string; groupMail?: string };
}

/** Thrown when settings are missing or wrong; each problem is a sentence a person can act on. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`The configuration is not usable:\n- ${problems.join('\n- ')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Reads the configuration from the environment. Local mode (no bot or SSO credentials) runs offline
 * with the embedded store and a dev identity accepted from loopback only.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const e = parsed.data;
  const mode = e.MICROSOFT_APP_ID || e.AAD_CLIENT_ID ? 'production' : 'local';
  const problems: string[] = [];
  const allowedTenants = (e.ALLOWED_TENANTS ?? e.MICROSOFT_APP_TENANT_ID ?? '')
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  if (mode === 'production') {
    if (!e.MICROSOFT_APP_ID)
      problems.push('MICROSOFT_APP_ID is missing: the bot registration (Entra app id) is needed.');
    if (!e.MICROSOFT_APP_PASSWORD && e.MICROSOFT_APP_TYPE !== 'UserAssignedMSI')
      problems.push('MICROSOFT_APP_PASSWORD is missing: the bot needs its client secret.');
    if (!e.AAD_CLIENT_ID) problems.push('AAD_CLIENT_ID is missing: the tab SSO tokens are checked against it.');
    if (allowedTenants.length === 0)
      problems.push(
        'ALLOWED_TENANTS (or MICROSOFT_APP_TENANT_ID) is missing: tokens from any tenant would be refused.',
      );
    if (e.STORE === 'sharepoint' && !e.SHAREPOINT_SITE_ID)
      problems.push('SHAREPOINT_SITE_ID is missing for STORE=sharepoint.');
  } else if (e.STORE === 'sharepoint') {
    // Locally, STORE=sharepoint runs on the Graph emulator (npm run graph-emulator), which needs no credentials.
    if (!/^https?:\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?\//.test(e.GRAPH_BASE_URL))
      problems.push(
        'STORE=sharepoint needs production credentials (MICROSOFT_APP_ID, AAD_CLIENT_ID), or GRAPH_BASE_URL on the Graph emulator (http://127.0.0.1:<port>/v1.0).',
      );
    else if (!e.SHAREPOINT_SITE_ID)
      problems.push(
        'SHAREPOINT_SITE_ID is missing for STORE=sharepoint (the Graph emulator prints it when it starts).',
      );
  }
  const graphCredentials = graphCredentialsOf(e, mode, problems);
  if ((e.CALENDAR_GROUP_ID || e.CALENDAR_ORGANIZER) && !graphCredentials && !onThisMachine(e.GRAPH_BASE_URL))
    problems.push(
      'The Microsoft 365 calendar (CALENDAR_GROUP_ID or CALENDAR_ORGANIZER) needs Graph credentials (GRAPH_TENANT_ID, GRAPH_CLIENT_ID, GRAPH_CLIENT_SECRET, or the bot registration with its tenant), or GRAPH_BASE_URL on the Graph emulator.',
    );
  if (e.CALENDAR_GROUP_MAIL && !e.CALENDAR_ORGANIZER)
    problems.push(
      'CALENDAR_GROUP_MAIL needs CALENDAR_ORGANIZER: the mailbox that organises the meetings and invites the group.',
    );
  if (e.CALENDAR_GROUP_ID && !(e.CALENDAR_ORGANIZER && e.CALENDAR_GROUP_MAIL) && !onThisMachine(e.GRAPH_BASE_URL))
    problems.push(
      "CALENDAR_GROUP_ID works on the Graph emulator only: Graph writes group calendar events with delegated permissions only, never with the app's own identity. Set CALENDAR_ORGANIZER (the organiser mailbox) and CALENDAR_GROUP_MAIL (the group's address) instead.",
    );
  if (e.OPS_STORE === 'azure' && !e.AZURE_STORAGE_CONNECTION_STRING)
    problems.push(
      'AZURE_STORAGE_CONNECTION_STRING is missing for OPS_STORE=azure (the storage account, or Azurite: npm run azurite).',
    );
  if (problems.length) throw new ConfigError(problems);
  return {
    mode,
    port: e.PORT,
    publicUrl: e.PUBLIC_URL ?? `http://localhost:${e.PORT}`,
    store: e.STORE,
    dataDir: e.DATA_DIR,
    seedDemo: e.SEED_DEMO ?? mode === 'local',
    logLevel: e.LOG_LEVEL,
    devUser: e.DEV_USER,
    botName: e.BOT_NAME,
    teamsAppId: e.TEAMS_APP_ID ?? (mode === 'production' ? DEFAULT_TEAMS_APP_ID : null),
    bot: {
      appId: e.MICROSOFT_APP_ID,
      appPassword: e.MICROSOFT_APP_PASSWORD,
      tenantId: e.MICROSOFT_APP_TENANT_ID,
      appType: e.MICROSOFT_APP_TYPE,
    },
    sso: { clientId: e.AAD_CLIENT_ID, appIdUri: e.AAD_APP_ID_URI, allowedTenants, jwksUrl: e.JWKS_URL },
    sharepoint: {
      siteId: e.SHAREPOINT_SITE_ID,
      graphBaseUrl: e.GRAPH_BASE_URL,
      budgetPerMinute: e.GRAPH_BUDGET_PER_MINUTE,
      credentials: graphCredentials,
      emulatorToken: e.GRAPH_EMULATOR_TOKEN,
    },
    outbox: { instances: e.OUTBOX_INSTANCES, leaseMs: e.OUTBOX_LEASE_MS },
    publicRegister: e.PUBLIC_REGISTER === 'on',
    operational:
      e.OPS_STORE === 'azure' && e.AZURE_STORAGE_CONNECTION_STRING
        ? { store: 'azure', connectionString: e.AZURE_STORAGE_CONNECTION_STRING, prefix: e.AZURE_STORAGE_PREFIX }
        : { store: 'sqlite' },
    calendar: { groupId: e.CALENDAR_GROUP_ID, organizer: e.CALENDAR_ORGANIZER, groupMail: e.CALENDAR_GROUP_MAIL },
  };
}

/** A start-up summary with every secret redacted. */
export function describeConfig(config: Config): Record<string, unknown> {
  const redact = (v?: string) => (v ? '***' : '(not set)');
  return {
    mode: config.mode,
    port: config.port,
    publicUrl: config.publicUrl,
    store: config.store,
    dataDir: config.dataDir,
    seedDemo: config.seedDemo,
    botName: config.botName,
    teamsAppId: config.teamsAppId ?? '(not set: cards link to the tab address)',
    botAppId: config.bot.appId ?? '(not set)',
    botAppPassword: redact(config.bot.appPassword),
    ssoClientId: config.sso.clientId ?? '(not set)',
    allowedTenants: config.sso.allowedTenants,
    outbox: config.outbox,
    publicRegister: config.publicRegister ?? false,
    operational:
      config.operational.store === 'azure'
        ? { store: 'azure', prefix: config.operational.prefix, connectionString: '***' }
        : { store: 'sqlite' },
    calendar: config.calendar.groupId || config.calendar.organizer ? config.calendar : 'none',
    graph: {
      baseUrl: config.sharepoint.graphBaseUrl,
      siteId: config.sharepoint.siteId ?? '(not set)',
      budgetPerMinute: config.sharepoint.budgetPerMinute,
      tenantId: config.sharepoint.credentials?.tenantId ?? '(not set)',
      clientId: config.sharepoint.credentials?.clientId ?? '(not set)',
      clientSecret: redact(config.sharepoint.credentials?.clientSecret),
      emulatorToken: redact(config.sharepoint.emulatorToken),
    },
  };
}

/**
 * The app-only Graph credentials: GRAPH_TENANT_ID, GRAPH_CLIENT_ID and GRAPH_CLIENT_SECRET when Graph has its own
 * app registration, else the bot's (MICROSOFT_APP_TENANT_ID, MICROSOFT_APP_ID, MICROSOFT_APP_PASSWORD). In
 * production, STORE=sharepoint on the real Graph needs them complete; the emulator needs none.
 */
function graphCredentialsOf(
  e: z.infer<typeof EnvSchema>,
  mode: Config['mode'],
  problems: string[],
): Config['sharepoint']['credentials'] {
  const own = e.GRAPH_CLIENT_ID !== undefined || e.GRAPH_CLIENT_SECRET !== undefined;
  const tenantId = e.GRAPH_TENANT_ID ?? e.MICROSOFT_APP_TENANT_ID;
  const clientId = own ? e.GRAPH_CLIENT_ID : e.MICROSOFT_APP_ID;
  const clientSecret = own ? e.GRAPH_CLIENT_SECRET : e.MICROSOFT_APP_PASSWORD;
  if (tenantId && clientId && clientSecret) return { tenantId, clientId, clientSecret };
  if (own) {
    const missing = [
      !tenantId && 'GRAPH_TENANT_ID (or MICROSOFT_APP_TENANT_ID)',
      !clientId && 'GRAPH_CLIENT_ID',
      !clientSecret && 'GRAPH_CLIENT_SECRET',
    ].filter(Boolean);
    problems.push(
      `${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} missing: Graph's own app registration needs tenant, client id and secret.`,
    );
  } else if (mode === 'production' && e.STORE === 'sharepoint' && !onThisMachine(e.GRAPH_BASE_URL)) {
    problems.push(
      'STORE=sharepoint needs Graph credentials: GRAPH_TENANT_ID, GRAPH_CLIENT_ID and GRAPH_CLIENT_SECRET, or the bot registration with its tenant (MICROSOFT_APP_TENANT_ID, MICROSOFT_APP_ID, MICROSOFT_APP_PASSWORD).',
    );
  }
  return undefined;
}

/** Whether a URL is on this machine (the Graph emulator). */
function onThisMachine(url: string): boolean {
  const host = new URL(url).hostname;
  return host === 'localhost' || host === '[::1]' || /^127\./.test(host);
}
