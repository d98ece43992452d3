/**
 * The entry of the compiled server (dist/server/main.js, built by `npm run build:server`). It loads the bundle
 * (dist/server/server.js: the server and its dependencies in one CommonJS file) through V8's code cache kept
 * beside it, so a start skips parsing and compiling most of the code (about 1 s of CPU without it, 0.1 s with it),
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
import zlib from 'node:zlib';

/** What the bundle exports (teams-app/server/main.ts). */
interface ServerBundle {
  main(): Promise<{ port: number; close(): Promise<void> }>;
}

/** A bundle loaded, and how to save the code compiled so far as its cache. */
interface LoadedBundle {
  exports: unknown;
  /** True when there was no usable cache: none yet, one of another bundle, or one V8 refused (another Node). */
  cacheStale: boolean;
  saveCache(): void;
}

/** The bundle's CommonJS wrapper; the source starts on its first line, so line numbers stay those of the file. */
function wrap(source: string): string {
  return `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
}

/**
 * The cache file: the CRC-32 and length of the source it was made from, then V8's data. V8 itself checks only the
 * source's length, so without this a rebuilt bundle of the same length would run the old bundle's bytecode.
 */
const HEADER_BYTES = 8;

function header(source: Buffer): Buffer {
  const bytes = Buffer.alloc(HEADER_BYTES);
  bytes.writeUInt32LE(zlib.crc32(source), 0);
  bytes.writeUInt32LE(source.length, 4);
  return bytes;
}

/** The V8 data of a cache made from this very source, or undefined. */
function cacheFor(source: Buffer, cacheFile: string): Buffer | undefined {
  let cache: Buffer;
  try {
    cache = fs.readFileSync(cacheFile);
  } catch {
    return undefined; // no cache yet: compiled from source
  }
  return cache.length > HEADER_BYTES && cache.subarray(0, HEADER_BYTES).equals(header(source))
    ? cache.subarray(HEADER_BYTES)
    : undefined;
}

/** Writes a file through a temporary name, so a concurrent start never reads half of it. */
function writeAtomically(file: string, data: Buffer): void {
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, data);
  fs.renameSync(temporary, file);
}

/**
 * Runs a CommonJS bundle with V8's code cache (`<file>.cache`, when there is a usable one; `fresh` compiles from
 * source whatever is there: a cache carries the file name it was made under, into stack traces).
 */
export function loadWithCodeCache(file: string, options: { fresh?: boolean } = {}): LoadedBundle {
  const cacheFile = `${file}.cache`;
  const bytes = fs.readFileSync(file);
  const cachedData = options.fresh ? undefined : cacheFor(bytes, cacheFile);
  const script = new vm.Script(wrap(bytes.toString('utf8')), {
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
    saveCache: () => writeAtomically(cacheFile, Buffer.concat([header(bytes), script.createCachedData()])),
  };
}

async function start(): Promise<void> {
  const writeCache = process.argv.includes('--write-code-cache');
  const bundle = loadWithCodeCache(path.join(__dirname, 'server.js'), { fresh: writeCache });
  const server = await (bundle.exports as ServerBundle).main();
  if (writeCache) {
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
