import fs from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../domain';
import type { FileStore } from './files';

/** The embedded file store: documents under a folder (./data/documents), written once, never overwritten. */
export function localFileStore(root: string): FileStore {
  const resolve = (relative: string) => {
    const full = path.resolve(root, relative);
    if (!full.startsWith(path.resolve(root) + path.sep))
      throw new AppError('request.invalid', 'A document path must stay inside the store.');
    return full;
  };
  return {
    async save(relative, content) {
      const full = resolve(relative);
      await fs.mkdir(path.dirname(full), { recursive: true });
      try {
        await fs.writeFile(full, content, { flag: 'wx' });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST')
          throw new AppError('store.already-exists', `The document ${relative} already exists.`);
        throw error;
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
