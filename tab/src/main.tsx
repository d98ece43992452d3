/**
 * The app's entry: React, Fluent UI and the register. It renders once the start-up that boot.ts began (the host,
 * the language and theme with their chunks, the first view's requests) is ready; the page's splash stays until then.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { startUp } from './app/start-up';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
const root = container;

startUp().then(
  (start) =>
    createRoot(root).render(
      <StrictMode>
        <App start={start} />
      </StrictMode>,
    ),
  (error: unknown) => {
    // A chunk failed to load (network or deployment change): nothing localized is available yet.
    console.error('ISC Coordinator could not start', error);
    root.removeAttribute('aria-busy');
    root.textContent = 'ISC Coordinator could not start. Reload the page to try again.';
  },
);
