/** Loads a meeting's latest agenda version and makes the changes the chair and the secretariat may make. */
import { useCallback } from 'react';
import {
  ApiError,
  compileAgenda,
  editAgenda,
  getAgenda,
  publishAgenda,
  type AgendaEdit,
  type AgendaVersion,
} from '../../api';
import { useSession } from '../../common/ApiContext';
import { useResource, type Resource } from '../../common/useResource';

/** The agenda (null when none has been compiled yet) and its changes, each answering the new version. */
export interface AgendaState extends Resource<AgendaVersion | null> {
  compile(): Promise<AgendaVersion>;
  edit(expectedRevision: number, edit: AgendaEdit): Promise<AgendaVersion>;
  publish(): Promise<AgendaVersion>;
}

/** The agenda of `meetingId`; every change also replaces the data shown. */
export function useAgenda(meetingId: string): AgendaState {
  const { api } = useSession();
  const load = useCallback(
    async (signal: AbortSignal) => {
      try {
        return await getAgenda(api, meetingId, signal);
      } catch (error) {
        if (error instanceof ApiError && error.code === 'agenda.not-ready') return null;
        throw error;
      }
    },
    [api, meetingId],
  );
  const resource = useResource(load);
  const { set } = resource;
  const apply = useCallback(
    async (change: Promise<AgendaVersion>) => {
      const version = await change;
      set(version);
      return version;
    },
    [set],
  );
  return {
    ...resource,
    compile: () => apply(compileAgenda(api, meetingId)),
    edit: (expectedRevision, edit) => apply(editAgenda(api, meetingId, expectedRevision, edit)),
    publish: () => apply(publishAgenda(api, meetingId)),
  };
}
