import type { Agenda, Minutes } from '../teams-app/domain';
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
  tabUrl: string,
): void {
  addMeetingChatRecorder(bot, meetings, chats);
  addMeetingCommands(bot, { meetings, chats, collection, tabUrl });
  addMeetingCardActions(bot, { meetings, chats, collection, tabUrl });
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
