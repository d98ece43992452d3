/** Loads a meeting's latest minutes and makes the changes the chair and the secretariat may make. */
import {
  approveMinutes,
  compileMinutes,
  editMinutes,
  getMinutes,
  type MinutesEdit,
  type MinutesVersion,
} from '../../api';
import { useMeetingDocument, type DocumentEndpoints, type MeetingDocumentState } from '../document/useMeetingDocument';

const MINUTES: DocumentEndpoints<MinutesVersion, MinutesEdit> = {
  get: getMinutes,
  compile: compileMinutes,
  edit: editMinutes,
  finish: approveMinutes,
  notReady: 'minutes.not-ready',
};

/** The minutes (null when none have been drafted yet) and their changes; `finish` approves them. */
export type MinutesState = MeetingDocumentState<MinutesVersion, MinutesEdit>;

/** The minutes of `meetingId`; every change also replaces the data shown. */
export function useMinutes(meetingId: string): MinutesState {
  return useMeetingDocument(meetingId, MINUTES);
}
