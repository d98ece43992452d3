import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../domain';
import type { FileStore } from './files';

/**
 * The embedded file store: documents under a folder (./data/documents). A file is written to a temporary
 * name and linked into place, so a crash never leaves a half-written document under its real name.
 */
export function localFileStore(root: string): FileStore {
  const resolve = (relative: string) => {
    const full = path.resolve(root, relative);
    if (!full.startsWith(path.resolve(root) + path.sep))
      throw new AppError('request.invalid', 'A document path must stay inside the store.');
    return full;
  };
  return {
    async saveOnce(relative, content) {
      const full = resolve(relative);
      await fs.mkdir(path.dirname(full), { recursive: true });
      const temporary = `${full}.${randomUUID()}.tmp`;
      await fs.writeFile(temporary, content, { flag: 'wx' });
      try {
        await fs.link(temporary, full);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      } finally {
        await fs.rm(temporary, { force: true });
      }
      return relative;
    },
    async read(relative) {
      try {
        return await fs.readFile(resolve(relative));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
  };
}
