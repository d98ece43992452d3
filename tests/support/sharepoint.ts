import { createGraphApi, staticTokenAuth, type GraphApi } from '../../teams-app/graph';
import { composeStores, type Store } from '../../teams-app/store';
import {
  libraryFileStore,
  meetingFolder,
  openSharePointStore,
  provisionSite,
  type LibraryFileStoreOptions,
} from '../../teams-app/store/sharepoint';
import { openSqliteStore } from '../../teams-app/store/sqlite/sqlite-store';
import { GraphEmulator, type GraphEmulatorOptions } from './graph-emulator';

/** A Graph layer answered in-process by an emulator (budget out of the way unless a test sets one). */
export function emulatedGraph(
  emulator: GraphEmulator,
  settings: { budgetPerMinute?: number; sleep?: (ms: number) => Promise<void> } = {},
): GraphApi {
  return createGraphApi(
    {
      baseUrl: 'https://graph.microsoft.com/v1.0',
      auth: staticTokenAuth(emulator.token),
      budgetPerMinute: settings.budgetPerMinute ?? 1_000_000,
    },
    { middleware: emulator.middleware(), ...(settings.sleep ? { sleep: settings.sleep } : {}) },
  );
}

/** An emulated site, provisioned, with the SharePoint store on it composed with SQLite operational data. */
export async function sharePointSite(
  options: GraphEmulatorOptions & { files?: Partial<LibraryFileStoreOptions> } = {},
) {
  const emulator = new GraphEmulator(options);
  const graph = emulatedGraph(emulator);
  await provisionSite(graph, emulator.siteId);
  const business = await openSharePointStore({ graph, siteId: emulator.siteId, changePollMs: 0 });
  const store: Store = composeStores(business, openSqliteStore({ file: ':memory:' }));
  const files = libraryFileStore({
    graph,
    siteId: emulator.siteId,
    folderOf: meetingFolder(store),
    ...options.files,
  });
  return { emulator, graph, store, files };
}
