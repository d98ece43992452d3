/** The host the page started in (start-up.ts detects it once), for components that link out through it. */
import { STANDALONE, type Host } from './host';

let current: Host = STANDALONE;

/** Remembers the detected host; start-up calls it once. */
export function setCurrentHost(host: Host): void {
  current = host;
}

/** The host the page runs in (standalone until start-up has detected it). */
export function currentHost(): Host {
  return current;
}
