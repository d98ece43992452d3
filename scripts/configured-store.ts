/**
 * The store the server's configuration names, opened the way the server opens it (same environment, same
 * `DATA_DIR`, `STORE`), for the command-line tools. Demo data is never seeded here.
 */
import { ConfigError, loadConfig, type Config } from '../teams-app/server/config';
import { createLogger } from '../teams-app/server/logger';
import { openStore } from '../teams-app/server/main';
import type { Store } from '../teams-app/store';

/** A store opened for a command, with the configuration it came from. */
export interface OpenedStore {
  config: Config;
  store: Store;
}

/** Opens the configured store; on a configuration error prints its sentences and exits with code 2. */
export async function openConfiguredStore(): Promise<OpenedStore> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : String(error));
    process.exit(2);
  }
  // Logs go to standard error, so that what a command prints stays readable by scripts.
  const logger = createLogger(process.env.LOG_LEVEL ?? 'warn', process.stderr);
  const { store } = await openStore(config, logger);
  return { config, store };
}

/** Ends a command: closes the store and exits with the code. */
export async function finish(store: Store | null, code: number): Promise<never> {
  await store?.close();
  process.exit(code);
}
