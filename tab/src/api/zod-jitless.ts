/**
 * zod probes `new Function` when a schema is built, to speed up parsing; the tab's Content-Security-Policy forbids
 * eval, so zod is told to parse without it. Imported before any schema module, so it runs first.
 */
import { config } from 'zod';

config({ jitless: true });
