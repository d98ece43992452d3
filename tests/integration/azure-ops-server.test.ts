import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../teams-app/server/config';
import { createLogger } from '../../teams-app/server/logger';
import { startServer, type RunningServer } from '../../teams-app/server/main';
import { startAzurite, type RunningAzurite } from '../support/azurite';

jest.setTimeout(120_000);

/** Polls (in real time) until the condition holds. */
async function until(condition: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('the server with OPS_STORE=azure', () => {
  let azurite: RunningAzurite;
  let dir: string;
  const servers: RunningServer[] = [];

  beforeAll(async () => {
    azurite = await startAzurite();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'isc-azure-'));
  });

  afterAll(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
    await azurite?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  function start(name: string): Promise<RunningServer> {
    const config = loadConfig({
      PORT: '0',
      LOG_LEVEL: 'silent',
      SEED_DEMO: 'false',
      DATA_DIR: path.join(dir, name),
      OPS_STORE: 'azure',
      AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
      AZURE_STORAGE_PREFIX: 'srv',
    });
    return startServer(config, { logger: createLogger('silent'), tabDir: path.join(dir, 'no-tab') }).then((s) => {
      servers.push(s);
      return s;
    });
  }

  it('refuses OPS_STORE=azure without a connection string, with a sentence to act on', () => {
    expect(() => loadConfig({ OPS_STORE: 'azure' })).toThrow(/AZURE_STORAGE_CONNECTION_STRING is missing/);
    expect(loadConfig({}).operational).toEqual({ store: 'sqlite' });
  });

  it('keeps the operational data on Azure Table Storage and runs the scheduler on one of two instances', async () => {
    const [one, two] = [await start('one'), await start('two')];
    const health = (await (await fetch(`${one.url}/healthz`)).json()) as { store: { kind: string } };
    expect(health.store.kind).toBe('sqlite+azure-tables');
    await until(() => one.leader.isLeader || two.leader.isLeader, 'an instance leads');
    expect([one.leader.isLeader, two.leader.isLeader].filter(Boolean)).toHaveLength(1);

    // A conversation reference written through one instance is read by the other.
    await one.store.conversations.create({
      id: 'personal.p1',
      aadObjectId: 'aad-1',
      personId: 'p1',
      conversationId: 'a:1',
      conversationType: 'personal',
      serviceUrl: 'https://smba.trafficmanager.net/emea/',
      tenantId: null,
      botId: '28:bot',
      locale: null,
      updatedAt: '2026-01-01T00:00:00.000Z',
    });
    expect((await two.store.conversations.get('personal.p1'))?.conversationId).toBe('a:1');

    // The leader shuts down: the other takes the scheduler over at once (the lease is released).
    const [leader, other] = one.leader.isLeader ? [one, two] : [two, one];
    servers.splice(servers.indexOf(leader), 1);
    await leader.close();
    await until(() => other.leader.isLeader, 'the other instance leads');
  });
});
