/**
 * The entry of the compiled server (dist/server/main.js, built by `npm run build:server`). It loads the bundle
 * (dist/server/server.js: the server and its dependencies in one CommonJS file) through V8's code cache kept
 * beside it, so a start skips parsing and compiling most of the code (botbuilder alone costs ~0.5 s without it),
 * then starts the server.
 *
 * `--write-code-cache` is the build's last step: it starts the server once (on the scratch folder and port the
 * build gives it), answers a health check and a register call, writes the cache (then holding what a start and
 * those calls compile) and exits.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';

/** What the bundle exports (teams-app/server/main.ts). */
interface ServerBundle {
  main(): Promise<{ port: number; close(): Promise<void> }>;
}

/** A bundle loaded, and how to save the code compiled so far as its cache. */
interface LoadedBundle {
  exports: unknown;
  /** True when the cache was missing or was made by another Node version. */
  cacheStale: boolean;
  saveCache(): void;
}

/** The bundle's CommonJS wrapper; the source starts on its first line, so line numbers stay those of the file. */
function wrap(source: string): string {
  return `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
}

/** Writes a file through a temporary name, so a concurrent start never reads half of it. */
function writeAtomically(file: string, data: Buffer): void {
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, data);
  fs.renameSync(temporary, file);
}

/** Runs a CommonJS bundle with V8's code cache (`<file>.cache`, when there is a usable one). */
export function loadWithCodeCache(file: string): LoadedBundle {
  const cacheFile = `${file}.cache`;
  const source = fs.readFileSync(file, 'utf8');
  let cachedData: Buffer | undefined;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    // no cache yet: compiled from source
  }
  const script = new vm.Script(wrap(source), {
    filename: file,
    cachedData,
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const module = { exports: {} as unknown, id: file, filename: file, loaded: false };
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run.call(module.exports, module.exports, createRequire(file), module, file, path.dirname(file));
  module.loaded = true;
  return {
    exports: module.exports,
    cacheStale: !cachedData || script.cachedDataRejected === true,
    // The cache made now holds every function compiled so far, not only the top-level code.
    saveCache: () => writeAtomically(cacheFile, script.createCachedData()),
  };
}

async function start(): Promise<void> {
  const bundle = loadWithCodeCache(path.join(__dirname, 'server.js'));
  const server = await (bundle.exports as ServerBundle).main();
  if (process.argv.includes('--write-code-cache')) {
    for (const route of ['/healthz', '/api/v1/topics']) {
      await (await fetch(`http://127.0.0.1:${server.port}${route}`)).arrayBuffer();
    }
    bundle.saveCache();
    await server.close();
    process.exit(0);
  }
  if (bundle.cacheStale) {
    try {
      bundle.saveCache();
    } catch {
      // a read-only installation: the next start compiles from source again
    }
  }
}

if (require.main === module) {
  start().catch((error: unknown) => {
    console.error('ISC Coordinator could not start:', error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
