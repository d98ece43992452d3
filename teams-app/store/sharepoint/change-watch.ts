import { z } from 'zod';
import type { GraphApi } from '../../graph';

/** The lists of a site with the time each last changed. */
const SiteLists = z.object({
  value: z.array(z.looseObject({ displayName: z.string(), lastModifiedDateTime: z.string().optional() })),
});

/** Options of the watch on other writers' changes. */
export interface ChangeWatchOptions {
  graph: GraphApi;
  siteId: string;
  /** How often the lists' last-modified times are read (default 5 s; 0 = never, for tests and scripts). */
  intervalMs: number;
  /** Called when a poll fails (the version then stays as it was until the next poll). */
  onError?: (error: unknown) => void;
  /** The clock (default Date.now). */
  now?: () => number;
}

/**
 * A list time as recent as this (SharePoint gives whole seconds, clocks differ a little) may still move without
 * changing: another write within the same second. Such a list counts as changed at every poll until its time is
 * older, which costs a read model a refresh or two, never a stale view.
 */
const FRESH_MS = 3000;

/**
 * Other writers' changes to the lists (another instance, someone editing a list in SharePoint): every few seconds
 * one request (`GET /sites/{site}/lists`, 2 resource units) reads each list's `lastModifiedDateTime`; a list whose
 * time moved (or is still fresh, see FRESH_MS) gets a new generation. `stamp(list)` is a local read, so
 * `Store.version` stays free of I/O; another writer's change shows in the version at most one interval later.
 * (SharePoint moves a list's time on item creates, edits and deletes.)
 */
export function watchListChanges(options: ChangeWatchOptions) {
  const seen = new Map<string, { modified: string; generation: number }>();
  let timer: NodeJS.Timeout | null = null;
  let polling: Promise<void> | null = null;
  const now = options.now ?? Date.now;

  async function poll(): Promise<void> {
    try {
      const lists = SiteLists.parse(
        await options.graph.get(`/sites/${options.siteId}/lists?$select=displayName,lastModifiedDateTime`),
      );
      for (const list of lists.value) {
        const modified = list.lastModifiedDateTime ?? '';
        const before = seen.get(list.displayName);
        const fresh = now() - Date.parse(modified) < FRESH_MS;
        if (!before) seen.set(list.displayName, { modified, generation: 0 });
        else if (before.modified !== modified || fresh)
          seen.set(list.displayName, { modified, generation: before.generation + 1 });
      }
    } catch (error) {
      options.onError?.(error);
    }
  }

  if (options.intervalMs > 0) {
    timer = setInterval(() => {
      polling ??= poll().finally(() => (polling = null));
    }, options.intervalMs);
    timer.unref();
  }

  return {
    /** The generation of a list's changes seen so far (0 before any). */
    stamp(listName: string): number {
      return seen.get(listName)?.generation ?? 0;
    },
    /** Reads the lists' times now (at start, and when a caller wants others' changes at once). */
    poll,
    async stop(): Promise<void> {
      if (timer) clearInterval(timer);
      timer = null;
      await polling;
    },
  };
}
