/**
 * The views that are chunks of their own, loaded when shown. The entry script starts the one the address opens
 * on alongside the app (no wait for the app to render first); the app then finds it loaded.
 */
import { parseRoute, type FrameView } from './route';

export const loadConfigPage = () => import('../config/TabConfigPage');
export const loadSidePanel = () => import('../sidepanel/SidePanel');
export const loadStage = () => import('../stage/StageView');
export const loadMeetingList = () => import('../meetings/MeetingList');
export const loadMeetingWorkspace = () => import('../workspace/MeetingWorkspace');
export const loadRecordsView = () => import('../records/RecordsView');
export const loadAdminView = () => import('../admin/AdminView');
export const loadMyWork = () => import('../mywork/MyWork');

/** Starts loading the chunk of the view a frame opens on, if it is not part of the app's own chunk. */
export function preloadView(view: FrameView, search: string): void {
  const section = parseRoute(search).section;
  const load =
    view === 'config'
      ? loadConfigPage
      : view === 'sidepanel'
        ? loadSidePanel
        : view === 'stage'
          ? loadStage
          : section === 'meeting'
            ? loadMeetingWorkspace
            : section === 'meetings'
              ? loadMeetingList
              : section === 'records'
                ? loadRecordsView
                : section === 'admin'
                  ? loadAdminView
                  : section === 'mywork'
                    ? loadMyWork
                    : null;
  // A failure shows when the view itself loads it (React.lazy), not here.
  load?.().catch(() => undefined);
}
