import type { Agenda, Minutes, TabLinks } from '../teams-app/domain';
import type { CollectionService, MeetingChatService, MeetingMessages, MeetingService } from '../teams-app/services';
import { agendaCard, minutesCard } from './cards/meeting-cards';
import type { IscBot } from './handler';
import { addMeetingCardActions } from './meeting-card-actions';
import { addMeetingChatRecorder } from './meeting-chat-recorder';
import { addMeetingCommands } from './meeting-commands';

/**
 * Records meeting chats and wires the agenda and minutes commands and card buttons into the bot. Only a chat
 * linked to a meeting (by the meeting's Teams identity or a staff `meeting <n>`) is recorded.
 */
export function addMeetingHandlers(
  bot: IscBot,
  meetings: MeetingService,
  chats: MeetingChatService,
  collection: CollectionService,
): void {
  const tab = bot.tabLinks;
  addMeetingChatRecorder(bot, meetings, chats);
  addMeetingCommands(bot, { meetings, chats, collection, tab });
  addMeetingCardActions(bot, { meetings, chats, collection, tab });
}

/**
 * The messages posted to a meeting chat when the agenda is published or the minutes approved, each with a button to
 * the meeting's agenda or minutes in the tab.
 */
export function meetingMessages(tab: TabLinks): MeetingMessages {
  return {
    agendaPublished: (agenda: Agenda, url: string, locale) => ({
      type: 'message',
      attachments: [agendaCard(agenda, agenda.revision, locale, tab, true, url)],
    }),
    minutesApproved: (minutes: Minutes, url: string, locale) => ({
      type: 'message',
      attachments: [minutesCard(minutes, locale, tab, true, url)],
    }),
  };
}
