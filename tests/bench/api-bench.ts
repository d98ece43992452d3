import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';

export const ROOT = path.resolve(__dirname, '../..');
export const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
/** The production start: the compiled server (`npm run build:server`), as `npm start` and `npm run serve:prod` run it. */
export const SERVER = [process.execPath, path.join(ROOT, 'dist/server/main.js')];

let built = false;
/** Builds the server once per bench run, so the figures are those of the code as it is. */
export function buildServer(): void {
  if (built) return;
  const result = spawnSync(process.execPath, [path.join(ROOT, 'scripts/build-server.mjs')], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (result.status !== 0) throw new Error('npm run build:server failed');
  built = true;
}

/** The p-th percentile of sorted values. */
export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** Waits until a URL answers 2xx. */
export async function waitHealthy(url: string, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`no answer from ${url}`);
}

/** A free loopback port. */
export async function freePort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Starts a process and measures the time until its health URL answers. */
export async function startProcess(
  args: string[],
  env: Record<string, string>,
  healthUrl: string,
): Promise<{ child: ChildProcess; ms: number }> {
  const started = performance.now();
  const child = spawn(args[0]!, args.slice(1), { cwd: ROOT, env: { ...process.env, ...env }, stdio: 'ignore' });
  await waitHealthy(healthUrl);
  return { child, ms: performance.now() - started };
}

/** Stops a child process and waits for it. */
export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** Latency of GET requests under a number of concurrent clients, each sending one request after another. */
async function load(url: string, clients: number, requestsPerClient: number): Promise<number[]> {
  const latencies: number[] = [];
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let i = 0; i < requestsPerClient; i += 1) {
        const t0 = performance.now();
        const res = await fetch(url);
        await res.arrayBuffer();
        if (!res.ok) throw new Error(`${url} answered ${res.status}`);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  return latencies.sort((a, b) => a - b);
}

/** The median of some numbers. */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Cold starts measured, alternating app and bare server, so a load spike on the shared machine hits both. */
const COLD_STARTS = 5;

/**
 * Load runs alternate between the app and its bound in this many rounds (the percentiles are over all of them), so
 * a change in the machine's load during the run weighs on both alike.
 */
export const ROUNDS = 4;

/**
 * API figures: production cold start (the compiled server, process start to healthy, each run on an empty data
 * folder, seeding included; median of 5) against a bare Node HTTP server started the same way, and
 * GET /api/v1/topics p50/p99 under 50 concurrent clients against a bare server returning the same bytes (the
 * bound: what serving that payload costs here).
 */
export async function runApiBench(): Promise<object[]> {
  buildServer();
  const results: object[] = [];
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'isc-bench-'));
  const payloadFile = path.join(dataDir, 'payload.json');
  const bareScript = `require('http').createServer((q,s)=>{s.setHeader('content-type','application/json');s.end(require('fs').readFileSync(process.env.PAYLOAD))}).listen(+process.env.PORT,'127.0.0.1')`;
  const appMs: number[] = [];
  const bareMs: number[] = [];
  let app: { child: ChildProcess; ms: number } | null = null;
  let port = 0;
  for (let run = 0; run < COLD_STARTS; run += 1) {
    if (app) await stop(app.child);
    const runDir = path.join(dataDir, `run-${run}`);
    port = await freePort();
    const env = { PORT: String(port), DATA_DIR: runDir, LOG_LEVEL: 'silent' };
    app = await startProcess(SERVER, env, `http://127.0.0.1:${port}/healthz`);
    appMs.push(app.ms);
    if (run === 0)
      fs.writeFileSync(
        payloadFile,
        Buffer.from(await (await fetch(`http://127.0.0.1:${port}/api/v1/topics`)).arrayBuffer()),
      );
    const coldPort = await freePort();
    const cold = await startProcess(
      [process.execPath, '-e', bareScript],
      { PAYLOAD: payloadFile, PORT: String(coldPort) },
      `http://127.0.0.1:${coldPort}/`,
    );
    bareMs.push(cold.ms);
    await stop(cold.child);
  }
  results.push({
    bench: 'cold-start',
    ms: Math.round(median(appMs)),
    bound_ms: Math.round(median(bareMs)),
    ratio: +(median(appMs) / median(bareMs)).toFixed(2),
    runs: COLD_STARTS,
    command: 'node dist/server/main.js',
  });

  const topicsUrl = `http://127.0.0.1:${port}/api/v1/topics`;
  const payload = Buffer.from(await (await fetch(topicsUrl)).arrayBuffer());
  fs.writeFileSync(payloadFile, payload);
  const barePort = await freePort();
  const bare = await startProcess(
    [process.execPath, '-e', bareScript],
    { PAYLOAD: payloadFile, PORT: String(barePort) },
    `http://127.0.0.1:${barePort}/`,
  );

  await load(topicsUrl, 10, 10); // warm-up
  await load(`http://127.0.0.1:${barePort}/`, 10, 10);
  const appLatency: number[] = [];
  const bareLatency: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    appLatency.push(...(await load(topicsUrl, 50, 20 / ROUNDS)));
    bareLatency.push(...(await load(`http://127.0.0.1:${barePort}/`, 50, 20 / ROUNDS)));
  }
  appLatency.sort((a, b) => a - b);
  bareLatency.sort((a, b) => a - b);
  const p50 = percentile(appLatency, 50);
  const p99 = percentile(appLatency, 99);
  results.push({
    bench: 'api-topics',
    concurrency: 50,
    requests: appLatency.length,
    bytes: payload.length,
    p50_ms: +p50.toFixed(2),
    p99_ms: +p99.toFixed(2),
    bound_p50_ms: +percentile(bareLatency, 50).toFixed(2),
    bound_p99_ms: +percentile(bareLatency, 99).toFixed(2),
    ratio_p50: +(p50 / percentile(bareLatency, 50)).toFixed(2),
    ratio_p99: +(p99 / percentile(bareLatency, 99)).toFixed(2),
  });
  if (app) await stop(app.child);
  await stop(bare.child);
  fs.rmSync(dataDir, { recursive: true, force: true });
  return results;
}

if (require.main === module) {
  runApiBench().then((lines) => lines.forEach((line) => console.log(JSON.stringify(line))));
}
