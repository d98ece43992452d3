import { DEMO_TENANT_ID } from '../store/demo/seed';
import type { Config } from './config';

/**
 * The tenants whose activities the bot accepts: the configured ones (ALLOWED_TENANTS, else
 * MICROSOFT_APP_TENANT_ID) and, in local mode only, the Agents Playground's demo tenant.
 */
export function botTenants(config: Pick<Config, 'mode' | 'sso'>): string[] {
  const configured = config.sso.allowedTenants;
  return config.mode === 'local' ? [...new Set([...configured, DEMO_TENANT_ID])] : [...configured];
}

/** The bot's tenant check: true only for an activity from one of `tenants` (an activity naming no tenant is refused). */
export function tenantGate(tenants: readonly string[]): (tenantId: string | null) => boolean {
  const allowed = new Set(tenants.map((t) => t.toLowerCase()));
  return (tenantId) => tenantId !== null && allowed.has(tenantId.toLowerCase());
}
