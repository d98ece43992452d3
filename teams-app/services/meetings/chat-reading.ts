import type { ChatMessage, ChatRecord } from '../../domain';

/**
 * How the recorded meeting chat is read before capture: what is the bot's Teams markup and which lines are
 * commands to the bot is known in `bot/`, which provides this port through the composition root.
 */
export interface ChatReading {
  /** The bot's display names: a line that starts with an @mention of one is addressed to the bot. */
  readonly botNames: readonly string[];
  /**
   * A recorded message as capture reads it (a leading @mention of the bot removed, so "@bot Decision: …" is a
   * decision), or null when it is a command to the bot rather than part of the discussion.
   */
  prepare(record: ChatRecord): ChatMessage | null;
}
