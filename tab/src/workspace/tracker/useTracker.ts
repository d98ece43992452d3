/** Loads a meeting's collection tracker with the updates received, and opens collection. */
import { useCallback } from 'react';
import { getTracker, listUpdates, openCollection, type StatusUpdate, type Tracker } from '../../api';
import { useSession } from '../../common/ApiContext';
import { useResource, type Resource } from '../../common/useResource';

/** The tracker and the meeting's updates, keyed by topic and sector. */
export interface TrackerData {
  tracker: Tracker;
  updates: Map<string, StatusUpdate>;
}

/** The key of a topic × sector. */
export const slot = (topicId: string, sector: string) => `${topicId}|${sector}`;

/** The tracker of `meetingId` (reload after changes) and the call that opens collection. */
export function useTracker(
  meetingId: string,
): Resource<TrackerData> & { open: () => ReturnType<typeof openCollection> } {
  const { api } = useSession();
  const load = useCallback(
    async (signal: AbortSignal): Promise<TrackerData> => {
      const [tracker, updates] = await Promise.all([
        getTracker(api, meetingId, signal),
        listUpdates(api, meetingId, signal),
      ]);
      return { tracker, updates: new Map(updates.map((u) => [slot(u.topicId, u.sector), u])) };
    },
    [api, meetingId],
  );
  const resource = useResource(load);
  const open = useCallback(() => openCollection(api, meetingId), [api, meetingId]);
  return { ...resource, open };
}
