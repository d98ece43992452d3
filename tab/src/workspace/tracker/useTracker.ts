/** Loads a meeting's collection tracker with the updates received, and opens collection. */
import { useCallback } from 'react';
import {
  getTracker,
  listUpdates,
  openCollection,
  retryUndeliverable,
  type StatusUpdate,
  type Tracker,
} from '../../api';
import { useSession } from '../../common/ApiContext';
import { useResource, type Resource } from '../../common/useResource';

/** The tracker and the meeting's updates, keyed by topic and sector. */
export interface TrackerData {
  tracker: Tracker;
  updates: Map<string, StatusUpdate>;
}

/** The key of a topic × sector. */
export const slot = (topicId: string, sector: string) => `${topicId}|${sector}`;

/** What the tracker offers besides its data: (re-)opening collection and retrying undelivered prompts. */
export interface TrackerActions {
  open: () => ReturnType<typeof openCollection>;
  retryUndeliverable: () => ReturnType<typeof retryUndeliverable>;
}

/** The tracker of `meetingId` (reload after changes) and the calls that send prompts. */
export function useTracker(meetingId: string): Resource<TrackerData> & TrackerActions {
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
  const retry = useCallback(() => retryUndeliverable(api, meetingId), [api, meetingId]);
  return { ...resource, open, retryUndeliverable: retry };
}
