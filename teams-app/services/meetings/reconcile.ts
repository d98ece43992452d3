import { isPosted, postAgenda, postMinutes } from './chat-posts';
import { compileAgenda } from './agenda';
import { latestAgenda, latestMinutes } from './document-versions';
import type { MeetingDeps } from './meeting-deps';

/** What a reconcile pass repaired, for the log. */
export interface ReconcileResult {
  /** Meetings whose agenda was compiled. */
  compiled: string[];
  /** Document versions whose post to the meeting chat was queued. */
  posted: string[];
}

/**
 * Completes what a failure or a crash left half done, on every scheduler tick: a meeting whose collection
 * closed without an agenda gets one compiled; a published agenda or approved minutes whose post to the
 * meeting chat was never queued get it queued. Each repair is returned for the log.
 */
export async function reconcileMeetings(deps: MeetingDeps): Promise<ReconcileResult> {
  const result: ReconcileResult = { compiled: [], posted: [] };
  for (const meeting of await deps.store.meetings.all({ orderBy: 'start' })) {
    const [agenda, minutes] = await Promise.all([latestAgenda(deps, meeting.id), latestMinutes(deps, meeting.id)]);
    if (meeting.state === 'closed' && !agenda) {
      await compileAgenda(deps, meeting.id, 'scheduler');
      result.compiled.push(meeting.id);
    }
    if (!meeting.chatId) continue;
    if (agenda?.status === 'published' && !(await isPosted(deps, 'agenda', meeting.id, agenda.version))) {
      await postAgenda(deps, meeting, agenda, agenda.agenda);
      result.posted.push(agenda.id);
    }
    if (minutes?.status === 'published' && !(await isPosted(deps, 'minutes', meeting.id, minutes.version))) {
      await postMinutes(deps, meeting, minutes, minutes.minutes);
      result.posted.push(minutes.id);
    }
  }
  return result;
}
