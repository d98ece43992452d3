import { requirePermission, type Caller } from '../../domain';
import { compileAgenda, editAgenda, type AgendaEdit } from './agenda';
import { documentFile, documentUrl } from './document-files';
import {
  latestAgenda,
  latestMinutes,
  publishedAgendaVersion,
  type AgendaVersion,
  type MinutesVersion,
} from './document-versions';
import type { MeetingDeps } from './meeting-deps';
import { compileMinutes, editMinutes, type MinutesEdit } from './minutes';
import { approveMinutes, publishAgenda } from './publication';
import { reconcileMeetings, type ReconcileResult } from './reconcile';

/**
 * Agenda and minutes, one entry point for the bot and the HTTP routes: each method is a use case of its own file
 * (compiling and editing the agenda, drafting and editing the minutes, publication, reconcile) run on the
 * injected deps. The meeting chat itself is {@link MeetingChatService}.
 */
export class MeetingService {
  constructor(private readonly deps: MeetingDeps) {}

  /** The newest agenda version of a meeting (draft or published), or null. */
  latestAgenda(meetingId: string, caller: Caller): Promise<AgendaVersion | null> {
    requirePermission(caller, 'agenda.read');
    return latestAgenda(this.deps, meetingId);
  }

  /** The published agenda of a meeting (the one the meeting runs on), or null. */
  publishedAgenda(meetingId: string, caller: Caller): Promise<AgendaVersion | null> {
    requirePermission(caller, 'agenda.read');
    return publishedAgendaVersion(this.deps, meetingId);
  }

  /** How many items the newest agenda has (the chat recorder files lines against them); undefined before any. */
  async agendaItemCount(meetingId: string): Promise<number | undefined> {
    return (await latestAgenda(this.deps, meetingId))?.agenda.items.length;
  }

  /** The newest minutes version of a meeting, or null. */
  latestMinutes(meetingId: string, caller: Caller): Promise<MinutesVersion | null> {
    requirePermission(caller, 'minutes.read');
    return latestMinutes(this.deps, meetingId);
  }

  /** Compiles the draft agenda; see {@link compileAgenda}. */
  compileAgenda(
    meetingId: string,
    actor: Caller | 'scheduler',
    options: { confirm?: boolean } = {},
  ): Promise<AgendaVersion> {
    return compileAgenda(this.deps, meetingId, actor, options);
  }

  /** Edits the draft agenda. */
  editAgenda(meetingId: string, actor: Caller, edit: AgendaEdit, expectedRevision?: number): Promise<AgendaVersion> {
    return editAgenda(this.deps, meetingId, actor, edit, expectedRevision);
  }

  /** Publishes the draft agenda; see {@link publishAgenda}. */
  publishAgenda(meetingId: string, actor: Caller): Promise<AgendaVersion> {
    return publishAgenda(this.deps, meetingId, actor);
  }

  /** The public link of a stored document. */
  documentUrl(file: string): string {
    return documentUrl(this.deps, file);
  }

  /** Drafts the minutes from the recorded chat; see {@link compileMinutes}. */
  compileMinutes(meetingId: string, actor: Caller): Promise<MinutesVersion> {
    return compileMinutes(this.deps, meetingId, actor);
  }

  /** Edits the draft minutes. */
  editMinutes(meetingId: string, actor: Caller, edit: MinutesEdit, expectedRevision?: number): Promise<MinutesVersion> {
    return editMinutes(this.deps, meetingId, actor, edit, expectedRevision);
  }

  /** Approves the draft minutes; see {@link approveMinutes}. */
  approveMinutes(meetingId: string, actor: Caller, options: { confirm?: boolean } = {}): Promise<MinutesVersion> {
    return approveMinutes(this.deps, meetingId, actor, options);
  }

  /** Completes half-done compile and post steps; see {@link reconcileMeetings}. */
  reconcile(): Promise<ReconcileResult> {
    return reconcileMeetings(this.deps);
  }

  /** A stored document file, for download. */
  documentFile(path: string, caller: Caller): Promise<Buffer> {
    requirePermission(caller, 'documents.read');
    return documentFile(this.deps, path);
  }
}
