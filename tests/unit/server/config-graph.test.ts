import { describeConfig, loadConfig } from '../../../teams-app/server/config';

const production = {
  MICROSOFT_APP_ID: 'bot-app',
  MICROSOFT_APP_PASSWORD: 'bot-secret',
  MICROSOFT_APP_TENANT_ID: 'tenant-1',
  AAD_CLIENT_ID: 'tab-app',
  STORE: 'sharepoint',
  SHAREPOINT_SITE_ID: 'contoso.sharepoint.com,site-guid,web-guid',
};

describe('the Graph settings', () => {
  it('reuses the bot registration for Graph unless Graph has its own', () => {
    expect(loadConfig(production).sharepoint.credentials).toEqual({
      tenantId: 'tenant-1',
      clientId: 'bot-app',
      clientSecret: 'bot-secret',
    });
    expect(
      loadConfig({ ...production, GRAPH_CLIENT_ID: 'graph-app', GRAPH_CLIENT_SECRET: 'graph-secret' }).sharepoint
        .credentials,
    ).toEqual({ tenantId: 'tenant-1', clientId: 'graph-app', clientSecret: 'graph-secret' });
  });

  it("never pairs Graph's own client id with the bot's secret", () => {
    expect(() => loadConfig({ ...production, GRAPH_CLIENT_ID: 'graph-app' })).toThrow(/GRAPH_CLIENT_SECRET is missing/);
  });

  it('asks for Graph credentials for STORE=sharepoint when the bot has none to lend', () => {
    const { MICROSOFT_APP_PASSWORD: _, ...managedIdentity } = production;
    expect(() => loadConfig({ ...managedIdentity, MICROSOFT_APP_TYPE: 'UserAssignedMSI' })).toThrow(
      /STORE=sharepoint needs Graph credentials/,
    );
  });

  it('spends 1,250 resource units a minute unless GRAPH_BUDGET_PER_MINUTE says otherwise, and refuses nonsense', () => {
    expect(loadConfig(production).sharepoint.budgetPerMinute).toBe(1250);
    expect(loadConfig({ ...production, GRAPH_BUDGET_PER_MINUTE: '6000' }).sharepoint.budgetPerMinute).toBe(6000);
    expect(() => loadConfig({ ...production, GRAPH_BUDGET_PER_MINUTE: 'fast' })).toThrow(/GRAPH_BUDGET_PER_MINUTE/);
  });

  it('shows the Graph settings at start-up with the secrets redacted', () => {
    const summary = describeConfig(
      loadConfig({ ...production, GRAPH_CLIENT_ID: 'graph-app', GRAPH_CLIENT_SECRET: 'graph-secret' }),
    );

    expect(summary.graph).toEqual({
      baseUrl: 'https://graph.microsoft.com/v1.0',
      siteId: 'contoso.sharepoint.com,site-guid,web-guid',
      budgetPerMinute: 1250,
      tenantId: 'tenant-1',
      clientId: 'graph-app',
      clientSecret: '***',
      emulatorToken: '(not set)',
    });
    expect(JSON.stringify(summary)).not.toMatch(/graph-secret|bot-secret/);
  });
});
