/** Loads a meeting's latest agenda version and makes the changes the chair and the secretariat may make. */
import { compileAgenda, editAgenda, getAgenda, publishAgenda, type AgendaEdit, type AgendaVersion } from '../../api';
import { useMeetingDocument, type DocumentEndpoints, type MeetingDocumentState } from '../document/useMeetingDocument';

const AGENDA: DocumentEndpoints<AgendaVersion, AgendaEdit> = {
  get: getAgenda,
  compile: compileAgenda,
  edit: editAgenda,
  finish: publishAgenda,
  notReady: 'agenda.not-ready',
};

/** The agenda (null when none has been compiled yet) and its changes; `finish` publishes it. */
export type AgendaState = MeetingDocumentState<AgendaVersion, AgendaEdit>;

/** The agenda of `meetingId`; every change also replaces the data shown. */
export function useAgenda(meetingId: string): AgendaState {
  return useMeetingDocument(meetingId, AGENDA);
}
