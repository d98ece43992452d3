/** The register lists the administration and records views choose from: topics, people, meetings. */
import { useCallback } from 'react';
import { allMeetings, listPeopleFull, listTopics, type MeetingView, type PersonView, type TopicView } from '../api';
import { useSession } from '../common/ApiContext';
import { useResource, type Resource } from '../common/useResource';

/** Every topic of the register with its version. */
export function useTopicList(): Resource<TopicView[]> {
  const { api } = useSession();
  return useResource(useCallback((signal: AbortSignal) => listTopics(api, {}, signal), [api]));
}

/** Everyone in the register (retired people included) with their version. */
export function usePeopleList(): Resource<PersonView[]> {
  const { api } = useSession();
  return useResource(useCallback((signal: AbortSignal) => listPeopleFull(api, signal), [api]));
}

/** Every meeting, past and future. */
export function useMeetingList(): Resource<MeetingView[]> {
  const { api } = useSession();
  return useResource(useCallback((signal: AbortSignal) => allMeetings(api, signal), [api]));
}
