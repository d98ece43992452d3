import type { CollectionMessages } from '../teams-app/services';
import { delegationText, promptCard, reminderText } from './cards/status-card';

/** Renders the collection service's proactive messages with the bot's cards, as plain activities. */
export const collectionMessages: CollectionMessages = {
  prompt: (data, locale) => ({ type: 'message', attachments: [promptCard(data, locale)] }),
  reminder: (data, locale) => ({ type: 'message', textFormat: 'markdown', text: reminderText(data, locale) }),
  delegationNotice: (data, locale) => ({ type: 'message', text: delegationText(data, locale) }),
};
