/** The route table shape shared by the emulator's resource modules, and the resource units each route costs. */
import type { ParsedRequest, Reply } from './http';

/**
 * SharePoint resource units: a single-item read costs 1, a list query or any write 2. Routes outside SharePoint
 * (calendar, mailbox, online meetings) cost nothing in this budget: Outlook and Teams throttle by other rules.
 */
export type Cost = 'read' | 'query' | 'write' | 'free';

export const UNITS: Record<Cost, number> = { read: 1, query: 2, write: 2, free: 0 };

/** One endpoint: method, path pattern (named groups become params), cost, handler. */
export interface Route {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  pattern: RegExp;
  cost: Cost;
  /** True when the route answers without a bearer token (upload session URLs are pre-authenticated). */
  anonymous?: boolean;
  handle(req: ParsedRequest, params: Record<string, string>): Reply | Promise<Reply>;
}

/** A path pattern from a template: `{name}` matches one segment; `{name*}` matches the rest, slashes included. */
export function path(template: string): RegExp {
  const source = template
    .replace(/[.$()]/g, (c) => `\\${c}`)
    .replace(/\{(\w+)\*\}/g, '(?<$1>.+?)')
    .replace(/\{(\w+)\}/g, '(?<$1>[^/]+)');
  return new RegExp(`^${source}$`);
}

/** A route's params, percent-decoded. */
export function paramsOf(match: RegExpExecArray): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(match.groups ?? {})) out[name] = decodeURIComponent(value);
  return out;
}
