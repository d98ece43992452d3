/**
 * Builds the tab (React + Fluent UI + teams-js) into dist/tab, where the server serves it.
 *
 * The first paint takes few requests, all sent from index.html at once (over HTTP/1.1 each one more is a round trip
 * on the way): boot.ts, small, starts what the first view needs (the host, its requests,
 * the language and the theme) as soon as it arrives; main.tsx, one chunk, holds the app with React, Fluent UI and
 * the register. Everything else (other views, the other languages and themes, teams-js, the API's response schemas
 * with zod, loaded once the page is idle) is a chunk of its own, loaded when needed.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type HtmlTagDescriptor, type Plugin, type Rolldown } from 'vite';

const tabRoot = fileURLToPath(new URL('.', import.meta.url));
const outDir = fileURLToPath(new URL('../dist/tab', import.meta.url));
const INDEX = fileURLToPath(new URL('./index.html', import.meta.url));
const BOOT = fileURLToPath(new URL('./src/boot.ts', import.meta.url));

/** Fluent's design tokens; the themes are made of them. */
const THEME_TOKENS = /[\\/]node_modules[\\/]@fluentui[\\/]tokens[\\/]lib[\\/]/;
/** The tokens of one theme only: its colours and the theme itself. */
const ONE_THEME_TOKENS = /[\\/](alias[\\/](light|dark|highContrast)Color|themes[\\/]|utils[\\/]create\w*Theme)/;

type ModuleGraph = Rolldown.ChunkingContext;

/** The modules `from` imports statically, directly or not, itself included. */
function staticGraph(from: string, graph: ModuleGraph): Set<string> {
  const seen = new Set<string>();
  const queue = [from];
  for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
    if (seen.has(id)) continue;
    seen.add(id);
    queue.push(...(graph.getModuleInfo(id)?.importedIds ?? []));
  }
  return seen;
}

/**
 * The chunks of the first paint. Left to itself, the bundler splits the modules of main.tsx by which lazy views
 * share each of them, into a dozen small chunks; these groups make one chunk of the start-up (what boot.ts imports,
 * which main.tsx shares; it joins boot.ts's own chunk), one of the rest of main.tsx, and one of what the three themes
 * share (each theme's own colours stay in its chunk).
 */
function firstPaintChunks(): Rolldown.CodeSplittingGroup[] {
  let boot: Set<string> | null = null;
  const inBoot = (id: string, graph: ModuleGraph) => (boot ??= staticGraph(BOOT, graph)).has(id);
  return [
    { debugName: 'start-up', name: (id, graph) => (inBoot(id, graph) ? 'start-up' : null), priority: 3 },
    {
      debugName: 'app',
      name: (id, graph) => (inBoot(id, graph) ? null : 'app'),
      // `$initial`: imported statically by an entry (here main.tsx: boot.ts's modules went to the start-up chunk).
      tags: ['$initial'],
      includeDependenciesRecursively: false,
      priority: 2,
    },
    { name: 'themes', test: (id) => THEME_TOKENS.test(id) && !ONE_THEME_TOKENS.test(id), priority: 1 },
  ];
}

/** The chunks a chunk imports statically, directly or not, itself included. */
function withImports(chunk: Rolldown.OutputChunk, byFile: Map<string, Rolldown.OutputChunk>): string[] {
  const files = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    byFile.get(file)?.imports.forEach(visit);
  };
  visit(chunk.fileName);
  return [...files];
}

/**
 * Adds to index.html, before the app's script, the boot script (which Vite does not inject: it is a second entry),
 * and modulepreload links for the chunks of `preload` modules (loaded by dynamic import right at start) and for
 * whatever the boot script imports, so all of them download alongside the app's script.
 */
function startScripts(boot: string, preload: string[]): Plugin {
  return {
    name: 'isc-start-scripts',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, context) {
        const chunks = Object.values(context.bundle ?? {}).flatMap((output) =>
          output.type === 'chunk' ? [output] : [],
        );
        const byFile = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
        const bootChunk = chunks.find((chunk) => chunk.isEntry && chunk.facadeModuleId === boot);
        if (!bootChunk) throw new Error('the boot script was not built');
        // What the app's entry imports, Vite preloads already.
        const app = chunks.filter((chunk) => chunk.isEntry && chunk !== bootChunk);
        const preloaded = new Set([bootChunk.fileName, ...app.flatMap((chunk) => withImports(chunk, byFile))]);
        const files = [
          ...withImports(bootChunk, byFile),
          ...chunks
            .filter((chunk) => chunk.facadeModuleId !== null && preload.includes(chunk.facadeModuleId))
            .flatMap((chunk) => withImports(chunk, byFile)),
        ].filter((file, index, all) => !preloaded.has(file) && all.indexOf(file) === index);
        return [
          {
            tag: 'script',
            attrs: { type: 'module', crossorigin: true, src: `/${bootChunk.fileName}` },
            injectTo: 'head-prepend',
          },
          ...files.map((file): HtmlTagDescriptor => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `/${file}` },
            injectTo: 'head',
          })),
        ];
      },
    },
  };
}

export default defineConfig({
  root: tabRoot,
  base: '/',
  plugins: [react(), startScripts(BOOT, [])],
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 900,
    rolldownOptions: {
      input: { index: INDEX, boot: BOOT },
      // The tab's folder barrels (index.ts) only re-export: a lazy view importing through one must not pull every
      // module behind it into the first chunk with the barrel.
      treeshake: { moduleSideEffects: [{ test: /[\\/]tab[\\/]src[\\/](.+[\\/])?index\.ts$/, sideEffects: false }] },
      output: { codeSplitting: { groups: firstPaintChunks() } },
    },
  },
  server: {
    // `vite --config tab/vite.config.ts` during development: the API comes from the local server.
    proxy: { '/api': 'http://localhost:3978' },
  },
});
