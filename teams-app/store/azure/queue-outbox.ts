/**
 * The outbox on Azure Storage, for several instances behind a load balancer.
 *
 * DESIGN
 * - The record of each message (status, attempts, lease, outcome) stays in the outbox collection on Table Storage
 *   (table-store.ts): the tracker lists a meeting's messages from it, and it is the one truth of a message's state.
 *   Every state change is an ETag-conditional write, so two workers can never both claim or both mark a message.
 * - Azure Queue Storage carries the work: one queue message per outbox message, holding its id (the idempotency
 *   key). The outbox announces a message to the queue before it records it as pending (WorkQueue), so no pending
 *   record lacks a work item; an item whose record never appears is dropped after a grace period.
 * - Partitions: conversations are hashed onto N queues (default 12). Each partition is held by one instance at a
 *   time through a blob lease (outbox-partitions.ts), and only its holder reads its queue. So all messages of a
 *   conversation pass through one instance, where the existing OutboxWorker keeps them in order and within Teams'
 *   per-conversation limits, exactly as on one instance. A partition changing hands waits a takeover pause (2 s,
 *   the longest short per-conversation window) before its messages go out.
 * - The app-wide 50 requests per second: each instance's limiter gets the share of the partitions it serves
 *   (RateLimiter.shareGlobal); partitions are owned exclusively, so the shares never add up to more than the limit.
 *   Instances count each other through leased presence blobs and take ⌈N / live⌉ partitions each.
 * - The lease of a message is the queue's visibility timeout, kept in step with the record's `leaseUntil`: received
 *   invisible for the lease, extended on the claim and its renewals, and hidden until `notBefore` when a retry is
 *   scheduled. A worker that dies leaves its messages to reappear when their visibility runs out; the partition's
 *   next holder finds the record in 'sending' with an expired lease and takes it back (the worker's crash policy).
 * - Exactly-once as far as the Bot Connector allows: a message is marked sent once (the conditional write); the
 *   queue item is deleted only after the record says sent. A crash between the post and the mark resends at most
 *   that message; a crash between the mark and the delete leaves an item that finds the record sent and is dropped.
 * - Poison: an item received more than `maxDequeue` times without an outcome is copied to the dead-letter queue,
 *   its record marked undeliverable (`delivery.poison`, shown on the tracker like any undeliverable message) and the
 *   item deleted.
 * - Limits: the per-conversation hold behind a retried message (OutboxWorker) lives in the serving instance's
 *   memory; when a partition changes hands while a message waits for its Retry-After, a later message of the same
 *   conversation can go first. The takeover pause covers Teams' 1 s and 2 s windows, not the 30 s and hourly ones
 *   (a 429 there is retried as usual). Every instance's own clock times the leases; keep them NTP-synchronised.
 */
import { QueueServiceClient, type DequeuedMessageItem, type QueueClient } from '@azure/storage-queue';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { deliveryFailure, isAppError, type OutboxMessage } from '../../domain';
import type { DeliverySource, RateLimiter, WorkQueue } from '../../services/outbox';
import type { Collection, Stored } from '../port';
import { LEASE_SECONDS, leaseContainer } from './blob-lease';
import { PartitionOwnership, hashOf } from './outbox-partitions';
import { AzureStorageSettings, storageNames } from './settings';
import { unavailable } from './storage-errors';

/** A work item as it sits in the queue. */
const WorkItem = z.object({ v: z.literal(1), id: z.string().min(1).max(300) });
type WorkItem = z.infer<typeof WorkItem>;

/** Options of the queue outbox. */
export interface AzureOutboxQueueOptions extends AzureStorageSettings {
  /** The outbox collection holding the records (the Table Storage operational store's). */
  outbox: Collection<OutboxMessage>;
  /** The worker's limiter: its app-wide windows are set to this instance's share. */
  limiter?: RateLimiter;
  /** Partitions (queues) of the outbox; fixed for a deployment (default 12). */
  partitions?: number;
  /** The lease of a received message, in ms (default 45 s; above the sender's 30 s timeout). */
  leaseMs?: number;
  /** The blob lease of a partition, 15–60 s (default 15): a dead instance's partitions are free within it. */
  partitionLeaseSeconds?: number;
  /** How often partition leases are renewed and rebalanced (default a third of their lease). */
  renewMs?: number;
  /** Pause before a newly acquired partition's messages go out (default 2000 ms). */
  takeoverPauseMs?: number;
  /** Receives of one item without an outcome (or a retry) before it is poison (default 10). */
  maxDequeue?: number;
  /** Work items this instance holds at most at once (default 256), so no received item outlives its lease unsent. */
  maxOutstanding?: number;
  /** This instance's name among the others (default a random id). */
  instanceId?: string;
  /** Milliseconds since the epoch (the worker's clock). */
  now?: () => number;
  onError?: (error: unknown) => void;
  /** Told of every item moved to the dead-letter queue. */
  onPoison?: (event: { id: string | null; partition: number; dequeueCount: number }) => void;
}

interface Held {
  partition: number;
  messageId: string;
  popReceipt: string;
  /** When the item becomes visible again unless extended (then it is no longer held). */
  until: number;
}

/** How long an item may wait for its record to appear, or to turn pending again after a requeue. */
const GRACE_MS = 30_000;
/** When an item waiting for its record is looked at again. */
const RECHECK_SECONDS = 2;
/** The longest visibility timeout Queue Storage takes (7 days), in seconds. */
const MAX_VISIBILITY_SECONDS = 7 * 24 * 3600 - 1;

function seconds(ms: number): number {
  return Math.min(MAX_VISIBILITY_SECONDS, Math.max(0, Math.ceil(ms / 1000)));
}

/** The queue outbox: the outbox's WorkQueue and the worker's DeliverySource on Azure Queue Storage. */
export class AzureOutboxQueue implements WorkQueue, DeliverySource {
  readonly instanceId: string;
  readonly partitions: number;
  private readonly held = new Map<string, Held>();
  private readonly leaseSeconds: number;
  private readonly maxDequeue: number;
  private readonly maxOutstanding: number;
  private readonly now: () => number;

  private constructor(
    private readonly options: AzureOutboxQueueOptions,
    private readonly queues: QueueClient[],
    private readonly deadLetter: QueueClient,
    readonly ownership: PartitionOwnership,
    instanceId: string,
  ) {
    this.instanceId = instanceId;
    this.partitions = queues.length;
    this.leaseSeconds = Math.max(1, seconds(options.leaseMs ?? 45_000));
    this.maxDequeue = Math.max(1, options.maxDequeue ?? 10);
    this.maxOutstanding = Math.max(1, options.maxOutstanding ?? 256);
    this.now = options.now ?? Date.now;
  }

  /** Opens the queues and the lease container (creating them when missing); call start() to serve partitions. */
  static async open(options: AzureOutboxQueueOptions): Promise<AzureOutboxQueue> {
    const settings = AzureStorageSettings.parse(options);
    const names = storageNames(settings.prefix);
    const count = Math.max(1, Math.min(64, Math.floor(options.partitions ?? 12)));
    const service = QueueServiceClient.fromConnectionString(settings.connectionString);
    const queues = Array.from({ length: count }, (_, k) => service.getQueueClient(names.queue(k)));
    const deadLetter = service.getQueueClient(names.deadLetter);
    try {
      await Promise.all([...queues, deadLetter].map((q) => q.createIfNotExists()));
    } catch (error) {
      throw unavailable(error, 'create the outbox queues');
    }
    const container = await leaseContainer(settings.connectionString, names.leases);
    const instanceId = options.instanceId ?? randomUUID();
    const leaseSeconds = Math.min(
      LEASE_SECONDS.max,
      Math.max(LEASE_SECONDS.min, Math.round(options.partitionLeaseSeconds ?? 15)),
    );
    const built: { queue?: AzureOutboxQueue } = {};
    const ownership = new PartitionOwnership({
      container,
      partitions: count,
      instanceId,
      leaseSeconds,
      renewMs: options.renewMs,
      takeoverPauseMs: options.takeoverPauseMs,
      idle: (partition) => built.queue?.idle(partition) ?? true,
      onShare: (share) => options.limiter?.shareGlobal(share),
      onError: options.onError,
    });
    built.queue = new AzureOutboxQueue(options, queues, deadLetter, ownership, instanceId);
    return built.queue;
  }

  /** Starts serving partitions (announcing this instance, taking its share). */
  start(): Promise<void> {
    return this.ownership.start();
  }

  /** Hands every partition over; stop the worker first, so no work item is held any more. */
  async stop(): Promise<void> {
    await this.putBack([...this.held.keys()], this.now());
    await Promise.allSettled([...this.pending]);
    await this.ownership.stop();
  }

  /** Stops renewing partitions and holds nothing back, as a killed process would (crash tests). */
  abandon(): void {
    this.ownership.abandon();
  }

  /** The partition of a conversation: the same on every instance. */
  partitionOf(conversationRefId: string): number {
    return hashOf(conversationRefId) % this.partitions;
  }

  /** The dead-letter queue (for operators and tests). */
  get deadLetterQueue(): QueueClient {
    return this.deadLetter;
  }

  private idle(partition: number): boolean {
    this.prune();
    for (const held of this.held.values()) if (held.partition === partition) return false;
    return true;
  }

  /** Forgets items whose visibility ran out without an outcome (the worker dropped them): they are received again. */
  private prune(): void {
    const now = this.now();
    for (const [id, held] of this.held) if (held.until <= now) this.held.delete(id);
  }

  async announce(message: OutboxMessage): Promise<void> {
    const item: WorkItem = { v: 1, id: message.id };
    const queue = this.queues[this.partitionOf(message.conversationRefId)]!;
    // At least a second, so the record (written right after) is there when the item is first received.
    const wait = Math.max(1000, Date.parse(message.notBefore) - this.now());
    try {
      await queue.sendMessage(JSON.stringify(item), { visibilityTimeout: seconds(wait), messageTimeToLive: -1 });
    } catch (error) {
      throw unavailable(error, 'queue an outbox message');
    }
  }

  async due(now: number, limit: number): Promise<Stored<OutboxMessage>[]> {
    this.prune();
    const partitions = this.ownership.active();
    // Every served partition is asked at once, each for its part of the room left.
    const room = Math.min(limit, this.maxOutstanding - this.held.size);
    if (room <= 0 || partitions.length === 0) return [];
    const each = Math.max(1, Math.min(32, Math.ceil(room / partitions.length)));
    const batches = await Promise.all(
      partitions.map(async (partition) => {
        let received: DequeuedMessageItem[];
        try {
          received = (
            await this.queues[partition]!.receiveMessages({
              numberOfMessages: each,
              visibilityTimeout: this.leaseSeconds,
            })
          ).receivedMessageItems;
        } catch (error) {
          this.options.onError?.(unavailable(error, `receive from outbox partition ${partition}`));
          return [];
        }
        return Promise.all(received.map((m) => this.triage(partition, m, now)));
      }),
    );
    return batches.flat().filter((record): record is Stored<OutboxMessage> => record !== null);
  }

  /** Decides what a received item means: work now, later (hidden again), done (deleted) or poison. */
  private async triage(partition: number, m: DequeuedMessageItem, now: number): Promise<Stored<OutboxMessage> | null> {
    const queue = this.queues[partition]!;
    let parsed: WorkItem | null;
    try {
      parsed = WorkItem.parse(JSON.parse(m.messageText));
    } catch {
      parsed = null;
    }
    try {
      if (!parsed || m.dequeueCount > this.maxDequeue) {
        await this.poison(partition, m, parsed?.id ?? null);
        return null;
      }
      const record = await this.options.outbox.get(parsed.id);
      const hide = async (ms: number) => {
        await queue.updateMessage(m.messageId, m.popReceipt, undefined, seconds(ms));
      };
      if (!record || (record.status !== 'pending' && record.status !== 'sending')) {
        // Announced but not (yet) recorded, or requeued but not yet pending again: look once more within the grace.
        if (now - m.insertedOn.getTime() < GRACE_MS) await hide(RECHECK_SECONDS * 1000);
        else await queue.deleteMessage(m.messageId, m.popReceipt);
        return null;
      }
      if (record.status === 'pending' && Date.parse(record.notBefore) > now) {
        await hide(Date.parse(record.notBefore) - now);
        return null;
      }
      if (record.status === 'sending' && record.leaseUntil !== null && Date.parse(record.leaseUntil) > now) {
        await hide(Date.parse(record.leaseUntil) - now + 1000);
        return null;
      }
      const already = this.held.get(record.id);
      if (already && already.messageId !== m.messageId) {
        // A second item for one message (an enqueue raced another): the first one covers it.
        await queue.deleteMessage(m.messageId, m.popReceipt);
        return null;
      }
      this.held.set(record.id, {
        partition,
        messageId: m.messageId,
        popReceipt: m.popReceipt,
        until: this.now() + this.leaseSeconds * 1000,
      });
      return record;
    } catch (error) {
      this.options.onError?.(error);
      return null;
    }
  }

  /** Moves an item to the dead-letter queue and records its message as undeliverable. */
  private async poison(partition: number, m: DequeuedMessageItem, id: string | null): Promise<void> {
    await this.deadLetter.sendMessage(
      JSON.stringify({ id, partition, dequeueCount: m.dequeueCount, insertedOn: m.insertedOn, text: m.messageText }),
      { messageTimeToLive: -1 },
    );
    if (id !== null) {
      const record = await this.options.outbox.get(id);
      if (record && record.status !== 'sent' && record.status !== 'undeliverable') {
        const { etag, ...message } = record;
        const lastError = deliveryFailure(
          'delivery.poison',
          `work item received ${m.dequeueCount} times without an outcome; moved to the dead-letter queue`,
        );
        try {
          await this.options.outbox.update({ ...message, status: 'undeliverable', leaseUntil: null, lastError }, etag);
        } catch (error) {
          if (!isAppError(error, 'store.conflict')) throw error;
        }
      }
    }
    await this.queues[partition]!.deleteMessage(m.messageId, m.popReceipt);
    this.held.delete(id ?? '');
    this.options.onPoison?.({ id, partition, dequeueCount: m.dequeueCount });
  }

  get(id: string): Promise<Stored<OutboxMessage> | null> {
    return this.options.outbox.get(id);
  }

  async write(next: OutboxMessage, etag: string): Promise<Stored<OutboxMessage>> {
    const stored = await this.options.outbox.update(next, etag);
    const held = this.held.get(next.id);
    if (!held) return stored;
    const queue = this.queues[held.partition]!;
    const now = this.now();
    try {
      if (next.status === 'sending') {
        const until = next.leaseUntil === null ? now : Date.parse(next.leaseUntil);
        // A claim right after the receive needs no extension: should the item show again shortly before the
        // record's lease ends, it finds the message 'sending' and hides until then. A renewal extends it.
        if (held.until < until - (this.leaseSeconds * 1000) / 2) {
          const visible = seconds(until - now) + 1;
          const updated = await queue.updateMessage(held.messageId, held.popReceipt, undefined, visible);
          if (updated.popReceipt) held.popReceipt = updated.popReceipt;
          held.until = now + visible * 1000;
        }
      } else if (next.status === 'pending') {
        this.held.delete(next.id);
        await this.replace(next.id, held, Date.parse(next.notBefore) - now);
      } else {
        // The record says done: the item goes in the background (left over, it would find the record done).
        this.held.delete(next.id);
        this.background(queue.deleteMessage(held.messageId, held.popReceipt));
      }
    } catch (error) {
      // The item's visibility ran out and it was received again: the record still decides what happens to it.
      this.held.delete(next.id);
      this.options.onError?.(unavailable(error, 'update an outbox work item'));
    }
    return stored;
  }

  private readonly pending = new Set<Promise<unknown>>();

  private background(work: Promise<unknown>): void {
    const tracked = work
      .catch((error: unknown) => this.options.onError?.(unavailable(error, 'delete an outbox work item')))
      .finally(() => this.pending.delete(tracked));
    this.pending.add(tracked);
  }

  async putBack(ids: readonly string[], untilMs: number): Promise<void> {
    const now = this.now();
    await Promise.all(
      ids.map(async (id) => {
        const held = this.held.get(id);
        if (!held) return;
        this.held.delete(id);
        try {
          await this.replace(id, held, untilMs - now);
        } catch (error) {
          this.options.onError?.(unavailable(error, 'hand back an outbox work item'));
        }
      }),
    );
  }

  /**
   * Puts a held item back, due in `delayMs`, as a fresh item: a message waiting for a retry or behind one is not a
   * poison message, so its receive count starts over (a crash in between leaves two items; the second is dropped).
   */
  private async replace(id: string, held: Held, delayMs: number): Promise<void> {
    const queue = this.queues[held.partition]!;
    const item: WorkItem = { v: 1, id };
    await queue.sendMessage(JSON.stringify(item), { visibilityTimeout: seconds(delayMs), messageTimeToLive: -1 });
    await queue.deleteMessage(held.messageId, held.popReceipt);
  }

  /** Messages waiting in this instance's view: how many work items it holds now. */
  get outstanding(): number {
    return this.held.size;
  }
}
