/**
 * Loads what "My work" shows: the register, the next meeting with its tracker and updates, and my open actions;
 * each part reloads on its own after a change.
 */
import { useCallback, useMemo } from 'react';
import {
  getTracker,
  listActions,
  listTopics,
  listUpdates,
  upcomingMeetings,
  type ActionView,
  type MeetingView,
  type Tracker,
  type TopicView,
  type UpdateView,
} from '../api';
import { useSession } from '../common/ApiContext';
import { useResource, type Resource } from '../common/useResource';
import { nextMeeting } from '../meetings/meeting-display';

/** The meeting's tracker and updates, loaded together. */
export interface MeetingWork {
  tracker: Tracker;
  updates: UpdateView[];
}

/** The parts of "My work", each with its own loading state. */
export interface MyWorkData {
  topics: Resource<TopicView[]>;
  meetings: Resource<MeetingView[]>;
  meeting: MeetingView | null;
  work: Resource<MeetingWork | null>;
  actions: Resource<ActionView[]>;
}

/** The next meeting still collecting (or ahead), its collection, and the person's open actions. */
export function useMyWork(personId: string | null): MyWorkData {
  const { api } = useSession();
  const loadTopics = useCallback((signal: AbortSignal) => listTopics(api, {}, signal), [api]);
  const topics = useResource(loadTopics);
  const loadMeetings = useCallback((signal: AbortSignal) => upcomingMeetings(api, signal), [api]);
  const meetings = useResource(loadMeetings);
  const meeting = useMemo(() => (meetings.data ? nextMeeting(meetings.data) : null), [meetings.data]);
  const meetingId = meeting?.id ?? null;

  const loadWork = useCallback(
    async (signal: AbortSignal): Promise<MeetingWork | null> => {
      if (!meetingId) return null;
      const [tracker, updates] = await Promise.all([
        getTracker(api, meetingId, signal),
        listUpdates(api, meetingId, signal),
      ]);
      return { tracker, updates };
    },
    [api, meetingId],
  );
  const work = useResource(loadWork);

  const loadActions = useCallback(
    async (signal: AbortSignal): Promise<ActionView[]> =>
      personId ? (await listActions(api, { ownerId: personId, status: 'open', limit: 200 }, signal)).items : [],
    [api, personId],
  );
  const actions = useResource(loadActions);

  return { topics, meetings, meeting, work, actions };
}
