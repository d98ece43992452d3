/** The OData query options the emulator understands: `$filter`, `$orderby`, `$top`, and opaque skip tokens. */
import { badRequest } from './errors';
import { decodeToken, encodeToken } from './ids';

export type Scalar = string | number | boolean | null;

/** A parsed `$filter`: the columns it reads and a test against a record's values. */
export interface Filter {
  columns: string[];
  test(read: (column: string) => unknown): boolean;
}

type Token = { kind: 'string' | 'number' | 'word' | 'punct'; text: string; value?: Scalar };

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i] ?? '';
    if (/\s/.test(c)) {
      i += 1;
    } else if (c === "'") {
      let text = '';
      i += 1;
      for (;;) {
        if (i >= source.length) throw badRequest(`Invalid filter clause: unterminated string in '${source}'.`);
        if (source[i] === "'" && source[i + 1] === "'") {
          text += "'";
          i += 2;
        } else if (source[i] === "'") {
          i += 1;
          break;
        } else {
          text += source[i];
          i += 1;
        }
      }
      tokens.push({ kind: 'string', text, value: text });
    } else if ('(),'.includes(c)) {
      tokens.push({ kind: 'punct', text: c });
      i += 1;
    } else {
      const match = /^[^\s(),']+/.exec(source.slice(i));
      const text = match?.[0] ?? c;
      i += text.length;
      if (/^-?\d+(\.\d+)?$/.test(text)) tokens.push({ kind: 'number', text, value: Number(text) });
      else tokens.push({ kind: 'word', text });
    }
  }
  return tokens;
}

const COMPARISONS = ['eq', 'ne', 'lt', 'le', 'gt', 'ge'] as const;
type Comparison = (typeof COMPARISONS)[number];

const ISO_DATE_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d/;

/**
 * Orders two values as SharePoint does: numbers and booleans by value, date-times by instant (whatever their
 * precision), text case-insensitively (SharePoint's collation ignores case).
 */
function compareValues(a: unknown, b: Scalar): number | null {
  if (a === null || a === undefined || b === null) return null;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  const left = String(a);
  const right = String(b);
  if (ISO_DATE_TIME.test(left) && ISO_DATE_TIME.test(right)) {
    const [l, r] = [Date.parse(left), Date.parse(right)];
    if (!Number.isNaN(l) && !Number.isNaN(r)) return l - r;
  }
  const [l, r] = [left.toLowerCase(), right.toLowerCase()];
  return l < r ? -1 : l > r ? 1 : 0;
}

function holds(op: Comparison, actual: unknown, literal: Scalar): boolean {
  if (op === 'eq' || op === 'ne') {
    const same = literal === null ? actual === null || actual === undefined : compareValues(actual, literal) === 0;
    return op === 'eq' ? same : !same;
  }
  const order = compareValues(actual, literal);
  if (order === null) return false;
  return op === 'lt' ? order < 0 : op === 'le' ? order <= 0 : op === 'gt' ? order > 0 : order >= 0;
}

/**
 * Parses a `$filter` over `fields/<column>` (or the properties `columnOf` accepts): comparisons eq/ne/lt/le/gt/ge
 * with string, number, boolean or null literals, `startswith(...)`, `not`, `and`, `or` and parentheses.
 */
export function parseFilter(source: string, columnOf: (operand: string) => string | null): Filter {
  const tokens = tokenize(source);
  const columns = new Set<string>();
  let at = 0;
  const peek = (): Token | undefined => tokens[at];
  const fail = (): never => {
    throw badRequest(`Invalid filter clause: '${source}'.`);
  };
  const next = (): Token => tokens[at++] ?? fail();
  const operand = (): string => {
    const token = next();
    const column = token.kind === 'word' ? columnOf(token.text) : null;
    if (column === null) throw badRequest(`Invalid filter clause: unknown property '${token.text}'.`);
    columns.add(column);
    return column;
  };
  const literal = (): Scalar => {
    const token = next();
    if (token.kind === 'string' || token.kind === 'number') return token.value ?? null;
    if (token.text === 'true') return true;
    if (token.text === 'false') return false;
    if (token.text === 'null') return null;
    return fail();
  };
  type Test = (read: (column: string) => unknown) => boolean;
  const primary = (): Test => {
    const token = peek() ?? fail();
    if (token.kind === 'word' && token.text === 'not') {
      at += 1;
      const inner = primary();
      return (read) => !inner(read);
    }
    if (token.kind === 'punct' && token.text === '(') {
      at += 1;
      const inner = disjunction();
      if (next().text !== ')') fail();
      return inner;
    }
    if (token.kind === 'word' && token.text.toLowerCase() === 'startswith') {
      at += 1;
      if (next().text !== '(') fail();
      const column = operand();
      if (next().text !== ',') fail();
      const prefix = literal();
      if (next().text !== ')') fail();
      return (read) => typeof read(column) === 'string' && String(read(column)).startsWith(String(prefix));
    }
    const column = operand();
    const op = next().text as Comparison;
    if (!COMPARISONS.includes(op)) fail();
    const value = literal();
    return (read) => holds(op, read(column), value);
  };
  const conjunction = (): Test => {
    let test = primary();
    while (peek()?.text === 'and') {
      at += 1;
      const left = test;
      const right = primary();
      test = (read) => left(read) && right(read);
    }
    return test;
  };
  const disjunction = (): Test => {
    let test = conjunction();
    while (peek()?.text === 'or') {
      at += 1;
      const left = test;
      const right = conjunction();
      test = (read) => left(read) || right(read);
    }
    return test;
  };
  const test = disjunction();
  if (at !== tokens.length) fail();
  return { columns: [...columns], test };
}

/** One `$orderby` key. */
export interface OrderKey {
  column: string;
  descending: boolean;
}

/** Parses `$orderby=fields/A desc,fields/B` with `columnOf` naming the column of each operand. */
export function parseOrderBy(source: string, columnOf: (operand: string) => string | null): OrderKey[] {
  return source.split(',').map((part) => {
    const [operand = '', direction = 'asc', ...rest] = part.trim().split(/\s+/);
    const column = columnOf(operand);
    if (column === null || rest.length > 0 || !['asc', 'desc'].includes(direction.toLowerCase())) {
      throw badRequest(`Invalid $orderby clause: '${part.trim()}'.`);
    }
    return { column, descending: direction.toLowerCase() === 'desc' };
  });
}

/** Compares two records by order keys (missing values first, as SharePoint sorts empty values). */
export function compareBy<T>(keys: OrderKey[], read: (record: T, column: string) => unknown) {
  return (a: T, b: T): number => {
    for (const key of keys) {
      const left = read(a, key.column);
      const right = read(b, key.column);
      let order: number;
      if (left === undefined || left === null) order = right === undefined || right === null ? 0 : -1;
      else if (right === undefined || right === null) order = 1;
      else order = compareValues(left, right as Scalar) ?? 0;
      if (order !== 0) return key.descending ? -order : order;
    }
    return 0;
  };
}

/** `$top` as a page size: at most `max`, `fallback` when absent; 400 when not a positive integer. */
export function pageSizeOf(query: URLSearchParams, fallback: number, max: number, prefer?: string): number {
  const top = query.get('$top') ?? query.get('top');
  const preferred = /odata\.maxpagesize=(\d+)/.exec(prefer ?? '')?.[1];
  const raw = top ?? preferred;
  if (raw === undefined || raw === null) return Math.min(fallback, max);
  if (!/^\d+$/.test(raw) || Number(raw) < 1) throw badRequest(`Invalid value '${raw}' for $top.`, 'BadRequest');
  return Math.min(Number(raw), max);
}

/** A page of `sorted` starting after the skip token's position, with the token of the next page (or null). */
export function pageOf<T>(
  sorted: T[],
  size: number,
  skipToken: string | null,
  scope: string,
): { page: T[]; next: string | null } {
  let start = 0;
  if (skipToken !== null) {
    const decoded = decodeToken(skipToken) as { s?: string; o?: number } | null;
    if (!decoded || decoded.s !== scope || typeof decoded.o !== 'number')
      throw badRequest('The $skiptoken is not valid for this query.');
    start = decoded.o;
  }
  const page = sorted.slice(start, start + size);
  const end = start + page.length;
  return { page, next: end < sorted.length ? encodeToken({ s: scope, o: end }) : null };
}

/** The URL of the next page: the request's own URL with `$skiptoken` replaced. */
export function nextLinkOf(base: string, path: string, query: URLSearchParams, token: string): string {
  const params = new URLSearchParams(query);
  params.delete('$skiptoken');
  params.set('$skiptoken', token);
  return `${base}${path}?${params.toString().replace(/%24/g, '$').replace(/%2F/g, '/').replace(/%2C/g, ',')}`;
}
