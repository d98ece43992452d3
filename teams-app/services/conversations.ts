import { isAppError, type ConversationRef } from '../domain';
import type { Store } from '../store';

/** Keeps the conversation reference of everyone who talks to the bot, for proactive messages later. */
export class ConversationService {
  constructor(private readonly store: Store) {}

  /**
   * Stores or refreshes a reference; the id is stable per person and conversation type. An unchanged
   * reference seen again within a day is not rewritten, so ordinary turns cost no write.
   */
  async remember(ref: ConversationRef): Promise<void> {
    const existing = await this.store.conversations.get(ref.id);
    if (!existing) {
      try {
        await this.store.conversations.create(ref);
        return;
      } catch (error) {
        if (!isAppError(error, 'store.already-exists')) throw error;
        // Created by a concurrent turn: fall through to the update.
      }
    }
    const current = existing ?? (await this.store.conversations.get(ref.id));
    if (!current) return;
    const { etag, updatedAt, ...kept } = current;
    const { updatedAt: seenAt, ...seen } = ref;
    const fresh = Date.parse(seenAt) - Date.parse(updatedAt) < 24 * 3600 * 1000;
    if (fresh && JSON.stringify(kept) === JSON.stringify(seen)) return;
    try {
      await this.store.conversations.update(ref, etag);
    } catch (error) {
      // A concurrent turn refreshed it first: its copy is as good as ours.
      if (!isAppError(error, 'store.conflict')) throw error;
    }
  }

  /** The personal-chat reference of a person, if the bot has one. */
  async personalChatOf(aadObjectId: string): Promise<ConversationRef | null> {
    const refs = await this.store.conversations.all({ where: { aadObjectId, conversationType: 'personal' } });
    return refs[0] ?? null;
  }
}
