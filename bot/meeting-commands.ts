import { isAppError, type Meeting } from '../teams-app/domain';
import { t } from '../teams-app/i18n';
import type { CollectionService, MeetingChatService, MeetingService, Staff } from '../teams-app/services';
import type { Stored } from '../teams-app/store';
import { plain } from './cards/card';
import { CONFIRM_VERBS, confirmCard } from './cards/confirm-card';
import { agendaCard, minutesCard } from './cards/meeting-cards';
import type { ParsedCommand } from './commands';
import type { IscBot, TurnContext } from './handler';
import { readable, staffOf } from './meeting-staff';
import { seenChat } from './teams-channel-data';

/** What the meeting commands need from the app. */
export interface MeetingParts {
  meetings: MeetingService;
  chats: MeetingChatService;
  collection: CollectionService;
  tabUrl: string;
}

/** A staff command: refused politely for others; a coded refusal is answered in the reader's language. */
type StaffCommand = (ctx: TurnContext, command: ParsedCommand, staff: Staff) => Promise<void>;

function staffCommand(run: StaffCommand) {
  return async (ctx: TurnContext, command: ParsedCommand): Promise<void> => {
    const staff = staffOf(ctx.person);
    if (!staff) return void (await ctx.turn.send({ type: 'message', text: t('forbidden.chair', ctx.locale) }));
    try {
      await run(ctx, command, staff);
    } catch (error) {
      if (!isAppError(error) || error.status >= 500) throw error;
      await ctx.turn.send({ type: 'message', text: readable(error, ctx) });
    }
  };
}

/** The meeting a command is about: the one named, else in a chat the chat's meeting, else the next one. */
async function targetMeeting(parts: MeetingParts, ctx: TurnContext, ref: string | undefined): Promise<Stored<Meeting>> {
  if (!ref && ctx.turn.activity.conversation.conversationType !== 'personal') {
    const linked = await parts.chats.meetingForChat(seenChat(ctx.turn.activity));
    if (linked) return linked;
  }
  return parts.collection.resolveMeeting(ref);
}

/** `agenda [compile] [meeting]`: the latest agenda, compiled first when there is none or when asked. */
function agenda(parts: MeetingParts): StaffCommand {
  return async (ctx, command, staff) => {
    const { meetings, tabUrl } = parts;
    const meeting = await targetMeeting(parts, ctx, command.arg);
    let version = await meetings.latestAgenda(meeting.id);
    if (!version || command.option) {
      try {
        version = await meetings.compileAgenda(meeting.id, staff);
      } catch (error) {
        if (!isAppError(error, 'collection.incomplete')) throw error;
        const button = {
          title: t('confirm.compile', ctx.locale),
          verb: CONFIRM_VERBS.compileAgenda,
          meetingId: meeting.id,
        };
        await ctx.turn.send({ type: 'message', attachments: [confirmCard(readable(error, ctx), button, ctx.locale)] });
        return;
      }
    }
    const published = version.status === 'published';
    const url = version.file ? meetings.documentUrl(version.file) : undefined;
    await ctx.turn.send({
      type: 'message',
      attachments: [agendaCard(version.agenda, version.version, ctx.locale, tabUrl, published, url)],
    });
  };
}

/** `minutes [meeting]`: drafts the minutes from the recorded chat. */
function minutes(parts: MeetingParts): StaffCommand {
  return async (ctx, command, staff) => {
    const meeting = await targetMeeting(parts, ctx, command.arg);
    const version = await parts.meetings.compileMinutes(meeting.id, staff);
    await ctx.turn.send({
      type: 'message',
      attachments: [minutesCard(version.minutes, ctx.locale, parts.tabUrl, false)],
    });
  };
}

/** `meeting <n> [relink]`: links this chat to a meeting; a meeting linked elsewhere moves only with `relink`. */
function linkMeeting(parts: MeetingParts): StaffCommand {
  return async (ctx, command, staff) => {
    if (ctx.turn.activity.conversation.conversationType === 'personal') return;
    const ref = command.arg ?? '';
    const meeting = await parts.collection.resolveMeeting(ref);
    try {
      const link = await parts.chats.linkChat(meeting.id, seenChat(ctx.turn.activity), staff, {
        relink: command.option,
      });
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
  };
}

/** Wires the meeting commands of the registry: agenda, minutes, meeting. */
export function addMeetingCommands(bot: IscBot, parts: MeetingParts): void {
  bot.onCommand('agenda', staffCommand(agenda(parts)));
  bot.onCommand('minutes', staffCommand(minutes(parts)));
  bot.onCommand('meeting', staffCommand(linkMeeting(parts)));
}
