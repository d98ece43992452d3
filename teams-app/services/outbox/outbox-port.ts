import { z } from 'zod';
import { Instant, OutboxMessage } from '../../domain';
import type { Stored } from '../../store';

/** A message to queue: what the caller decides; the outbox fills in the delivery bookkeeping. */
export const OutboxDraft = OutboxMessage.pick({
  id: true,
  kind: true,
  meetingId: true,
  personId: true,
  topicId: true,
  conversationRefId: true,
  activity: true,
}).extend({
  replaceActivityId: OutboxMessage.shape.replaceActivityId.default(null),
  /** Not before this instant (default: now). */
  notBefore: Instant.optional(),
  /** Why the message cannot be sent at all (e.g. the app is not installed for the person): recorded, not sent. */
  undeliverableReason: z.string().max(1000).nullable().default(null),
});
export type OutboxDraft = z.input<typeof OutboxDraft>;

/** Which drafts were queued now and which were already there (same id: a no-op, never a duplicate). */
export interface EnqueueResult {
  created: string[];
  existing: string[];
}

/** The messages of one meeting, optionally of one kind and in one state. */
export interface OutboxQuery {
  meetingId: string;
  kind?: OutboxMessage['kind'];
  status?: OutboxMessage['status'];
}

/**
 * The durable outbox as the use cases see it: queue messages under an idempotency key, look them up, and send
 * one again. Injected into the services by the composition root (the SQLite-backed `Outbox` today; a queue
 * service when the app runs on several instances).
 */
export interface OutboxPort {
  /** Queues messages; an id already in the outbox (in any state) is left as it is. */
  enqueue(drafts: readonly OutboxDraft[]): Promise<EnqueueResult>;
  /** The message with this id (queued, sent or recorded undeliverable), or null. */
  get(id: string): Promise<Stored<OutboxMessage> | null>;
  /** The messages of a meeting (of one kind and state when given). */
  list(query: OutboxQuery): Promise<Stored<OutboxMessage>[]>;
  /**
   * Puts an undeliverable or failed message back in the queue with fresh attempts, optionally to a conversation
   * found since; false when the message is missing or not in one of those states.
   */
  requeue(id: string, options?: { conversationRefId?: string }): Promise<boolean>;
}
