// Precompresses the built tab: writes <file>.br (brotli, best) and <file>.gz (gzip, best) beside every text file
// worth compressing, so the server sends them without compressing at run time. The server compresses a file that
// has none once in memory instead (teams-app/server/static-files.ts), so this step only saves that work.
// Usage: node scripts/compress-static.mjs [dir]   (default dist/tab)
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** The extensions the server compresses (teams-app/server/static-files.ts keeps the same list). */
const COMPRESSIBLE = /\.(html|js|mjs|css|json|svg|txt|map|webmanifest|xml)$/;
/** Below this size compression saves less than the headers it costs. */
const MIN_BYTES = 1024;

function* files(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(file);
    else if (entry.isFile()) yield file;
  }
}

/** Writes the .br and .gz variants of the compressible files under `dir`; resolves with how many files. */
export async function compressStatic(dir = path.join(root, 'dist/tab')) {
  const targets = [...files(dir)].filter((file) => COMPRESSIBLE.test(file) && fs.statSync(file).size >= MIN_BYTES);
  await Promise.all(
    targets.map(async (file) => {
      const content = fs.readFileSync(file);
      const [br, gz] = await Promise.all([
        brotli(content, {
          params: {
            [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
            [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
            [zlib.constants.BROTLI_PARAM_SIZE_HINT]: content.length,
          },
        }),
        gzip(content, { level: zlib.constants.Z_BEST_COMPRESSION }),
      ]);
      fs.writeFileSync(`${file}.br`, br);
      fs.writeFileSync(`${file}.gz`, gz);
    }),
  );
  return targets.length;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = path.resolve(process.argv[2] ?? path.join(root, 'dist/tab'));
  if (!fs.existsSync(dir)) {
    console.error(`${path.relative(root, dir)} does not exist: build the tab first.`);
    process.exit(1);
  }
  const started = performance.now();
  compressStatic(dir).then(
    (count) =>
      console.log(
        `Compressed ${count} files in ${path.relative(root, dir)} (${Math.round(performance.now() - started)} ms)`,
      ),
    (error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
