/** Loads the upcoming meetings. */
import { useCallback } from 'react';
import { upcomingMeetings, type MeetingView } from '../api';
import { useSession } from '../common/ApiContext';
import { useResource, type Resource } from '../common/useResource';

/** Meetings that have not ended yet, soonest first. */
export function useMeetings(): Resource<MeetingView[]> {
  const { api } = useSession();
  const load = useCallback((signal: AbortSignal) => upcomingMeetings(api, signal), [api]);
  return useResource(load);
}
