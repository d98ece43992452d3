/** Builds the tab (React + Fluent UI + teams-js) into dist/tab, where the server serves it. */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const tabRoot = fileURLToPath(new URL('.', import.meta.url));
const outDir = fileURLToPath(new URL('../dist/tab', import.meta.url));

export default defineConfig({
  root: tabRoot,
  base: '/',
  plugins: [react()],
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    // The entry chunk holds React only; the app shell (Fluent UI) and teams-js are dynamic imports.
    chunkSizeWarningLimit: 900,
  },
  server: {
    // `vite --config tab/vite.config.ts` during development: the API comes from the local server.
    proxy: { '/api': 'http://localhost:3978' },
  },
});
