import { createHash } from 'node:crypto';
import { parseChatLine, type ChatRecord } from '../teams-app/domain';
import { t, type MessageKey } from '../teams-app/i18n';
import type { MeetingChatService, MeetingService } from '../teams-app/services';
import type { IncomingActivity } from './activity';
import { parseCommand } from './commands';
import { mentionsBot, type IscBot, type TurnContext } from './handler';
import { seenChat } from './teams-channel-data';

/** The parts of a chat message the bot acknowledges (notes and commands are recorded silently). */
const ACKNOWLEDGED = new Set(['decision', 'action', 'escalation', 'done', 'pointer']);

/** The kinds of line that would go into minutes if the chat belonged to a meeting. */
const MINUTES_LINES = new Set(['decision', 'action', 'escalation', 'done']);

/** A chat message as it is recorded: under the sender's own name and AAD id (minutes match people by AAD id only). */
export function chatRecordOf(activity: IncomingActivity, meetingId: string): ChatRecord {
  return {
    id: activity.id
      ? activity.id.slice(0, 300)
      : createHash('sha256')
          .update(`${activity.from.id}|${activity.text ?? ''}|${activity.timestamp ?? ''}`)
          .digest('hex'),
    chatId: activity.conversation.id,
    meetingId,
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
}

/**
 * Records the messages of a chat linked to a meeting (by the meeting's Teams identity or a staff `meeting <n>`).
 * A command is recorded and then routed; a line addressed to the bot is acknowledged, one reply per captured
 * part naming its agenda item. In a chat linked to no meeting, a minutes line addressed to the bot gets a hint.
 */
export function addMeetingChatRecorder(bot: IscBot, meetings: MeetingService, chats: MeetingChatService): void {
  bot.addChatObserver(async (ctx) => {
    const activity = ctx.turn.activity;
    const meeting = await chats.meetingForChat(seenChat(activity));
    if (!meeting) {
      if (!mentionsBot(activity) || !MINUTES_LINES.has(parseChatLine(ctx.text).kind)) return false;
      await ctx.turn.send({ type: 'message', textFormat: 'markdown', text: t('chat.noMeeting', ctx.locale) });
      return true;
    }
    const record = chatRecordOf(activity, meeting.id);
    await chats.recordChat(record);
    if (parseCommand(ctx.text, 'chat')) return false;
    if (!mentionsBot(activity)) return true;
    await acknowledge(ctx, meetings, chats, {
      chatId: meeting.chatId ?? record.chatId,
      meetingId: meeting.id,
      messageId: record.id,
    });
    return true;
  });
}

/** One acknowledgement per captured part of the message, each naming the item it was filed under. */
async function acknowledge(
  ctx: TurnContext,
  meetings: MeetingService,
  chats: MeetingChatService,
  message: { chatId: string; meetingId: string; messageId: string },
): Promise<void> {
  const { captured } = await chats.capture(message.chatId, message.meetingId, {
    itemCount: await meetings.agendaItemCount(message.meetingId),
  });
  const acknowledgements = captured.records
    .filter((r) => r.messageId === message.messageId && ACKNOWLEDGED.has(r.kind))
    .map((r) => t(`chat.captured.${r.kind}` as MessageKey, ctx.locale, { item: r.item ?? 1 }));
  if (acknowledgements.length) await ctx.turn.send({ type: 'message', text: acknowledgements.join('\n\n') });
}
