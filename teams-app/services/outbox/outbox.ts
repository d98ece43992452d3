import { z } from 'zod';
import { AppError, isAppError, type OutboxMessage } from '../../domain';
import type { Store, Stored } from '../../store';
import { OutboxDraft, type EnqueueResult, type OutboxPort, type OutboxQuery } from './outbox-port';

/** How many messages are in each state. */
export interface OutboxStats {
  pending: number;
  sending: number;
  sent: number;
  undeliverable: number;
  failed: number;
  total: number;
}

const STATUSES = ['pending', 'sending', 'sent', 'undeliverable', 'failed'] as const;

/** Options of the outbox service. */
export interface OutboxOptions {
  /** Milliseconds since the epoch; `Date.now` by default. */
  now?: () => number;
}

/**
 * The durable outbox of proactive messages on the operational store: idempotent enqueue (the id is the key),
 * look-ups, counts, requeue. The implementation of {@link OutboxPort} the composition root injects.
 */
export class Outbox implements OutboxPort {
  private readonly now: () => number;

  constructor(
    private readonly store: Pick<Store, 'outbox'>,
    options: OutboxOptions = {},
  ) {
    this.now = options.now ?? Date.now;
  }

  /** Queues messages; an id already in the outbox (in any state) is left as it is. */
  async enqueue(drafts: readonly OutboxDraft[]): Promise<EnqueueResult> {
    const parsed = drafts.map((draft, index) => {
      const result = OutboxDraft.safeParse(draft);
      if (!result.success) {
        throw new AppError(
          'request.invalid',
          `Outbox message ${index} is not valid: ${z.prettifyError(result.error)}`,
          {
            index,
          },
        );
      }
      return result.data;
    });
    const createdAt = new Date(this.now()).toISOString();
    const result: EnqueueResult = { created: [], existing: [] };
    for (const draft of parsed) {
      const { undeliverableReason, ...fields } = draft;
      const message: OutboxMessage = {
        ...fields,
        status: undeliverableReason ? 'undeliverable' : 'pending',
        attempts: 0,
        // Normalised to UTC so the store's text order on notBefore is time order.
        notBefore: draft.notBefore ? new Date(draft.notBefore).toISOString() : createdAt,
        leaseUntil: null,
        lastError: undeliverableReason,
        sentActivityId: null,
        createdAt,
        sentAt: null,
      };
      try {
        await this.store.outbox.create(message);
        result.created.push(message.id);
      } catch (error) {
        if (!isAppError(error, 'store.already-exists')) throw error;
        result.existing.push(message.id);
      }
    }
    return result;
  }

  /** The message with this id, or null. */
  get(id: string): Promise<Stored<OutboxMessage> | null> {
    return this.store.outbox.get(id);
  }

  /** The messages of a meeting (of one kind and state when given). */
  list(query: OutboxQuery): Promise<Stored<OutboxMessage>[]> {
    const { meetingId, kind, status } = query;
    return this.store.outbox.all({
      where: { meetingId, ...(kind ? { kind } : {}), ...(status ? { status } : {}) },
    });
  }

  /** Counts messages by state, for one meeting or for all. */
  async stats(meetingId?: string): Promise<OutboxStats> {
    const counts = await Promise.all(
      STATUSES.map(async (status) => {
        const where = meetingId === undefined ? { status } : { status, meetingId };
        return (await this.store.outbox.all({ where })).length;
      }),
    );
    const [pending = 0, sending = 0, sent = 0, undeliverable = 0, failed = 0] = counts;
    return { pending, sending, sent, undeliverable, failed, total: pending + sending + sent + undeliverable + failed };
  }

  /** Messages that will not arrive without help (undeliverable or failed), for the tracker. */
  async problems(meetingId?: string): Promise<Stored<OutboxMessage>[]> {
    const lists = await Promise.all(
      (['undeliverable', 'failed'] as const).map((status) =>
        this.store.outbox.all({ where: meetingId === undefined ? { status } : { status, meetingId } }),
      ),
    );
    return lists.flat();
  }

  /**
   * Puts an undeliverable or failed message back in the queue (e.g. after the person installed the app), to the
   * conversation given when one was found since.
   */
  async requeue(id: string, options: { conversationRefId?: string } = {}): Promise<boolean> {
    const current = await this.store.outbox.get(id);
    if (!current || (current.status !== 'undeliverable' && current.status !== 'failed')) return false;
    const { etag, ...message } = current;
    await this.store.outbox.update(
      {
        ...message,
        conversationRefId: options.conversationRefId ?? message.conversationRefId,
        status: 'pending',
        attempts: 0,
        notBefore: new Date(this.now()).toISOString(),
        lastError: null,
      },
      etag,
    );
    return true;
  }
}
