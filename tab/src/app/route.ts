/** Where the tab is: a section, or one meeting's workspace view; kept in the address (`?view=…&meeting=…`). */

/** The views of the meeting workspace, as the bot's cards link to them. */
export type WorkspaceView = 'tracker' | 'agenda' | 'minutes';
export const WORKSPACE_VIEWS: readonly WorkspaceView[] = ['tracker', 'agenda', 'minutes'];

/** The parts of the records view (decisions and actions register). */
export type RecordsTab = 'actions' | 'decisions' | 'escalations';
export const RECORDS_TABS: readonly RecordsTab[] = ['actions', 'decisions', 'escalations'];

/** The parts of the administration view (secretariat). */
export type AdminTab = 'topics' | 'people' | 'meetings' | 'transfer' | 'audit' | 'report';
export const ADMIN_TABS: readonly AdminTab[] = ['topics', 'people', 'meetings', 'transfer', 'audit', 'report'];

/**
 * A place in the tab. `home` is the address without a view: a focal point's "My work", everyone else's register
 * (decided once the signed-in person is known). `archive` opens the meetings view on its past meetings.
 */
export type Route =
  | { section: 'home' }
  | { section: 'mywork' }
  | { section: 'topics' }
  | { section: 'meetings'; archive?: boolean }
  | { section: 'meeting'; meetingId: string; view: WorkspaceView }
  | { section: 'records'; tab: RecordsTab }
  | { section: 'admin'; tab: AdminTab };

/** Reads a route from a query string; unknown or incomplete addresses lead to the topic register. */
export function parseRoute(search: string): Route {
  const params = new URLSearchParams(search);
  const view = params.get('view');
  const meetingId = params.get('meeting')?.trim();
  const workspaceView = WORKSPACE_VIEWS.find((v) => v === (view === 'collection' ? 'tracker' : view));
  if (meetingId && workspaceView) return { section: 'meeting', meetingId, view: workspaceView };
  if (meetingId) return { section: 'meeting', meetingId, view: 'tracker' };
  if (view === 'meetings')
    return params.get('archive') === 'open' ? { section: 'meetings', archive: true } : { section: 'meetings' };
  if (view === 'mywork') return { section: 'mywork' };
  if (!view) return { section: 'home' };
  const tab = params.get('tab');
  if (view === 'records') return { section: 'records', tab: RECORDS_TABS.find((t) => t === tab) ?? 'actions' };
  if (view === 'admin') return { section: 'admin', tab: ADMIN_TABS.find((t) => t === tab) ?? 'topics' };
  return { section: 'topics' };
}

/** The query string of a route. */
export function routeSearch(route: Route): string {
  if (route.section === 'meeting') {
    return `?${new URLSearchParams({ view: route.view, meeting: route.meetingId }).toString()}`;
  }
  if (route.section === 'records' || route.section === 'admin') {
    return `?${new URLSearchParams({ view: route.section, tab: route.tab }).toString()}`;
  }
  if (route.section === 'home') return '';
  if (route.section === 'mywork') return '?view=mywork';
  if (route.section === 'meetings') return route.archive ? '?view=meetings&archive=open' : '?view=meetings';
  return '?view=register';
}

/** What a frame shows: the tab's configuration page, the meeting side panel, the meeting stage, or the full tab. */
export type FrameView = 'config' | 'sidepanel' | 'stage' | 'tab';

/**
 * The frame's view: from Teams' frame context (`settings`, `sidePanel`, `meetingStage`), or in a browser from the
 * address (`?view=config`, `?view=sidepanel`, `?view=stage`).
 */
export function frameView(frameContext: string | null, search: string): FrameView {
  const view = new URLSearchParams(search).get('view');
  if (frameContext === 'settings' || view === 'config') return 'config';
  if (frameContext === 'sidePanel' || view === 'sidepanel') return 'sidepanel';
  if (frameContext === 'meetingStage' || view === 'stage') return 'stage';
  return 'tab';
}
