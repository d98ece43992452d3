/**
 * Several real server instances, each its own OS process on its own port, sharing one business store (a SQLite
 * file in WAL mode, which several processes on one machine may open) and one operational store (the same file by
 * default; Azure Storage with `OPS_STORE=azure` and a connection string in `env`). A killed instance dies for real
 * (SIGKILL: no shutdown code runs), so the tests see what the others make of the work it left.
 *
 * The instances run the TypeScript sources through tsx's loader inside one node process each (`node --import tsx`:
 * no wrapper process that a SIGKILL would miss), so no server build is needed. Each writes its structured log to
 * a file in the group's folder, which the tests read.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Outbox } from '../../teams-app/services/outbox';
import { AzureOutboxQueue, openAzureOperationalStore, type AzureOperationalStore } from '../../teams-app/store/azure';

const ROOT = path.resolve(__dirname, '../..');
const ENTRY = path.join(ROOT, 'teams-app/server/main.ts');
/** How long an instance may take to listen (several start at once on a loaded machine). */
const START_TIMEOUT_MS = 60_000;
/** How long a stopped instance may take to finish its sends and exit before it is killed. */
const STOP_TIMEOUT_MS = 15_000;
const POLL_MS = 50;

/** One line of an instance's pino log. */
export interface LogLine {
  level: number;
  time: number;
  msg?: string;
  [field: string]: unknown;
}

/** A running (or dead) server process. */
export interface Instance {
  /** 1-based, in start order. */
  readonly index: number;
  readonly name: string;
  readonly pid: number;
  readonly port: number;
  /** http://127.0.0.1:<port> */
  readonly url: string;
  readonly child: ChildProcess;
  /** False once the process has exited (killed, stopped or crashed). */
  readonly alive: boolean;
  /** The log as written so far, line by line (lines that are not JSON are skipped). */
  log(): LogLine[];
  /** The log file's text (for failure messages). */
  logText(): string;
  /**
   * The local ports of the TCP connections the process has open now (Linux: read from /proc), to tell its requests
   * apart at a server that sees them all.
   */
  tcpPorts(): Set<number>;
  /** SIGKILL: the process dies at once, mid-send if it was sending; resolves once it has exited. */
  kill(): Promise<void>;
  /** SIGTERM: the server finishes its sends, releases what it holds and exits; resolves with the exit code. */
  stop(): Promise<number | null>;
}

/** Options of a group of instances. */
export interface InstancesOptions {
  count: number;
  /** Environment shared by every instance, over the defaults (e.g. OPS_STORE, AZURE_STORAGE_CONNECTION_STRING). */
  env?: Record<string, string>;
  /** Environment of one instance (1-based index), over the shared one. */
  envOf?: (index: number) => Record<string, string>;
  /** Seed the demo data (done by the first instance, before the others start); default false. */
  seedDemo?: boolean;
  /** LOG_LEVEL of the instances; default info. */
  logLevel?: string;
}

/** Instances sharing one store, and what the tests do with them. */
export interface InstanceGroup {
  readonly instances: readonly Instance[];
  /** The shared DATA_DIR (the business store's SQLite file is `storeFile`); removed by stopAll. */
  readonly dataDir: string;
  readonly storeFile: string;
  /** The instance with this 1-based index. */
  get(index: number): Instance;
  /** The instances still running. */
  alive(): Instance[];
  /** Starts one more instance on the same stores. */
  add(env?: Record<string, string>): Promise<Instance>;
  /** Every instance's log lines, each with the instance's index, in time order. */
  logs(): (LogLine & { instance: number })[];
  /** Resolves with the first log line (of any instance) that matches, waiting for it up to `timeoutMs`. */
  waitForLog(
    match: (line: LogLine & { instance: number }) => boolean,
    what: string,
    timeoutMs?: number,
  ): Promise<LogLine & { instance: number }>;
  /** Stops every instance still running (SIGTERM, then SIGKILL after a grace period) and removes the folder. */
  stopAll(): Promise<void>;
}

function parseLog(text: string): LogLine[] {
  const lines: LogLine[] = [];
  for (const line of text.split('\n')) {
    if (!line.startsWith('{')) continue;
    try {
      lines.push(JSON.parse(line) as LogLine);
    } catch {
      // a line cut by a kill
    }
  }
  return lines;
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once('exit', () => resolve()));
}

/** The local ports of a process's TCP sockets: its socket inodes (/proc/<pid>/fd) looked up in /proc/net/tcp{,6}. */
function tcpPortsOf(pid: number): Set<number> {
  const inodes = new Set<string>();
  let fds: string[];
  try {
    fds = fs.readdirSync(`/proc/${pid}/fd`);
  } catch {
    return new Set(); // exited, or no /proc
  }
  for (const fd of fds) {
    try {
      const match = /^socket:\[(\d+)\]$/.exec(fs.readlinkSync(`/proc/${pid}/fd/${fd}`));
      if (match) inodes.add(match[1]!);
    } catch {
      // closed meanwhile
    }
  }
  const ports = new Set<number>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text: string;
    try {
      text = fs.readFileSync(table, 'utf8');
    } catch {
      continue; // no IPv6, or no /proc
    }
    // "sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode …"
    for (const line of text.split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      const local = fields[1];
      const inode = fields[9];
      if (local && inode && inodes.has(inode)) ports.add(parseInt(local.slice(local.lastIndexOf(':') + 1), 16));
    }
  }
  return ports;
}

/** A port free on 127.0.0.1 right now (the system picks it). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** True when the server on the port answers its health check. */
async function healthy(port: number): Promise<boolean> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(2000) });
    await response.arrayBuffer();
    return response.ok;
  } catch {
    return false;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Starts `count` server instances on one set of stores: the first alone (it creates and migrates the store file,
 * and seeds it when asked), then the others together. Call `stopAll` in afterAll/finally.
 */
export async function startInstances(options: InstancesOptions): Promise<InstanceGroup> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'isc-instances-'));
  const logDir = path.join(dataDir, 'logs');
  fs.mkdirSync(logDir);
  const instances: Instance[] = [];
  let launched = 0;

  function environment(index: number, extra: Record<string, string>): NodeJS.ProcessEnv {
    // Only what an instance needs: no credentials of the shell that runs the tests reach it (local mode).
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH ?? '',
      NODE_PATH: path.join(ROOT, 'node_modules'),
      DATA_DIR: dataDir,
      LOG_LEVEL: options.logLevel ?? 'info',
      SEED_DEMO: index === 1 && options.seedDemo ? 'true' : 'false',
      ...options.env,
      ...options.envOf?.(index),
      ...extra,
    };
    for (const name of ['TMPDIR', 'HOME', 'SystemRoot']) {
      const value = process.env[name];
      if (value !== undefined && env[name] === undefined) env[name] = value;
    }
    return env;
  }

  async function launch(extra: Record<string, string> = {}): Promise<Instance> {
    launched += 1;
    const index = launched;
    const name = `instance-${index}`;
    const logFile = path.join(logDir, `${name}.log`);
    const port = await freePort();
    const fd = fs.openSync(logFile, 'a');
    let child: ChildProcess;
    try {
      child = spawn(process.execPath, ['--import', 'tsx', ENTRY], {
        cwd: ROOT,
        env: environment(index, { ...extra, PORT: String(port) }),
        stdio: ['ignore', fd, fd],
      });
    } finally {
      fs.closeSync(fd); // the child holds its own copy
    }
    const logText = () => {
      try {
        return fs.readFileSync(logFile, 'utf8');
      } catch {
        return '';
      }
    };
    const deadline = Date.now() + START_TIMEOUT_MS;
    while (!(await healthy(port))) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`${name} exited while starting (${child.signalCode ?? child.exitCode}):\n${logText()}`);
      }
      if (Date.now() > deadline) {
        child.kill('SIGKILL');
        await exited(child);
        throw new Error(`${name} did not answer /healthz within ${START_TIMEOUT_MS} ms:\n${logText()}`);
      }
      await sleep(POLL_MS);
    }
    const instance: Instance = {
      index,
      name,
      pid: child.pid ?? 0,
      port,
      url: `http://127.0.0.1:${port}`,
      child,
      get alive() {
        return child.exitCode === null && child.signalCode === null;
      },
      log: () => parseLog(logText()),
      logText,
      tcpPorts: () => tcpPortsOf(child.pid ?? 0),
      async kill() {
        if (instance.alive) child.kill('SIGKILL');
        await exited(child);
      },
      async stop() {
        if (instance.alive) {
          child.kill('SIGTERM');
          const killer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
          await exited(child);
          clearTimeout(killer);
        }
        return child.exitCode;
      },
    };
    instances[index - 1] = instance;
    return instance;
  }

  const group: InstanceGroup = {
    instances,
    dataDir,
    storeFile: path.join(dataDir, 'isc-coordinator.sqlite'),
    get(index) {
      const instance = instances[index - 1];
      if (!instance) throw new Error(`no instance ${index}`);
      return instance;
    },
    alive: () => instances.filter((instance) => instance.alive),
    add: (env) => launch(env),
    logs() {
      return instances
        .flatMap((instance) => instance.log().map((line) => ({ ...line, instance: instance.index })))
        .sort((a, b) => a.time - b.time);
    },
    async waitForLog(match, what, timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = group.logs().find(match);
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`timed out waiting for a log line: ${what}`);
        await sleep(POLL_MS * 4);
      }
    },
    async stopAll() {
      await Promise.allSettled(instances.map((instance) => instance.stop()));
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };

  try {
    // The first alone: it creates the store file's tables (and seeds); the others then open a ready store.
    await launch();
    const starting: Promise<Instance>[] = [];
    for (let i = 2; i <= options.count; i += 1) starting.push(launch());
    const results = await Promise.allSettled(starting);
    const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failure) throw failure.reason;
  } catch (error) {
    await group.stopAll();
    throw error;
  }
  return group;
}

/** The operational data the instances share on Azure Storage, as the test process sees it. */
export interface SharedOutbox {
  /** The operational store (outbox records, conversation references) on Table Storage. */
  store: AzureOperationalStore;
  /** The outbox as a service on any instance queues messages: the record on the table, the work item on a queue. */
  outbox: Outbox;
  close(): Promise<void>;
}

/**
 * Opens the instances' operational store and outbox queues on Azure Storage from the test process (it serves no
 * partition: it only queues, like a request-serving instance, and reads the records).
 */
export async function openSharedOutbox(settings: {
  connectionString: string;
  prefix?: string;
  partitions?: number;
}): Promise<SharedOutbox> {
  const store = await openAzureOperationalStore(settings);
  const queue = await AzureOutboxQueue.open({ ...settings, outbox: store.outbox });
  return {
    store,
    outbox: new Outbox(store, { queue }),
    async close() {
      queue.abandon();
      await store.close();
    },
  };
}

/**
 * Waits until the live instances of a group on the Azure outbox serve every partition between them, evenly (each
 * ⌊N / live⌋ or ⌈N / live⌉, their takeover pauses over), as read from each one's /healthz: a deployment's steady
 * state, before a benchmark starts its clock.
 */
export async function waitForOutboxBalance(group: InstanceGroup, partitions = 12, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const live = group.instances.filter((instance) => instance.alive);
    const served = await Promise.all(
      live.map(async (instance) => {
        const response = await fetch(`${instance.url}/healthz`);
        const body = (await response.json()) as { outbox?: { partitions?: number[] } };
        return body.outbox?.partitions ?? [];
      }),
    );
    const all = new Set(served.flat());
    const low = Math.floor(partitions / live.length);
    const high = Math.ceil(partitions / live.length);
    if (all.size === partitions && served.every((p) => p.length >= low && p.length <= high)) return;
    if (Date.now() > deadline) throw new Error(`the outbox partitions did not settle: ${JSON.stringify(served)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
