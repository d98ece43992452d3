// npm start: builds the tab and the server (as `npm run build` does), starts the compiled server (SQLite in ./data +
// demo data; the production start, node dist/server/main.js) and the Microsoft 365 Agents Playground against it,
// prints the URLs; Ctrl-C stops everything. The data stays for the next start.
//   PORT=3978            the server's port
//   PLAYGROUND_PORT=56150  the Playground's port (it moves to a free one if this one is taken)
//   PLAYGROUND=off       start the server only
//   SKIP_TAB_BUILD=1     use the tab as last built
//   SKIP_SERVER_BUILD=1  use the server as last built (dist/server)
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// Node entry points of the tools, run with this node: no shell, no .cmd shims, works the same on Windows.
const cli = {
  vite: path.join(root, 'node_modules/vite/bin/vite.js'),
  compressStatic: path.join(root, 'scripts/compress-static.mjs'),
  buildServer: path.join(root, 'scripts/build-server.mjs'),
  server: path.join(root, 'dist/server/main.js'),
  playground: path.join(root, 'node_modules/@microsoft/m365agentsplayground/cli.js'),
};
const port = Number(process.env.PORT ?? 3978);
const dataDir = path.resolve(root, process.env.DATA_DIR ?? 'data');
const children = new Set();
let stopping = false;

/** Starts a node script; it gets its own process group, so one Ctrl-C reaches it once, through stop(). */
function run(script, args, options = {}) {
  const child = spawn(process.execPath, [script, ...args], {
    cwd: root,
    detached: process.platform !== 'win32',
    stdio: options.stdio ?? 'inherit',
    env: { ...process.env, ...options.env },
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

function exited(child) {
  return child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once('exit', resolve));
}

/** Stops every child (SIGTERM, then SIGKILL after 10 s) and exits. */
async function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  const running = [...children];
  for (const child of running) child.kill('SIGTERM');
  const killer = setTimeout(() => {
    for (const child of running) if (child.exitCode === null) child.kill('SIGKILL');
  }, 10_000);
  await Promise.all(running.map(exited));
  clearTimeout(killer);
  process.exit(code);
}
process.on('SIGINT', () => {
  if (!stopping) console.log('\nStopping…');
  void stop(0);
});
process.on('SIGTERM', () => void stop(0));

async function waitFor(url, label, child, seconds = 60) {
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) {
    if (stopping) return new Promise(() => {}); // stop() exits
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${label} stopped while starting.`);
    try {
      const res = await fetch(url);
      await res.arrayBuffer();
      if (res.status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${label} did not start within ${seconds} s (${url}).`);
}

async function buildTab() {
  if (process.env.SKIP_TAB_BUILD) return;
  const config = ['vite.config.mts', 'vite.config.ts', 'vite.config.js']
    .map((name) => path.join('tab', name))
    .find((file) => existsSync(path.join(root, file)));
  if (!config) {
    console.warn('No tab to build (tab/vite.config.* is missing); the bot and the API still run.');
    return;
  }
  console.log('Building the tab…');
  const build = run(cli.vite, ['build', '--config', config, '--logLevel', 'warn']);
  await exited(build);
  if (stopping) return new Promise(() => {});
  if (build.exitCode !== 0) {
    console.warn('\nThe tab did not build (see above); the bot and the API still run, the tab shows the last build.');
    return;
  }
  // Brotli and gzip files beside the tab's, so the server sends them compressed without compressing at run time.
  const compress = run(cli.compressStatic, ['dist/tab']);
  await exited(compress);
  if (stopping) return new Promise(() => {});
}

async function buildServer() {
  if (process.env.SKIP_SERVER_BUILD && existsSync(cli.server)) return;
  console.log('Building the server…');
  const build = run(cli.buildServer, []);
  await exited(build);
  if (stopping) return new Promise(() => {});
  if (build.exitCode !== 0) throw new Error('The server did not build (see above).');
}

async function startServer() {
  const server = run(cli.server, [], { env: { PORT: String(port) } });
  server.once('exit', (code, signal) => {
    if (stopping) return;
    console.error(`The server stopped (${signal ?? `exit ${code}`}).`);
    void stop(code || 1);
  });
  await waitFor(`http://127.0.0.1:${port}/healthz`, 'The server', server);
}

/** Starts the Playground; resolves with the port it listens on. */
async function startPlayground() {
  mkdirSync(dataDir, { recursive: true });
  const logFile = path.join(dataDir, 'm365agentsplayground.log');
  writeFileSync(logFile, ''); // one start's log only (it appends)
  const requested = process.env.PLAYGROUND_PORT ?? '56150';
  const playground = run(
    cli.playground,
    ['-e', `http://127.0.0.1:${port}/api/messages`, '-c', 'msteams', '--dt', '-p', requested],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
      // Its log file would otherwise go to ./devTools.
      env: { TEAMSAPPTESTER_BROWSER: 'none', M365_AGENTS_PLAYGROUND_LOGFILE: logFile },
    },
  );
  let printed = '';
  playground.stdout.setEncoding('utf8');
  playground.stdout.on('data', (text) => (printed = (printed + text).slice(-10_000)));
  playground.once('exit', (code, signal) => {
    if (stopping) return;
    let log = '';
    try {
      log = readFileSync(logFile, 'utf8')
        .split('\n')
        .filter((line) => /^error /.test(line))
        .join('\n');
    } catch {
      // no log
    }
    console.error(`The Agents Playground stopped (${signal ?? `exit ${code}`}).\n${log || printed}`);
    void stop(code || 1);
  });
  const until = Date.now() + 60_000;
  let match;
  while (!(match = /Listening on (\d+)/.exec(printed))) {
    if (stopping) return new Promise(() => {});
    if (Date.now() > until) throw new Error('The Agents Playground did not start within 60 s.');
    await new Promise((r) => setTimeout(r, 100));
  }
  const actual = Number(match[1]);
  await waitFor(`http://127.0.0.1:${actual}/`, 'The Agents Playground', playground);
  return actual;
}

try {
  await buildTab();
  await buildServer();
  await startServer();
  const playgroundPort = process.env.PLAYGROUND === 'off' ? null : await startPlayground();
  console.log(`
  ISC Coordinator is running (local mode, SQLite in ${path.relative(root, dataDir) || '.'}, demo data).
    Tab (topic register, meetings):   http://localhost:${port}/
    Health:                           http://localhost:${port}/healthz${
      playgroundPort
        ? `
    Bot in the Agents Playground:     http://localhost:${playgroundPort}/   (you are Alex Wilber; type "help")`
        : ''
    }
  Press Ctrl-C to stop.
`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await stop(1);
}
