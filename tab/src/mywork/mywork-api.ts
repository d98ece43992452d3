/**
 * The calls "My work" makes besides the register's and the meeting workspace's: an update sent from the tab through
 * the same endpoints and rules as the bot's card (submit, edit, "no change", delegate to the alternate).
 */
import type { ApiClient, SectorId, StatusUpdate } from '../api';
import { readAnswer } from '../api/responses';
import type { DelegateAnswer, SubmitAnswer } from '../../../teams-app/domain/api';

const updates = (meetingId: string) => `/meetings/${encodeURIComponent(meetingId)}/updates`;

/** Which update: a meeting's topic × sector, and the revision the writer started from (0 for a new one). */
export interface UpdateSlot {
  topicId: string;
  sector: SectorId;
  baseRevision: number;
}

/** What the writer typed. */
export interface UpdateText {
  progress: string;
  nextSteps: string;
  escalate: boolean;
  ask: string;
}

/**
 * Sends (or revises) an update; `update.stale` when it changed since `baseRevision`. `events` are those the update
 * already lists (the tab does not edit them; sent back, so an edit here keeps what the card recorded).
 */
export function sendUpdate(
  api: ApiClient,
  meetingId: string,
  slot: UpdateSlot,
  text: UpdateText,
  events: StatusUpdate['events'] = [],
): Promise<SubmitAnswer> {
  const body = { ...slot, ...text, ask: text.escalate ? text.ask : '', events };
  return readAnswer(api.send('POST', updates(meetingId), body), (s) => s.SubmitAnswer);
}

/** "No change since the last meeting": the previous update's text, marked unchanged. */
export function sendNoChange(api: ApiClient, meetingId: string, slot: UpdateSlot): Promise<SubmitAnswer> {
  return readAnswer(api.send('POST', `${updates(meetingId)}/no-change`, slot), (s) => s.SubmitAnswer);
}

/** Hands the prompt to the alternate (the focal point only). */
export function delegateUpdate(
  api: ApiClient,
  meetingId: string,
  slot: Pick<UpdateSlot, 'topicId' | 'sector'>,
): Promise<DelegateAnswer> {
  const body = { topicId: slot.topicId, sector: slot.sector };
  return readAnswer(api.send('POST', `${updates(meetingId)}/delegate`, body), (s) => s.DelegateAnswer);
}
