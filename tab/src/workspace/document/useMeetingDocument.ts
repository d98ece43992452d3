/** Loads a meeting document (the agenda, the minutes) and makes the changes the chair and the secretariat may make. */
import { useCallback } from 'react';
import { ApiError, type ApiClient } from '../../api';
import { useSession } from '../../common/ApiContext';
import { useResource, type Resource } from '../../common/useResource';

/** The endpoints of one kind of meeting document, each answering its new version. */
export interface DocumentEndpoints<V, E> {
  get(api: ApiClient, meetingId: string, signal?: AbortSignal): Promise<V>;
  /** Compiles a draft; `confirm` overrides a guard the server asked to confirm (e.g. updates still missing). */
  compile(api: ApiClient, meetingId: string, confirm?: boolean): Promise<V>;
  edit(api: ApiClient, meetingId: string, expectedRevision: number, edit: E): Promise<V>;
  /** Publishes (agenda) or approves (minutes) the draft; `confirm` as for compile. */
  finish(api: ApiClient, meetingId: string, confirm?: boolean): Promise<V>;
  /** The error code `get` answers while there is no document yet. */
  notReady: string;
}

/** The document (null when there is none yet) and its changes, each answering the new version. */
export interface MeetingDocumentState<V, E> extends Resource<V | null> {
  compile(confirm?: boolean): Promise<V>;
  edit(expectedRevision: number, edit: E): Promise<V>;
  finish(confirm?: boolean): Promise<V>;
}

/** The document of `meetingId` behind `endpoints` (a module constant); every change also replaces the data shown. */
export function useMeetingDocument<V, E>(
  meetingId: string,
  endpoints: DocumentEndpoints<V, E>,
): MeetingDocumentState<V, E> {
  const { api } = useSession();
  const load = useCallback(
    async (signal: AbortSignal) => {
      try {
        return await endpoints.get(api, meetingId, signal);
      } catch (error) {
        if (error instanceof ApiError && error.code === endpoints.notReady) return null;
        throw error;
      }
    },
    [api, meetingId, endpoints],
  );
  const resource = useResource(load);
  const { set } = resource;
  const apply = useCallback(
    async (change: Promise<V>) => {
      const version = await change;
      set(version);
      return version;
    },
    [set],
  );
  return {
    ...resource,
    compile: (confirm = false) => apply(endpoints.compile(api, meetingId, confirm)),
    edit: (expectedRevision, edit) => apply(endpoints.edit(api, meetingId, expectedRevision, edit)),
    finish: (confirm = false) => apply(endpoints.finish(api, meetingId, confirm)),
  };
}
