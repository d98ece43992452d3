import { randomUUID } from 'node:crypto';
import {
  Agenda,
  AppError,
  Minutes,
  addItem,
  captureChat,
  compileAgenda,
  compileMinutes,
  editAction,
  editDecision,
  editEscalation,
  editItem,
  isAppError,
  minutesToRecords,
  moveItem,
  removeEntry,
  removeItem,
  transition,
  type AgendaItemPatch,
  type ActionPatch,
  type ChatRecord,
  type DocumentVersion,
  type EntryTextPatch,
  type Meeting,
  type MeetingState,
  type NewAgendaItem,
  type OutboxMessage,
  type Role,
} from '../domain';
import type { FileStore, Store, Stored } from '../store';
import type { DocumentRenderer, MeetingMessages } from './meeting-documents';
import { requireMeeting } from './lookups';
import { Outbox } from './outbox/outbox';

const BOT_MENTION = /^\s*(?:<p>)?\s*<at>ISC Coordinator<\/at>\s*/i;
const BOT_COMMANDS = /^(?:minutes|agenda|help|meeting|status|my topics|update|open|language)\b/i;

/**
 * The recorded chat as the capture sees it: a leading @mention of the bot only addresses the line to it
 * (so "@ISC Coordinator Decision: …" is a decision), and commands to the bot are not discussion.
 */
export function chatForCapture(records: ChatRecord[]) {
  return records
    .map((r) => ({
      id: r.id,
      from: { id: r.fromId, name: r.fromName, ...(r.fromAadObjectId ? { aadObjectId: r.fromAadObjectId } : {}) },
      text: r.text.replace(BOT_MENTION, ''),
      timestamp: r.timestamp,
      mentions: r.mentions.filter((m) => m.name !== 'ISC Coordinator'),
    }))
    .filter((m) => !BOT_COMMANDS.test(m.text.replace(/<[^>]*>/g, '').trim()));
}

/** Who acts on agendas and minutes. */
export interface Staff {
  personId: string;
  roles: Role[];
}

/** An edit of the draft agenda. */
export type AgendaEdit =
  | { op: 'move'; from: number; to: number }
  | { op: 'edit'; itemId: string; patch: AgendaItemPatch }
  | { op: 'add'; item: NewAgendaItem; at?: number }
  | { op: 'remove'; itemId: string };

/** An edit of the draft minutes. */
export type MinutesEdit =
  | { op: 'decision'; entryId: string; patch: EntryTextPatch }
  | { op: 'escalation'; entryId: string; patch: EntryTextPatch }
  | { op: 'action'; entryId: string; patch: ActionPatch }
  | { op: 'remove'; entryId: string };

/** A document version with its parsed content. */
export interface AgendaVersion extends Stored<DocumentVersion> {
  agenda: Agenda;
}
export interface MinutesVersion extends Stored<DocumentVersion> {
  minutes: Minutes;
}

function requireStaff(actor: Staff, what: string): void {
  if (!actor.roles.includes('chair') && !actor.roles.includes('secretariat')) {
    throw new AppError('auth.forbidden', `Only the chair or the ISC-TF secretariat can ${what}.`);
  }
}

/**
 * Agenda and minutes: compiles the agenda from the updates, lets the chair edit and publish it, records the
 * meeting chat, compiles the minutes from it, and on approval stores the documents and creates the actions.
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
  ) {
    this.outbox = new Outbox(store, { now: () => Date.parse(now()) });
  }

  private meeting(id: string): Promise<Stored<Meeting>> {
    return requireMeeting(this.store, id);
  }

  private async moveMeeting(meeting: Stored<Meeting>, ...path: MeetingState[]): Promise<Stored<Meeting>> {
    let current = meeting;
    for (const to of path) {
      if (current.state === to) continue;
      const { etag, ...record } = current;
      current = await this.store.meetings.update({ ...record, state: transition(current.state, to) }, etag);
    }
    return current;
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

  /** Where the meeting chat is on the agenda (replaying the recorded pointer lines), or null before any. */
  async currentItem(meetingId: string): Promise<{ item: number | null; sub: number | null }> {
    const meeting = await this.meeting(meetingId);
    const agenda = await this.publishedAgenda(meetingId);
    if (!meeting.chatId || !agenda) return { item: null, sub: null };
    const captured = captureChat(chatForCapture(await this.chatRecords(meeting.chatId, meetingId)), {
      botNames: ['ISC Coordinator'],
      itemCount: agenda.agenda.items.length,
    });
    return { item: captured.position.item, sub: captured.position.sub };
  }

  /** The newest minutes version of a meeting, or null. */
  async latestMinutes(meetingId: string): Promise<MinutesVersion | null> {
    const latest = (await this.versions(meetingId, 'minutes'))[0];
    return latest ? { ...latest, minutes: Minutes.parse(latest.content) } : null;
  }

  /**
   * Compiles the draft agenda from the meeting's updates (closing collection if it is still open). After
   * publication this makes a new version; a published version is never overwritten.
   */
  async compileAgenda(meetingId: string, actor: Staff | 'scheduler'): Promise<AgendaVersion> {
    if (actor !== 'scheduler') requireStaff(actor, 'compile the agenda');
    let meeting = await this.meeting(meetingId);
    if (['held', 'minutes-draft', 'minutes-approved'].includes(meeting.state)) {
      throw new AppError('meeting.invalid-transition', 'The meeting has been held; its agenda can no longer change.', {
        from: meeting.state,
        to: 'agenda-draft',
      });
    }
    if (meeting.state === 'scheduled') meeting = await this.moveMeeting(meeting, 'open');
    if (meeting.state === 'open') meeting = await this.moveMeeting(meeting, 'closed');
    const [topics, assignments, people, updates, actions, meetings] = await Promise.all([
      this.store.topics.all(),
      this.store.assignments.all(),
      this.store.people.all(),
      this.store.statusUpdates.all({ where: { meetingId } }),
      this.store.actions.all(),
      this.store.meetings.all({ orderBy: 'start' }),
    ]);
    const sameBody = meetings.filter((m) => m.body === meeting.body);
    const previousMeeting = [...sameBody].reverse().find((m) => m.start < meeting.start) ?? null;
    const nextMeeting = sameBody.find((m) => m.start > meeting.start) ?? null;
    const agenda = compileAgenda({
      meeting,
      previousMeeting,
      nextMeeting,
      topics,
      assignments,
      people,
      updates,
      actions: actions.filter((a) => a.sourceMeetingId !== meeting.id),
      now: this.now(),
    });
    const stored = await this.saveVersion(
      meeting,
      'agenda',
      agenda,
      actor === 'scheduler' ? 'scheduler' : actor.personId,
    );
    await this.moveMeeting(await this.meeting(meetingId), 'agenda-draft');
    return { ...stored, agenda };
  }

  private async saveVersion(
    meeting: Meeting,
    kind: DocumentVersion['kind'],
    content: Agenda | Minutes,
    by: string,
  ): Promise<Stored<DocumentVersion>> {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const version = ((await this.versions(meeting.id, kind))[0]?.version ?? 0) + 1;
      try {
        return await this.store.documents.create({
          id: `${meeting.id}.${kind}.v${version}`,
          meetingId: meeting.id,
          kind,
          version,
          status: 'draft',
          content: content as unknown as Record<string, unknown>,
          file: null,
          addendumFile: null,
          createdAt: this.now(),
          createdBy: by,
          publishedAt: null,
          publishedBy: null,
        });
      } catch (error) {
        if (!isAppError(error, 'store.already-exists')) throw error;
      }
    }
    throw new AppError('store.conflict', 'Another version was being saved at the same time; please try again.');
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

  /** Approves the draft agenda: stores the .docx (and addendum), posts it to the meeting chat, publishes the meeting. */
  async publishAgenda(meetingId: string, actor: Staff): Promise<AgendaVersion> {
    requireStaff(actor, 'publish the agenda');
    const meeting = await this.meeting(meetingId);
    const draft = await this.draftOf(meetingId, 'agenda');
    const agenda = Agenda.parse(draft.content);
    const file = await this.files.save(
      `${meeting.id}/agenda-v${draft.version}.docx`,
      await this.render.agenda(agenda, agenda.locale),
    );
    const addendumFile = agenda.addendum.length
      ? await this.files.save(
          `${meeting.id}/agenda-v${draft.version}-addendum.docx`,
          await this.render.addendum(agenda, agenda.locale),
        )
      : null;
    for (const older of (await this.versions(meetingId, 'agenda')).filter((v) => v.status === 'published')) {
      const { etag, ...record } = older;
      await this.store.documents.update({ ...record, status: 'superseded' }, etag);
    }
    const { etag, ...record } = draft;
    const published = await this.store.documents.update(
      { ...record, status: 'published', file, addendumFile, publishedAt: this.now(), publishedBy: actor.personId },
      etag,
    );
    await this.moveMeeting(meeting, 'agenda-published');
    await this.postToChat(
      meeting,
      `agenda:${meeting.id}:v${draft.version}`,
      'agenda',
      this.messages.agendaPublished(agenda, this.documentUrl(file), agenda.locale),
    );
    await this.audit(actor.personId, 'agenda.publish', published.id);
    return { ...published, agenda };
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

  /** The meeting a chat belongs to: the one linked to it, else the current meeting (published agenda or held). */
  async meetingForChat(chatId: string): Promise<Stored<Meeting> | null> {
    const meetings = await this.store.meetings.all({ orderBy: 'start' });
    const linked = meetings.filter((m) => m.chatId === chatId);
    const now = this.now();
    const active = (list: Stored<Meeting>[]) =>
      list
        .filter((m) => ['agenda-published', 'held', 'minutes-draft', 'agenda-draft'].includes(m.state))
        .sort(
          (a, b) => Math.abs(Date.parse(a.start) - Date.parse(now)) - Math.abs(Date.parse(b.start) - Date.parse(now)),
        )[0];
    return active(linked) ?? linked.at(-1) ?? active(meetings.filter((m) => m.chatId === null)) ?? null;
  }

  /** Links a chat to a meeting (the first time the bot hears from it). */
  async linkChat(meeting: Stored<Meeting>, chatId: string): Promise<Stored<Meeting>> {
    if (meeting.chatId === chatId) return meeting;
    const { etag, ...record } = meeting;
    return this.store.meetings.update({ ...record, chatId }, etag);
  }

  /** Records a chat message (idempotent by message id: a redelivered message is kept once). */
  async recordChat(record: ChatRecord): Promise<boolean> {
    try {
      await this.store.chatMessages.create(record);
      return true;
    } catch (error) {
      if (isAppError(error, 'store.already-exists')) return false;
      throw error;
    }
  }

  /** The recorded messages of a chat that belong to a meeting (or to no meeting yet). */
  async chatRecords(chatId: string, meetingId: string): Promise<ChatRecord[]> {
    const records = await this.store.chatMessages.all({ where: { chatId } });
    return records.filter((r) => r.meetingId === null || r.meetingId === meetingId);
  }

  /**
   * Moves the agenda pointer of the meeting chat (the chair's side panel): recorded as a chat line
   * "Item N", exactly as if the chair had typed it, so the minutes replay it in order.
   */
  async setCurrentItem(
    meetingId: string,
    actor: Staff,
    item: number,
    sub: number | null = null,
  ): Promise<{ item: number; sub: number | null }> {
    requireStaff(actor, 'move the agenda pointer');
    const meeting = await this.meeting(meetingId);
    if (!meeting.chatId)
      throw new AppError(
        'agenda.not-ready',
        'This meeting has no chat linked yet; add the bot to the meeting chat first.',
      );
    const agenda = (await this.versions(meetingId, 'agenda')).find((v) => v.status === 'published');
    const items = agenda ? Agenda.parse(agenda.content).items.length : 0;
    if (item < 1 || item > items)
      throw new AppError('request.invalid', `The agenda has items 1 to ${items}.`, { items });
    const person = await this.store.people.get(actor.personId);
    const at = this.now();
    await this.recordChat({
      id: `pointer.${randomUUID()}`,
      chatId: meeting.chatId,
      meetingId,
      fromId: actor.personId,
      fromName: person?.name ?? actor.personId,
      fromAadObjectId: person?.aadObjectId ?? null,
      text: sub ? `Item ${item}.${sub}` : `Item ${item}`,
      mentions: [],
      timestamp: at,
    });
    return { item, sub };
  }

  /** Compiles draft minutes from the recorded chat and the published agenda; the meeting moves to held, then minutes-draft. */
  async compileMinutes(meetingId: string, actor: Staff): Promise<MinutesVersion> {
    requireStaff(actor, 'draft the minutes');
    let meeting = await this.meeting(meetingId);
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
    const agendaVersion = (await this.versions(meetingId, 'agenda')).find((v) => v.status === 'published');
    if (!agendaVersion) throw new AppError('agenda.not-ready', 'The agenda has not been published.');
    const agenda = Agenda.parse(agendaVersion.content);
    const [records, people, updates, topics] = await Promise.all([
      meeting.chatId ? this.chatRecords(meeting.chatId, meetingId) : Promise.resolve([]),
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
    meeting = await this.moveMeeting(meeting, 'held', 'minutes-draft');
    const stored = await this.saveVersion(meeting, 'minutes', minutes, actor.personId);
    return { ...stored, minutes };
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
    const next =
      edit.op === 'decision'
        ? editDecision(minutes, edit.entryId, edit.patch)
        : edit.op === 'escalation'
          ? editEscalation(minutes, edit.entryId, edit.patch)
          : edit.op === 'action'
            ? editAction(minutes, edit.entryId, edit.patch)
            : removeEntry(minutes, edit.entryId);
    const { etag, ...record } = draft;
    const stored = await this.store.documents.update(
      { ...record, content: next as unknown as Record<string, unknown> },
      etag,
    );
    return { ...stored, minutes: next };
  }

  /**
   * Approves the draft minutes (chair or secretariat only): stores the .docx, posts it to the chat, creates the
   * decisions, actions and escalations, and moves the meeting to minutes-approved. Approving twice is refused.
   */
  async approveMinutes(meetingId: string, actor: Staff): Promise<MinutesVersion> {
    requireStaff(actor, 'approve the minutes');
    const meeting = await this.meeting(meetingId);
    if (meeting.state === 'minutes-approved') {
      throw new AppError('meeting.invalid-transition', 'These minutes are already approved.', {
        from: meeting.state,
        to: 'minutes-approved',
      });
    }
    const draft = await this.draftOf(meetingId, 'minutes');
    const minutes = Minutes.parse(draft.content);
    const approved = await this.moveMeeting(meeting, 'minutes-approved');
    const file = await this.files.save(
      `${meeting.id}/minutes-v${draft.version}.docx`,
      await this.render.minutes(minutes, minutes.locale, false),
    );
    const { etag, ...record } = draft;
    const stored = await this.store.documents.update(
      { ...record, status: 'published', file, publishedAt: this.now(), publishedBy: actor.personId },
      etag,
    );
    const records = minutesToRecords(minutes, this.now());
    for (const decision of records.decisions) await this.createOnce(() => this.store.decisions.create(decision));
    for (const action of records.actions) await this.createOnce(() => this.store.actions.create(action));
    for (const escalation of records.escalations)
      await this.createOnce(() => this.store.escalations.create(escalation));
    await this.postToChat(
      approved,
      `minutes:${meeting.id}:v${draft.version}`,
      'minutes',
      this.messages.minutesApproved(minutes, this.documentUrl(file), minutes.locale),
    );
    await this.audit(actor.personId, 'minutes.approve', stored.id);
    return { ...stored, minutes };
  }

  private async createOnce(create: () => Promise<unknown>): Promise<void> {
    try {
      await create();
    } catch (error) {
      if (!isAppError(error, 'store.already-exists')) throw error;
    }
  }

  /** A stored document file, for download. */
  async documentFile(path: string): Promise<Buffer> {
    const file = await this.files.read(path);
    if (!file) throw new AppError('document.not-found', 'This document does not exist.');
    return file;
  }

  private async audit(actorId: string, action: string, entityId: string): Promise<void> {
    await this.store.audit.create({
      id: randomUUID(),
      at: this.now(),
      actorId,
      action,
      entity: 'documents',
      entityId,
      detail: '',
    });
  }
}
