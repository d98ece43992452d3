// npm run build:server: compiles the server for production start (node dist/server/main.js).
//   dist/server/server.js        teams-app/server/main.ts with everything it imports, dependencies included, in one
//                                CommonJS file (better-sqlite3 stays a package: it has a native part)
//   dist/server/main.js          the entry (teams-app/server/production-entry.ts): loads server.js through V8's code
//                                cache and starts the server
//   dist/server/server.js.cache  that code cache, written by starting the built server once (--write-code-cache) in
//                                local mode on a scratch folder, so it holds what a start compiles
//   dist/server/server.js.map    source map, for debuggers and for reading a stack trace back to the TypeScript
// Usage: node scripts/build-server.mjs [outdir]   (default dist/server)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Builds the server into `outdir`; resolves with the entry's path. The files are made in a staging folder beside
 * it and moved in one by one (each move atomic), so a server starting from `outdir` meanwhile — another build, a
 * benchmark, `npm start` — never finds it empty or half written.
 */
export async function buildServer(outdir = path.join(root, 'dist/server')) {
  fs.mkdirSync(path.dirname(outdir), { recursive: true });
  const staging = fs.mkdtempSync(path.join(path.dirname(outdir), '.server-build-'));
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'isc-build-'));
  try {
    const common = {
      absWorkingDir: root,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      logLevel: 'warning',
      legalComments: 'none',
    };
    await Promise.all([
      build({
        ...common,
        entryPoints: ['teams-app/server/main.ts'],
        outfile: path.join(staging, 'server.js'),
        external: ['better-sqlite3'],
        // Names stay (readable stack traces); whitespace and syntax are minified: a third less to read at each start.
        minifyWhitespace: true,
        minifySyntax: true,
        sourcemap: 'linked',
      }),
      build({
        ...common,
        entryPoints: ['teams-app/server/production-entry.ts'],
        outfile: path.join(staging, 'main.js'),
      }),
    ]);
    fs.mkdirSync(outdir, { recursive: true });
    for (const file of ['server.js', 'server.js.map', 'main.js']) {
      fs.renameSync(path.join(staging, file), path.join(outdir, file));
    }
    // The cache is made where the bundle now is (V8 keeps the file name in it, for stack traces). A start before
    // it is written finds the cache of the previous bundle (its header says so) and compiles from source.
    // Only what local mode needs: no credentials from the building shell reach this start. NODE_PATH finds the
    // packages left outside the bundle (better-sqlite3) when building into a folder outside the project.
    const env = {
      PATH: process.env.PATH ?? '',
      NODE_PATH: path.join(root, 'node_modules'),
      PORT: '0',
      DATA_DIR: scratch,
      LOG_LEVEL: 'silent',
    };
    if (process.env.SystemRoot) env.SystemRoot = process.env.SystemRoot;
    const cache = spawnSync(process.execPath, [path.join(outdir, 'main.js'), '--write-code-cache'], {
      cwd: root,
      env,
      stdio: 'inherit',
    });
    if (cache.status !== 0) throw new Error(`writing the code cache failed (exit ${cache.status ?? cache.signal})`);
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  return path.join(outdir, 'main.js');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  const outdir = process.argv[2] ? path.resolve(process.argv[2]) : undefined;
  buildServer(outdir).then(
    (entry) =>
      console.log(`Built the server: ${path.relative(root, entry)} (${Math.round(performance.now() - started)} ms)`),
    (error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
