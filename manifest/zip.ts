/**
 * The Teams app package as a ZIP archive, written and read with fflate. Entries get a fixed timestamp, so the
 * same files always give the same bytes.
 */
import { unzipSync, zipSync, type Zippable } from 'fflate';

/** A file to put in the archive; `name` uses forward slashes. */
export interface ZipEntry {
  name: string;
  data: Buffer;
}

/** The timestamp of every entry: 1 January 2020, 00:00 (ZIP stores local time without a zone). */
const FIXED_MTIME = new Date(2020, 0, 1);

/** Builds a ZIP archive of the entries, in order (deflated at the highest level); throws on a duplicate name. */
export function createZip(entries: ZipEntry[]): Buffer {
  const files: Zippable = {};
  for (const entry of entries) {
    if (Object.hasOwn(files, entry.name)) throw new Error(`duplicate zip entry ${entry.name}`);
    files[entry.name] = new Uint8Array(entry.data);
  }
  return Buffer.from(zipSync(files, { level: 9, mtime: FIXED_MTIME }));
}

/** Lists and extracts the entries of an archive, in order (for tests and checks). */
export function readZip(zip: Buffer): ZipEntry[] {
  return Object.entries(unzipSync(new Uint8Array(zip))).map(([name, data]) => ({ name, data: Buffer.from(data) }));
}
