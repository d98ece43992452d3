import { isAppError, type ConversationRef } from '../domain';
import type { Store, Stored } from '../store';

/** Up to how many references the service keeps in memory (one per person and chat the bot talks in). */
const KNOWN_LIMIT = 10_000;

/** True when two references hold the same fields with the same values (they are flat: strings and nulls). */
function sameValues(a: object, b: object): boolean {
  const entries = Object.entries(b);
  return entries.length === Object.keys(a).length && entries.every(([key, value]) => Reflect.get(a, key) === value);
}

/** Keeps the conversation reference of everyone who talks to the bot, for proactive messages later. */
export class ConversationService {
  /** References as read here, all of them read at the store's version `knownAt` of the conversations. */
  private readonly known = new Map<string, Stored<ConversationRef>>();
  private knownAt = '';

  constructor(private readonly store: Store) {}

  /**
   * Stores or refreshes a reference; the id is stable per person and conversation type. An unchanged
   * reference seen again within a day is not rewritten, and one read before is not read again while no
   * reference has been written (by anyone), so ordinary turns cost neither a write nor a read.
   */
  async remember(ref: ConversationRef): Promise<void> {
    const existing = await this.stored(ref.id);
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
    if (fresh && sameValues(kept, seen)) return;
    try {
      await this.store.conversations.update(ref, etag);
    } catch (error) {
      // A concurrent turn refreshed it first: its copy is as good as ours.
      if (!isAppError(error, 'store.conflict')) throw error;
    }
  }

  /** A stored reference, read once per version of the store's conversations. */
  private async stored(id: string): Promise<Stored<ConversationRef> | null> {
    // The version is read before the record: a write in between costs one more read, never a stale reference.
    const version = this.store.version('conversations');
    if (version !== this.knownAt || this.known.size >= KNOWN_LIMIT) {
      this.known.clear();
      this.knownAt = version;
    }
    const known = this.known.get(id);
    if (known) return known;
    const read = await this.store.conversations.get(id);
    if (read && this.knownAt === version) this.known.set(id, Object.freeze(read));
    return read;
  }

  /** The personal-chat reference of a person, if the bot has one. */
  async personalChatOf(aadObjectId: string): Promise<ConversationRef | null> {
    const refs = await this.store.conversations.all({ where: { aadObjectId, conversationType: 'personal' } });
    return refs[0] ?? null;
  }
}
