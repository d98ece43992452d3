/** Where meeting documents (.docx) are kept: a folder locally, a SharePoint document library in production. */
export interface FileStore {
  /**
   * Stores a file once: paths are named from the operation that writes them, so when the path already holds a
   * file (a retried operation) that file is kept and its path returned. A half-written file is never visible.
   */
  saveOnce(path: string, content: Buffer): Promise<string>;
  read(path: string): Promise<Buffer | null>;
  /**
   * Where people open a stored file themselves (the library's `webUrl`: Word for the web, inside Teams); absent or
   * null when the store has no such place (the local folder: the API serves the file).
   */
  webUrl?(path: string): Promise<string | null>;
}
