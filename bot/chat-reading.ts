import type { ChatMessage, ChatRecord } from '../teams-app/domain';
import type { ChatReading } from '../teams-app/services';
import { parseCommand } from './commands';

function escaped(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A message's text as a person reads it: tags dropped (their text kept), spaces collapsed. */
function readable(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * How the meeting chat is read before capture, knowing the bot's Teams markup: a leading `<at>bot</at>` only
 * addresses the line to the bot (so "@bot Decision: …" is a decision), mentions of the bot are not people, and
 * a line that is a command of the registry (`minutes`, `agenda compile`, …) is not discussion.
 */
export function chatReading(botName: string): ChatReading {
  const leadingMention = new RegExp(`^\\s*(?:<p>)?\\s*<at>${escaped(botName)}</at>\\s*`, 'i');
  const isBot = (name: string) => name.trim().toLowerCase() === botName.trim().toLowerCase();
  return {
    botNames: [botName],
    prepare(record: ChatRecord): ChatMessage | null {
      const text = record.text.replace(leadingMention, '');
      if (parseCommand(readable(text), 'chat')) return null;
      return {
        id: record.id,
        from: {
          id: record.fromId,
          name: record.fromName,
          ...(record.fromAadObjectId ? { aadObjectId: record.fromAadObjectId } : {}),
        },
        text,
        timestamp: record.timestamp,
        mentions: record.mentions.filter((m) => !isBot(m.name)),
      };
    },
  };
}
