/**
 * Tab load benchmark: the built tab served by the compiled server, opened in headless Chromium throttled to
 * 10 Mbps (down and up) with 40 ms latency and the cache disabled, measured from navigation start until the topic
 * register's table shows its rows. Reports the gzip size of the JavaScript received before that moment (what the
 * page can have run to show it), the bytes that crossed the wire until then, and the time; the bound is the same
 * register as a minimal HTML page (the table rendered on the server, gzip, no script) from a bare Node server under
 * the same throttle.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import { ROOT, SERVER, buildServer, freePort, startProcess, stop } from './api-bench';

/** Page loads measured per figure (fresh profile each); the figure is their median. */
const RUNS = 7;
const MBPS = 10;
const LATENCY_MS = 40;
const TAB_DIR = path.join(ROOT, 'dist/tab');

let tabBuilt = false;
/** Builds the tab once per bench run (`npm run build:tab`), so the figure is that of the code as it is. */
export function buildTab(): void {
  if (tabBuilt) return;
  const result = spawnSync('npm', ['run', 'build:tab', '--silent'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (result.status !== 0) throw new Error('npm run build:tab failed');
  tabBuilt = true;
}

/** One page load: when the register showed, the scripts fetched until then and the bytes received until then. */
export interface Load {
  ms: number;
  scripts: string[];
  transferBytes: number;
}

/**
 * Installed before any of the page's scripts: records (in `window.__registerShown`, ms since navigation start) the
 * first frame (checked before each paint) in which the register's table has body rows with a size on screen. A
 * string, not a function: the page must not see the helpers the TypeScript loader adds to compiled functions.
 */
const WATCH_FOR_REGISTER = `
  const shown = () => {
    const row = document.querySelector('#panel-topics table tbody tr, body > table tbody tr');
    return row !== null && row.getBoundingClientRect().height > 0;
  };
  const frame = () => {
    if (shown()) window.__registerShown = performance.now();
    else requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
`;

/** Opens `url` in a fresh, throttled, cache-less profile and measures one load. */
export async function measureLoad(browser: Browser, url: string): Promise<Load> {
  const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
  try {
    // Offline: nothing but the servers under test (teams-js, if loaded, would ask a CDN).
    await context.route(/^https?:\/\/(?!localhost|127\.0\.0\.1)/, (route) => route.abort());
    await context.addInitScript(WATCH_FOR_REGISTER);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: LATENCY_MS,
      downloadThroughput: (MBPS * 1_000_000) / 8,
      uploadThroughput: (MBPS * 1_000_000) / 8,
    });
    let navigationStart: number | null = null;
    const finished: { at: number; bytes: number }[] = [];
    cdp.on('Network.requestWillBeSent', (event) => {
      if (navigationStart === null && event.type === 'Document') navigationStart = event.timestamp;
    });
    cdp.on('Network.loadingFinished', (event) => {
      finished.push({ at: event.timestamp, bytes: event.encodedDataLength });
    });

    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(() => (window as unknown as { __registerShown?: number }).__registerShown, null, {
      timeout: 30_000,
      polling: 50,
    });
    const ms = await page.evaluate(() => (window as unknown as { __registerShown: number }).__registerShown);
    await checkRegister(page);
    const requests = await requestsOf(page);
    if (process.env.TAB_LOAD_TRACE) printTimeline(url, ms, requests);
    const scripts = requests.filter((r) => r.end <= ms && r.path.endsWith('.js')).map((r) => r.path);
    // Network events reach us a little after the page's own clock: keep the responses finished by the time shown.
    const start = navigationStart ?? 0;
    const transferBytes = finished
      .filter((entry) => (entry.at - start) * 1000 <= ms + 1)
      .reduce((sum, entry) => sum + entry.bytes, 0);
    return { ms, scripts, transferBytes };
  } finally {
    await context.close();
  }
}

/** A request of the page: its path (with query), start and end (ms since navigation start) and body size. */
interface PageRequest {
  path: string;
  start: number;
  end: number;
  bytes: number;
}

/** The page's requests so far, from its resource timing. */
function requestsOf(page: Page): Promise<PageRequest[]> {
  return page.evaluate(() =>
    performance.getEntriesByType('resource').flatMap((entry) =>
      entry instanceof PerformanceResourceTiming
        ? [
            {
              path: new URL(entry.name).pathname + new URL(entry.name).search,
              start: entry.startTime,
              end: entry.responseEnd,
              bytes: entry.encodedBodySize,
            },
          ]
        : [],
    ),
  );
}

/** TAB_LOAD_TRACE=1: prints (to stderr) when each request of a load started and ended, for profiling. */
function printTimeline(url: string, shownMs: number, requests: PageRequest[]): void {
  console.error(`${url}: register shown at ${shownMs.toFixed(0)} ms`);
  for (const { path: name, start, end, bytes } of requests) {
    console.error(
      `  ${start.toFixed(0).padStart(5)} → ${end.toFixed(0).padStart(5)} ms ${String(bytes).padStart(7)} B  ${name}`,
    );
  }
}

/** Fails the figure when what showed is not the register (a table with its rows, as a screen reader finds it). */
async function checkRegister(page: Page): Promise<void> {
  const rows = await page.getByRole('table').first().getByRole('row').count();
  if (rows < 2) throw new Error(`the register table shows ${rows} rows`);
}

/** The gzip size (best compression, as the build's .gz files) of the tab's built scripts at these paths. */
function gzipBytes(paths: string[]): number {
  return [...new Set(paths)].reduce((sum, urlPath) => {
    const file = path.join(TAB_DIR, urlPath);
    return sum + zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
  }, 0);
}

/** The median of some numbers. */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Text as HTML character data. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** What the minimal page shows of a topic. */
interface BareTopic {
  title?: { en?: string };
  sectors?: string[];
  resolutions?: unknown[];
}

/** The register as the least a page could send: the table rendered on the server, no script, no style sheet. */
function minimalRegisterHtml(topics: BareTopic[]): string {
  const rows = topics
    .map((topic) => {
      const cells = [topic.title?.en ?? '', (topic.sectors ?? []).join(' '), String(topic.resolutions?.length ?? 0)];
      return `<tr>${cells.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`;
    })
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>ISC Coordinator</title></head><body>
<table aria-label="Topic register"><thead><tr><th>Topic</th><th>Sectors</th><th>Resolutions</th></tr></thead>
<tbody>${rows}</tbody></table></body></html>`;
}

/** A bare Node server answering every request with `html`, gzip-compressed. */
async function startBareHtmlServer(html: string): Promise<{ url: string; close(): Promise<void> }> {
  const body = zlib.gzipSync(html, { level: 9 });
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'gzip' });
    res.end(body);
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The tab-load figure: median of several throttled loads of the register, and the bound measured the same way. */
export async function runTabLoadBench(): Promise<object[]> {
  buildServer();
  buildTab();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'isc-bench-tab-'));
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const env = { PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
  const app = await startProcess(SERVER, env, `${origin}/healthz`);
  let bare: { url: string; close(): Promise<void> } | null = null;
  let browser: Browser | null = null;
  try {
    const { items } = (await (await fetch(`${origin}/api/v1/topics`)).json()) as { items: BareTopic[] };
    if (items.length === 0) throw new Error('the register is empty: nothing to show');
    bare = await startBareHtmlServer(minimalRegisterHtml(items));
    browser = await launchBrowser();
    await measureLoad(browser, `${origin}/?view=register`); // warm-up: the server's first answers, Chromium's start
    const loads: Load[] = [];
    const bounds: number[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      loads.push(await measureLoad(browser, `${origin}/?view=register`));
      bounds.push((await measureLoad(browser, bare.url)).ms);
    }
    const ms = median(loads.map((l) => l.ms));
    const boundMs = median(bounds);
    return [
      {
        bench: 'tab-load',
        initial_js_gzip_kb: +(median(loads.map((l) => gzipBytes(l.scripts))) / 1024).toFixed(1),
        transfer_kb: +(median(loads.map((l) => l.transferBytes)) / 1024).toFixed(1),
        ms: Math.round(ms),
        throttle: '10mbps-40ms',
        bound_ms: Math.round(boundMs),
        ratio: +(ms / boundMs).toFixed(2),
      },
    ];
  } finally {
    await browser?.close();
    await bare?.close();
    await stop(app.child);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  runTabLoadBench().then((lines) => lines.forEach((line) => console.log(JSON.stringify(line))));
}
