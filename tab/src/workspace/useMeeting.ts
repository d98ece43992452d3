/** Loads one meeting (its state changes as the workspace moves it on). */
import { useCallback } from 'react';
import { getMeeting, type MeetingView } from '../api';
import { useSession } from '../common/ApiContext';
import { useResource, type Resource } from '../common/useResource';

/** The meeting with its collection window; reload it after a change that moves its state. */
export function useMeeting(meetingId: string): Resource<MeetingView> {
  const { api } = useSession();
  const load = useCallback((signal: AbortSignal) => getMeeting(api, meetingId, signal), [api, meetingId]);
  return useResource(load);
}
