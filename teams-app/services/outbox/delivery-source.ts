import type { OutboxMessage } from '../../domain';
import type { Collection, Stored } from '../../store';

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

/** The outbox collection as the worker's source: due messages by polling the collection (one instance, or several on one SQLite file). */
export function collectionSource(outbox: Collection<OutboxMessage>): DeliverySource {
  return {
    async due(now, limit) {
      const sending = await outbox.all({ where: { status: 'sending' } });
      const expired = sending.filter((row) => row.leaseUntil === null || Date.parse(row.leaseUntil) <= now);
      const due: Stored<OutboxMessage>[] = [...expired];
      let cursor: string | null = null;
      do {
        const page: Awaited<ReturnType<Collection<OutboxMessage>['list']>> = await outbox.list({
          where: { status: 'pending' },
          orderBy: 'notBefore',
          pageSize: Math.max(1, Math.min(500, limit - due.length)),
          cursor,
        });
        for (const item of page.items) {
          if (Date.parse(item.notBefore) > now) return due;
          due.push(item);
        }
        cursor = page.nextCursor;
      } while (cursor && due.length < limit);
      return due;
    },
    get: (id) => outbox.get(id),
    write: (next, etag) => outbox.update(next, etag),
    async putBack() {
      // Pending rows stay in the collection: the next poll finds them again.
    },
  };
}

/**
 * A work queue in front of the outbox collection (Azure Queue Storage). The outbox announces a message to it
 * before it records the message as pending, so a pending record always has a work item; an announced message
 * whose record never appears (the process died in between) is dropped by the queue's consumer.
 */
export interface WorkQueue {
  announce(message: OutboxMessage): Promise<void>;
}
