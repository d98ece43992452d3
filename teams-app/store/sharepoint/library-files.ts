import { z } from 'zod';
import { AppError } from '../../domain';
import type { GraphApi } from '../../graph';
import type { FileStore } from '../files';
import { graphStatus } from './sharepoint-collection';
import { LIBRARY } from './schema';

/** A driveItem as Graph returns it (only what the store reads). */
const DriveItem = z.looseObject({
  id: z.string().min(1),
  name: z.string(),
  webUrl: z.string().optional(),
  eTag: z.string().optional(),
});
type DriveItem = z.infer<typeof DriveItem>;

const UploadSession = z.looseObject({ uploadUrl: z.string().min(1) });

/** Graph takes a simple PUT up to 250 MB; above this size the store uses an upload session all the same. */
export const SIMPLE_UPLOAD_LIMIT = 4 * 1024 * 1024;
/** Upload session chunks must be multiples of 320 KiB. */
export const CHUNK_UNIT = 320 * 1024;

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Options of the document library store. */
export interface LibraryFileStoreOptions {
  graph: GraphApi;
  siteId: string;
  /**
   * The folder of a meeting's documents under the library root (`<body>/<year>/<meeting id>`); null when the path's
   * first segment is no meeting (the file then goes to a folder of that name, e.g. `reports/`).
   */
  folderOf: (meetingId: string) => Promise<string | null>;
  /** Files larger than this go through an upload session (default 4 MiB). */
  simpleUploadLimit?: number;
  /** Upload session chunk size, a multiple of 320 KiB (default 10 × 320 KiB). */
  chunkSize?: number;
}

/** What a document's name says about it: `agenda-v2-r3.docx`, `agenda-v2-r3-addendum.docx`, `minutes-v1-r4.docx`. */
export function documentFacts(name: string): { kind: string; version: number | null } {
  const match = /^(agenda|minutes|[a-z]+)(?:-v(\d+))?.*?(-addendum)?\.docx$/.exec(name);
  if (!match) return { kind: 'document', version: null };
  return { kind: match[3] ? 'addendum' : (match[1] ?? 'document'), version: match[2] ? Number(match[2]) : null };
}

/** Documents that replace one another: an agenda version comes with its addendum. */
const familyOf = (kind: string) => (kind === 'addendum' ? 'agenda' : kind);

/**
 * The meeting documents in the site's document library, a folder per body / year / meeting under
 * "ISC Coordinator", with library columns (meeting, kind, version, status) that SharePoint views filter on.
 * A file is uploaded with `conflictBehavior=fail`: its name comes from the operation, so a 409 `nameAlreadyExists`
 * means a retry, and the file already there is kept. Files above the simple-upload limit go through an upload
 * session. The file's `webUrl` opens it in Word for the web; cards and the tab link to it.
 */
export function libraryFileStore(options: LibraryFileStoreOptions): FileStore {
  const { graph, siteId } = options;
  const limit = options.simpleUploadLimit ?? SIMPLE_UPLOAD_LIMIT;
  const chunkSize = options.chunkSize ?? 10 * CHUNK_UNIT;
  if (chunkSize % CHUNK_UNIT !== 0) throw new AppError('internal', 'Upload chunks must be multiples of 320 KiB.');
  const drive = `/sites/${siteId}/drive`;
  const webUrls = new Map<string, string>();
  const encode = (full: string) => full.split('/').map(encodeURIComponent).join('/');

  /** The library path of a stored document path (`<meeting id>/<name>`, or `<folder>/<name>`). */
  async function libraryPath(relative: string): Promise<{ folder: string; full: string; meetingId: string | null }> {
    const [first, ...rest] = relative.split('/');
    const invalid = (part: string | undefined) => !part || part === '..' || part === '.';
    if (invalid(first) || rest.length !== 1 || rest.some(invalid))
      throw new AppError('request.invalid', 'A document path is <meeting id>/<file name>.');
    const segment = first as string;
    const meetingFolder = await options.folderOf(segment);
    const folder = `${LIBRARY.root}/${meetingFolder ?? segment}`;
    return { folder, full: `${folder}/${rest[0]}`, meetingId: meetingFolder ? segment : null };
  }

  async function itemAt(full: string): Promise<DriveItem | null> {
    try {
      return DriveItem.parse(await graph.get(`${drive}/root:/${encode(full)}`));
    } catch (error) {
      if (graphStatus(error) === 404) return null;
      throw error;
    }
  }

  async function simpleUpload(full: string, content: Buffer): Promise<DriveItem | null> {
    try {
      const response = await graph.request({
        method: 'PUT',
        url: `${drive}/root:/${encode(full)}:/content?@microsoft.graph.conflictBehavior=fail`,
        headers: { 'Content-Type': DOCX },
        body: content,
      });
      return DriveItem.parse(response.body);
    } catch (error) {
      if (graphStatus(error) === 409) return null;
      throw error;
    }
  }

  async function sessionUpload(full: string, content: Buffer): Promise<DriveItem | null> {
    let uploadUrl: string;
    try {
      const session = await graph.post(`${drive}/root:/${encode(full)}:/createUploadSession`, {
        item: { '@microsoft.graph.conflictBehavior': 'fail' },
      });
      uploadUrl = UploadSession.parse(session).uploadUrl;
    } catch (error) {
      if (graphStatus(error) === 409) return null;
      throw error;
    }
    let last: unknown = null;
    for (let start = 0; start < content.length; start += chunkSize) {
      const chunk = content.subarray(start, Math.min(start + chunkSize, content.length));
      try {
        const response = await graph.request({
          method: 'PUT',
          url: uploadUrl,
          headers: { 'Content-Range': `bytes ${start}-${start + chunk.length - 1}/${content.length}` },
          body: chunk,
        });
        last = response.body;
      } catch (error) {
        if (graphStatus(error) === 409) return null;
        throw error;
      }
    }
    return DriveItem.parse(last);
  }

  /**
   * Sets the library columns of a file. A newer version supersedes the older files of its family: an agenda or its
   * addendum the agendas and addenda of earlier versions, minutes the earlier minutes.
   */
  async function describe(item: DriveItem, folder: string, meetingId: string | null): Promise<void> {
    const facts = documentFacts(item.name);
    await graph.patch(`${drive}/items/${item.id}/listItem/fields`, {
      IscMeeting: meetingId,
      IscDocumentKind: facts.kind,
      IscDocumentVersion: facts.version,
      IscDocumentStatus: 'published',
    });
    if (facts.version === null) return;
    const siblings = await graph.all<unknown>(`${drive}/root:/${encode(folder)}:/children`);
    const older = siblings
      .map((sibling): DriveItem => DriveItem.parse(sibling))
      .filter((sibling) => {
        const other = documentFacts(sibling.name);
        return (
          familyOf(other.kind) === familyOf(facts.kind) &&
          other.version !== null &&
          other.version < (facts.version ?? 0)
        );
      });
    for (const sibling of older)
      await graph.patch(`${drive}/items/${sibling.id}/listItem/fields`, { IscDocumentStatus: 'superseded' });
  }

  return {
    async saveOnce(relative, content) {
      const { folder, full, meetingId } = await libraryPath(relative);
      const uploaded = content.length > limit ? await sessionUpload(full, content) : await simpleUpload(full, content);
      // 409: the file is there from an earlier try of the same operation; keep it.
      const item = uploaded ?? (await itemAt(full));
      if (!item) throw new AppError('store.unavailable', `The library refused ${relative} and does not hold it.`);
      await describe(item, folder, meetingId);
      if (item.webUrl) webUrls.set(relative, item.webUrl);
      return relative;
    },
    async read(relative) {
      const item = await itemAt((await libraryPath(relative)).full);
      if (!item) return null;
      if (item.webUrl) webUrls.set(relative, item.webUrl);
      const response = await graph.request<unknown>({ method: 'GET', url: `${drive}/items/${item.id}/content` });
      const body = response.body;
      if (Buffer.isBuffer(body)) return body;
      if (body instanceof Uint8Array) return Buffer.from(body);
      if (body instanceof ArrayBuffer) return Buffer.from(body);
      throw new AppError('store.unavailable', `The library answered ${relative} without its bytes.`);
    },
    async webUrl(relative) {
      const known = webUrls.get(relative);
      if (known) return known;
      const item = await itemAt((await libraryPath(relative)).full);
      if (item?.webUrl) webUrls.set(relative, item.webUrl);
      return item?.webUrl ?? null;
    },
  };
}
