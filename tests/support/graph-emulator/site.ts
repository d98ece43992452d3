/** The one SharePoint site the emulator hosts, and the task force's Microsoft 365 group. */
import { notFound } from './errors';

export const HOSTNAME = 'contoso.sharepoint.com';
export const SITE_PATH = '/sites/isc-coordinator';
/** Fixed, so a configuration written against one emulator run stays valid on the next. */
export const SITE_ID = `${HOSTNAME},5a58bb09-1fba-41c1-8125-69da264370a0,9f2ec1da-0be4-4a74-9254-973f0add78fd`;
export const GROUP_ID = '02bd9fd6-8f93-4758-87c3-1fb73740a315';
export const GROUP_MAIL = 'isc-taskforce@contoso.onmicrosoft.com';
export const TENANT_ID = '72f988bf-86f1-41af-91ab-2d7cd011db47';
export const SITE_WEB_URL = `https://${HOSTNAME}${SITE_PATH}`;

/** The site resource as `GET /sites/{id}` answers it. */
export function siteJson(created: string): Record<string, unknown> {
  return {
    id: SITE_ID,
    name: 'isc-coordinator',
    displayName: 'ISC Coordinator',
    description: 'Records of the Inter-Sectoral Coordination Task Force',
    webUrl: SITE_WEB_URL,
    createdDateTime: created,
    lastModifiedDateTime: created,
    siteCollection: { hostname: HOSTNAME },
    root: {},
  };
}

/**
 * Checks a `{site-id}` path segment: the full id, `root`, or the site's hostname form. 404 for any other site;
 * the emulator hosts one.
 */
export function checkSite(segment: string): void {
  const [host, , web] = segment.split(',');
  if (segment === 'root' || segment === SITE_ID || (host === HOSTNAME && web === SITE_ID.split(',')[2])) return;
  throw notFound(`Requested site could not be found`);
}

/** Rewrites the path form `/sites/{hostname}:/sites/{path}:/…` to `/sites/{site-id}/…`. */
export function normaliseSitePath(path: string): string {
  const match = /^\/sites\/([^/:]+):(\/[^:]*?)(?::(\/.*)?)?$/.exec(path);
  if (!match) return path;
  const [, host, sitePath, rest = ''] = match;
  if (host !== HOSTNAME || decodeURIComponent(sitePath ?? '').replace(/\/$/, '') !== SITE_PATH) {
    throw notFound('Requested site could not be found');
  }
  return `/sites/${SITE_ID}${rest}`;
}
