// npm start: builds the tab, starts the server (SQLite + demo data) and the Microsoft 365 Agents
// Playground against it, prints both URLs; Ctrl-C stops everything.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const port = Number(process.env.PORT ?? 3978);
const playgroundPort = 56150;
const children = [];

function stopAll(code = 0) {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 1500).unref();
}
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

async function waitFor(url, label, seconds = 60) {
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) {
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${label} did not start within ${seconds} s (${url}).`);
}

console.log('Building the tab…');
const build = spawnSync(bin('vite'), ['build', '--config', 'tab/vite.config.ts', '--logLevel', 'warn'], {
  cwd: root,
  stdio: 'inherit',
});
if (build.status !== 0) {
  console.error('The tab did not build; see the messages above.');
  process.exit(1);
}

const server = spawn(bin('tsx'), ['teams-app/server/main.ts'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, PORT: String(port) },
});
children.push(server);
server.on('exit', (code) => {
  if (code) console.error(`The server stopped (exit ${code}).`);
  stopAll(code ?? 0);
});
await waitFor(`http://127.0.0.1:${port}/healthz`, 'The server');

if (process.env.PLAYGROUND !== 'off') {
  const playground = spawn(
    bin('agentsplayground'),
    ['-e', `http://localhost:${port}/api/messages`, '-c', 'msteams', '--dt', '-p', String(playgroundPort)],
    { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none' } },
  );
  children.push(playground);
  await waitFor(`http://127.0.0.1:${playgroundPort}/`, 'The Agents Playground');
}

console.log(`
  ISC Coordinator is running (local mode, SQLite in ./data, demo data).
    Tab (topic register, meetings):   http://localhost:${port}/
    Bot in the Agents Playground:     http://localhost:${playgroundPort}/   (you are Alex Wilber; type "help")
    Health:                           http://localhost:${port}/healthz
  Press Ctrl-C to stop.
`);
