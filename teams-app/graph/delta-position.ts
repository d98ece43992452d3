/**
 * Where a delta query's position (its deltaLink) is kept between runs, so that a restarted server resumes the
 * calendar's changes where it left them instead of reading the calendar whole again — which would also miss the
 * events deleted while it was down (a first delta round lists the events there, not the ones removed).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

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

/** A delta position kept in memory only (tests, and a calendar without a data folder): lost on restart. */
export function memoryDeltaPosition(initial: SavedDelta | null = null): DeltaPosition {
  let position = initial;
  return {
    load: async () => position,
    save: async (saved) => void (position = saved),
  };
}
