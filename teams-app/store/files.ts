/** Where meeting documents (.docx) are kept: a folder locally, a SharePoint document library in production. */
export interface FileStore {
  /** Saves a file; returns its path inside the store. Never overwrites: an existing path is an error. */
  save(path: string, content: Buffer): Promise<string>;
  read(path: string): Promise<Buffer | null>;
}
