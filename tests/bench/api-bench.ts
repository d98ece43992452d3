import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';

export const ROOT = path.resolve(__dirname, '../..');
export const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

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

/**
 * API figures: server cold start (process start to healthy, first run on an empty data folder) against a
 * bare Node HTTP server started the same way, and GET /api/v1/topics p50/p99 under 50 concurrent clients
 * against a bare server returning the same bytes (the bound: what serving that payload costs here).
 */
export async function runApiBench(): Promise<object[]> {
  const results: object[] = [];
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'isc-bench-'));
  const port = await freePort();
  const env = { PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
  const app = await startProcess([TSX, 'teams-app/server/main.ts'], env, `http://127.0.0.1:${port}/healthz`);

  const topicsUrl = `http://127.0.0.1:${port}/api/v1/topics`;
  const payload = Buffer.from(await (await fetch(topicsUrl)).arrayBuffer());
  const barePort = await freePort();
  const bareScript = `require('http').createServer((q,s)=>{s.setHeader('content-type','application/json');s.end(require('fs').readFileSync(process.env.PAYLOAD))}).listen(${barePort},'127.0.0.1')`;
  const payloadFile = path.join(dataDir, 'payload.json');
  fs.writeFileSync(payloadFile, payload);
  const bare = await startProcess(
    [process.execPath, '-e', bareScript],
    { PAYLOAD: payloadFile },
    `http://127.0.0.1:${barePort}/`,
  );
  results.push({
    bench: 'cold-start',
    ms: Math.round(app.ms),
    bound_ms: Math.round(bare.ms),
    ratio: +(app.ms / bare.ms).toFixed(2),
  });

  await load(topicsUrl, 10, 10); // warm-up
  await load(`http://127.0.0.1:${barePort}/`, 10, 10);
  const appLatency = await load(topicsUrl, 50, 20);
  const bareLatency = await load(`http://127.0.0.1:${barePort}/`, 50, 20);
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
  });
  await stop(app.child);
  await stop(bare.child);
  fs.rmSync(dataDir, { recursive: true, force: true });
  return results;
}

if (require.main === module) {
  runApiBench().then((lines) => lines.forEach((line) => console.log(JSON.stringify(line))));
}
