import { createHash } from 'node:crypto';
import {
  captureChat,
  isAppError,
  parseChatLine,
  type Agenda,
  type ChatRecord,
  type Minutes,
  type Person,
} from '../teams-app/domain';
import { t, type MessageKey } from '../teams-app/i18n';
import {
  chatForCapture,
  type CollectionService,
  type MeetingMessages,
  type MeetingService,
  type Staff,
} from '../teams-app/services';
import type { Stored } from '../teams-app/store';
import { plain } from './cards/card';
import { agendaCard, MEETING_VERBS, minutesCard } from './cards/meeting-cards';
import { noticeCard } from './cards/status-card';
import type { IscBot, TurnContext } from './handler';
import type { Attachment } from './activity';
import { mentionsBot } from './handler';

const BOT_COMMAND = /^(help|minutes|agenda(\s+compile)?(\s+\S+)?|meeting\s+\S+|status(\s+\S+)?|my topics)$/i;

function staffOf(person: Stored<Person> | null): Staff | null {
  if (!person || !person.roles.some((r) => r === 'chair' || r === 'secretariat')) return null;
  return { personId: person.id, roles: person.roles };
}

/** Records meeting chats and wires the agenda and minutes commands and card buttons into the bot. */
export function addMeetingHandlers(
  bot: IscBot,
  meetings: MeetingService,
  collection: CollectionService,
  tabUrl: string,
): void {
  async function meetingOfChat(ctx: TurnContext) {
    const activity = ctx.turn.activity;
    const meeting = await meetings.meetingForChat(activity.conversation.id);
    if (meeting && meeting.chatId === null && activity.channelData?.meeting)
      return meetings.linkChat(meeting, activity.conversation.id);
    return meeting && meeting.chatId === activity.conversation.id ? meeting : null;
  }

  bot.addChatObserver(async (ctx) => {
    const activity = ctx.turn.activity;
    const meeting = await meetingOfChat(ctx);
    const record: ChatRecord = {
      id: activity.id
        ? activity.id.slice(0, 300)
        : createHash('sha256')
            .update(`${activity.from.id}|${activity.text ?? ''}|${activity.timestamp ?? ''}`)
            .digest('hex'),
      chatId: activity.conversation.id,
      meetingId: meeting?.id ?? null,
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
    if (BOT_COMMAND.test(ctx.text)) {
      await meetings.recordChat(record);
      return false;
    }
    if (!meeting) {
      if (mentionsBot(activity) && /^(decision|action|escalate)\s*:/i.test(ctx.text)) {
        await ctx.turn.send({ type: 'message', textFormat: 'markdown', text: t('chat.noMeeting', ctx.locale) });
        return true;
      }
      return false;
    }
    await meetings.recordChat(record);
    const line = parseChatLine(ctx.text);
    if (!mentionsBot(activity) || line.kind === 'note' || line.kind === 'bot-command') return true;
    const agenda = await meetings.latestAgenda(meeting.id);
    const chat = await collectionChat(
      meeting.chatId ?? activity.conversation.id,
      meeting.id,
      agenda?.agenda.items.length,
    );
    const item = chat.position.item ?? 1;
    const key = `chat.captured.${line.kind}` as MessageKey;
    await ctx.turn.send({ type: 'message', text: t(key, ctx.locale, { item }) });
    return true;
  });

  async function collectionChat(chatId: string, meetingId: string, itemCount?: number) {
    const records = await meetings.chatRecords(chatId, meetingId);
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
    await ctx.turn.send({ type: 'message', text: error.message });
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
        if (!version || match[1]) version = await meetings.compileAgenda(meeting.id, staff);
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
    matches: (text) => text.match(/^meeting\s+(\S+)$/i),
    async run(ctx, match) {
      const staff = staffOf(ctx.person);
      if (!staff) return refuse(ctx);
      if (ctx.turn.activity.conversation.conversationType === 'personal') return;
      try {
        const meeting = await collection.resolveMeeting(match[1]);
        await meetings.linkChat(meeting, ctx.turn.activity.conversation.id);
        await ctx.turn.send({ type: 'message', text: t('chat.linked', ctx.locale, { meeting: meeting.title }) });
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
        return noticeCard(plain(error.message), ctx.locale, 'Attention');
      }
    });
  }

  const urlOf = (file: string | null) => (file ? meetings.documentUrl(file) : undefined);

  staffAction(MEETING_VERBS.publishAgenda, async (ctx, meetingId, staff) => {
    const version = await meetings.publishAgenda(meetingId, staff);
    return agendaCard(version.agenda, version.version, ctx.locale, tabUrl, true, urlOf(version.file));
  });

  staffAction(MEETING_VERBS.approveMinutes, async (ctx, meetingId, staff) => {
    const version = await meetings.approveMinutes(meetingId, staff);
    return minutesCard(version.minutes, ctx.locale, tabUrl, true, urlOf(version.file));
  });
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
