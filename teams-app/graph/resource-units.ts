import type { GraphMethod } from './types';

/** Last path segments that name a collection: a GET on them is a multi-item query. */
const COLLECTIONS = new Set([
  'items',
  'lists',
  'columns',
  'children',
  'versions',
  'contenttypes',
  'sites',
  'drives',
  'delta',
]);

/** Query options that make a GET a query rather than a single-item read. */
const QUERY_OPTIONS = /[?&](\$filter|\$orderby|\$top|\$skiptoken|\$search|\$skip)=/i;

/** Resources SharePoint serves (and counts): sites, their lists and libraries, drives, shared items. */
const SHAREPOINT_PATH = /^\/(sites|drives|shares)(\/|$)/i;

/** The path of a Graph URL below its version segment: `/sites/{id}/lists`. */
function resourcePath(url: string): string {
  const path = new URL(url, 'https://graph.microsoft.com').pathname;
  return path.replace(/^\/(v1\.0|beta)(?=\/|$)/i, '');
}

/**
 * SharePoint resource units a request costs, as SharePoint counts them for throttling: 1 for a single-item read,
 * a file download or a delta with a token; 2 for a multi-item query, a delta without a token, or any create,
 * update, delete or upload; 5 for anything on permissions. Requests outside SharePoint (Outlook, Teams, the
 * directory) are not counted against its budget: 0.
 */
export function resourceUnits(method: GraphMethod, url: string): number {
  const path = resourcePath(url);
  if (!SHAREPOINT_PATH.test(path)) return 0;
  if (/\/permissions(\/|$)/i.test(path) || /[?&]\$expand=[^&]*permissions/i.test(url)) return 5;
  if (method !== 'GET') return 2;
  const last = (path.replace(/\/+$/, '').split('/').pop() ?? '').replace(/\(.*\)$/, '').toLowerCase();
  if (last === 'delta') return /[?&](\$deltatoken|token)=/i.test(url) ? 1 : 2;
  if (QUERY_OPTIONS.test(url)) return 2;
  return COLLECTIONS.has(last) ? 2 : 1;
}
