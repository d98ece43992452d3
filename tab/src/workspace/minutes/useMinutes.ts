/** Loads a meeting's latest minutes and makes the changes the chair and the secretariat may make. */
import { useCallback } from 'react';
import {
  ApiError,
  approveMinutes,
  compileMinutes,
  editMinutes,
  getMinutes,
  type MinutesEdit,
  type MinutesVersion,
} from '../../api';
import { useSession } from '../../common/ApiContext';
import { useResource, type Resource } from '../../common/useResource';

/** The minutes (null when none have been drafted yet) and their changes, each answering the new version. */
export interface MinutesState extends Resource<MinutesVersion | null> {
  compile(): Promise<MinutesVersion>;
  edit(expectedRevision: number, edit: MinutesEdit): Promise<MinutesVersion>;
  approve(): Promise<MinutesVersion>;
}

/** The minutes of `meetingId`; every change also replaces the data shown. */
export function useMinutes(meetingId: string): MinutesState {
  const { api } = useSession();
  const load = useCallback(
    async (signal: AbortSignal) => {
      try {
        return await getMinutes(api, meetingId, signal);
      } catch (error) {
        if (error instanceof ApiError && error.code === 'minutes.not-ready') return null;
        throw error;
      }
    },
    [api, meetingId],
  );
  const resource = useResource(load);
  const { set } = resource;
  const apply = useCallback(
    async (change: Promise<MinutesVersion>) => {
      const version = await change;
      set(version);
      return version;
    },
    [set],
  );
  return {
    ...resource,
    compile: () => apply(compileMinutes(api, meetingId)),
    edit: (expectedRevision, edit) => apply(editMinutes(api, meetingId, expectedRevision, edit)),
    approve: () => apply(approveMinutes(api, meetingId)),
  };
}
