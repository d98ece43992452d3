import type { OutboxMessage } from '../../domain';
import type { Collection, Stored } from '../../store';
import { inConversationOrder } from './conversation-order';
import { DEFAULT_RETRY } from './retry-policy';

/**
 * Where the outbox worker finds its work and records each message's state: the claim and mark steps of delivery.
 * Adapters: the outbox collection itself (`collectionSource`: the embedded store, polled) and a work queue in
 * front of it (Azure Queue Storage, several instances). The record in the outbox collection stays the one truth
 * of a message's state; a work queue only tells which messages to look at, and when.
 */
export interface DeliverySource {
  /**
   * Messages to work on now, oldest first, at most `limit`: pending ones whose notBefore has passed, and ones left
   * in 'sending' whose lease has expired (their worker died mid-send; the worker decides what to do with them).
   * None while an earlier message of its conversation is being sent, waits on a retry or is due without being
   * among them (`holdsBack`), whichever worker sent it before: that keeps each conversation in order across
   * workers, restarts and handovers.
   */
  due(now: number, limit: number): Promise<Stored<OutboxMessage>[]>;
  /** The message as stored now, or null. */
  get(id: string): Promise<Stored<OutboxMessage> | null>;
  /**
   * Writes a new state of a message if it is still the version read (`store.conflict` otherwise): a claim
   * ('sending' with a lease), a lease renewal, or an outcome. A work queue follows the record: its work item is
   * done once the message is sent, undeliverable or failed, hidden until notBefore when pending again, and held for
   * the lease while sending.
   */
  write(next: OutboxMessage, etag: string): Promise<Stored<OutboxMessage>>;
  /** Messages `due` returned that the worker will not start now (their conversation waits, or it stops): hand them back, due again from `untilMs`. */
  putBack(ids: readonly string[], untilMs: number): Promise<void>;
}

/** How far ahead of now the polled source looks for messages waiting on a retry (the longest Retry-After honoured). */
const RETRY_HORIZON_MS = DEFAULT_RETRY.maxRetryAfterMs;
/** Rows of waiting messages read per poll at most, beyond the due ones. */
const WAITING_SCAN = 5000;

/**
 * The outbox collection as the worker's source: due messages by polling the collection (one instance, or several on
 * one SQLite file). A due message whose conversation has an earlier message being sent or waiting on a retry is
 * left for a later poll, so the order holds whichever worker (or restarted process) polls.
 */
export function collectionSource(outbox: Collection<OutboxMessage>): DeliverySource {
  return {
    async due(now, limit) {
      const sending = await outbox.all({ where: { status: 'sending' } });
      const expired = sending.filter((row) => row.leaseUntil === null || Date.parse(row.leaseUntil) <= now);
      const due: Stored<OutboxMessage>[] = [...expired];
      const waiting: OutboxMessage[] = [...sending];
      let cursor: string | null = null;
      let read = 0;
      do {
        const page: Awaited<ReturnType<Collection<OutboxMessage>['list']>> = await outbox.list({
          where: { status: 'pending' },
          orderBy: 'notBefore',
          pageSize: 500,
          cursor,
        });
        for (const item of page.items) {
          const at = Date.parse(item.notBefore);
          if (at > now + RETRY_HORIZON_MS || read >= WAITING_SCAN) return inConversationOrder(due, waiting, now);
          if (at > now) {
            read += 1;
            if (item.attempts > 0) waiting.push(item);
          } else if (due.length < limit) due.push(item);
          else {
            read += 1;
            waiting.push(item);
          }
        }
        cursor = page.nextCursor;
      } while (cursor);
      return inConversationOrder(due, waiting, now);
    },
    get: (id) => outbox.get(id),
    write: (next, etag) => outbox.update(next, etag),
    async putBack() {
      // Pending rows stay in the collection: the next poll finds them again.
    },
  };
}

/**
 * A work queue in front of the outbox collection (Azure Queue Storage). The outbox records a message as pending
 * first and announces it after, one conversation's messages one after the other in send order, so a work item
 * always finds its record and a conversation's earlier messages are recorded before its later ones are announced.
 * A record left without a work item (the process died in between) is found and announced again by the queue's
 * consumer.
 */
export interface WorkQueue {
  /**
   * `after`: the message of the same conversation queued just before this one in the same call, if any; `etag`:
   * the version its record was written with (the queue may carry the record along, sparing its consumer a read).
   */
  announce(message: OutboxMessage, options?: { after?: string; etag?: string }): Promise<void>;
}
