import {
  Agenda,
  AppError,
  Minutes,
  addItem,
  applyMinutesEdit,
  type MinutesEditRequest,
  captureChat,
  compileAgenda,
  compileMinutes,
  editItem,
  minutesToRecords,
  moveItem,
  removeItem,
  unresolvedNotes,
  walk,
  wallClock,
  collectionWindow,
  type AuditEntry,
  type MinutesRecords,
  type AgendaEditRequest,
  type DocumentVersion,
  type Meeting,
  type MeetingState,
  type OutboxMessage,
} from '../domain';
import { write, type FileStore, type Store, type Stored, type WriteOp } from '../store';
import { retryOnConflict } from './retry';
import type { DocumentRenderer, MeetingMessages } from './meeting-documents';
import { requireMeeting } from './lookups';
import { chatForCapture, MeetingChatService } from './meeting-chat';
import { requireStaff, type Staff } from './staff';
import { Outbox } from './outbox/outbox';

/** The moves compiling makes from a state: collection closes first when it is still running. */
function compilePath(state: MeetingState): MeetingState[] {
  if (state === 'scheduled') return ['open', 'closed', 'agenda-draft'];
  if (state === 'open') return ['closed', 'agenda-draft'];
  return ['agenda-draft'];
}

/** An edit of the draft agenda (the domain's own schema). */
export type AgendaEdit = AgendaEditRequest;

/** An edit of the draft minutes (the domain's own schema). */
export type MinutesEdit = MinutesEditRequest;

/** A document version with its parsed content. */
export interface AgendaVersion extends Stored<DocumentVersion> {
  agenda: Agenda;
}
export interface MinutesVersion extends Stored<DocumentVersion> {
  minutes: Minutes;
}

/**
 * Agenda and minutes: compiles the agenda from the updates, lets the chair edit and publish it, compiles the
 * minutes from the meeting chat (recorded by {@link MeetingChatService}), and on approval stores the documents
 * and creates the actions.
 */
export class MeetingService {
  private readonly outbox: Outbox;

  constructor(
    private readonly store: Store,
    private readonly files: FileStore,
    private readonly render: DocumentRenderer,
    private readonly messages: MeetingMessages,
    private readonly publicUrl: string,
    private readonly now: () => string,
    private readonly chat: MeetingChatService = new MeetingChatService(store, now),
  ) {
    this.outbox = new Outbox(store, { now: () => Date.parse(now()) });
  }

  private meeting(id: string): Promise<Stored<Meeting>> {
    return requireMeeting(this.store, id);
  }

  private async versions(meetingId: string, kind: DocumentVersion['kind']): Promise<Stored<DocumentVersion>[]> {
    const all = await this.store.documents.all({ where: { meetingId, kind } });
    return all.sort((a, b) => b.version - a.version);
  }

  /** The newest agenda version of a meeting (draft or published), or null. */
  async latestAgenda(meetingId: string): Promise<AgendaVersion | null> {
    const latest = (await this.versions(meetingId, 'agenda'))[0];
    return latest ? { ...latest, agenda: Agenda.parse(latest.content) } : null;
  }

  /** The published agenda of a meeting (the one the meeting runs on), or null. */
  async publishedAgenda(meetingId: string): Promise<AgendaVersion | null> {
    const published = (await this.versions(meetingId, 'agenda')).find((v) => v.status === 'published');
    return published ? { ...published, agenda: Agenda.parse(published.content) } : null;
  }

  /** The newest minutes version of a meeting, or null. */
  async latestMinutes(meetingId: string): Promise<MinutesVersion | null> {
    const latest = (await this.versions(meetingId, 'minutes'))[0];
    return latest ? { ...latest, minutes: Minutes.parse(latest.content) } : null;
  }

  /** The counts a chair sees before compiling while collection is still running. */
  private async collectionCounts(meeting: Meeting): Promise<{ expected: number; answered: number; missing: number }> {
    const [topics, assignments, updates] = await Promise.all([
      this.store.topics.all({ where: { status: 'active' } }),
      this.store.assignments.all(),
      this.store.statusUpdates.all({ where: { meetingId: meeting.id } }),
    ]);
    const active = new Set(topics.map((t) => t.id));
    const slots = new Set(
      assignments.filter((a) => active.has(a.topicId) && a.focalPointId).map((a) => `${a.topicId}:${a.sector}`),
    );
    const answered = updates.filter((u) => slots.has(`${u.topicId}:${u.sector}`)).length;
    return { expected: slots.size, answered, missing: slots.size - answered };
  }

  /**
   * Compiles the draft agenda from the meeting's updates; the new version and the meeting's move to
   * agenda-draft are written together. While collection is still open (or never opened) staff must confirm,
   * having seen how many updates are missing. After publication this makes a new version.
   */
  async compileAgenda(
    meetingId: string,
    actor: Staff | 'scheduler',
    options: { confirm?: boolean } = {},
  ): Promise<AgendaVersion> {
    if (actor !== 'scheduler') requireStaff(actor, 'compile the agenda');
    const first = await this.meeting(meetingId);
    if (['held', 'minutes-draft', 'minutes-approved'].includes(first.state)) {
      throw new AppError('meeting.invalid-transition', 'The meeting has been held; its agenda can no longer change.', {
        from: first.state,
        to: 'agenda-draft',
      });
    }
    if (actor !== 'scheduler' && !options.confirm && (first.state === 'scheduled' || first.state === 'open')) {
      const counts = await this.collectionCounts(first);
      throw new AppError(
        'collection.incomplete',
        `${counts.missing} of ${counts.expected} updates are missing and collection is ${first.state === 'open' ? 'still open' : 'not open yet'}. Confirm to compile anyway; collection will close.`,
        { state: first.state, ...counts, closesAt: collectionWindow(first).closesAt },
      );
    }
    return retryOnConflict(async () => {
      const meeting = await this.meeting(meetingId);
      const state = walk(meeting.state, ...compilePath(meeting.state));
      const [topics, assignments, people, updates, actions, meetings] = await Promise.all([
        this.store.topics.all(),
        this.store.assignments.all(),
        this.store.people.all(),
        this.store.statusUpdates.all({ where: { meetingId } }),
        this.store.actions.all(),
        this.store.meetings.all({ orderBy: 'start' }),
      ]);
      const sameBody = meetings.filter((m) => m.body === meeting.body);
      const agenda = compileAgenda({
        meeting,
        previousMeeting: [...sameBody].reverse().find((m) => m.start < meeting.start) ?? null,
        nextMeeting: sameBody.find((m) => m.start > meeting.start) ?? null,
        topics,
        assignments,
        people,
        updates,
        actions: actions.filter((a) => a.sourceMeetingId !== meeting.id),
        now: this.now(),
      });
      const version = await this.newVersion(
        meeting,
        'agenda',
        agenda,
        actor === 'scheduler' ? 'scheduler' : actor.personId,
      );
      await this.store.commit([write.create('documents', version), write.update('meetings', { ...meeting, state })]);
      return { ...(await this.stored(version.id)), agenda };
    });
  }

  /** The next version of a meeting document, as a draft (written by the caller's unit of work). */
  private async newVersion(
    meeting: Meeting,
    kind: DocumentVersion['kind'],
    content: Agenda | Minutes,
    by: string,
  ): Promise<DocumentVersion> {
    const version = ((await this.versions(meeting.id, kind))[0]?.version ?? 0) + 1;
    return {
      id: `${meeting.id}.${kind}.v${version}`,
      meetingId: meeting.id,
      kind,
      version,
      status: 'draft',
      content,
      file: null,
      addendumFile: null,
      createdAt: this.now(),
      createdBy: by,
      publishedAt: null,
      publishedBy: null,
    };
  }

  private async draftOf(meetingId: string, kind: DocumentVersion['kind']): Promise<Stored<DocumentVersion>> {
    const latest = (await this.versions(meetingId, kind))[0];
    if (!latest || latest.status !== 'draft') {
      throw new AppError(
        kind === 'agenda' ? 'agenda.not-ready' : 'minutes.not-ready',
        `There is no draft ${kind} to change; compile one first.`,
      );
    }
    return latest;
  }

  /** Edits the draft agenda (reorder, retitle, add, remove); `expectedRevision` guards against lost edits. */
  async editAgenda(
    meetingId: string,
    actor: Staff,
    edit: AgendaEdit,
    expectedRevision?: number,
  ): Promise<AgendaVersion> {
    requireStaff(actor, 'edit the agenda');
    const draft = await this.draftOf(meetingId, 'agenda');
    const agenda = Agenda.parse(draft.content);
    if (expectedRevision !== undefined && expectedRevision !== agenda.revision) {
      throw new AppError('store.conflict', 'Someone else edited the agenda in the meantime. Reload and try again.', {
        revision: agenda.revision,
      });
    }
    const next =
      edit.op === 'move'
        ? moveItem(agenda, edit.from, edit.to)
        : edit.op === 'edit'
          ? editItem(agenda, edit.itemId, edit.patch)
          : edit.op === 'add'
            ? addItem(agenda, edit.item, edit.at)
            : removeItem(agenda, edit.itemId);
    const { etag, ...record } = draft;
    const stored = await this.store.documents.update(
      { ...record, content: next as unknown as Record<string, unknown> },
      etag,
    );
    return { ...stored, agenda: next };
  }

  /**
   * Approves the draft agenda: stores the .docx (and addendum) under names taken from the operation
   * (meeting, version, revision), then in one unit of work publishes this version, supersedes the older one
   * and moves the meeting; the post to the meeting chat follows (idempotent). A retry after a failure at any
   * step completes the publication; an edit made meanwhile fails it with a conflict a plain retry resolves.
   */
  async publishAgenda(meetingId: string, actor: Staff): Promise<AgendaVersion> {
    requireStaff(actor, 'publish the agenda');
    const meeting = await this.meeting(meetingId);
    const versions = await this.versions(meetingId, 'agenda');
    const latest = versions[0];
    if (latest?.status === 'published') {
      const agenda = Agenda.parse(latest.content);
      await this.postAgenda(meeting, latest, agenda);
      return { ...latest, agenda };
    }
    const draft = await this.draftOf(meetingId, 'agenda');
    const agenda = Agenda.parse(draft.content);
    const state = walk(meeting.state, 'agenda-published');
    const name = `${meeting.id}/agenda-v${draft.version}-r${agenda.revision}`;
    const file = await this.files.saveOnce(`${name}.docx`, await this.render.agenda(agenda, agenda.locale));
    const addendumFile = agenda.addendum.length
      ? await this.files.saveOnce(`${name}-addendum.docx`, await this.render.addendum(agenda, agenda.locale))
      : null;
    const published: Stored<DocumentVersion> = {
      ...draft,
      status: 'published',
      file,
      addendumFile,
      outOfDate: false,
      publishedAt: this.now(),
      publishedBy: actor.personId,
    };
    await this.store.commit([
      ...versions
        .filter((v) => v.status === 'published')
        .map((v) => write.update('documents', { ...v, status: 'superseded' })),
      write.update('documents', published),
      write.update('meetings', { ...meeting, state }),
      write.ensure('audit', this.auditEntry(actor.personId, 'agenda.publish', published.id)),
    ]);
    await this.postAgenda(meeting, published, agenda);
    return { ...(await this.stored(published.id)), agenda };
  }

  private async postAgenda(meeting: Meeting, version: DocumentVersion, agenda: Agenda): Promise<void> {
    if (!version.file) return;
    await this.postToChat(
      meeting,
      `agenda:${meeting.id}:v${version.version}`,
      'agenda',
      this.messages.agendaPublished(agenda, this.documentUrl(version.file), agenda.locale),
    );
  }

  /** The public link of a stored document (served by the API to signed-in members). */
  documentUrl(file: string): string {
    return `${this.publicUrl}/api/v1/documents/${file.split('/').map(encodeURIComponent).join('/')}`;
  }

  private async postToChat(
    meeting: Meeting,
    id: string,
    kind: OutboxMessage['kind'],
    activity: Record<string, unknown>,
  ): Promise<void> {
    if (!meeting.chatId) return;
    const refs = await this.store.conversations.all({ where: { conversationId: meeting.chatId } });
    const ref = refs[0];
    await this.outbox.enqueue([
      {
        id,
        kind,
        meetingId: meeting.id,
        personId: null,
        topicId: null,
        conversationRefId: ref?.id ?? 'none',
        activity,
        undeliverableReason: ref ? null : 'The bot has not been added to this meeting chat yet.',
      },
    ]);
  }

  /** Compiles draft minutes from the recorded chat and the published agenda; the meeting moves to held, then minutes-draft. */
  async compileMinutes(meetingId: string, actor: Staff): Promise<MinutesVersion> {
    requireStaff(actor, 'draft the minutes');
    const meeting = await this.meeting(meetingId);
    if (meeting.state === 'minutes-approved') {
      throw new AppError('meeting.invalid-transition', 'The minutes of this meeting are already approved.', {
        from: meeting.state,
        to: 'minutes-draft',
      });
    }
    if (!['agenda-published', 'held', 'minutes-draft'].includes(meeting.state)) {
      throw new AppError(
        'minutes.not-ready',
        'Minutes can be drafted once the agenda is published and the meeting is under way.',
        { state: meeting.state },
      );
    }
    if (this.now() < meeting.start) {
      const start = wallClock(meeting.start, meeting.timeZone);
      throw new AppError('minutes.too-early', `Minutes can be drafted once the meeting has started (${start}).`, {
        start,
        startsAt: meeting.start,
      });
    }
    const agendaVersion = (await this.versions(meetingId, 'agenda')).find((v) => v.status === 'published');
    if (!agendaVersion) throw new AppError('agenda.not-ready', 'The agenda has not been published.');
    const agenda = Agenda.parse(agendaVersion.content);
    const [records, people, updates, topics] = await Promise.all([
      meeting.chatId ? this.chat.chatRecords(meeting.chatId, meetingId) : Promise.resolve([]),
      this.store.people.all(),
      this.store.statusUpdates.all({ where: { meetingId } }),
      this.store.topics.all(),
    ]);
    const messages = chatForCapture(records);
    const captured = captureChat(messages, {
      people: people.map((p) => ({ id: p.id, name: p.name, aadObjectId: p.aadObjectId })),
      botNames: ['ISC Coordinator'],
      itemCount: agenda.items.length,
    });
    const participants = [
      ...new Map(
        records.map((r) => [
          r.fromAadObjectId ?? r.fromId,
          { id: r.fromId, name: r.fromName, aadObjectId: r.fromAadObjectId },
        ]),
      ).values(),
    ];
    const minutes = compileMinutes({
      meeting,
      agenda,
      captured,
      participants,
      updates,
      topics,
      people,
      now: this.now(),
    });
    const state = walk(meeting.state, 'held', 'minutes-draft');
    const version = await this.newVersion(meeting, 'minutes', minutes, actor.personId);
    await this.store.commit([write.create('documents', version), write.update('meetings', { ...meeting, state })]);
    return { ...(await this.stored(version.id)), minutes };
  }

  /** Edits the draft minutes (decision, action, escalation text; removing an entry). */
  async editMinutes(
    meetingId: string,
    actor: Staff,
    edit: MinutesEdit,
    expectedRevision?: number,
  ): Promise<MinutesVersion> {
    requireStaff(actor, 'edit the minutes');
    const meeting = await this.meeting(meetingId);
    if (meeting.state === 'minutes-approved')
      throw new AppError('meeting.invalid-transition', 'The minutes are approved and can no longer be edited.', {
        from: meeting.state,
        to: 'minutes-draft',
      });
    const draft = await this.draftOf(meetingId, 'minutes');
    const minutes = Minutes.parse(draft.content);
    if (expectedRevision !== undefined && expectedRevision !== minutes.revision) {
      throw new AppError('store.conflict', 'Someone else edited the minutes in the meantime. Reload and try again.', {
        revision: minutes.revision,
      });
    }
    const person = await this.store.people.get(actor.personId);
    const by = { personId: actor.personId, name: person?.name ?? actor.personId };
    const next = applyMinutesEdit(minutes, edit, by, this.now());
    if (next.revision === minutes.revision) return { ...draft, minutes };
    const stored = await this.store.documents.update({ ...draft, content: next }, draft.etag);
    return { ...stored, minutes: next };
  }

  /**
   * Approves the draft minutes (chair or secretariat only). Refused while review notes are neither fixed nor
   * accepted, and, without `confirm`, when the minutes hold nothing (no decisions, actions or chat lines).
   * The .docx is stored under a name taken from the operation; the decisions, actions and escalations, the
   * published version and the meeting's move to minutes-approved are then written as one unit, and the post
   * to the chat follows. A retry after a failure at any step completes the approval, creating nothing twice.
   */
  async approveMinutes(meetingId: string, actor: Staff, options: { confirm?: boolean } = {}): Promise<MinutesVersion> {
    requireStaff(actor, 'approve the minutes');
    const meeting = await this.meeting(meetingId);
    const latest = (await this.versions(meetingId, 'minutes'))[0];
    if (meeting.state === 'minutes-approved' && latest?.status === 'published') {
      const minutes = Minutes.parse(latest.content);
      await this.postMinutes(meeting, latest, minutes);
      return { ...latest, minutes };
    }
    const draft = await this.draftOf(meetingId, 'minutes');
    const minutes = Minutes.parse(draft.content);
    const state = walk(meeting.state, 'minutes-approved');
    const open = unresolvedNotes(minutes);
    if (open.length) {
      throw new AppError(
        'minutes.unresolved-notes',
        `${open.length} review notes are still open: fix each one or accept it as it is before approving.`,
        { count: open.length },
      );
    }
    const { decisions, actions, messages } = minutes.stats;
    if (!options.confirm && decisions + actions + messages === 0) {
      throw new AppError(
        'minutes.empty',
        'These minutes have no decisions, no actions and no chat lines. Confirm to approve them anyway.',
      );
    }
    const file = await this.files.saveOnce(
      `${meeting.id}/minutes-v${draft.version}-r${minutes.revision}.docx`,
      await this.render.minutes(minutes, minutes.locale, false),
    );
    const records = minutesToRecords(minutes, this.now());
    const published: Stored<DocumentVersion> = {
      ...draft,
      status: 'published',
      file,
      publishedAt: this.now(),
      publishedBy: actor.personId,
    };
    await this.store.commit([
      ...records.decisions.map((d) => write.ensure('decisions', d)),
      ...records.actions.map((a) => write.ensure('actions', a)),
      ...records.escalations.map((e) => write.ensure('escalations', e)),
      ...(await this.actionOutcomes(records)),
      write.update('documents', published),
      write.update('meetings', { ...meeting, state }),
      write.ensure('audit', this.auditEntry(actor.personId, 'minutes.approve', published.id)),
    ]);
    await this.postMinutes(meeting, published, minutes);
    return { ...(await this.stored(published.id)), minutes };
  }

  /** The changes the minutes make to actions carried from earlier meetings (closed, new due date). */
  private async actionOutcomes(records: MinutesRecords): Promise<WriteOp[]> {
    const writes: WriteOp[] = [];
    for (const change of records.actionUpdates) {
      const action = await this.store.actions.get(change.actionId);
      if (!action || (action.status === change.status && action.due === change.due)) continue;
      writes.push(write.update('actions', { ...action, status: change.status, due: change.due }));
    }
    return writes;
  }

  private async postMinutes(meeting: Meeting, version: DocumentVersion, minutes: Minutes): Promise<void> {
    if (!version.file) return;
    await this.postToChat(
      meeting,
      `minutes:${meeting.id}:v${version.version}`,
      'minutes',
      this.messages.minutesApproved(minutes, this.documentUrl(version.file), minutes.locale),
    );
  }

  /**
   * Completes what a failure or a crash left half done, on every scheduler tick: a meeting whose collection
   * closed without an agenda gets one compiled; a published agenda or approved minutes whose post to the
   * meeting chat was never queued get it queued. Each repair is returned for the log.
   */
  async reconcile(): Promise<{ compiled: string[]; posted: string[] }> {
    const compiled: string[] = [];
    const posted: string[] = [];
    for (const meeting of await this.store.meetings.all({ orderBy: 'start' })) {
      const [agenda, minutes] = await Promise.all([this.latestAgenda(meeting.id), this.latestMinutes(meeting.id)]);
      if (meeting.state === 'closed' && !agenda) {
        await this.compileAgenda(meeting.id, 'scheduler');
        compiled.push(meeting.id);
      }
      if (!meeting.chatId) continue;
      if (agenda?.status === 'published' && !(await this.queued(`agenda:${meeting.id}:v${agenda.version}`))) {
        await this.postAgenda(meeting, agenda, agenda.agenda);
        posted.push(agenda.id);
      }
      if (minutes?.status === 'published' && !(await this.queued(`minutes:${meeting.id}:v${minutes.version}`))) {
        await this.postMinutes(meeting, minutes, minutes.minutes);
        posted.push(minutes.id);
      }
    }
    return { compiled, posted };
  }

  /** Whether a message is in the outbox (queued, sent or recorded undeliverable). */
  private async queued(id: string): Promise<boolean> {
    return (await this.store.outbox.get(id)) !== null;
  }

  private async stored(id: string): Promise<Stored<DocumentVersion>> {
    const version = await this.store.documents.get(id);
    if (!version) throw new AppError('document.not-found', `There is no document version "${id}".`);
    return version;
  }

  private auditEntry(actorId: string, action: string, entityId: string): AuditEntry {
    return { id: `${action}:${entityId}`, at: this.now(), actorId, action, entity: 'documents', entityId, detail: '' };
  }

  /** A stored document file, for download. */
  async documentFile(path: string): Promise<Buffer> {
    const file = await this.files.read(path);
    if (!file) throw new AppError('document.not-found', 'This document does not exist.');
    return file;
  }
}
