import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createGraphApi, staticTokenAuth } from '../../teams-app/graph';
import { loadConfig } from '../../teams-app/server/config';
import { createLogger } from '../../teams-app/server/logger';
import { startServer } from '../../teams-app/server/main';
import { provisionSite } from '../../teams-app/store/sharepoint';
import { GraphEmulator } from '../support/graph-emulator';

/** STORE=sharepoint as a newcomer runs it offline: the server on the Graph emulator served over HTTP. */

describe('the server with STORE=sharepoint on the Graph emulator', () => {
  it('composes the SharePoint records with SQLite operational data and serves the demo data from the lists', async () => {
    const emulator = new GraphEmulator();
    const http = await emulator.listen(0);
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'isc-sharepoint-'));
    try {
      const graph = createGraphApi({
        baseUrl: http.url,
        auth: staticTokenAuth(emulator.token),
        budgetPerMinute: 1_000_000,
      });
      await provisionSite(graph, emulator.siteId);
      const config = loadConfig({
        PORT: '0',
        LOG_LEVEL: 'silent',
        DATA_DIR: dataDir,
        STORE: 'sharepoint',
        GRAPH_BASE_URL: http.url,
        SHAREPOINT_SITE_ID: emulator.siteId,
        // The test's pace is not the tenant's: the budget out of the way (the throttle bench measures it).
        GRAPH_BUDGET_PER_MINUTE: '1000000',
      });
      const server = await startServer(config, {
        logger: createLogger('silent'),
        background: false,
        seedAt: '2026-11-24T08:00:00.000Z',
      });
      try {
        const health = (await (await fetch(`${server.url}/healthz`)).json()) as { store: { kind: string } };
        expect(health.store.kind).toBe('sharepoint+sqlite');
        const meetings = await fetch(`${server.url}/api/v1/meetings`, { headers: { 'x-dev-user': 'megan-bowen' } });
        expect(meetings.status).toBe(200);
        expect(emulator.items('ISC Meetings').map((m) => m.RecordId)).toContain('isc-tf-32');
        expect(emulator.items('ISC Topics').length).toBeGreaterThan(0);
      } finally {
        await server.close();
      }
    } finally {
      await http.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('needs the site id when STORE=sharepoint runs on the emulator, and the emulator or credentials otherwise', () => {
    expect(() => loadConfig({ STORE: 'sharepoint', GRAPH_BASE_URL: 'http://127.0.0.1:4000/v1.0' })).toThrow(
      /SHAREPOINT_SITE_ID is missing/,
    );
    expect(() => loadConfig({ STORE: 'sharepoint' })).toThrow(/GRAPH_BASE_URL on the Graph emulator/);
  });
});
