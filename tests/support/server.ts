import path from 'node:path';
import { createLogger } from '../../teams-app/server/logger';
import { loadConfig } from '../../teams-app/server/config';
import { startServer, type RunningServer } from '../../teams-app/server/main';
import { openSqliteStore } from '../../teams-app/store/sqlite/sqlite-store';
import type { Store } from '../../teams-app/store';

/** Options for a server started by a test. */
export interface TestServerOptions {
  env?: Record<string, string>;
  store?: Store;
  now?: () => string;
  seed?: boolean;
  /** The instant the demo data is laid out around (its meetings are relative to it); default now. */
  seedAt?: string;
  /** Run the scheduler and outbox worker in the background (default false: tests call them). */
  background?: boolean;
}

/** Starts the real server in-process on a free loopback port with an in-memory store seeded with demo data. */
export async function startTestServer(options: TestServerOptions = {}): Promise<RunningServer> {
  const config = loadConfig({
    PORT: '0',
    LOG_LEVEL: 'silent',
    SEED_DEMO: options.seed === false ? 'false' : 'true',
    ...options.env,
  });
  return startServer(config, {
    store: options.store ?? openSqliteStore({ file: ':memory:' }),
    logger: createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'),
    now: options.now,
    tabDir: path.resolve(__dirname, '../../dist/tab'),
    background: options.background ?? false,
    seedAt: options.seedAt,
  });
}
