/** Remembers small preferences in localStorage, quietly doing nothing where storage is blocked. */

const PREFIX = 'isc-coordinator.';

/** Reads a stored preference, or null. */
export function readPreference(key: string): string | null {
  try {
    return window.localStorage.getItem(PREFIX + key);
  } catch {
    return null;
  }
}

/** Stores a preference; null removes it. */
export function writePreference(key: string, value: string | null): void {
  try {
    if (value === null) window.localStorage.removeItem(PREFIX + key);
    else window.localStorage.setItem(PREFIX + key, value);
  } catch {
    // Storage can be blocked in a third-party iframe; the preference then lasts for this visit only.
  }
}
