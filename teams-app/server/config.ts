import { z } from 'zod';

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
});

/** The server's settings, parsed once at start-up. */
export interface Config {
  mode: 'local' | 'production';
  port: number;
  publicUrl: string;
  store: 'sqlite' | 'sharepoint';
  dataDir: string;
  seedDemo: boolean;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  devUser: string;
  /** The bot's display name in Teams (as in the app manifest): how people @mention it in chats. */
  botName: string;
  bot: {
    appId?: string;
    appPassword?: string;
    tenantId?: string;
    appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
  };
  sso: { clientId?: string; appIdUri?: string; allowedTenants: string[]; jwksUrl: string };
  sharepoint: { siteId?: string; graphBaseUrl: string };
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
    problems.push('STORE=sharepoint needs production credentials (MICROSOFT_APP_ID, AAD_CLIENT_ID).');
  }
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
    bot: {
      appId: e.MICROSOFT_APP_ID,
      appPassword: e.MICROSOFT_APP_PASSWORD,
      tenantId: e.MICROSOFT_APP_TENANT_ID,
      appType: e.MICROSOFT_APP_TYPE,
    },
    sso: { clientId: e.AAD_CLIENT_ID, appIdUri: e.AAD_APP_ID_URI, allowedTenants, jwksUrl: e.JWKS_URL },
    sharepoint: { siteId: e.SHAREPOINT_SITE_ID, graphBaseUrl: e.GRAPH_BASE_URL },
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
    botAppId: config.bot.appId ?? '(not set)',
    botAppPassword: redact(config.bot.appPassword),
    ssoClientId: config.sso.clientId ?? '(not set)',
    allowedTenants: config.sso.allowedTenants,
  };
}
