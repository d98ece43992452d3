import { AppError } from '../../domain';
import { GraphError, type GraphApi, type GraphRequest } from '../../graph';
import {
  INDEXES,
  type BusinessCollectionName,
  type Collection,
  type ListQuery,
  type Page,
  type Records,
  type Stored,
} from '../port';
import { FieldValueSet, ItemRef, ItemRefPage, ListItem, ListItemPage, fieldsOf, recordOf, withoutEtag } from './items';
import { JSON_COLUMNS, RECORD_ID, queryColumn, queryValue, type ListSpec } from './schema';

const DEFAULT_PAGE = 100;

/** Reads ask for the record's columns only (its JSON pieces): the readable columns are for people, not the app. */
const EXPAND_RECORD = `$expand=fields($select=${[RECORD_ID.name, ...JSON_COLUMNS.map((c) => c.name)].join(',')})`;

/** What every list of the store shares: the Graph client, the site and the largest page SharePoint gives. */
export interface ListContext {
  graph: GraphApi;
  siteId: string;
  /** The largest `$top` asked for (SharePoint answers at most 5,000 items a page). */
  maxPageSize: number;
}

/** The status of a failed Graph call (0 when it is no Graph error). */
export function graphStatus(error: unknown): number {
  return error instanceof GraphError ? error.status : 0;
}

/** An OData string literal: quotes doubled. */
function literal(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/**
 * A business collection kept in a SharePoint list: one item per record, found by its unique indexed RecordId
 * column, its eTag the record's version. Item ids are remembered as records are read or written (an item keeps
 * its id for life), so updates and deletes go straight to the item.
 */
export class SharePointCollection<K extends BusinessCollectionName> implements Collection<Records[K]> {
  private readonly itemIds = new Map<string, string>();
  /** The list's items URL, relative to the Graph base URL. */
  readonly itemsUrl: string;

  constructor(
    private readonly context: ListContext,
    readonly spec: ListSpec<K>,
    /** Called after each write of this collection (the store's change counters). */
    private readonly changed: () => void,
  ) {
    this.itemsUrl = `/sites/${context.siteId}/lists/${encodeURIComponent(spec.listName)}/items`;
  }

  private get graph(): GraphApi {
    return this.context.graph;
  }

  private checkField(field: string): void {
    if (!(INDEXES[this.spec.collection] as readonly string[]).includes(field)) {
      throw new AppError('request.invalid', `"${field}" cannot be filtered or sorted on in ${this.spec.collection}.`);
    }
  }

  /** The request that finds a record's item by its RecordId (a query on the unique indexed column). */
  findRequest(id: string, withFields: boolean): GraphRequest {
    const filter = encodeURIComponent(`fields/${RECORD_ID.name} eq ${literal(id)}`);
    return { method: 'GET', url: `${this.itemsUrl}?${withFields ? `${EXPAND_RECORD}&` : ''}$filter=${filter}&$top=1` };
  }

  /**
   * The request that reads a record's current version before a write: the item itself when its id is known (one
   * resource unit), else a query on RecordId (two).
   */
  versionRequest(id: string): GraphRequest {
    const known = this.itemIds.get(id);
    return known ? { method: 'GET', url: `${this.itemsUrl}/${known}` } : this.findRequest(id, false);
  }

  /** The item a {@link versionRequest} answer found (null when there is none). */
  versionFound(id: string, answer: { status: number; body: unknown }): ItemRef | null {
    if (answer.status === 404) {
      this.itemIds.delete(id);
      return null;
    }
    const single = ItemRef.safeParse(answer.body);
    return single.success ? single.data : this.foundItem(id, answer.body);
  }

  /** The item found by a {@link findRequest} answer (its id and eTag), remembered; null when there is none. */
  foundItem(id: string, body: unknown): ItemRef | null {
    const page = ItemRefPage.safeParse(body);
    if (!page.success) throw new AppError('store.unavailable', `SharePoint answered a query with an unexpected shape.`);
    const item = page.data.value[0];
    if (!item) return null;
    this.itemIds.set(id, item.id);
    return item;
  }

  /** The list item of a record, with its fields; null when there is none. */
  private async findItem(id: string): Promise<ListItem | null> {
    const known = this.itemIds.get(id);
    if (known) {
      try {
        return ListItem.parse(await this.graph.get(`${this.itemsUrl}/${known}?${EXPAND_RECORD}`));
      } catch (error) {
        if (graphStatus(error) !== 404) throw error;
        this.itemIds.delete(id);
      }
    }
    const response = await this.graph.request(this.findRequest(id, true));
    const page = ListItemPage.safeParse(response.body);
    if (!page.success) throw new AppError('store.unavailable', `SharePoint answered a query with an unexpected shape.`);
    const item = page.data.value[0];
    if (!item) return null;
    this.itemIds.set(id, item.id);
    return item;
  }

  /** The item id of a record: remembered, or looked up; null when the record does not exist. */
  private async itemIdOf(id: string): Promise<string | null> {
    const known = this.itemIds.get(id);
    if (known) return known;
    const response = await this.graph.request(this.findRequest(id, false));
    return this.foundItem(id, response.body)?.id ?? null;
  }

  async get(id: string): Promise<Stored<Records[K]> | null> {
    const item = await this.findItem(id);
    return item ? recordOf<Records[K]>(this.spec, item) : null;
  }

  /** The items URL of a query: equality filters and the order on indexed query columns. */
  private queryUrl(query: ListQuery<Records[K]>, top: number): string {
    const clauses = Object.entries(query.where ?? {}).map(([field, value]) => {
      this.checkField(field);
      return `fields/${queryColumn(field)} eq ${literal(queryValue(value))}`;
    });
    if (query.orderBy) this.checkField(query.orderBy);
    const order = query.orderBy ? `fields/${queryColumn(query.orderBy)}` : `fields/${RECORD_ID.name}`;
    const parts = [
      EXPAND_RECORD,
      ...(clauses.length ? [`$filter=${encodeURIComponent(clauses.join(' and '))}`] : []),
      `$orderby=${encodeURIComponent(`${order}${query.descending ? ' desc' : ''}`)}`,
      `$top=${top}`,
    ];
    return `${this.itemsUrl}?${parts.join('&')}`;
  }

  /**
   * The next page's URL from an opaque cursor: only a link to the items of a list of this site is followed (Graph
   * may name the list by its id in a nextLink, so the list segment is not compared).
   */
  private cursorUrl(cursor: string): string {
    const url = Buffer.from(cursor, 'base64url').toString('utf8');
    if (!this.isItemsLink(url)) throw new AppError('request.invalid', 'The page cursor is not valid.');
    return url;
  }

  private isItemsLink(url: string): boolean {
    const site = `/sites/${this.context.siteId}/lists/`;
    return url.startsWith(site) && /^[^/?]+\/items\?/.test(url.slice(site.length)) && !url.includes('/../');
  }

  /** A nextLink as a cursor: relative to the Graph base URL, then opaque. */
  private cursorOf(nextLink: string | undefined): string | null {
    if (!nextLink) return null;
    const relative = nextLink.slice(Math.max(0, nextLink.indexOf(`/sites/${this.context.siteId}/`)));
    if (!this.isItemsLink(relative))
      throw new AppError('store.unavailable', 'SharePoint answered with a next page outside the list.');
    return Buffer.from(relative, 'utf8').toString('base64url');
  }

  /** One page of a query (the first, or the one a cursor points at). */
  async list(query: ListQuery<Records[K]> = {}): Promise<Page<Records[K]>> {
    const top = Math.min(Math.max(query.pageSize ?? DEFAULT_PAGE, 1), this.context.maxPageSize);
    // The query is checked even when a cursor is given, so a bad field fails the same way on every page.
    const first = this.queryUrl(query, top);
    const url = query.cursor ? this.cursorUrl(query.cursor) : first;
    const page = ListItemPage.safeParse(await this.graph.get(url));
    if (!page.success) throw new AppError('store.unavailable', 'SharePoint answered a query with an unexpected shape.');
    const items = page.data.value.map((item) => {
      const record = recordOf<Records[K]>(this.spec, item);
      this.itemIds.set(record.id, item.id);
      return record;
    });
    return { items, nextCursor: this.cursorOf(page.data['@odata.nextLink']) };
  }

  async all(query: Omit<ListQuery<Records[K]>, 'cursor'> = {}): Promise<Stored<Records[K]>[]> {
    const items: Stored<Records[K]>[] = [];
    let cursor: string | null = null;
    do {
      const page: Page<Records[K]> = await this.list({ ...query, pageSize: this.context.maxPageSize, cursor });
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return items;
  }

  /** The request that creates a record's item (the unique RecordId column refuses a second one with 409). */
  createRequest(record: Records[K]): GraphRequest {
    return { method: 'POST', url: this.itemsUrl, body: { fields: fieldsOf(this.spec, withoutEtag(record)) } };
  }

  /** The record created by a {@link createRequest} answer, remembered. */
  created(record: Records[K], body: unknown): Stored<Records[K]> {
    const item = ListItem.pick({ id: true, eTag: true }).safeParse(body);
    if (!item.success)
      throw new AppError('store.unavailable', 'SharePoint answered a create with an unexpected shape.');
    const clean = withoutEtag(record);
    this.itemIds.set(clean.id, item.data.id);
    this.changed();
    return { ...clean, etag: item.data.eTag };
  }

  alreadyExists(id: string): AppError {
    return new AppError('store.already-exists', `${this.spec.collection} "${id}" already exists.`, { id });
  }

  async create(record: Records[K]): Promise<Stored<Records[K]>> {
    try {
      return this.created(record, (await this.graph.request(this.createRequest(record))).body);
    } catch (error) {
      if (graphStatus(error) === 409) throw this.alreadyExists(record.id);
      throw error;
    }
  }

  /** Creates the record unless its id is taken; the version of the record kept or created. */
  async ensure(record: Records[K]): Promise<string> {
    try {
      return (await this.create(record)).etag;
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'store.already-exists')) throw error;
      const item = await this.findItem(record.id);
      if (!item) throw error;
      return item.eTag;
    }
  }

  async update(record: Records[K], expectedEtag: string): Promise<Stored<Records[K]>> {
    const clean = withoutEtag(record);
    const itemId = await this.itemIdOf(clean.id);
    if (!itemId) throw this.gone(clean.id);
    return this.updateItem(itemId, clean, expectedEtag);
  }

  /** Replaces the fields of a record's item if the item is still at `expectedEtag` (If-Match). */
  async updateItem(itemId: string, record: Records[K], expectedEtag: string): Promise<Stored<Records[K]>> {
    const clean = withoutEtag(record);
    let body: unknown;
    try {
      body = await this.graph.patch(`${this.itemsUrl}/${itemId}/fields`, fieldsOf(this.spec, clean), {
        'If-Match': expectedEtag,
      });
    } catch (error) {
      throw this.writeFailure(error, clean.id);
    }
    this.changed();
    // The fieldValueSet carries the item's new eTag; read the item only if it does not.
    const etag =
      FieldValueSet.safeParse(body).data?.['@odata.etag'] ??
      ListItem.pick({ eTag: true }).parse(await this.graph.get(`${this.itemsUrl}/${itemId}`)).eTag;
    return { ...clean, etag };
  }

  async delete(id: string, expectedEtag: string): Promise<void> {
    const itemId = await this.itemIdOf(id);
    if (!itemId) throw this.gone(id);
    await this.deleteItem(itemId, id, expectedEtag);
  }

  /** Deletes a record's item if it is still at `expectedEtag` (If-Match). */
  async deleteItem(itemId: string, id: string, expectedEtag: string): Promise<void> {
    try {
      await this.graph.delete(`${this.itemsUrl}/${itemId}`, { 'If-Match': expectedEtag });
    } catch (error) {
      throw this.writeFailure(error, id);
    }
    this.itemIds.delete(id);
    this.changed();
  }

  /** A write refused by SharePoint: 412 (someone else's write came first) and 404 (deleted) are conflicts. */
  private writeFailure(error: unknown, id: string): unknown {
    const status = graphStatus(error);
    if (status === 412) return this.stale(id);
    if (status === 404) {
      this.itemIds.delete(id);
      return this.gone(id);
    }
    return error;
  }

  stale(id: string, currentEtag?: string): AppError {
    return new AppError('store.conflict', `Someone else changed ${this.spec.collection} "${id}" in the meantime.`, {
      id,
      ...(currentEtag ? { currentEtag } : {}),
    });
  }

  gone(id: string): AppError {
    return new AppError('store.conflict', `${this.spec.collection} "${id}" no longer exists.`, { id });
  }
}
