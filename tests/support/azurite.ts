import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** The development account every Azurite serves, with its well-known key (public, documented by Microsoft). */
export const AZURITE_ACCOUNT = 'devstoreaccount1';
export const AZURITE_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

/** A running Azurite: its connection string (blob, queue and table endpoints) and how to stop it. */
export interface RunningAzurite {
  connectionString: string;
  ports: { blob: number; queue: number; table: number };
  /** The workspace folder (removed by stop()). */
  location: string;
  stop(): Promise<void>;
}

/** Options of {@link startAzurite}. */
export interface AzuriteOptions {
  /** Workspace folder; a new temporary folder by default (removed on stop). */
  location?: string;
  /** Fixed ports; free ones by default. */
  ports?: Partial<RunningAzurite['ports']>;
  /** How long to wait for the three services to listen (default 30 s). */
  startTimeoutMs?: number;
  /** Keep the data in memory only (`--inMemoryPersistence`): faster, for benchmarks; lost when it stops. */
  inMemory?: boolean;
}

const ROOT = path.resolve(__dirname, '../..');

/** The connection string of an Azurite on 127.0.0.1 with explicit endpoints for the three services. */
export function azuriteConnectionString(ports: RunningAzurite['ports']): string {
  const endpoint = (port: number) => `http://127.0.0.1:${port}/${AZURITE_ACCOUNT}`;
  return [
    'DefaultEndpointsProtocol=http',
    `AccountName=${AZURITE_ACCOUNT}`,
    `AccountKey=${AZURITE_KEY}`,
    `BlobEndpoint=${endpoint(ports.blob)}`,
    `QueueEndpoint=${endpoint(ports.queue)}`,
    `TableEndpoint=${endpoint(ports.table)}`,
  ].join(';');
}

/** A port free on 127.0.0.1 right now (the system picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** The Azurite entry point from node_modules (its JS file, run with this Node). */
function azuriteEntry(): string {
  return require.resolve('azurite/dist/src/azurite.js', { paths: [ROOT] });
}

/**
 * Starts Microsoft's Azure Storage emulator from node_modules on free ports in a temporary folder (offline, no
 * telemetry) and resolves once blob, queue and table all listen. Start one per test file (beforeAll), not per test.
 */
export async function startAzurite(options: AzuriteOptions = {}): Promise<RunningAzurite> {
  const ownsLocation = options.location === undefined;
  const location = options.location ?? fs.mkdtempSync(path.join(os.tmpdir(), 'azurite-'));
  fs.mkdirSync(location, { recursive: true });
  const ports = {
    blob: options.ports?.blob ?? (await freePort()),
    queue: options.ports?.queue ?? (await freePort()),
    table: options.ports?.table ?? (await freePort()),
  };
  const child: ChildProcess = spawn(
    process.execPath,
    [
      azuriteEntry(),
      '--silent',
      '--skipApiVersionCheck',
      '--disableTelemetry',
      // In memory, Azurite takes no workspace (it refuses --location); it still runs in the temporary folder.
      ...(options.inMemory ? ['--inMemoryPersistence'] : ['--location', location]),
      '--blobPort',
      String(ports.blob),
      '--queuePort',
      String(ports.queue),
      '--tablePort',
      String(ports.table),
    ],
    { cwd: location, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let alive = true;
  void exited.then(() => (alive = false));

  const stop = async (): Promise<void> => {
    if (alive) {
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(killer);
    }
    if (ownsLocation) fs.rmSync(location, { recursive: true, force: true });
  };

  const deadline = Date.now() + (options.startTimeoutMs ?? 30_000);
  for (;;) {
    if (!alive) {
      await stop();
      throw new Error(`Azurite exited before listening: ${stderr.trim() || '(no output)'}`);
    }
    const up = await Promise.all([listening(ports.blob), listening(ports.queue), listening(ports.table)]);
    if (up.every(Boolean)) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`Azurite did not listen on ${JSON.stringify(ports)} in time: ${stderr.trim()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { connectionString: azuriteConnectionString(ports), ports, location, stop };
}
