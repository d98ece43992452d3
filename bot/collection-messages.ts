import type { TabLinks } from '../teams-app/domain';
import type { CollectionMessages } from '../teams-app/services';
import { delegationText, promptCard, reminderText } from './cards/status-card';

/**
 * Renders the collection service's proactive messages with the bot's cards, as plain activities; prompts and
 * reminders link to the person's work in the tab when `tab` is given.
 */
export function collectionMessagesFor(tab: TabLinks | null): CollectionMessages {
  const links = tab ?? undefined;
  return {
    prompt: (data, locale) => ({ type: 'message', attachments: [promptCard(data, locale, {}, undefined, links)] }),
    reminder: (data, locale) => ({ type: 'message', textFormat: 'markdown', text: reminderText(data, locale, links) }),
    delegationNotice: (data, locale) => ({ type: 'message', text: delegationText(data, locale) }),
  };
}

/** The collection service's proactive messages without links to the tab (for tools and tests without one). */
export const collectionMessages: CollectionMessages = collectionMessagesFor(null);
