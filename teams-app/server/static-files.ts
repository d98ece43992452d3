/**
 * Serves the built tab (dist/tab): compressed on the wire, hashed assets cached for a year, everything else
 * revalidated. Brotli or gzip, as the client accepts, comes from the build's `.br`/`.gz` files
 * (scripts/compress-static.mjs) or, for a file without them, is compressed once in memory on first request.
 * Files are read once and kept in memory (the tab is about a megabyte); a changed file (a rebuilt tab) is read
 * again, noticed by its size and modification time.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { Request, RequestHandler, Response } from 'express';

/** Vite's file names under assets/ carry a content hash (`App-B5fpjma-.js`): they never change, so cache them. */
const HASHED_ASSET = /^assets\/(?:.+\/)?[^/]+-[\w-]{8,}\.[a-z0-9]+$/i;
/** Extensions worth compressing (scripts/compress-static.mjs keeps the same list). */
const COMPRESSIBLE = /\.(html|js|mjs|css|json|svg|txt|map|webmanifest|xml)$/;
/** Below this size compression saves less than the headers it costs. */
const MIN_COMPRESS_BYTES = 1024;

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

type Encoding = 'br' | 'gzip';
const SUFFIX: Record<Encoding, string> = { br: '.br', gzip: '.gz' };

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

interface Representation {
  body: Buffer;
  etag: string;
}

interface CachedFile {
  size: number;
  mtimeMs: number;
  type: string;
  cacheControl: string;
  identity: Representation;
  /** The compressed forms, prepared on first request (null: the file is not worth compressing). */
  encoded: Promise<Partial<Record<Encoding, Representation>>> | null;
}

/** The encodings a request accepts, best first (brotli before gzip; `q=0` refuses one). */
export function acceptedEncodings(header: string | undefined): Encoding[] {
  const q = new Map<string, number>();
  for (const part of (header ?? '').toLowerCase().split(',')) {
    const [name = '', ...params] = part.trim().split(';');
    if (!name) continue;
    const weight = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    q.set(name.trim(), weight ? Number(weight.slice(2)) || 0 : 1);
  }
  const weightOf = (encoding: string) => q.get(encoding) ?? q.get('*') ?? 0;
  return (['br', 'gzip'] as const).filter((encoding) => weightOf(encoding) > 0);
}

function etagOf(body: Buffer, suffix = ''): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}${suffix}"`;
}

function contentTypeOf(file: string): string {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.js' || ext === '.mjs') return 'text/javascript; charset=utf-8';
  if (ext === '.html') return 'text/html; charset=utf-8';
  if (ext === '.css') return 'text/css; charset=utf-8';
  if (ext === '.json' || ext === '.map') return 'application/json; charset=utf-8';
  if (ext === '.svg') return 'image/svg+xml';
  if (ext === '.png') return 'image/png';
  if (ext === '.ico') return 'image/x-icon';
  if (ext === '.woff2') return 'font/woff2';
  if (ext === '.txt') return 'text/plain; charset=utf-8';
  if (ext === '.webmanifest') return 'application/manifest+json; charset=utf-8';
  return 'application/octet-stream';
}

/** A precompressed sibling at least as new as the file, or null. */
async function precompressed(file: string, encoding: Encoding, mtimeMs: number): Promise<Buffer | null> {
  try {
    const variant = `${file}${SUFFIX[encoding]}`;
    const stat = await fs.promises.stat(variant);
    return stat.isFile() && stat.mtimeMs >= mtimeMs ? await fs.promises.readFile(variant) : null;
  } catch {
    return null;
  }
}

async function compressAll(file: string, body: Buffer, mtimeMs: number, etag: string) {
  const encoded: Partial<Record<Encoding, Representation>> = {};
  await Promise.all(
    (['br', 'gzip'] as const).map(async (encoding) => {
      const compressed =
        (await precompressed(file, encoding, mtimeMs)) ??
        (encoding === 'br'
          ? await brotli(body, {
              params: {
                [zlib.constants.BROTLI_PARAM_QUALITY]: 9,
                [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
              },
            })
          : await gzip(body, { level: 9 }));
      // Only a smaller body is worth the Content-Encoding.
      if (compressed.length < body.length) {
        encoded[encoding] = { body: compressed, etag: `${etag.slice(0, -1)}-${SUFFIX[encoding].slice(1)}"` };
      }
    }),
  );
  return encoded;
}

function ifNoneMatch(req: Request, etag: string): boolean {
  const header = req.headers['if-none-match'];
  if (!header) return false;
  return header === '*' || header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

/**
 * The built tab at `dir`: GET/HEAD of a file sends it; a path that is no file sends index.html (the tab's own
 * routes), except under /assets/ where it is a 404. Dotfiles are never sent.
 */
export function staticFiles(dir: string): RequestHandler {
  const root = path.resolve(dir);
  const cache = new Map<string, CachedFile>();

  /** The file at a normalised path relative to the folder (forward slashes), read or from memory. */
  async function load(relative: string): Promise<CachedFile | null> {
    const file = path.join(root, relative);
    let stat: fs.Stats;
    try {
      stat = await fs.promises.stat(file);
    } catch {
      return null;
    }
    if (!stat.isFile()) return null;
    const cached = cache.get(file);
    if (cached && cached.size === stat.size && cached.mtimeMs === stat.mtimeMs) return cached;
    const body = await fs.promises.readFile(file);
    const etag = etagOf(body);
    const entry: CachedFile = {
      size: stat.size,
      mtimeMs: stat.mtimeMs,
      type: contentTypeOf(file),
      cacheControl: HASHED_ASSET.test(relative) ? IMMUTABLE : REVALIDATE,
      identity: { body, etag },
      encoded:
        COMPRESSIBLE.test(file) && body.length >= MIN_COMPRESS_BYTES
          ? // Should compressing fail, the file is sent as it is.
            compressAll(file, body, stat.mtimeMs, etag).catch(() => ({}))
          : null,
    };
    cache.set(file, entry);
    return entry;
  }

  async function send(req: Request, res: Response, entry: CachedFile): Promise<void> {
    let chosen = entry.identity;
    let encoding: Encoding | null = null;
    if (entry.encoded) {
      res.setHeader('vary', 'Accept-Encoding');
      const encoded = await entry.encoded;
      encoding = acceptedEncodings(req.headers['accept-encoding']).find((e) => encoded[e]) ?? null;
      if (encoding) chosen = encoded[encoding] ?? chosen;
    }
    res.setHeader('cache-control', entry.cacheControl);
    res.setHeader('etag', chosen.etag);
    if (ifNoneMatch(req, chosen.etag)) {
      res.status(304).end();
      return;
    }
    res.setHeader('content-type', entry.type);
    if (encoding) res.setHeader('content-encoding', encoding);
    res.setHeader('content-length', chosen.body.length);
    if (req.method === 'HEAD') res.end();
    else res.end(chosen.body);
  }

  return async (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    try {
      let decoded: string;
      try {
        decoded = decodeURIComponent(req.path);
      } catch {
        return next();
      }
      const relative = path.posix.normalize(decoded).replace(/^\/+/, '');
      const unsafe = /[\0\\]/.test(decoded) || relative.split('/').some((part) => part.startsWith('.'));
      const wanted = unsafe
        ? null
        : await load(relative === '' || relative.endsWith('/') ? `${relative}index.html` : relative);
      if (wanted) return await send(req, res, wanted);
      if (relative.startsWith('assets/')) return next();
      const index = await load('index.html');
      if (!index) return next();
      await send(req, res, index);
    } catch (error) {
      next(error);
    }
  };
}
