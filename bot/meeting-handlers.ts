import { createHash } from 'node:crypto';
import {
  captureChat,
  isAppError,
  type AppError,
  type Agenda,
  type ChatRecord,
  type Minutes,
  type Person,
} from '../teams-app/domain';
import { errorMessage, t, type MessageKey } from '../teams-app/i18n';
import {
  chatForCapture,
  type CollectionService,
  type MeetingChatService,
  type MeetingMessages,
  type MeetingService,
  type Staff,
} from '../teams-app/services';
import type { Stored } from '../teams-app/store';
import { plain } from './cards/card';
import { agendaCard, MEETING_VERBS, minutesCard } from './cards/meeting-cards';
import { noticeCard } from './cards/status-card';
import { CONFIRM_VERBS, confirmCard } from './cards/confirm-card';
import type { IscBot, TurnContext } from './handler';
import type { Attachment } from './activity';
import { mentionsBot } from './handler';
import { seenChat } from './teams-channel-data';

const BOT_COMMAND =
  /^(help|minutes|agenda(\s+compile)?(\s+\S+)?|meeting\s+\S+(\s+relink)?|status(\s+\S+)?|my topics)$/i;

/** A refusal in the reader's language, with the counts and dates the error carries. */
function readable(error: AppError, ctx: TurnContext): string {
  return errorMessage(error.code, ctx.locale, error.message, error.details);
}

/** The parts of a chat message the bot acknowledges (notes and commands are recorded silently). */
const ACKNOWLEDGED = new Set(['decision', 'action', 'escalation', 'done', 'pointer']);

function staffOf(person: Stored<Person> | null): Staff | null {
  if (!person || !person.roles.some((r) => r === 'chair' || r === 'secretariat')) return null;
  return { personId: person.id, roles: person.roles };
}

/**
 * Records meeting chats and wires the agenda and minutes commands and card buttons into the bot. Only a chat
 * linked to a meeting (by the meeting's Teams identity or a staff `meeting <n>`) is recorded.
 */
export function addMeetingHandlers(
  bot: IscBot,
  meetings: MeetingService,
  chats: MeetingChatService,
  collection: CollectionService,
  tabUrl: string,
): void {
  const meetingOfChat = (ctx: TurnContext) => chats.meetingForChat(seenChat(ctx.turn.activity));

  bot.addChatObserver(async (ctx) => {
    const activity = ctx.turn.activity;
    const meeting = await meetingOfChat(ctx);
    if (!meeting) {
      if (mentionsBot(activity) && /^(decision|action|escalate)\s*:/i.test(ctx.text)) {
        await ctx.turn.send({ type: 'message', textFormat: 'markdown', text: t('chat.noMeeting', ctx.locale) });
        return true;
      }
      return false;
    }
    // Recorded under the sender's own name and AAD id: the minutes match register people by AAD id only.
    const record: ChatRecord = {
      id: activity.id
        ? activity.id.slice(0, 300)
        : createHash('sha256')
            .update(`${activity.from.id}|${activity.text ?? ''}|${activity.timestamp ?? ''}`)
            .digest('hex'),
      chatId: activity.conversation.id,
      meetingId: meeting.id,
      fromId: activity.from.id,
      fromName: activity.from.name ?? '',
      fromAadObjectId: activity.from.aadObjectId ?? null,
      text: (activity.text ?? '').slice(0, 100_000),
      mentions: (activity.entities ?? [])
        .filter((e) => e.type === 'mention')
        .map((e) => {
          const m = (e.mentioned ?? {}) as { id?: string; name?: string; aadObjectId?: string };
          return {
            name: String(m.name ?? '').slice(0, 200),
            ...(m.id ? { id: String(m.id).slice(0, 200) } : {}),
            ...(m.aadObjectId ? { aadObjectId: String(m.aadObjectId).slice(0, 64) } : {}),
          };
        })
        .slice(0, 100),
      timestamp:
        activity.timestamp && !Number.isNaN(Date.parse(activity.timestamp))
          ? new Date(activity.timestamp).toISOString()
          : new Date().toISOString(),
    };
    await chats.recordChat(record);
    if (BOT_COMMAND.test(ctx.text)) return false;
    if (!mentionsBot(activity)) return true;
    const agenda = await meetings.latestAgenda(meeting.id);
    const chat = await collectionChat(
      meeting.chatId ?? activity.conversation.id,
      meeting.id,
      agenda?.agenda.items.length,
    );
    // One acknowledgement per part of the message, each naming the item it was filed under.
    const acknowledgements = chat.records
      .filter((r) => r.messageId === record.id && ACKNOWLEDGED.has(r.kind))
      .map((r) => t(`chat.captured.${r.kind}` as MessageKey, ctx.locale, { item: r.item ?? 1 }));
    if (acknowledgements.length) await ctx.turn.send({ type: 'message', text: acknowledgements.join('\n\n') });
    return true;
  });

  async function collectionChat(chatId: string, meetingId: string, itemCount?: number) {
    const records = await chats.chatRecords(chatId, meetingId);
    return captureChat(chatForCapture(records), { botNames: ['ISC Coordinator'], itemCount });
  }

  const refuse = async (ctx: TurnContext) => {
    await ctx.turn.send({ type: 'message', text: t('forbidden.chair', ctx.locale) });
  };

  async function targetMeeting(ctx: TurnContext, ref: string | undefined) {
    if (!ref && ctx.turn.activity.conversation.conversationType !== 'personal') {
      const linked = await meetingOfChat(ctx);
      if (linked) return linked;
    }
    return collection.resolveMeeting(ref);
  }

  async function answerError(ctx: TurnContext, error: unknown): Promise<void> {
    if (!isAppError(error) || error.status >= 500) throw error;
    await ctx.turn.send({ type: 'message', text: readable(error, ctx) });
  }

  bot.addCommand({
    name: 'agenda',
    matches: (text) => text.match(/^agenda(?:\s+(compile))?(?:\s+(\S+))?$/i),
    async run(ctx, match) {
      const staff = staffOf(ctx.person);
      if (!staff) return refuse(ctx);
      try {
        const meeting = await targetMeeting(ctx, match[2]);
        let version = await meetings.latestAgenda(meeting.id);
        if (!version || match[1]) {
          try {
            version = await meetings.compileAgenda(meeting.id, staff);
          } catch (error) {
            if (!isAppError(error, 'collection.incomplete')) throw error;
            const button = {
              title: t('confirm.compile', ctx.locale),
              verb: CONFIRM_VERBS.compileAgenda,
              meetingId: meeting.id,
            };
            await ctx.turn.send({
              type: 'message',
              attachments: [confirmCard(readable(error, ctx), button, ctx.locale)],
            });
            return;
          }
        }
        const published = version.status === 'published';
        const url = version.file ? meetings.documentUrl(version.file) : undefined;
        await ctx.turn.send({
          type: 'message',
          attachments: [agendaCard(version.agenda, version.version, ctx.locale, tabUrl, published, url)],
        });
      } catch (error) {
        await answerError(ctx, error);
      }
    },
  });

  bot.addCommand({
    name: 'minutes',
    matches: (text) => text.match(/^minutes(?:\s+(\S+))?$/i),
    async run(ctx, match) {
      const staff = staffOf(ctx.person);
      if (!staff) return refuse(ctx);
      try {
        const meeting = await targetMeeting(ctx, match[1]);
        const version = await meetings.compileMinutes(meeting.id, staff);
        await ctx.turn.send({
          type: 'message',
          attachments: [minutesCard(version.minutes, ctx.locale, tabUrl, false)],
        });
      } catch (error) {
        await answerError(ctx, error);
      }
    },
  });

  bot.addCommand({
    name: 'meeting',
    matches: (text) => text.match(/^meeting\s+(\S+)(?:\s+(relink))?$/i),
    async run(ctx, match) {
      const staff = staffOf(ctx.person);
      if (!staff) return refuse(ctx);
      if (ctx.turn.activity.conversation.conversationType === 'personal') return;
      const ref = match[1] ?? '';
      try {
        const meeting = await collection.resolveMeeting(ref);
        try {
          const link = await chats.linkChat(meeting.id, seenChat(ctx.turn.activity), staff, { relink: !!match[2] });
          const key = link.previousChatId ? 'chat.relinked' : 'chat.linked';
          await ctx.turn.send({ type: 'message', text: t(key, ctx.locale, { meeting: meeting.title }) });
        } catch (error) {
          if (!isAppError(error, 'meeting.chat-linked-elsewhere')) throw error;
          await ctx.turn.send({
            type: 'message',
            textFormat: 'markdown',
            text: t('chat.linkedElsewhere', ctx.locale, { meeting: plain(meeting.title), ref: plain(ref) }),
          });
        }
      } catch (error) {
        await answerError(ctx, error);
      }
    },
  });

  /** A chair/secretariat button: refused politely for others; a coded refusal becomes a notice card. */
  function staffAction(
    verb: string,
    run: (ctx: TurnContext, meetingId: string, staff: Staff) => Promise<Attachment>,
  ): void {
    bot.addCardAction(verb, async (ctx, data) => {
      const staff = staffOf(ctx.person);
      if (!staff) return noticeCard(t('forbidden.chair', ctx.locale), ctx.locale, 'Attention');
      try {
        return await run(ctx, String(data.meetingId ?? ''), staff);
      } catch (error) {
        if (!isAppError(error) || error.status >= 500) throw error;
        return noticeCard(readable(error, ctx), ctx.locale, 'Attention');
      }
    });
  }

  const urlOf = (file: string | null) => (file ? meetings.documentUrl(file) : undefined);

  staffAction(MEETING_VERBS.publishAgenda, async (ctx, meetingId, staff) => {
    const version = await meetings.publishAgenda(meetingId, staff);
    return agendaCard(version.agenda, version.version, ctx.locale, tabUrl, true, urlOf(version.file));
  });

  staffAction(CONFIRM_VERBS.compileAgenda, async (ctx, meetingId, staff) => {
    const version = await meetings.compileAgenda(meetingId, staff, { confirm: true });
    return agendaCard(version.agenda, version.version, ctx.locale, tabUrl, false);
  });

  const approve = async (ctx: TurnContext, meetingId: string, staff: Staff, confirm: boolean) => {
    try {
      const version = await meetings.approveMinutes(meetingId, staff, { confirm });
      return minutesCard(version.minutes, ctx.locale, tabUrl, true, urlOf(version.file));
    } catch (error) {
      if (!isAppError(error, 'minutes.empty')) throw error;
      const button = { title: t('confirm.approve', ctx.locale), verb: CONFIRM_VERBS.approveMinutes, meetingId };
      return confirmCard(readable(error, ctx), button, ctx.locale);
    }
  };
  staffAction(MEETING_VERBS.approveMinutes, (ctx, meetingId, staff) => approve(ctx, meetingId, staff, false));
  staffAction(CONFIRM_VERBS.approveMinutes, (ctx, meetingId, staff) => approve(ctx, meetingId, staff, true));
}

/** The messages posted to a meeting chat when the agenda is published or the minutes approved. */
export function meetingMessages(tabUrl: string): MeetingMessages {
  return {
    agendaPublished: (agenda: Agenda, url: string, locale) => ({
      type: 'message',
      attachments: [agendaCard(agenda, agenda.revision, locale, tabUrl, true, url)],
    }),
    minutesApproved: (minutes: Minutes, url: string, locale) => ({
      type: 'message',
      attachments: [minutesCard(minutes, locale, tabUrl, true, url)],
    }),
  };
}
