/**
 * The site's document library as a drive: files and folders by path or id, simple upload with conflict behaviour,
 * upload sessions in 320 KiB multiples, and library columns through each item's listItem.
 */
import { z } from 'zod';
import { badRequest, conflict, GraphHttpError, notFound, parseBody, preconditionFailed } from './errors';
import { json, noContent, type ParsedRequest, readJson, type Reply } from './http';
import { driveItemId, guid, ifMatchAllows, isoSeconds } from './ids';
import { fieldsJson, itemETag, type ListItem, type Lists, type SpList } from './lists';
import { path, type Route } from './routes';
import { checkSite, SITE_ID, SITE_WEB_URL } from './site';

/** Largest simple upload (PUT …/content); larger files need an upload session. */
export const SIMPLE_UPLOAD_MAX = 250 * 1024 * 1024;
/** Upload session fragments are multiples of this size, except the last. */
export const FRAGMENT_UNIT = 320 * 1024;
/** Largest upload session fragment. */
export const FRAGMENT_MAX = 60 * 1024 * 1024;

type ConflictBehavior = 'fail' | 'replace' | 'rename';

/** A file or folder of the library. */
export interface DriveItem {
  id: string;
  /** GUID in the eTag and cTag. */
  uniqueId: string;
  name: string;
  parentId: string | null;
  folder: boolean;
  content: Buffer;
  created: number;
  modified: number;
  /** Changes with content or metadata (eTag). */
  version: number;
  /** Changes with content only (cTag). */
  contentVersion: number;
  listItemId: number | null;
}

interface UploadSession {
  id: string;
  parentId: string;
  name: string;
  behavior: ConflictBehavior;
  declaredSize: number | null;
  chunks: Buffer[];
  received: number;
  expires: number;
}

const FolderCreate = z.strictObject({
  name: z.string().min(1),
  folder: z.strictObject({ childCount: z.number().optional() }),
  '@microsoft.graph.conflictBehavior': z.enum(['fail', 'replace', 'rename']).optional(),
  description: z.string().optional(),
});

const SessionCreate = z
  .strictObject({
    item: z
      .strictObject({
        '@odata.type': z.string().optional(),
        '@microsoft.graph.conflictBehavior': z.enum(['fail', 'replace', 'rename']).optional(),
        name: z.string().optional(),
        description: z.string().optional(),
        fileSize: z.number().int().nonnegative().optional(),
      })
      .optional(),
    deferCommit: z.boolean().optional(),
  })
  .optional();

/** The default document library ("Documents") of the site, as Graph's drive. */
export class Drive {
  readonly id = 'b!CbtYWrofwUGBJWnaJkNwoNrBLp_kC3RKklSXPwrdeP0n4SPQWt9XTrNTXSSr7ks-';
  readonly list: SpList;
  readonly items = new Map<string, DriveItem>();
  readonly root: DriveItem;
  private readonly sessions = new Map<string, UploadSession>();

  constructor(
    private readonly lists: Lists,
    private readonly now: () => number,
  ) {
    this.list = lists.create('Documents', 'documentLibrary', [], 'Shared Documents');
    const at = now();
    this.root = {
      id: driveItemId(),
      uniqueId: guid(),
      name: 'root',
      parentId: null,
      folder: true,
      content: Buffer.alloc(0),
      created: at,
      modified: at,
      version: 1,
      contentVersion: 1,
      listItemId: null,
    };
    this.items.set(this.root.id, this.root);
  }

  /** The item at a path below the root ("a/b/c.docx"), or undefined. */
  at(itemPath: string): DriveItem | undefined {
    let current: DriveItem | undefined = this.root;
    for (const name of segments(itemPath)) {
      current = current && this.childNamed(current.id, name);
      if (!current) return undefined;
    }
    return current;
  }

  /** The path of an item below the root, without a leading slash. */
  pathOf(item: DriveItem): string {
    const names: string[] = [];
    for (let at: DriveItem | undefined = item; at && at.parentId !== null; at = this.items.get(at.parentId))
      names.unshift(at.name);
    return names.join('/');
  }

  /** The content of the file at a path, or undefined (a test hook reads documents back this way). */
  read(itemPath: string): Buffer | undefined {
    const item = this.at(itemPath);
    return item && !item.folder ? item.content : undefined;
  }

  /** Every file of the library with its path, size and library column values. */
  files(): Array<{ path: string; size: number; fields: Record<string, unknown> }> {
    return [...this.items.values()]
      .filter((item) => !item.folder)
      .map((item) => ({
        path: this.pathOf(item),
        size: item.content.length,
        fields: { ...(this.listItemOf(item)?.values ?? {}) },
      }));
  }

  /** The Graph routes of the drive, under both `/sites/{site}/drive` and `/drives/{drive}`. */
  routes(): Route[] {
    const routes: Route[] = [
      { method: 'GET', pattern: path('/sites/{site}/drive'), cost: 'read', handle: (req, p) => this.getDrive(req, p) },
      {
        method: 'GET',
        pattern: path('/sites/{site}/drives'),
        cost: 'query',
        handle: (req, p) => json(200, { value: [this.getDrive(req, p).json] }),
      },
      {
        method: 'PUT',
        pattern: path('/uploadSessions/{session}'),
        cost: 'write',
        anonymous: true,
        handle: (req, p) => this.uploadFragment(req, p),
      },
      {
        method: 'DELETE',
        pattern: path('/uploadSessions/{session}'),
        cost: 'write',
        anonymous: true,
        handle: (_req, p) => this.cancelSession(p),
      },
    ];
    for (const prefix of ['/sites/{site}/drive', '/drives/{drive}']) {
      routes.push(
        {
          method: 'GET',
          pattern: path(`${prefix}/root`),
          cost: 'read',
          handle: (req, p) => this.itemReply(req, this.check(p) && this.root),
        },
        {
          method: 'GET',
          pattern: path(`${prefix}/root/children`),
          cost: 'query',
          handle: (req, p) => this.children(req, this.check(p) && this.root),
        },
        {
          method: 'POST',
          pattern: path(`${prefix}/root/children`),
          cost: 'write',
          handle: (req, p) => this.createFolder(req, this.check(p) && this.root),
        },
        {
          method: 'PUT',
          pattern: path(`${prefix}/root:/{path*}:/content`),
          cost: 'write',
          handle: (req, p) => this.putByPath(req, p, this.root),
        },
        {
          method: 'POST',
          pattern: path(`${prefix}/root:/{path*}:/createUploadSession`),
          cost: 'write',
          handle: (req, p) => this.createSession(req, p, this.root),
        },
        {
          method: 'GET',
          pattern: path(`${prefix}/root:/{path*}:/children`),
          cost: 'query',
          handle: (req, p) => this.children(req, this.byPath(p)),
        },
        {
          method: 'GET',
          pattern: path(`${prefix}/root:/{path*}:/content`),
          cost: 'read',
          handle: (_req, p) => this.content(this.byPath(p)),
        },
        {
          method: 'GET',
          pattern: path(`${prefix}/root:/{path*}`),
          cost: 'read',
          handle: (req, p) => this.itemReply(req, this.byPath(p)),
        },
        {
          method: 'PUT',
          pattern: path(`${prefix}/items/{item}:/{path*}:/content`),
          cost: 'write',
          handle: (req, p) => this.putByPath(req, p, this.byId(p)),
        },
        {
          method: 'POST',
          pattern: path(`${prefix}/items/{item}:/{path*}:/createUploadSession`),
          cost: 'write',
          handle: (req, p) => this.createSession(req, p, this.byId(p)),
        },
        {
          method: 'GET',
          pattern: path(`${prefix}/items/{item}`),
          cost: 'read',
          handle: (req, p) => this.itemReply(req, this.byId(p)),
        },
        {
          method: 'DELETE',
          pattern: path(`${prefix}/items/{item}`),
          cost: 'write',
          handle: (req, p) => this.deleteItem(req, this.byId(p)),
        },
        {
          method: 'GET',
          pattern: path(`${prefix}/items/{item}/children`),
          cost: 'query',
          handle: (req, p) => this.children(req, this.byId(p)),
        },
        {
          method: 'POST',
          pattern: path(`${prefix}/items/{item}/children`),
          cost: 'write',
          handle: (req, p) => this.createFolder(req, this.byId(p)),
        },
        {
          method: 'GET',
          pattern: path(`${prefix}/items/{item}/content`),
          cost: 'read',
          handle: (_req, p) => this.content(this.byId(p)),
        },
        {
          method: 'PUT',
          pattern: path(`${prefix}/items/{item}/content`),
          cost: 'write',
          handle: (req, p) => this.replaceContent(req, this.byId(p)),
        },
        {
          method: 'GET',
          pattern: path(`${prefix}/items/{item}/listItem`),
          cost: 'read',
          handle: (_req, p) => this.listItemReply(this.byId(p)),
        },
        {
          method: 'GET',
          pattern: path(`${prefix}/items/{item}/listItem/fields`),
          cost: 'read',
          handle: (_req, p) => this.fieldsReply(this.byId(p)),
        },
        {
          method: 'PATCH',
          pattern: path(`${prefix}/items/{item}/listItem/fields`),
          cost: 'write',
          handle: (req, p) => this.updateFields(req, this.byId(p)),
        },
      );
    }
    return routes;
  }

  private check(params: Record<string, string>): true {
    if (params.site !== undefined) checkSite(params.site);
    if (params.drive !== undefined && params.drive !== this.id) throw notFound('The drive could not be found.');
    return true;
  }

  private byPath(params: Record<string, string>): DriveItem {
    this.check(params);
    const item = this.at((params.path ?? '').replace(/:$/, ''));
    if (!item) throw notFound('The resource could not be found.');
    return item;
  }

  private byId(params: Record<string, string>): DriveItem {
    this.check(params);
    const item = params.item === 'root' ? this.root : this.items.get(params.item ?? '');
    if (!item) throw notFound('The resource could not be found.');
    return item;
  }

  private childNamed(parentId: string, name: string): DriveItem | undefined {
    const lower = name.toLowerCase();
    return [...this.items.values()].find((i) => i.parentId === parentId && i.name.toLowerCase() === lower);
  }

  private listItemOf(item: DriveItem): ListItem | undefined {
    return item.listItemId === null ? undefined : this.list.items.get(item.listItemId);
  }

  /** The folder at `folderPath` below `from`, created (with its list items) where missing. */
  private ensureFolder(from: DriveItem, folderNames: string[]): DriveItem {
    let current = from;
    for (const name of folderNames) {
      const existing = this.childNamed(current.id, name);
      if (existing && !existing.folder) throw conflict(`An item named '${name}' exists and is not a folder.`);
      current = existing ?? this.addItem(current, name, true, Buffer.alloc(0));
    }
    return current;
  }

  private addItem(parent: DriveItem, name: string, folder: boolean, content: Buffer): DriveItem {
    checkName(name);
    const at = this.now();
    const listItem = this.lists.insert(this.list, { FileLeafRef: name, Title: null }, folder ? 'Folder' : 'Document');
    const item: DriveItem = {
      id: driveItemId(),
      uniqueId: listItem.uniqueId.toUpperCase(),
      name,
      parentId: parent.id,
      folder,
      content,
      created: at,
      modified: at,
      version: 1,
      contentVersion: 1,
      listItemId: listItem.id,
    };
    this.items.set(item.id, item);
    this.touch(parent);
    return item;
  }

  private touch(item: DriveItem): void {
    item.modified = this.now();
    item.version += 1;
  }

  /** Writes a file under `parent` at `relative` with the conflict behaviour; 201 when created, 200 when replaced. */
  private write(
    req: ParsedRequest,
    parent: DriveItem,
    relative: string,
    content: Buffer,
    behavior: ConflictBehavior,
  ): Reply {
    const names = segments(relative);
    const fileName = names.pop();
    if (!fileName) throw badRequest('The file name is missing.');
    const folder = this.ensureFolder(parent, names);
    const existing = this.childNamed(folder.id, fileName);
    if (existing && behavior === 'fail') throw conflict(`The specified item name already exists. Name: ${fileName}`);
    if (existing && behavior === 'replace') {
      if (existing.folder) throw conflict(`A folder named '${fileName}' already exists.`);
      existing.content = content;
      existing.contentVersion += 1;
      this.touch(existing);
      const listItem = this.listItemOf(existing);
      if (listItem) this.lists.apply(this.list, listItem, {});
      return json(200, this.itemJson(req, existing));
    }
    const name = existing ? this.freeName(folder.id, fileName) : fileName;
    return json(201, this.itemJson(req, this.addItem(folder, name, false, content)));
  }

  private freeName(parentId: string, name: string): string {
    const dot = name.lastIndexOf('.');
    const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
    for (let n = 1; ; n += 1) {
      const candidate = `${stem} ${n}${ext}`;
      if (!this.childNamed(parentId, candidate)) return candidate;
    }
  }

  private getDrive(req: ParsedRequest, params: Record<string, string>): Reply {
    this.check(params);
    return json(200, {
      id: this.id,
      name: 'Documents',
      driveType: 'documentLibrary',
      createdDateTime: isoSeconds(this.root.created),
      lastModifiedDateTime: isoSeconds(this.root.modified),
      webUrl: `${SITE_WEB_URL}/Shared%20Documents`,
      owner: { group: { displayName: 'ISC Coordinator' } },
      quota: {
        deleted: 0,
        remaining: 1e12,
        state: 'normal',
        total: 1e12,
        used: this.files().reduce((n, f) => n + f.size, 0),
      },
      '@odata.context': `${req.base}/$metadata#drives/$entity`,
    });
  }

  private itemReply(req: ParsedRequest, item: DriveItem): Reply {
    return json(200, this.itemJson(req, item));
  }

  private children(req: ParsedRequest, folder: DriveItem): Reply {
    if (!folder.folder) throw badRequest('The item is not a folder.');
    const value = [...this.items.values()].filter((i) => i.parentId === folder.id).map((i) => this.itemJson(req, i));
    return json(200, { value });
  }

  private content(item: DriveItem): Reply {
    if (item.folder) throw badRequest('A folder has no content.');
    return {
      status: 200,
      bytes: item.content,
      headers: { 'Content-Type': mimeTypeOf(item.name), ETag: this.eTag(item) },
    };
  }

  private putByPath(req: ParsedRequest, params: Record<string, string>, parent: DriveItem): Reply {
    this.check(params);
    if (req.body.length > SIMPLE_UPLOAD_MAX)
      throw new GraphHttpError(413, 'invalidRequest', 'Simple upload takes files up to 250 MB; use an upload session.');
    return this.write(req, parent, params.path ?? '', req.body, behaviorOf(req, 'replace'));
  }

  private replaceContent(req: ParsedRequest, item: DriveItem): Reply {
    if (item.folder) throw badRequest('A folder has no content.');
    if (!ifMatchAllows(req.headers['if-match'], this.eTag(item))) throw preconditionFailed();
    item.content = req.body;
    item.contentVersion += 1;
    this.touch(item);
    return json(200, this.itemJson(req, item));
  }

  private deleteItem(req: ParsedRequest, item: DriveItem): Reply {
    if (item === this.root) throw badRequest('The root cannot be deleted.', 'notAllowed');
    if (!ifMatchAllows(req.headers['if-match'], this.eTag(item))) throw preconditionFailed();
    const doomed = [item];
    for (let i = 0; i < doomed.length; i += 1) {
      const parentId = doomed[i]?.id;
      doomed.push(...[...this.items.values()].filter((child) => child.parentId === parentId));
    }
    for (const gone of doomed) {
      this.items.delete(gone.id);
      if (gone.listItemId !== null) this.lists.remove(this.list, gone.listItemId);
    }
    return noContent();
  }

  private createFolder(req: ParsedRequest, parent: DriveItem): Reply {
    if (!parent.folder) throw badRequest('The parent is not a folder.');
    const body = parseBody(FolderCreate, readJson(req), 'microsoft.graph.driveItem');
    const behavior = body['@microsoft.graph.conflictBehavior'] ?? 'fail';
    const existing = this.childNamed(parent.id, body.name);
    if (existing && behavior === 'fail') throw conflict(`The specified item name already exists. Name: ${body.name}`);
    if (existing && behavior === 'replace' && existing.folder) return json(200, this.itemJson(req, existing));
    const name = existing ? this.freeName(parent.id, body.name) : body.name;
    return json(201, this.itemJson(req, this.addItem(parent, name, true, Buffer.alloc(0))));
  }

  private createSession(req: ParsedRequest, params: Record<string, string>, parent: DriveItem): Reply {
    this.check(params);
    const body = parseBody(SessionCreate, readJson(req), 'microsoft.graph.driveItemUploadableProperties');
    const names = segments(params.path ?? '');
    const name = names.pop();
    if (!name) throw badRequest('The file name is missing.');
    const behavior = body?.item?.['@microsoft.graph.conflictBehavior'] ?? behaviorOf(req, 'replace');
    const folder = this.ensureFolder(parent, names);
    if (behavior === 'fail' && this.childNamed(folder.id, name))
      throw conflict(`The specified item name already exists. Name: ${name}`);
    const session: UploadSession = {
      id: guid(),
      parentId: folder.id,
      name,
      behavior,
      declaredSize: body?.item?.fileSize ?? null,
      chunks: [],
      received: 0,
      expires: this.now() + 24 * 3600_000,
    };
    this.sessions.set(session.id, session);
    return json(200, {
      '@odata.context': `${req.base}/$metadata#microsoft.graph.uploadSession`,
      uploadUrl: `${req.base}/uploadSessions/${session.id}`,
      expirationDateTime: new Date(session.expires).toISOString(),
      nextExpectedRanges: ['0-'],
    });
  }

  private uploadFragment(req: ParsedRequest, params: Record<string, string>): Reply {
    const session = this.sessions.get(params.session ?? '');
    if (!session || session.expires < this.now()) throw notFound('The upload session was not found or has expired.');
    const range = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(req.headers['content-range'] ?? '');
    if (!range)
      throw badRequest('A fragment needs a Content-Range header "bytes <start>-<end>/<total>".', 'invalidRange');
    const [start, end, total] = [Number(range[1]), Number(range[2]), Number(range[3])];
    if (start !== session.received) {
      throw new GraphHttpError(
        416,
        'invalidRange',
        `The uploaded fragment does not start at the next expected byte (${session.received}).`,
      );
    }
    if (end - start + 1 !== req.body.length || end >= total)
      throw badRequest('The fragment length does not match its Content-Range.', 'invalidRange');
    if (session.declaredSize !== null && total !== session.declaredSize)
      throw badRequest('The total size differs from the declared file size.', 'invalidRange');
    const last = end + 1 === total;
    if (req.body.length > FRAGMENT_MAX) throw badRequest('A fragment may be at most 60 MiB.', 'invalidRange');
    if (!last && req.body.length % FRAGMENT_UNIT !== 0) {
      throw badRequest(
        `A fragment other than the last must be a multiple of 320 KiB (${FRAGMENT_UNIT} bytes).`,
        'invalidRange',
      );
    }
    session.chunks.push(req.body);
    session.received = end + 1;
    if (!last) {
      return json(202, {
        expirationDateTime: new Date(session.expires).toISOString(),
        nextExpectedRanges: [`${session.received}-`],
      });
    }
    this.sessions.delete(session.id);
    const parent = this.items.get(session.parentId);
    if (!parent) throw notFound('The target folder no longer exists.');
    return this.write(req, parent, session.name, Buffer.concat(session.chunks), session.behavior);
  }

  private cancelSession(params: Record<string, string>): Reply {
    if (!this.sessions.delete(params.session ?? '')) throw notFound('The upload session was not found.');
    return noContent();
  }

  private listItemReply(item: DriveItem): Reply {
    const listItem = this.listItemOf(item);
    if (!listItem) throw notFound('The root has no list item.');
    return json(200, {
      '@odata.etag': itemETag(listItem),
      eTag: itemETag(listItem),
      id: String(listItem.id),
      createdDateTime: isoSeconds(listItem.created),
      lastModifiedDateTime: isoSeconds(listItem.modified),
      webUrl: this.webUrl(item),
      fields: fieldsJson(this.list, listItem, null),
    });
  }

  private fieldsReply(item: DriveItem): Reply {
    const listItem = this.listItemOf(item);
    if (!listItem) throw notFound('The root has no list item.');
    return json(200, fieldsJson(this.list, listItem, null));
  }

  private updateFields(req: ParsedRequest, item: DriveItem): Reply {
    const listItem = this.listItemOf(item);
    if (!listItem) throw notFound('The root has no list item.');
    const body = readJson(req);
    if (typeof body !== 'object' || body === null || Array.isArray(body))
      throw badRequest('The request body must be a fieldValueSet object.', 'BadRequest');
    if (!ifMatchAllows(req.headers['if-match'], itemETag(listItem))) throw preconditionFailed();
    this.lists.apply(this.list, listItem, this.lists.checkFields(this.list, body as Record<string, unknown>));
    this.touch(item);
    return json(200, fieldsJson(this.list, listItem, null));
  }

  private eTag(item: DriveItem): string {
    return `"{${item.uniqueId}},${item.version}"`;
  }

  private webUrl(item: DriveItem): string {
    const library = `${SITE_WEB_URL}/Shared%20Documents`;
    if (item === this.root) return library;
    if (!item.folder && /\.(docx|xlsx|pptx)$/i.test(item.name)) {
      const action = `sourcedoc=%7B${item.uniqueId}%7D&file=${encodeURIComponent(item.name)}&action=default&mobileredirect=true`;
      return `${SITE_WEB_URL}/_layouts/15/Doc.aspx?${action}`;
    }
    return `${library}/${this.pathOf(item).split('/').map(encodeURIComponent).join('/')}`;
  }

  /** A driveItem as Graph renders it. */
  itemJson(req: ParsedRequest, item: DriveItem): Record<string, unknown> {
    const parent = item.parentId === null ? undefined : this.items.get(item.parentId);
    const parentPath = parent ? this.pathOf(parent) : '';
    const out: Record<string, unknown> = {
      createdDateTime: isoSeconds(item.created),
      eTag: this.eTag(item),
      id: item.id,
      lastModifiedDateTime: isoSeconds(item.modified),
      name: item.name,
      webUrl: this.webUrl(item),
      cTag: `"c:{${item.uniqueId}},${item.contentVersion}"`,
      size: item.folder ? 0 : item.content.length,
      createdBy: { application: { displayName: 'ISC Coordinator' } },
      lastModifiedBy: { application: { displayName: 'ISC Coordinator' } },
      parentReference: parent
        ? {
            driveType: 'documentLibrary',
            driveId: this.id,
            id: parent.id,
            path: `/drives/${this.id}/root:${parentPath ? `/${parentPath}` : ''}`,
            siteId: SITE_ID,
          }
        : { driveType: 'documentLibrary', driveId: this.id, siteId: SITE_ID },
    };
    if (item.folder) out.folder = { childCount: [...this.items.values()].filter((i) => i.parentId === item.id).length };
    else {
      out.file = { mimeType: mimeTypeOf(item.name) };
      out['@microsoft.graph.downloadUrl'] = `${req.base}/drives/${this.id}/items/${item.id}/content`;
    }
    if (item === this.root) out.root = {};
    return out;
  }
}

function segments(itemPath: string): string[] {
  return itemPath
    .split('/')
    .filter((s) => s.length > 0)
    .map((s) => s.trim());
}

/** SharePoint refuses these characters in file and folder names. */
function checkName(name: string): void {
  if (/["*:<>?/\\|]/.test(name) || name.startsWith('~$') || name.endsWith('.') || name.trim() !== name) {
    throw badRequest(`The name '${name}' contains characters SharePoint does not allow.`, 'invalidRequest');
  }
}

function behaviorOf(req: ParsedRequest, fallback: ConflictBehavior): ConflictBehavior {
  const value = req.query.get('@microsoft.graph.conflictBehavior');
  if (value === null) return fallback;
  if (value !== 'fail' && value !== 'replace' && value !== 'rename')
    throw badRequest(`Invalid conflict behavior '${value}'.`);
  return value;
}

function mimeTypeOf(name: string): string {
  const ext = name.toLowerCase().split('.').pop() ?? '';
  const types: Record<string, string> = {
    docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    pdf: 'application/pdf',
    json: 'application/json',
    txt: 'text/plain',
    csv: 'text/csv',
  };
  return types[ext] ?? 'application/octet-stream';
}
