/** The SharePoint adapter: business records in lists, documents in the library, provisioning of both. */
export {
  openSharePointStore,
  SHAREPOINT_MAX_PAGE,
  type SharePointStore,
  type SharePointStoreOptions,
} from './sharepoint-store';
export { libraryFileStore, documentFacts, type LibraryFileStoreOptions } from './library-files';
export { planProvisioning, provisionSite, describeStep, type ProvisionStep } from './provision';
export { LISTS, LIBRARY, columnsOf, queryColumn } from './schema';

export { meetingFolder } from './folders';
export { openSharePoint, type SharePointOpenOptions } from './open-sharepoint';
export { isLoopbackUrl, siteIdOf } from './graph-access';
