import { AuditFilter, AppError, requirePermission, type AuditEntry, type AuditPage, type Caller } from '../../domain';
import type { Store, Stored } from '../../store';

/** How many entries are read from the store at a time while filtering. */
const READ_PAGE = 200;

/** Where a page of the log starts: the store's page and how many of its entries were already given. */
interface AuditCursor {
  page: string | null;
  skip: number;
}

function readCursor(cursor: string | undefined): AuditCursor {
  if (!cursor) return { page: null, skip: 0 };
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Partial<AuditCursor>;
    if ((typeof parsed.page === 'string' || parsed.page === null) && Number.isInteger(parsed.skip)) {
      return { page: parsed.page ?? null, skip: Number(parsed.skip) };
    }
  } catch {
    // fall through to the refusal
  }
  throw new AppError('request.invalid', 'cursor: not a cursor this API gave.', {
    issues: [{ path: 'cursor', message: 'unknown cursor' }],
  });
}

function writeCursor(cursor: AuditCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

/** The instant a period bound stands for: a date starts (from) or ends (to) that day, UTC. */
function bound(value: string | undefined, end: boolean): number | null {
  if (!value) return null;
  return value.length === 10 ? Date.parse(`${value}T00:00:00Z`) + (end ? 864e5 - 1 : 0) : Date.parse(value);
}

/**
 * The audit log (secretariat), newest first, filtered by who acted, the record (entity and id) and the period;
 * paged with an opaque cursor. The store is read page by page, newest first, and reading stops at the period's
 * start, so a narrow recent period reads little.
 */
export async function listAudit(
  store: Pick<Store, 'audit' | 'people'>,
  caller: Caller,
  raw: unknown,
): Promise<AuditPage> {
  requirePermission(caller, 'audit.read');
  const filter = AuditFilter.parse(raw);
  const from = bound(filter.from, false);
  const to = bound(filter.to, true);
  const where: Partial<Record<keyof AuditEntry, string>> = {};
  if (filter.entity) where.entity = filter.entity;
  if (filter.entityId) where.entityId = filter.entityId;
  const matches = (e: AuditEntry) =>
    (!filter.actorId || e.actorId === filter.actorId) &&
    (to === null || Date.parse(e.at) <= to) &&
    (from === null || Date.parse(e.at) >= from);
  const found: Stored<AuditEntry>[] = [];
  let cursor = readCursor(filter.cursor);
  let next: AuditCursor | null = null;
  for (;;) {
    const page = await store.audit.list({
      where,
      orderBy: 'at',
      descending: true,
      pageSize: READ_PAGE,
      cursor: cursor.page,
    });
    let index = cursor.skip;
    let passedStart = false;
    for (; index < page.items.length && found.length < filter.limit; index += 1) {
      const entry = page.items[index];
      if (!entry) break;
      if (from !== null && Date.parse(entry.at) < from) {
        passedStart = true;
        break;
      }
      if (matches(entry)) found.push(entry);
    }
    if (passedStart) break;
    if (found.length >= filter.limit) {
      if (index < page.items.length) next = { page: cursor.page, skip: index };
      else if (page.nextCursor) next = { page: page.nextCursor, skip: 0 };
      break;
    }
    if (!page.nextCursor) break;
    cursor = { page: page.nextCursor, skip: 0 };
  }
  const people = await store.people.all();
  const names = new Map(people.map((p) => [p.id, p.name]));
  return {
    items: found.map((e) => ({ ...e, actorName: names.get(e.actorId) ?? null })),
    nextCursor: next ? writeCursor(next) : null,
  };
}
