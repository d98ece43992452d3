import { botTenants, tenantGate } from '../../../teams-app/server/bot-tenants';
import { loadConfig } from '../../../teams-app/server/config';
import { DEMO_TENANT_ID } from '../../../teams-app/store/demo/seed';

const PRODUCTION = {
  MICROSOFT_APP_ID: 'app',
  MICROSOFT_APP_PASSWORD: 'secret',
  AAD_CLIENT_ID: 'client',
};

describe('the tenants the bot listens to', () => {
  it('in local mode allows the Agents Playground tenant and the configured ones', () => {
    expect(botTenants(loadConfig({}))).toEqual([DEMO_TENANT_ID]);
    expect(botTenants(loadConfig({ ALLOWED_TENANTS: 'contoso' }))).toEqual(['contoso', DEMO_TENANT_ID]);
  });

  it('in production allows only the configured tenants, not the demo one', () => {
    expect(botTenants(loadConfig({ ...PRODUCTION, ALLOWED_TENANTS: 'itu, contoso' }))).toEqual(['itu', 'contoso']);
    expect(botTenants(loadConfig({ ...PRODUCTION, MICROSOFT_APP_TENANT_ID: 'itu' }))).toEqual(['itu']);
  });

  it('refuses other tenants and activities that name no tenant', () => {
    const allowed = tenantGate(['ITU-Tenant']);
    expect(allowed('itu-tenant')).toBe(true);
    expect(allowed('other')).toBe(false);
    expect(allowed(null)).toBe(false);
  });
});
