import { randomUUID } from 'node:crypto';
import {
  AppError,
  captureChat,
  identityOfChat,
  isAppError,
  isSameTeamsMeeting,
  positionSince,
  positionVersion,
  requirePermission,
  type AuditEntry,
  type Caller,
  type CaptureContext,
  type CapturedChat,
  type ChatMessage,
  type ChatRecord,
  type CurrentItemState,
  type Meeting,
  type MeetingState,
  type SeenChat,
} from '../../domain';
import { write, type Store, type Stored } from '../../store';
import { publishedAgenda, requireMeeting } from '../lookups';
import { retryOnConflict } from '../retry';
import type { ChatReading } from './chat-reading';

/** The states in which a meeting's chat is in use (agenda out, meeting running, minutes being drafted). */
const ACTIVE: readonly MeetingState[] = ['agenda-draft', 'agenda-published', 'held', 'minutes-draft'];

/** The outcome of a staff `meeting <n>`: the meeting, and the chat it was linked to before when it was moved. */
export interface ChatLink {
  meeting: Stored<Meeting>;
  /** The chat the meeting was linked to before a relink; null when it was not linked elsewhere. */
  previousChatId: string | null;
}

/**
 * Meeting chats: which meeting a chat belongs to (by the meeting's stored Teams identity or an explicit staff
 * link, never by who speaks first), recording its messages, and the agenda pointer replayed from them.
 */
export class MeetingChatService {
  constructor(
    private readonly store: Store,
    private readonly now: () => string,
    private readonly reading: ChatReading,
  ) {}

  /**
   * The meeting a chat belongs to: among the meetings linked to it or whose Teams identity it matches, the one
   * in use closest to now. A meeting recognised by its identity is linked to the chat here. A chat that is
   * neither linked nor recognised belongs to no meeting.
   */
  async meetingForChat(chat: SeenChat): Promise<Stored<Meeting> | null> {
    const meetings = await this.store.meetings.all({ orderBy: 'start' });
    const linked = meetings.filter((m) => m.chatId === chat.conversationId);
    const recognised = meetings.filter((m) => m.chatId === null && isSameTeamsMeeting(m.teamsMeeting, chat));
    const own = [...linked, ...recognised];
    const found =
      this.closest(own.filter((m) => ACTIVE.includes(m.state))) ??
      this.closest(own.filter((m) => m.state !== 'minutes-approved')) ??
      linked.at(-1);
    if (!found) return null;
    return found.chatId === chat.conversationId ? found : this.linkRecognised(found.id, chat);
  }

  private closest(meetings: Stored<Meeting>[]): Stored<Meeting> | undefined {
    const now = Date.parse(this.now());
    const distance = (m: Meeting) => Math.abs(Date.parse(m.start) - now);
    return [...meetings].sort((a, b) => distance(a) - distance(b))[0];
  }

  /** Links a chat that matches the meeting's identity; if another chat got there first, that link stands. */
  private linkRecognised(meetingId: string, chat: SeenChat): Promise<Stored<Meeting> | null> {
    return retryOnConflict(async () => {
      const meeting = await requireMeeting(this.store, meetingId);
      if (meeting.chatId === chat.conversationId) return meeting;
      if (meeting.chatId !== null || !isSameTeamsMeeting(meeting.teamsMeeting, chat)) return null;
      const identity = meeting.teamsMeeting ?? null;
      const teamsMeeting = identity ? { ...identity, meetingId: identity.meetingId ?? chat.meetingId } : null;
      await this.store.commit([
        write.create(
          'audit',
          this.auditEntry('bot', 'meeting.chat-linked', meeting.id, 'by the Teams meeting identity'),
        ),
        write.update('meetings', { ...meeting, chatId: chat.conversationId, teamsMeeting }),
      ]);
      return requireMeeting(this.store, meeting.id);
    });
  }

  /**
   * Links a chat to a meeting on a chair's or secretariat member's word (`meeting <n>`) and stores the chat as the
   * meeting's Teams identity. A meeting already linked to another chat is refused (`meeting.chat-linked-elsewhere`)
   * unless `relink` is set; a relink is audited with the chat it replaces.
   */
  async linkChat(
    meetingId: string,
    chat: SeenChat,
    actor: Caller,
    options: { relink?: boolean } = {},
  ): Promise<ChatLink> {
    requirePermission(actor, 'chat.link');
    return retryOnConflict(async () => {
      const meeting = await requireMeeting(this.store, meetingId);
      const previousChatId = meeting.chatId !== null && meeting.chatId !== chat.conversationId ? meeting.chatId : null;
      if (previousChatId !== null && !options.relink) {
        throw new AppError(
          'meeting.chat-linked-elsewhere',
          `${meeting.title} is already linked to another chat; a chair or secretariat member can move it with "meeting <number> relink".`,
          { meetingId: meeting.id },
        );
      }
      const teamsMeeting = identityOfChat(chat) ?? meeting.teamsMeeting ?? null;
      const unchanged = JSON.stringify(teamsMeeting) === JSON.stringify(meeting.teamsMeeting ?? null);
      if (meeting.chatId === chat.conversationId && unchanged) return { meeting, previousChatId: null };
      const entry = previousChatId
        ? this.auditEntry(actor.personId, 'meeting.chat-relinked', meeting.id, `moved from chat ${previousChatId}`)
        : this.auditEntry(actor.personId, 'meeting.chat-linked', meeting.id, 'by staff');
      await this.store.commit([
        write.create('audit', entry),
        write.update('meetings', { ...meeting, chatId: chat.conversationId, teamsMeeting }),
      ]);
      return { meeting: await requireMeeting(this.store, meeting.id), previousChatId };
    });
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
   * The recorded chat of a meeting and what capture reads in it (commands to the bot left out, the bot's own
   * names known); no records when the meeting has no chat.
   */
  async capture(
    chatId: string | null,
    meetingId: string,
    context: Omit<CaptureContext, 'botNames'> = {},
  ): Promise<{ records: ChatRecord[]; captured: CapturedChat }> {
    const records = chatId ? await this.chatRecords(chatId, meetingId) : [];
    const messages = records.map((r) => this.reading.prepare(r)).filter((m): m is ChatMessage => m !== null);
    return { records, captured: captureChat(messages, { ...context, botNames: this.reading.botNames }) };
  }

  /** Where the meeting chat is on the agenda (replaying the recorded pointer lines), or null before any. */
  async currentItem(meetingId: string, caller: Caller): Promise<{ item: number | null; sub: number | null }> {
    requirePermission(caller, 'current-item.read');
    const meeting = await requireMeeting(this.store, meetingId);
    const agenda = await publishedAgenda(this.store, meetingId);
    if (!meeting.chatId || !agenda) return { item: null, sub: null };
    const { captured } = await this.capture(meeting.chatId, meetingId, { itemCount: agenda.items.length });
    return { item: captured.position.item, sub: captured.position.sub };
  }

  /**
   * Where the meeting chat is on the agenda, since when (the time of the line that moved it there) and the server's
   * clock, for the agenda timer; `version` changes whenever the position does.
   */
  async currentItemState(meetingId: string, caller: Caller): Promise<CurrentItemState> {
    requirePermission(caller, 'current-item.read');
    const meeting = await requireMeeting(this.store, meetingId);
    const agenda = await publishedAgenda(this.store, meetingId);
    const serverTime = this.now();
    if (!meeting.chatId || !agenda) {
      return { item: null, sub: null, since: null, serverTime, version: positionVersion(null, null, null) };
    }
    const { captured } = await this.capture(meeting.chatId, meetingId, { itemCount: agenda.items.length });
    const { item, sub } = captured.position;
    const since = positionSince(captured.records);
    return { item, sub, since, serverTime, version: positionVersion(item, sub, since) };
  }

  /**
   * Moves the agenda pointer of the meeting chat (the chair's side panel): recorded as a chat line
   * "Item N", exactly as if the chair had typed it, so the minutes replay it in order.
   */
  async setCurrentItem(
    meetingId: string,
    actor: Caller,
    item: number,
    sub: number | null = null,
  ): Promise<{ item: number; sub: number | null }> {
    requirePermission(actor, 'current-item.set');
    const meeting = await requireMeeting(this.store, meetingId);
    if (!meeting.chatId)
      throw new AppError(
        'agenda.not-ready',
        'This meeting has no chat linked yet; add the bot to the meeting chat first.',
      );
    const items = (await publishedAgenda(this.store, meetingId))?.items.length ?? 0;
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

  private auditEntry(actorId: string, action: string, meetingId: string, detail: string): AuditEntry {
    return { id: randomUUID(), at: this.now(), actorId, action, entity: 'meetings', entityId: meetingId, detail };
  }
}
