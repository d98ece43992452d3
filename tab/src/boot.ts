/**
 * The first script to run, small so that it runs as soon as it arrives: it starts what the first paint needs
 * (app/start-up.ts: the host, the first view's requests, the language and the theme) while the app's own script
 * (main.tsx, with React and Fluent UI) is still downloading.
 */
import { startUp } from './app/start-up';

// The app's script waits for the same start-up and reports its failure.
startUp().catch(() => undefined);
