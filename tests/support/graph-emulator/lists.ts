/**
 * SharePoint lists on the emulated site: lists, columns (typed, indexed, unique), items with eTags, If-Match,
 * versions, and queries that follow SharePoint's rules on indexed columns and paging.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import {
  builtInColumns,
  checkColumnRules,
  COLUMN_TYPES,
  type Column,
  ColumnCreate,
  columnFrom,
  columnJson,
  ColumnUpdate,
  isNote,
  MAX_INDEXED_COLUMNS,
  storedValue,
  typeOf,
} from './columns';
import { badRequest, conflict, notFound, parseBody, preconditionFailed } from './errors';
import { json, noContent, type ParsedRequest, readJson, type Reply } from './http';
import { guid, ifMatchAllows, isoSeconds } from './ids';
import {
  compareBy,
  type Filter,
  nextLinkOf,
  type OrderKey,
  pageOf,
  pageSizeOf,
  parseFilter,
  parseOrderBy,
} from './odata';
import { path, type Route } from './routes';
import { checkSite, SITE_ID, SITE_WEB_URL } from './site';

/** The Prefer header value that lets a query filter or sort on columns without an index. */
export const HONOR_NON_INDEXED = 'HonorNonIndexedQueriesWarningMayFailRandomly';
/** SharePoint's list view threshold: past it, queries on non-indexed columns fail even when preferred. */
export const LIST_VIEW_THRESHOLD = 5000;

/** One saved state of an item, as `GET .../versions` lists it. */
export interface ItemVersion {
  label: string;
  modified: number;
  fields: Record<string, unknown>;
}

/** A list item: its values by column name plus SharePoint's bookkeeping. */
export interface ListItem {
  id: number;
  /** The unique id SharePoint puts in the eTag ("<guid>,<version>"). */
  uniqueId: string;
  version: number;
  created: number;
  modified: number;
  contentType: 'Item' | 'Document' | 'Folder';
  values: Record<string, unknown>;
  versions: ItemVersion[];
}

/** A list or document library. */
export interface SpList {
  id: string;
  name: string;
  displayName: string;
  description: string;
  template: 'genericList' | 'documentLibrary';
  created: number;
  modified: number;
  version: number;
  columns: Column[];
  items: Map<number, ListItem>;
  nextItemId: number;
}

const ListCreate = z.strictObject({
  '@odata.type': z.string().optional(),
  displayName: z.string().min(1),
  name: z.string().optional(),
  description: z.string().optional(),
  columns: z.array(z.unknown()).optional(),
  list: z
    .strictObject({
      template: z.enum(['genericList', 'documentLibrary']).optional(),
      hidden: z.boolean().optional(),
      contentTypesEnabled: z.boolean().optional(),
    })
    .optional(),
});

const ItemCreate = z.strictObject({ '@odata.type': z.string().optional(), fields: z.record(z.string(), z.unknown()) });
const ItemUpdate = z.strictObject({
  '@odata.type': z.string().optional(),
  fields: z.record(z.string(), z.unknown()).optional(),
});

/** The eTag of an item in SharePoint's form: `"<guid>,<version>"`, quotes included. */
export const itemETag = (item: ListItem): string => `"${item.uniqueId},${item.version}"`;

/** The lists of the site, with the Graph endpoints that read and write them. */
export class Lists {
  readonly lists = new Map<string, SpList>();

  /**
   * @param paging `pageSize`: items per page without `$top`; `maxPageSize`: the largest page `$top` can ask for.
   */
  constructor(
    private readonly now: () => number,
    private readonly paging: { pageSize: number; maxPageSize: number },
  ) {}

  /** A list by id, name or display name (case-insensitive for names, as SharePoint resolves titles). */
  find(ref: string): SpList | undefined {
    const byId = this.lists.get(ref);
    if (byId) return byId;
    const lower = ref.toLowerCase();
    return [...this.lists.values()].find(
      (l) => l.name.toLowerCase() === lower || l.displayName.toLowerCase() === lower,
    );
  }

  /** A list by reference, or 404 the way Graph answers. */
  get(ref: string): SpList {
    const list = this.find(ref);
    if (!list) throw notFound(`List '${ref}' does not exist at site with URL '${SITE_WEB_URL}'.`);
    return list;
  }

  /** Creates a list (used by the POST endpoint and for the default document library). */
  create(displayName: string, template: SpList['template'], columns: Column[] = [], name?: string): SpList {
    if (this.find(displayName) || (name && this.find(name))) {
      throw conflict(
        `A list, survey, discussion board, or document library with the specified title '${displayName}' already exists in this Web site.`,
      );
    }
    const at = this.now();
    const list: SpList = {
      id: guid(),
      name: name ?? displayName.replace(/[^A-Za-z0-9_-]/g, ''),
      displayName,
      description: '',
      template,
      created: at,
      modified: at,
      version: 1,
      columns: [...builtInColumns(template === 'documentLibrary'), ...columns],
      items: new Map(),
      nextItemId: 1,
    };
    checkIndexLimit(list);
    this.lists.set(list.id, list);
    return list;
  }

  /** Adds an item with `values` already checked (the drive adds file and folder items this way). */
  insert(list: SpList, values: Record<string, unknown>, contentType: ListItem['contentType'] = 'Item'): ListItem {
    this.checkUnique(list, values, null);
    const at = this.now();
    const item: ListItem = {
      id: list.nextItemId++,
      uniqueId: guid(),
      version: 1,
      created: at,
      modified: at,
      contentType,
      values: Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null)),
      versions: [],
    };
    item.versions.push(snapshot(item));
    list.items.set(item.id, item);
    this.indexUnique(list, item, {});
    list.modified = at;
    return item;
  }

  /** Applies checked `values` to an item as one write: new version, new eTag. */
  apply(list: SpList, item: ListItem, values: Record<string, unknown>): void {
    this.checkUnique(list, values, item.id);
    const before = { ...item.values };
    for (const [name, value] of Object.entries(values)) {
      if (value === null) delete item.values[name];
      else item.values[name] = value;
    }
    item.version += 1;
    item.modified = this.now();
    item.versions.unshift(snapshot(item));
    this.indexUnique(list, item, before);
    list.modified = item.modified;
  }

  /** Checks client-written `fields` against the list's columns: known, writable, of the right type. */
  checkFields(list: SpList, fields: Record<string, unknown>): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(fields)) {
      if (key.startsWith('@odata.')) continue;
      const lookup = /^(.*)LookupId$/.exec(key)?.[1];
      const column =
        list.columns.find((c) => c.name === key) ??
        (lookup
          ? list.columns.find((c) => c.name === lookup && (c.type === 'lookup' || c.type === 'personOrGroup'))
          : undefined);
      if (!column) throw badRequest(`Field '${key}' is not recognized`);
      if (column.readOnly || column.system) throw badRequest(`Field '${key}' is read-only`);
      out[key] = storedValue(column, value);
    }
    return out;
  }

  /** Removes an item (and forgets its unique values). */
  remove(list: SpList, itemId: number): void {
    list.items.delete(itemId);
    this.uniqueIndexes.delete(list);
    list.modified = this.now();
  }

  /** Per list and unique column: normalised value → item id (built on first use, kept up to date by writes). */
  private readonly uniqueIndexes = new Map<SpList, Map<string, Map<string, number>>>();

  private uniqueIndex(list: SpList, column: string): Map<string, number> {
    let byColumn = this.uniqueIndexes.get(list);
    if (!byColumn) this.uniqueIndexes.set(list, (byColumn = new Map()));
    let index = byColumn.get(column);
    if (!index) {
      index = new Map();
      for (const item of list.items.values()) {
        const value = item.values[column];
        if (value !== undefined) index.set(normaliseUnique(value), item.id);
      }
      byColumn.set(column, index);
    }
    return index;
  }

  private checkUnique(list: SpList, values: Record<string, unknown>, self: number | null): void {
    for (const column of list.columns.filter((c) => c.enforceUniqueValues)) {
      const value = values[column.name];
      if (value === undefined || value === null) continue;
      const holder = this.uniqueIndex(list, column.name).get(normaliseUnique(value));
      if (holder !== undefined && holder !== self) {
        throw conflict(
          `The list item could not be added or updated because duplicate values were found in the following field(s) in the list: [${column.name}].`,
        );
      }
    }
  }

  /** Records an item's values in the unique indexes after a write (`before`: its values until then). */
  private indexUnique(list: SpList, item: ListItem, before: Record<string, unknown>): void {
    for (const column of list.columns.filter((c) => c.enforceUniqueValues)) {
      const index = this.uniqueIndex(list, column.name);
      const old = before[column.name];
      if (old !== undefined && index.get(normaliseUnique(old)) === item.id) index.delete(normaliseUnique(old));
      const value = item.values[column.name];
      if (value !== undefined) index.set(normaliseUnique(value), item.id);
    }
  }

  /** The Graph routes of lists, columns and items. */
  routes(): Route[] {
    const site = '/sites/{site}/lists';
    const item = `${site}/{list}/items/{item}`;
    return [
      { method: 'GET', pattern: path(site), cost: 'query', handle: (req, p) => this.listLists(req, p) },
      { method: 'POST', pattern: path(site), cost: 'write', handle: (req, p) => this.createList(req, p) },
      { method: 'GET', pattern: path(`${site}/{list}`), cost: 'read', handle: (req, p) => this.getList(req, p) },
      {
        method: 'GET',
        pattern: path(`${site}/{list}/columns`),
        cost: 'query',
        handle: (_req, p) => this.listColumns(p),
      },
      {
        method: 'POST',
        pattern: path(`${site}/{list}/columns`),
        cost: 'write',
        handle: (req, p) => this.createColumn(req, p),
      },
      {
        method: 'GET',
        pattern: path(`${site}/{list}/columns/{column}`),
        cost: 'read',
        handle: (_req, p) => this.getColumn(p),
      },
      {
        method: 'PATCH',
        pattern: path(`${site}/{list}/columns/{column}`),
        cost: 'write',
        handle: (req, p) => this.updateColumn(req, p),
      },
      {
        method: 'GET',
        pattern: path(`${site}/{list}/items`),
        cost: 'query',
        handle: (req, p) => this.listItems(req, p),
      },
      {
        method: 'POST',
        pattern: path(`${site}/{list}/items`),
        cost: 'write',
        handle: (req, p) => this.createItem(req, p),
      },
      { method: 'GET', pattern: path(item), cost: 'read', handle: (req, p) => this.getItem(req, p) },
      { method: 'PATCH', pattern: path(item), cost: 'write', handle: (req, p) => this.updateItem(req, p) },
      { method: 'DELETE', pattern: path(item), cost: 'write', handle: (req, p) => this.deleteItem(req, p) },
      { method: 'GET', pattern: path(`${item}/fields`), cost: 'read', handle: (req, p) => this.getFields(req, p) },
      {
        method: 'PATCH',
        pattern: path(`${item}/fields`),
        cost: 'write',
        handle: (req, p) => this.updateFields(req, p),
      },
      {
        method: 'GET',
        pattern: path(`${item}/versions`),
        cost: 'query',
        handle: (req, p) => this.listVersions(req, p),
      },
      {
        method: 'GET',
        pattern: path(`${item}/versions/{version}`),
        cost: 'read',
        handle: (req, p) => this.getVersion(req, p),
      },
    ];
  }

  private listOf(params: Record<string, string>): SpList {
    checkSite(params.site ?? '');
    return this.get(params.list ?? '');
  }

  private itemOf(params: Record<string, string>): { list: SpList; item: ListItem } {
    const list = this.listOf(params);
    const item = /^\d+$/.test(params.item ?? '') ? list.items.get(Number(params.item)) : undefined;
    if (!item) throw notFound('Item not found');
    return { list, item };
  }

  private listLists(req: ParsedRequest, params: Record<string, string>): Reply {
    checkSite(params.site ?? '');
    const value = [...this.lists.values()].map((l) => listJson(l, expands(req, 'columns')));
    return json(200, { '@odata.context': `${req.base}/$metadata#sites('${SITE_ID}')/lists`, value });
  }

  private createList(req: ParsedRequest, params: Record<string, string>): Reply {
    checkSite(params.site ?? '');
    const body = parseBody(ListCreate, readJson(req), 'microsoft.graph.list');
    const columns = (body.columns ?? []).map((c) =>
      columnFrom(parseBody(ColumnCreate, c, 'microsoft.graph.columnDefinition')),
    );
    const names = new Set<string>();
    for (const column of columns) {
      if (names.has(column.name)) throw badRequest(`A column named '${column.name}' appears twice.`);
      names.add(column.name);
    }
    const list = this.create(body.displayName, body.list?.template ?? 'genericList', columns, body.name);
    list.description = body.description ?? '';
    return json(201, listJson(list, false));
  }

  private getList(req: ParsedRequest, params: Record<string, string>): Reply {
    return json(200, listJson(this.listOf(params), expands(req, 'columns')));
  }

  private listColumns(params: Record<string, string>): Reply {
    return json(200, { value: this.listOf(params).columns.map(columnJson) });
  }

  private getColumn(params: Record<string, string>): Reply {
    return json(200, columnJson(columnIn(this.listOf(params), params.column ?? '')));
  }

  private createColumn(req: ParsedRequest, params: Record<string, string>): Reply {
    const list = this.listOf(params);
    const column = columnFrom(parseBody(ColumnCreate, readJson(req), 'microsoft.graph.columnDefinition'));
    if (list.columns.some((c) => c.name.toLowerCase() === column.name.toLowerCase())) {
      throw conflict(`A duplicate field name "${column.name}" was found.`);
    }
    list.columns.push(column);
    checkIndexLimit(list, column);
    list.version += 1;
    return json(201, columnJson(column));
  }

  private updateColumn(req: ParsedRequest, params: Record<string, string>): Reply {
    const list = this.listOf(params);
    const column = columnIn(list, params.column ?? '');
    const body = parseBody(ColumnUpdate, readJson(req), 'microsoft.graph.columnDefinition');
    if (column.system)
      throw badRequest(`Column '${column.name}' is a built-in column and cannot be changed.`, 'notAllowed');
    if (body.name !== undefined && body.name !== column.name)
      throw badRequest('The internal name of a column cannot be changed.');
    const facets = Object.keys(body).filter((key) => key in COLUMN_TYPES);
    if (facets.length > 0 && typeOf(body) !== column.type)
      throw badRequest(`The type of column '${column.name}' cannot be changed.`);
    const next: Column = {
      ...column,
      displayName: body.displayName ?? column.displayName,
      description: body.description ?? column.description,
      indexed: body.indexed ?? column.indexed,
      enforceUniqueValues: body.enforceUniqueValues ?? column.enforceUniqueValues,
      required: body.required ?? column.required,
      hidden: body.hidden ?? column.hidden,
      facet:
        facets.length > 0
          ? { ...column.facet, ...((body[column.type] as Record<string, unknown> | undefined) ?? {}) }
          : column.facet,
    };
    checkColumnRules(next);
    if (next.enforceUniqueValues && !column.enforceUniqueValues) {
      const seen = new Set<string>();
      for (const item of list.items.values()) {
        const value = item.values[column.name];
        if (value === undefined) continue;
        if (seen.has(normaliseUnique(value)))
          throw badRequest(`Column '${column.name}' holds duplicate values; it cannot enforce unique values.`);
        seen.add(normaliseUnique(value));
      }
    }
    Object.assign(column, next);
    this.uniqueIndexes.delete(list);
    checkIndexLimit(list, column);
    list.version += 1;
    return json(200, columnJson(column));
  }

  private listItems(req: ParsedRequest, params: Record<string, string>): Reply {
    const list = this.listOf(params);
    const honour = (req.headers.prefer ?? '').includes(HONOR_NON_INDEXED);
    // `fields/<column>`; the item id (`id` or `fields/id`) is the ID column.
    const columnOf = (operand: string): string | null => {
      const name = operand === 'id' ? 'id' : (/^fields\/(.+)$/.exec(operand)?.[1] ?? null);
      return name === 'id' ? 'ID' : name;
    };
    const filterSource = req.query.get('$filter') ?? req.query.get('filter');
    const orderSource = req.query.get('$orderby') ?? req.query.get('orderby');
    const filter: Filter | null = filterSource ? parseFilter(filterSource, columnOf) : null;
    const order: OrderKey[] = orderSource ? parseOrderBy(orderSource, columnOf) : [];
    checkQueryable(list, [...(filter?.columns ?? []), ...order.map((k) => k.column)], honour);
    let items = [...list.items.values()];
    if (filter) items = items.filter((item) => filter.test((column) => valueOf(item, column)));
    items.sort(compareBy([...order, { column: 'ID', descending: false }], valueOf));
    const scope = createHash('sha1')
      .update(`${list.id}|${filterSource ?? ''}|${orderSource ?? ''}`)
      .digest('base64url');
    const size = pageSizeOf(req.query, this.paging.pageSize, this.paging.maxPageSize);
    const { page, next } = pageOf(items, size, req.query.get('$skiptoken'), scope);
    const withFields = expands(req, 'fields');
    const select = selectOf(req, 'fields');
    const body: Record<string, unknown> = {
      '@odata.context': `${req.base}/$metadata#sites('${SITE_ID}')/lists('${list.id}')/items`,
      value: page.map((item) => itemJson(list, item, withFields, select)),
    };
    if (next) body['@odata.nextLink'] = nextLinkOf(req.base, req.path, req.query, next);
    return json(200, body);
  }

  private createItem(req: ParsedRequest, params: Record<string, string>): Reply {
    const list = this.listOf(params);
    const body = parseBody(ItemCreate, readJson(req), 'microsoft.graph.listItem');
    // Like SharePoint's API, required columns are not enforced here: only its forms enforce them.
    const item = this.insert(list, this.checkFields(list, body.fields));
    return json(201, itemJson(list, item, true, null), { ETag: itemETag(item) });
  }

  private getItem(req: ParsedRequest, params: Record<string, string>): Reply {
    const { list, item } = this.itemOf(params);
    return json(200, itemJson(list, item, expands(req, 'fields'), selectOf(req, 'fields')), { ETag: itemETag(item) });
  }

  private updateItem(req: ParsedRequest, params: Record<string, string>): Reply {
    const { list, item } = this.itemOf(params);
    const body = parseBody(ItemUpdate, readJson(req), 'microsoft.graph.listItem');
    if (!ifMatchAllows(req.headers['if-match'], itemETag(item))) throw preconditionFailed();
    this.apply(list, item, this.checkFields(list, body.fields ?? {}));
    return json(200, itemJson(list, item, true, null), { ETag: itemETag(item) });
  }

  private deleteItem(req: ParsedRequest, params: Record<string, string>): Reply {
    const { list, item } = this.itemOf(params);
    if (!ifMatchAllows(req.headers['if-match'], itemETag(item))) throw preconditionFailed();
    this.remove(list, item.id);
    return noContent();
  }

  private getFields(req: ParsedRequest, params: Record<string, string>): Reply {
    const { list, item } = this.itemOf(params);
    return json(200, fieldsJson(list, item, selectOf(req, null)), { ETag: itemETag(item) });
  }

  private updateFields(req: ParsedRequest, params: Record<string, string>): Reply {
    const { list, item } = this.itemOf(params);
    const body = readJson(req);
    if (typeof body !== 'object' || body === null || Array.isArray(body))
      throw badRequest('The request body must be a fieldValueSet object.', 'BadRequest');
    if (!ifMatchAllows(req.headers['if-match'], itemETag(item))) throw preconditionFailed();
    this.apply(list, item, this.checkFields(list, body as Record<string, unknown>));
    return json(200, fieldsJson(list, item, null), { ETag: itemETag(item) });
  }

  private listVersions(req: ParsedRequest, params: Record<string, string>): Reply {
    const { item } = this.itemOf(params);
    const withFields = expands(req, 'fields');
    return json(200, { value: item.versions.map((v) => versionJson(v, withFields)) });
  }

  private getVersion(_req: ParsedRequest, params: Record<string, string>): Reply {
    const { item } = this.itemOf(params);
    const version = item.versions.find((v) => v.label === params.version);
    if (!version) throw notFound('Version not found');
    return json(200, versionJson(version, true));
  }
}

/**
 * SharePoint's rules on the columns a query filters or sorts on: known, not multi-line text, indexed — or, with
 * the Prefer header, not indexed on a list within the list view threshold.
 */
function checkQueryable(list: SpList, names: string[], honour: boolean): void {
  for (const name of names) {
    const column = list.columns.find((c) => c.name === name);
    if (!column) throw badRequest(`Field '${name}' is not recognized`);
    if (isNote(column)) {
      throw badRequest(`Field '${name}' has multiple lines of text and cannot be referenced in filter or orderby.`);
    }
    if (column.indexed) continue;
    if (!honour) {
      throw badRequest(
        `Field '${name}' cannot be referenced in filter or orderby as it is not indexed. Provide the 'Prefer: ${HONOR_NON_INDEXED}' header to allow this, but be warned that such queries may fail on large lists.`,
      );
    }
    if (list.items.size > LIST_VIEW_THRESHOLD) {
      throw badRequest('The attempted operation is prohibited because it exceeds the list view threshold.');
    }
  }
}

function snapshot(item: ListItem): ItemVersion {
  return { label: `${item.version}.0`, modified: item.modified, fields: { ...item.values } };
}

function normaliseUnique(value: unknown): string {
  return typeof value === 'string' ? value.toLowerCase() : JSON.stringify(value);
}

function checkIndexLimit(list: SpList, column?: Column): void {
  const indexed = list.columns.filter((c) => c.indexed && !c.system).length;
  if (indexed > MAX_INDEXED_COLUMNS) {
    if (column) column.indexed = false;
    throw badRequest(`A list can have at most ${MAX_INDEXED_COLUMNS} indexed columns.`);
  }
}

function columnIn(list: SpList, ref: string): Column {
  const column = list.columns.find((c) => c.id === ref || c.name === ref);
  if (!column) throw notFound(`Column '${ref}' does not exist.`);
  return column;
}

/** The value of a column for an item, built-in columns included. */
export function valueOf(item: ListItem, column: string): unknown {
  switch (column) {
    case 'ID':
      return item.id;
    case 'Created':
      return isoSeconds(item.created);
    case 'Modified':
      return isoSeconds(item.modified);
    case 'ContentType':
      return item.contentType;
    case '_UIVersionString':
      return `${item.version}.0`;
    default:
      return item.values[column];
  }
}

/** True when the request expands `name` (`expand=fields`, `$expand=fields(select=A,B)`). */
function expands(req: ParsedRequest, name: string): boolean {
  const expand = req.query.get('$expand') ?? req.query.get('expand') ?? '';
  return expand.split(/,(?![^(]*\))/).some((part) => part.trim().startsWith(name));
}

/** The columns selected inside an expansion (`fields(select=A,B)`) or by `$select` when `name` is null. */
function selectOf(req: ParsedRequest, name: string | null): string[] | null {
  if (name === null) {
    const select = req.query.get('$select') ?? req.query.get('select');
    return select ? select.split(',').map((s) => s.trim()) : null;
  }
  const expand = req.query.get('$expand') ?? req.query.get('expand') ?? '';
  const inner = new RegExp(`${name}\\(\\$?select=([^)]*)\\)`).exec(expand)?.[1];
  return inner ? inner.split(',').map((s) => s.trim()) : null;
}

/** An item's fieldValueSet: its values, SharePoint's built-in fields, the eTag; empty values omitted. */
export function fieldsJson(list: SpList, item: ListItem, select: string[] | null): Record<string, unknown> {
  const fields: Record<string, unknown> = {
    '@odata.etag': itemETag(item),
    id: String(item.id),
    ContentType: item.contentType,
    Created: isoSeconds(item.created),
    Modified: isoSeconds(item.modified),
    AuthorLookupId: '6',
    EditorLookupId: '6',
    _UIVersionString: `${item.version}.0`,
    ...item.values,
  };
  if (list.template === 'documentLibrary')
    fields.FileRef = `${new URL(SITE_WEB_URL).pathname}/${list.name}/${String(item.values.FileLeafRef ?? '')}`;
  if (!select) return fields;
  return Object.fromEntries(
    Object.entries(fields).filter(([key]) => key === '@odata.etag' || key === 'id' || select.includes(key)),
  );
}

/** An item as Graph renders a listItem. */
export function itemJson(
  list: SpList,
  item: ListItem,
  withFields: boolean,
  select: string[] | null,
): Record<string, unknown> {
  const out: Record<string, unknown> = {
    '@odata.etag': itemETag(item),
    createdDateTime: isoSeconds(item.created),
    eTag: itemETag(item),
    id: String(item.id),
    lastModifiedDateTime: isoSeconds(item.modified),
    webUrl: `${SITE_WEB_URL}/Lists/${list.name}/${item.id}_.000`,
    createdBy: { user: { displayName: 'ISC Coordinator' } },
    lastModifiedBy: { user: { displayName: 'ISC Coordinator' } },
    parentReference: { id: list.id, siteId: SITE_ID },
    contentType: {
      id: item.contentType === 'Item' ? '0x0100' : item.contentType === 'Folder' ? '0x0120' : '0x0101',
      name: item.contentType,
    },
  };
  if (withFields) out.fields = fieldsJson(list, item, select);
  return out;
}

function versionJson(version: ItemVersion, withFields: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: version.label,
    lastModifiedDateTime: isoSeconds(version.modified),
    lastModifiedBy: { user: { displayName: 'ISC Coordinator' } },
  };
  if (withFields) out.fields = { ...version.fields };
  return out;
}

/** A list as Graph renders it (with its columns when expanded). */
export function listJson(list: SpList, withColumns: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {
    '@odata.etag': `"${list.id},${list.version}"`,
    createdDateTime: isoSeconds(list.created),
    description: list.description,
    eTag: `"${list.id},${list.version}"`,
    id: list.id,
    lastModifiedDateTime: isoSeconds(list.modified),
    name: list.name,
    webUrl: list.template === 'documentLibrary' ? `${SITE_WEB_URL}/${list.name}` : `${SITE_WEB_URL}/Lists/${list.name}`,
    displayName: list.displayName,
    parentReference: { siteId: SITE_ID },
    list: { contentTypesEnabled: false, hidden: false, template: list.template },
  };
  if (withColumns) out.columns = list.columns.map(columnJson);
  return out;
}
