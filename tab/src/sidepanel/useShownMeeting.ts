/**
 * Which meeting the side panel and the stage show. Inside a Teams meeting: the register's meeting linked to that Teams
 * meeting (by its meeting id, else its chat's thread), never another one. Elsewhere: the meeting the address names
 * (`?meeting=<id>`), else the next one.
 */
import { useCallback } from 'react';
import { meetingOfTeams, upcomingMeetings, type MeetingView } from '../api';
import { useSession } from '../common/ApiContext';
import { useResource } from '../common/useResource';
import type { Host } from '../host/host';
import { nextMeeting } from '../meetings/meeting-display';

/** The meeting to show, or why there is none. */
export interface ShownMeeting {
  /** The meeting, null when there is none to show, undefined while loading. */
  meeting: MeetingView | null | undefined;
  /** True when the tab is opened in a Teams meeting that no meeting of the register is linked to. */
  unlinked: boolean;
  loading: boolean;
  error: unknown;
  reload: () => void;
}

/** The Teams ids the tab can recognise its meeting by: the meeting id first, then the chat's thread. */
export function teamsIdsOf(host: Pick<Host, 'meetingId' | 'chatId'>): string[] {
  return [host.meetingId, host.chatId].filter((id): id is string => Boolean(id));
}

/** The meeting a side panel or stage in `host` shows (see the file's comment). */
export function useShownMeeting(host: Host, search = window.location.search): ShownMeeting {
  const { api } = useSession();
  const teamsIds = teamsIdsOf(host).join('\n');
  const wanted = new URLSearchParams(search).get('meeting');
  const load = useCallback(
    async (signal: AbortSignal): Promise<MeetingView | null> => {
      if (teamsIds) {
        for (const id of teamsIds.split('\n')) {
          const linked = await meetingOfTeams(api, id, signal);
          if (linked) return linked;
        }
        return null;
      }
      const meetings = await upcomingMeetings(api, signal);
      return (wanted ? meetings.find((m) => m.id === wanted) : undefined) ?? nextMeeting(meetings);
    },
    [api, teamsIds, wanted],
  );
  const resource = useResource(load);
  return {
    meeting: resource.data,
    unlinked: teamsIds !== '' && resource.data === null,
    loading: resource.loading,
    error: resource.error,
    reload: resource.reload,
  };
}
