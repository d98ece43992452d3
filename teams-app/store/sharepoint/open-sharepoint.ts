import { createGraphApi, type GraphApi } from '../../graph';
import type { FileStore } from '../files';
import { meetingFolder } from './folders';
import { graphSettings, type GraphAccess } from './graph-access';
import { libraryFileStore } from './library-files';
import { openSharePointStore, type SharePointStore } from './sharepoint-store';

/** What the server needs to keep its records and documents on a SharePoint site. */
export interface SharePointOpenOptions extends GraphAccess {
  siteId: string;
  /** Failures of the background look for other writers' changes (logged by the server). */
  onError?: (error: unknown) => void;
  /** The Graph layer to use (tests); default one built from the access settings. */
  graph?: GraphApi;
}

/**
 * The SharePoint side of STORE=sharepoint: the business records in the site's lists and the meeting documents in
 * its library, both through one Graph layer (one throttling budget). The composition root joins the records with
 * an operational store.
 */
export async function openSharePoint(
  options: SharePointOpenOptions,
): Promise<{ business: SharePointStore; files: FileStore; graph: GraphApi }> {
  const graph = options.graph ?? createGraphApi(graphSettings(options));
  const business = await openSharePointStore({ graph, siteId: options.siteId, onError: options.onError });
  const files = libraryFileStore({ graph, siteId: options.siteId, folderOf: meetingFolder(business) });
  return { business, files, graph };
}
