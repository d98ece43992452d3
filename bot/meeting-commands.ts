import {
  AppError,
  isAppError,
  meetingTitle,
  permits,
  type Caller,
  type Meeting,
  type Operation,
  type TabLinks,
} from '../teams-app/domain';
import { t } from '../teams-app/i18n';
import type { CollectionService, MeetingChatService, MeetingService } from '../teams-app/services';
import type { Stored } from '../teams-app/store';
import { meetingTitleText, plain } from './cards/card';
import { CONFIRM_VERBS, confirmCard } from './cards/confirm-card';
import { agendaCard, minutesCard } from './cards/meeting-cards';
import type { ParsedCommand } from './commands';
import type { IscBot, TurnContext } from './handler';
import { permission } from './permissions';
import { readable } from './refusal';
import { seenChat } from './teams-channel-data';

/** What the meeting commands need from the app. */
export interface MeetingParts {
  meetings: MeetingService;
  chats: MeetingChatService;
  collection: CollectionService;
  /** How the cards link into the tab. */
  tab: TabLinks;
}

/** A meeting command's work, for a caller the permission table allows it. */
type MeetingCommand = (ctx: TurnContext, command: ParsedCommand, caller: Caller) => Promise<void>;

/**
 * A command gated by the permission table (the operation may depend on the command's option): refused politely for
 * others; a coded refusal is answered in the reader's language.
 */
function gated(operation: (command: ParsedCommand) => Operation, run: MeetingCommand) {
  return async (ctx: TurnContext, command: ParsedCommand): Promise<void> => {
    const permitted = permission(ctx, operation(command));
    if (!permitted.allowed) return void (await ctx.turn.send({ type: 'message', text: permitted.refusal }));
    try {
      await run(ctx, command, permitted.caller);
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

/**
 * `agenda [compile] [meeting]`: the latest agenda (anyone who may read it), compiled first when asked or, for those
 * who may compile it, when there is none yet.
 */
function agenda(parts: MeetingParts): MeetingCommand {
  return async (ctx, command, caller) => {
    const { meetings, tab } = parts;
    const meeting = await targetMeeting(parts, ctx, command.arg);
    let version = command.option ? null : await meetings.latestAgenda(meeting.id, caller);
    if (!version) {
      if (!permits(caller.roles, 'agenda.compile')) {
        throw new AppError('agenda.not-ready', 'No agenda has been compiled for this meeting yet.');
      }
      try {
        version = await meetings.compileAgenda(meeting.id, caller);
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
    const url = version.file ? (version.fileUrl ?? meetings.documentUrl(version.file)) : undefined;
    await ctx.turn.send({
      type: 'message',
      attachments: [agendaCard(version.agenda, version.version, ctx.locale, tab, published, url)],
    });
  };
}

/** `minutes [meeting]`: drafts the minutes from the recorded chat. */
function minutes(parts: MeetingParts): MeetingCommand {
  return async (ctx, command, caller) => {
    const meeting = await targetMeeting(parts, ctx, command.arg);
    const version = await parts.meetings.compileMinutes(meeting.id, caller);
    await ctx.turn.send({
      type: 'message',
      attachments: [minutesCard(version.minutes, ctx.locale, parts.tab, false)],
    });
  };
}

/** `meeting <n> [relink]`: links this chat to a meeting; a meeting linked elsewhere moves only with `relink`. */
function linkMeeting(parts: MeetingParts): MeetingCommand {
  return async (ctx, command, caller) => {
    if (ctx.turn.activity.conversation.conversationType === 'personal') return;
    const ref = command.arg ?? '';
    const meeting = await parts.collection.resolveMeeting(ref);
    try {
      const link = await parts.chats.linkChat(meeting.id, seenChat(ctx.turn.activity), caller, {
        relink: command.option,
      });
      const key = link.previousChatId ? 'chat.relinked' : 'chat.linked';
      await ctx.turn.send({
        type: 'message',
        text: t(key, ctx.locale, { meeting: meetingTitle(meeting, ctx.locale) }),
      });
    } catch (error) {
      if (!isAppError(error, 'meeting.chat-linked-elsewhere')) throw error;
      await ctx.turn.send({
        type: 'message',
        textFormat: 'markdown',
        text: t('chat.linkedElsewhere', ctx.locale, {
          meeting: meetingTitleText(meeting, ctx.locale),
          ref: plain(ref),
        }),
      });
    }
  };
}

/** Wires the meeting commands of the registry: agenda, minutes, meeting. */
export function addMeetingCommands(bot: IscBot, parts: MeetingParts): void {
  bot.onCommand(
    'agenda',
    gated((command) => (command.option ? 'agenda.compile' : 'agenda.read'), agenda(parts)),
  );
  bot.onCommand(
    'minutes',
    gated(() => 'minutes.compile', minutes(parts)),
  );
  bot.onCommand(
    'meeting',
    gated(() => 'chat.link', linkMeeting(parts)),
  );
}
