/**
 * Where a delta query's position (its deltaLink) is kept between runs, so that a restarted server — or another
 * instance taking over the scheduler — resumes the calendar's changes where they were left instead of reading the
 * calendar whole again, which would also miss the events deleted meanwhile (a first delta round lists the events
 * there, not the ones removed).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { isAppError, SyncPosition } from '../domain';
import type { Collection } from '../store/port';

/** Where a delta query stands: the deltaLink of its last round, and when its first round opened its window. */
export const SavedDelta = z.object({ deltaLink: z.url(), openedAt: z.iso.datetime() });
export type SavedDelta = z.infer<typeof SavedDelta>;

/** A saved delta position: null before the first round. */
export interface DeltaPosition {
  load(): Promise<SavedDelta | null>;
  save(position: SavedDelta): Promise<void>;
}

/** The file's content: the position, and what it is the position of (the Graph base URL and the calendar). */
const SavedPosition = SavedDelta.extend({ of: z.string(), savedAt: z.iso.datetime() });

/**
 * A delta position in a small JSON file (in the server's data folder), written whole through a temporary file and
 * a rename, so a crash leaves the old position or the new one. `of` names what the link belongs to (Graph base URL
 * and calendar): a link saved for another calendar or another Graph is not resumed. A missing, unreadable or
 * foreign file is no position (the next round reads the calendar whole). Any saved position is safe to resume
 * from, however old: Graph answers the changes since it (applied idempotently) or 410, and the query starts over.
 */
export function fileDeltaPosition(file: string, of: string, now: () => number = Date.now): DeltaPosition {
  return {
    async load() {
      let text: string;
      try {
        text = await fs.readFile(file, 'utf8');
      } catch {
        return null;
      }
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        return null;
      }
      const saved = SavedPosition.safeParse(json);
      if (!saved.success || saved.data.of !== of) return null;
      return { deltaLink: saved.data.deltaLink, openedAt: saved.data.openedAt };
    },
    async save(position) {
      await fs.mkdir(path.dirname(file), { recursive: true });
      const temporary = `${file}.${process.pid}.tmp`;
      const content: z.infer<typeof SavedPosition> = { of, ...position, savedAt: new Date(now()).toISOString() };
      await fs.writeFile(temporary, JSON.stringify(content));
      await fs.rename(temporary, file);
    },
  };
}

/** Where the store keeps positions: the operational data, shared by every instance. */
export type PositionCollection = Pick<Collection<SyncPosition>, 'get' | 'create' | 'update'>;

/** Options of {@link storedDeltaPosition}. */
export interface StoredDeltaPositionOptions {
  /**
   * Where the position was kept before the store kept it (the data folder's file): read once, when the store has no
   * position yet, and saved into the store at once.
   */
  former?: DeltaPosition;
  now?: () => number;
}

/**
 * A delta position kept in the store's operational data under `id`, so that whichever instance runs the scheduler
 * (a lease moves it between instances) resumes from the position the one before saved. `of` names what the link
 * belongs to, as for the file: a position saved for another calendar or another Graph is not resumed. Saving
 * replaces the record whoever wrote it last (one scheduler at a time writes it).
 */
export function storedDeltaPosition(
  positions: PositionCollection,
  id: string,
  of: string,
  options: StoredDeltaPositionOptions = {},
): DeltaPosition {
  const now = options.now ?? Date.now;
  const save = async (position: SavedDelta): Promise<void> => {
    const record = SyncPosition.parse({ id, of, ...position, savedAt: new Date(now()).toISOString() });
    // A write another instance made in between (a conflict, or a create raced) is read again and replaced.
    for (let attempt = 0; ; attempt += 1) {
      const current = await positions.get(id);
      try {
        if (current) await positions.update(record, current.etag);
        else await positions.create(record);
        return;
      } catch (error) {
        const raced = isAppError(error, 'store.conflict') || isAppError(error, 'store.already-exists');
        if (!raced || attempt >= 2) throw error;
      }
    }
  };
  return {
    async load() {
      const saved = await positions.get(id);
      if (saved) return saved.of === of ? { deltaLink: saved.deltaLink, openedAt: saved.openedAt } : null;
      const former = (await options.former?.load()) ?? null;
      if (former) await save(former);
      return former;
    },
    save,
  };
}

/** A delta position kept in memory only (tests, and a calendar without a data folder): lost on restart. */
export function memoryDeltaPosition(initial: SavedDelta | null = null): DeltaPosition {
  let position = initial;
  return {
    load: async () => position,
    save: async (saved) => void (position = saved),
  };
}
