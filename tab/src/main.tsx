/**
 * Entry point. Holds React only: the app (Fluent UI) and teams-js load as separate chunks while the
 * host is detected, and the page's splash stays until both are ready.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { detectHost } from './host/host';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
const root = createRoot(container);

Promise.all([import('./app/App'), detectHost()]).then(
  ([{ App }, host]) =>
    root.render(
      <StrictMode>
        <App host={host} />
      </StrictMode>,
    ),
  (error: unknown) => {
    // A chunk failed to load (network or deployment change): nothing localized is available yet.
    console.error('ISC Coordinator could not start', error);
    container.removeAttribute('aria-busy');
    container.textContent = 'ISC Coordinator could not start. Reload the page to try again.';
  },
);
