/**
 * The outbox on Azure Storage, for several instances behind a load balancer.
 *
 * DESIGN
 * - The record of each message (status, attempts, lease, outcome) stays in the outbox collection on Table Storage
 *   (table-store.ts): the tracker lists a meeting's messages from it, and it is the one truth of a message's state.
 *   Every state change is an ETag-conditional write, so two workers can never both claim or both mark a message.
 * - Azure Queue Storage carries the work: one queue message per outbox message, holding its id (the idempotency
 *   key). The outbox records a message as pending first and announces it after (visible when due), each
 *   conversation's messages one after the other in send order (Outbox.enqueue), so an item always finds its record.
 *   An item also names the message queued before it in the same enqueue (`after`). A record left without an item
 *   (its enqueuer died in between) is announced again by the partition's holder once it has been due for
 *   `orphanAfterMs` without its item showing (a second item for one message is dropped on receipt).
 * - Partitions: conversations are hashed onto N queues (default 12). Each partition is held by one instance at a
 *   time through a blob lease (outbox-partitions.ts), and only its holder reads its queue. So all messages of a
 *   conversation pass through one instance, where the existing OutboxWorker keeps them in order and within Teams'
 *   per-conversation limits, exactly as on one instance. A partition changing hands waits a takeover pause (2 s,
 *   the longest short per-conversation window) before its messages go out.
 * - The app-wide 50 requests per second: the instances share them through the rate ledger (rate-ledger.ts), each
 *   taking whole slots in proportion to its demand (the due messages it knows of in the partitions it serves), so
 *   together they never exceed the limit and the busiest one gets most. Instances count each other through leased
 *   presence blobs and take ⌈N / live⌉ partitions each.
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
 * - Order per conversation: a message is never handed to the worker while an earlier message of its conversation
 *   (send order: createdAt, then id) is unsent — being sent, waiting on a retry, or due — unless that one is handed
 *   out with it or already handed to the worker here (its lanes send those in order). Each holder keeps the unsent
 *   messages of its partitions in memory, read from the records (two filtered queries) when it takes a partition,
 *   so a message waiting on its Retry-After keeps holding the conversation after a handover, and read again every
 *   `sweepMs`; what it learns from each received item and each write keeps it current between sweeps. A message
 *   held back is put back as a fresh item, due when the one before it is. Only a message that would wait reads
 *   the record of the one before it (which may have been finished by another instance or withdrawn): the usual
 *   send costs no read beyond its own, and no scan. An item whose `after` is unknown here reads that one record,
 *   so the queue's loose FIFO cannot put an enqueue's messages out of order. Across two enqueues the earlier one's
 *   item is visible before the later one's record is written; that the holder receives it first rests on Queue
 *   Storage handing out older visible items first (what it does, not what it promises), until the next sweep. A
 *   message scheduled for later and never tried (a reminder) holds nothing back, as on one instance. A sweep costs
 *   two queries that Table Storage answers by scanning the outbox partition: per instance every `sweepMs`, not per
 *   send.
 * - A message that must wait a little (a retry after Teams' Retry-After, or behind an earlier one of its
 *   conversation) stays with this instance: its item's visibility is pushed past the wait plus a lease and the
 *   instance hands it to the worker again when due, instead of queueing a fresh item that Queue Storage would show
 *   only at the next whole second and a receive would find later still. Waits beyond `LOCAL_WAIT_MS` go back to
 *   the queue as fresh items. Until handed out again, a message waiting here keeps holding its conversation.
 * - Withdrawn messages (a cancelled or moved meeting) are never sent: an item finding its record in any state but
 *   pending or sending is deleted, and a withdrawal after the receive makes the worker's ETag claim fail.
 * - Limits: the takeover pause covers Teams' 1 s and 2 s windows, not the 30 s and hourly ones (a 429 there is
 *   retried as usual). Every instance's own clock times the leases; keep them NTP-synchronised.
 */
import { QueueServiceClient, type DequeuedMessageItem, type QueueClient } from '@azure/storage-queue';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { OutboxMessage, deliveryFailure, isAppError } from '../../domain';
import { holdsBack, inSendOrder, type DeliverySource, type RateLimiter, type WorkQueue } from '../../services/outbox';
import type { Collection, Stored } from '../port';
import { LEASE_SECONDS, leaseContainer } from './blob-lease';
import { PartitionOwnership, hashOf } from './outbox-partitions';
import { RateLedger } from './rate-ledger';
import { AzureStorageSettings, storageNames } from './settings';
import { unavailable } from './storage-errors';

/** A work item as it sits in the queue. */
const WorkItem = z.object({
  v: z.literal(1),
  id: z.string().min(1).max(300),
  /** The message of the same conversation queued just before this one in the same enqueue, if any. */
  after: z.string().min(1).max(300).optional(),
  /**
   * The record as written by the enqueue, and its version: on its first receive the item needs no read (a record
   * changed since makes the claim fail, and the item shows again at once to be read then).
   */
  record: OutboxMessage.optional(),
  etag: z.string().min(1).max(200).optional(),
});
type WorkItem = z.infer<typeof WorkItem>;

/** The longest work item carrying its record (Queue Storage takes 64 KiB; XML escaping may grow the text). */
const ITEM_WITH_RECORD_MAX = 32_000;

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
  /**
   * How often the unsent records of the served partitions are read again, to forget what others finished and to
   * find records left without a work item (default 30 s; ten times that while work items are out).
   */
  sweepMs?: number;
  /** How long a due record may go without its work item showing before it is announced again (default 120 s). */
  orphanAfterMs?: number;
  /** How often this instance looks at the shared rate budget (ms, default 500). */
  rateRoundMs?: number;
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
  /** The item's `after` (see WorkItem), carried along when the item is put back. */
  after?: string;
}

/** What this instance knows of an unsent message of a served partition (from its record, when last read). */
interface Known extends Pick<
  OutboxMessage,
  'id' | 'createdAt' | 'conversationRefId' | 'status' | 'attempts' | 'notBefore'
> {
  leaseUntil: string | null;
  /** When it was learned (a sweep forgets only what it learned before the sweep's read began). */
  learnedAt: number;
}

/** Ids of finished messages remembered (so an `after` naming one needs no read). */
const FINISHED_KEPT = 10_000;
/** The longest wait behind a message another instance is sending before its record is read again. */
const SENDING_RECHECK_MS = 5000;

/** The longest wait a message spends held here rather than back in the queue (ms). */
const LOCAL_WAIT_MS = 10_000;
/** Records read at once when deciding the order of what was received. */
const READ_AT_ONCE = 32;
/** When an item held back behind an earlier message that is due but not yet received is looked at again. */
const RECHECK_MS = 2000;
/** How far ahead a message counts as due in this instance's demand for the rate budget (ms). */
const DEMAND_AHEAD_MS = 2000;
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
  /** Held messages waiting here until a time (a retry, or behind an earlier one), with the record when known. */
  private readonly later = new Map<string, { at: number; record?: Stored<OutboxMessage> }>();
  /** Per conversation of a served partition, its unsent messages (pending or sending) by id. */
  private readonly unsent = new Map<string, Map<string, Known>>();
  /** The served partitions whose unsent records were read, and when. */
  private readonly loadedAt = new Map<number, number>();
  /** When each unsent message's work item was last received here. */
  private readonly seen = new Map<string, number>();
  private readonly finished = new Set<string>();
  private sweptAt = Number.NEGATIVE_INFINITY;
  private readonly sweepMs: number;
  private readonly orphanAfterMs: number;
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
    private readonly ledger?: RateLedger,
  ) {
    this.instanceId = instanceId;
    this.partitions = queues.length;
    this.leaseSeconds = Math.max(1, seconds(options.leaseMs ?? 45_000));
    this.maxDequeue = Math.max(1, options.maxDequeue ?? 10);
    this.maxOutstanding = Math.max(1, options.maxOutstanding ?? 256);
    this.now = options.now ?? Date.now;
    this.sweepMs = Math.max(100, options.sweepMs ?? 30_000);
    this.orphanAfterMs = Math.max(1000, options.orphanAfterMs ?? 120_000);
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
      onError: options.onError,
    });
    const limiter = options.limiter;
    const budget = limiter?.fullGlobalLimits[0];
    const ledger =
      limiter && budget
        ? new RateLedger({
            container,
            instanceId,
            slots: budget.limit,
            windowMs: Math.max(...limiter.fullGlobalLimits.map((w) => w.windowMs)),
            roundMs: options.rateRoundMs,
            demand: () => built.queue?.demand() ?? 0,
            presentAt: () => ownership.presentAt(),
            // Renewed every third of the lease: two missed renewals, and the others still see it present.
            presenceMaxAgeMs: (leaseSeconds * 1000 * 2) / 3,
            liveIds: () => ownership.liveIds(),
            apply: (slots) => limiter.shareGlobal(slots / budget.limit),
            // The limiter's clock is monotonic; the ledger's is the wall clock the instances share.
            releasableAt: (slots) => Date.now() + (limiter.releasableAt(slots) - limiter.clockNow()),
            onError: options.onError,
          })
        : undefined;
    built.queue = new AzureOutboxQueue(options, queues, deadLetter, ownership, instanceId, ledger);
    return built.queue;
  }

  /** Starts serving partitions (announcing this instance) and taking part in the shared rate budget. */
  async start(): Promise<void> {
    await this.ownership.start();
    this.ledger?.start();
  }

  /** Hands every partition over; stop the worker first, so no work item is held any more. */
  async stop(): Promise<void> {
    await this.handBack([...this.held.keys()]);
    await Promise.allSettled([...this.pending]);
    await this.ledger?.stop();
    await this.ownership.stop();
  }

  /** Stops renewing partitions and holds nothing back, as a killed process would (crash tests). */
  abandon(): void {
    this.ledger?.abandon();
    this.ownership.abandon();
  }

  /** What this instance serves now: its partitions (taken over ones once their pause is over) and rate slots. */
  status(): { instance: string; partitions: number[]; rateSlots: number; held: number } {
    return {
      instance: this.instanceId,
      partitions: this.ownership.active(),
      rateSlots: this.rateSlots,
      held: this.held.size,
    };
  }

  /** The slots of the app's rate budget this instance uses now (none without a limiter). */
  get rateSlots(): number {
    return this.ledger?.slots ?? 0;
  }

  /**
   * The due messages this instance knows of in the partitions it serves: the work items it holds and the unsent
   * records due within a moment (a retry about to come due still needs its slot). What it asks the ledger for.
   */
  demand(now = this.now()): number {
    const ids = new Set(this.held.keys());
    for (const known of this.unsent.values()) {
      for (const k of known.values()) {
        if (k.status === 'sending' || Date.parse(k.notBefore) <= now + DEMAND_AHEAD_MS) ids.add(k.id);
      }
    }
    return ids.size;
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
    for (const [id, held] of this.held) {
      if (held.until > now) continue;
      this.held.delete(id);
      this.later.delete(id);
    }
  }

  async announce(message: OutboxMessage, options: { after?: string; etag?: string } = {}): Promise<void> {
    const item: WorkItem = { v: 1, id: message.id, ...(options.after ? { after: options.after } : {}) };
    let text = JSON.stringify(item);
    if (options.etag) {
      const carrying = JSON.stringify({ ...item, record: message, etag: options.etag });
      if (carrying.length <= ITEM_WITH_RECORD_MAX) text = carrying;
    }
    const queue = this.queues[this.partitionOf(message.conversationRefId)]!;
    // The record is written already: the item shows when the message is due.
    const wait = Math.max(0, Date.parse(message.notBefore) - this.now());
    try {
      await queue.sendMessage(text, { visibilityTimeout: seconds(wait), messageTimeToLive: -1 });
    } catch (error) {
      throw unavailable(error, 'queue an outbox message');
    }
  }

  async due(now: number, limit: number): Promise<Stored<OutboxMessage>[]> {
    this.prune();
    const partitions = await this.viewed(this.ownership.active(), now);
    const ready = await this.readyAgain(now);
    // Every served partition is asked at once, each for its part of the room left.
    const room = Math.min(limit, this.maxOutstanding - this.held.size);
    if (room <= 0 || partitions.length === 0) return this.inOrder(ready, now);
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
    return this.inOrder(
      [...ready, ...batches.flat().filter((record): record is Stored<OutboxMessage> => record !== null)],
      now,
    );
  }

  /** The messages waiting here whose time has come, as their records now stand (finished ones let go). */
  private async readyAgain(now: number): Promise<Stored<OutboxMessage>[]> {
    const due = [...this.later].filter(([, wait]) => wait.at <= now);
    for (const [id] of due) this.later.delete(id);
    const records = await Promise.all(
      due.map(async ([id, wait]) => {
        const held = this.held.get(id);
        if (!held) return null;
        try {
          const record = wait.record ?? (await this.options.outbox.get(id));
          if (!record || (record.status !== 'pending' && record.status !== 'sending')) {
            if (record) this.learn(record);
            this.held.delete(id);
            this.background(this.queues[held.partition]!.deleteMessage(held.messageId, held.popReceipt));
            return null;
          }
          this.learn(record);
          const until =
            record.status === 'pending' ? Date.parse(record.notBefore) : Date.parse(record.leaseUntil ?? '') + 1000;
          if (until > now) {
            await this.waitHere(id, held, until - now, record);
            return null;
          }
          return record;
        } catch (error) {
          this.options.onError?.(error);
          return null;
        }
      }),
    );
    return records.filter((record): record is Stored<OutboxMessage> => record !== null);
  }

  /**
   * The served partitions whose unsent records are known: a partition just taken is read first (so the hold behind
   * a message waiting on a retry survives the handover), and every `sweepMs` all are read again.
   */
  private async viewed(active: number[], now: number): Promise<number[]> {
    for (const partition of [...this.loadedAt.keys()]) if (!active.includes(partition)) this.unload(partition);
    const fresh = active.filter((partition) => !this.loadedAt.has(partition));
    // A sweep reads every unsent record: while work items are out it waits for a quiet moment (at most ten
    // sweeps' time), so it does not take its share of the storage from a fan-out under way.
    const due = now - this.sweptAt >= (this.held.size === 0 ? this.sweepMs : this.sweepMs * 10);
    const sweep = active.length > 0 && due;
    if (fresh.length > 0 || sweep) {
      try {
        await this.load(new Set(sweep ? active : fresh), now, sweep);
        if (sweep) this.sweptAt = now;
        for (const partition of fresh) this.loadedAt.set(partition, now);
      } catch (error) {
        this.options.onError?.(unavailable(error, 'read the unsent outbox records'));
      }
    }
    return active.filter((partition) => this.loadedAt.has(partition));
  }

  /**
   * Reads the unsent records of the given partitions (one query per state, filtered in the service). A sweep also
   * forgets what is no longer unsent and announces again each due record whose work item has not shown for
   * `orphanAfterMs` (its enqueuer died between the record and the announcement; a second item is harmless).
   */
  private async load(scope: Set<number>, now: number, sweep: boolean): Promise<void> {
    const started = this.now();
    const [pending, sending] = await Promise.all(
      (['pending', 'sending'] as const).map((status) => this.options.outbox.all({ where: { status } })),
    );
    const found = new Set<string>();
    for (const record of [...pending!, ...sending!]) {
      if (!scope.has(this.partitionOf(record.conversationRefId))) continue;
      found.add(record.id);
      this.learn(record, started, true);
    }
    if (!sweep) return;
    for (const [conversation, known] of this.unsent) {
      if (!scope.has(this.partitionOf(conversation))) continue;
      for (const [id, k] of known) {
        if (!found.has(id) && k.learnedAt < started && !this.held.has(id)) this.forget(conversation, id);
      }
    }
    for (const record of pending!) {
      const partition = this.partitionOf(record.conversationRefId);
      if (!scope.has(partition) || this.held.has(record.id)) continue;
      const since = Math.max(
        Date.parse(record.notBefore),
        this.seen.get(record.id) ?? this.loadedAt.get(partition) ?? now,
      );
      if (now - since < this.orphanAfterMs) continue;
      this.seen.set(record.id, now);
      const item: WorkItem = { v: 1, id: record.id };
      await this.queues[partition]!.sendMessage(JSON.stringify(item), { messageTimeToLive: -1 });
    }
  }

  /** Forgets what this instance knew of a partition it no longer serves (its next holder reads the records). */
  private unload(partition: number): void {
    this.loadedAt.delete(partition);
    // Messages waiting here show again in the queue when their visibility runs out, for the partition's new holder.
    for (const id of [...this.later.keys()]) {
      if (this.held.get(id)?.partition !== partition) continue;
      this.later.delete(id);
      this.held.delete(id);
    }
    for (const [conversation, known] of [...this.unsent]) {
      if (this.partitionOf(conversation) !== partition) continue;
      for (const id of known.keys()) this.seen.delete(id);
      this.unsent.delete(conversation);
    }
  }

  /**
   * Notes a message's state as read or written: unsent ones of a partition whose records were read are kept (or of
   * one being read: `loading`), finished ones forgotten.
   */
  private learn(record: OutboxMessage, at = this.now(), loading = false): void {
    const conversation = record.conversationRefId;
    if (record.status !== 'pending' && record.status !== 'sending') {
      this.forget(conversation, record.id);
      this.finished.add(record.id);
      for (const old of this.finished) {
        if (this.finished.size <= FINISHED_KEPT) break;
        this.finished.delete(old);
      }
      return;
    }
    if (!loading && !this.loadedAt.has(this.partitionOf(conversation))) return;
    let known = this.unsent.get(conversation);
    if (!known) this.unsent.set(conversation, (known = new Map()));
    const { id, createdAt, status, attempts, notBefore, leaseUntil } = record;
    known.set(id, {
      id,
      createdAt,
      conversationRefId: conversation,
      status,
      attempts,
      notBefore,
      leaseUntil,
      learnedAt: at,
    });
  }

  private forget(conversation: string, id: string): void {
    const known = this.unsent.get(conversation);
    known?.delete(id);
    if (known?.size === 0) this.unsent.delete(conversation);
    this.seen.delete(id);
  }

  /**
   * Keeps each conversation in order across instances: a received message goes only when no earlier message of
   * its conversation is unsent, apart from those going with it or already handed to the worker (its lanes order
   * those). One held back waits, here or back in the queue, until the message before it is due. An earlier message
   * counts once its record is read again (only then: the usual case costs no read); the records the decisions need
   * are read at once, not one after the other, and the items held back are set waiting together.
   */
  private async inOrder(records: Stored<OutboxMessage>[], now: number): Promise<Stored<OutboxMessage>[]> {
    const going = new Set(records.map((record) => record.id));
    const read = new Map<string, Stored<OutboxMessage> | null>(records.map((record) => [record.id, record]));
    try {
      await this.readAll(
        read,
        records.map((record) => this.unknownBefore(record, going)),
      );
      await this.readAll(
        read,
        records.flatMap((record) => this.waitingBefore(record, going, now)),
      );
    } catch (error) {
      // Whatever could not be read is read one by one below (or the message waits).
      this.options.onError?.(error);
    }
    const out: Stored<OutboxMessage>[] = [];
    const back: Promise<void>[] = [];
    for (const record of [...records].sort(inSendOrder)) {
      let blocker: OutboxMessage | null;
      try {
        blocker = await this.blockerOf(record, going, read, now);
      } catch (error) {
        this.options.onError?.(error);
        blocker = { ...record, notBefore: new Date(now).toISOString() };
      }
      if (!blocker) {
        out.push(record);
        continue;
      }
      going.delete(record.id);
      const held = this.held.get(record.id);
      this.held.delete(record.id);
      if (!held) continue;
      const until =
        blocker.status === 'pending'
          ? Date.parse(blocker.notBefore)
          : Math.min(now + SENDING_RECHECK_MS, Date.parse(blocker.leaseUntil ?? '') + 1000 || 0);
      back.push(
        this.waitHere(record.id, held, Math.max(RECHECK_MS, until - now), record).catch((error: unknown) =>
          this.options.onError?.(unavailable(error, 'hold back an outbox work item')),
        ),
      );
    }
    await Promise.all(back);
    return out;
  }

  /** The message queued just before this one in its enqueue, when nothing here knows what became of it. */
  private unknownBefore(record: OutboxMessage, going: ReadonlySet<string>): string | null {
    const after = this.held.get(record.id)?.after;
    if (after === undefined || going.has(after) || this.handed(after) || this.finished.has(after)) return null;
    return this.unsent.get(record.conversationRefId)?.has(after) ? null : after;
  }

  /** The earlier unsent messages of its conversation that would keep this one waiting, as last known here. */
  private waitingBefore(record: OutboxMessage, going: ReadonlySet<string>, now: number): string[] {
    return [...(this.unsent.get(record.conversationRefId)?.values() ?? [])]
      .filter((k) => inSendOrder(k, record) < 0 && !going.has(k.id) && !this.handed(k.id) && holdsBack(k, now))
      .map((k) => k.id);
  }

  /** Reads the records not read yet, several at a time, and learns what became of each. */
  private async readAll(
    read: Map<string, Stored<OutboxMessage> | null>,
    ids: readonly (string | null)[],
  ): Promise<void> {
    const wanted = [...new Set(ids.filter((id): id is string => id !== null && !read.has(id)))];
    for (let i = 0; i < wanted.length; i += READ_AT_ONCE) {
      const chunk = wanted.slice(i, i + READ_AT_ONCE);
      const records = await Promise.all(chunk.map((id) => this.options.outbox.get(id)));
      chunk.forEach((id, k) => {
        const record = records[k] ?? null;
        read.set(id, record);
        if (record) this.learn(record);
      });
    }
  }

  /** The earliest unsent message that keeps this one waiting, or null. */
  private async blockerOf(
    record: Stored<OutboxMessage>,
    going: ReadonlySet<string>,
    read: Map<string, Stored<OutboxMessage> | null>,
    now: number,
  ): Promise<OutboxMessage | null> {
    const conversation = record.conversationRefId;
    const fetch = async (id: string) => {
      if (!read.has(id)) read.set(id, await this.options.outbox.get(id));
      return read.get(id) ?? null;
    };
    const after = this.held.get(record.id)?.after;
    if (
      after !== undefined &&
      !going.has(after) &&
      !this.handed(after) &&
      !this.finished.has(after) &&
      !this.unsent.get(conversation)?.has(after)
    ) {
      // Its predecessor in one enqueue, not seen here yet (the queue gives no strict order): its record decides.
      const current = await fetch(after);
      if (current) this.learn(current);
    }
    const earlier = [...(this.unsent.get(conversation)?.values() ?? [])]
      .filter((k) => inSendOrder(k, record) < 0)
      .sort(inSendOrder);
    for (const k of earlier) {
      if (going.has(k.id) || this.handed(k.id) || !holdsBack(k, now)) continue;
      const current = await fetch(k.id);
      if (!current) {
        this.forget(conversation, k.id);
        continue;
      }
      this.learn(current);
      if (holdsBack(current, now)) return current;
    }
    return null;
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
      // First receive of an item carrying its record: as written (a later change fails the claim, see write()).
      const carried =
        parsed.record && parsed.etag && m.dequeueCount === 1 && parsed.record.id === parsed.id
          ? { ...parsed.record, etag: parsed.etag }
          : null;
      const record = carried ?? (await this.options.outbox.get(parsed.id));
      const hide = async (ms: number) => {
        await queue.updateMessage(m.messageId, m.popReceipt, undefined, seconds(ms));
      };
      if (!record || (record.status !== 'pending' && record.status !== 'sending')) {
        // The record is written before its item, so none means it is gone; one done (sent, undeliverable, failed,
        // or withdrawn with its meeting) is never sent: the item goes.
        if (record) this.learn(record);
        await queue.deleteMessage(m.messageId, m.popReceipt);
        return null;
      }
      this.learn(record);
      this.seen.set(record.id, now);
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
        ...(parsed.after ? { after: parsed.after } : {}),
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
          this.learn({ ...message, status: 'undeliverable' });
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
    let stored: Stored<OutboxMessage>;
    try {
      stored = await this.options.outbox.update(next, etag);
    } catch (error) {
      // The record changed since it was read (withdrawn, or taken on by another worker): its item shows again at
      // once, to be read afresh, rather than when its visibility runs out.
      const held = this.held.get(next.id);
      if (held && isAppError(error, 'store.conflict')) {
        this.held.delete(next.id);
        await this.queues[held.partition]!.updateMessage(held.messageId, held.popReceipt, undefined, 0).catch(
          (failure: unknown) => this.options.onError?.(unavailable(failure, 'show an outbox work item again')),
        );
      }
      throw error;
    }
    this.learn(next);
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
        await this.waitHere(next.id, held, Date.parse(next.notBefore) - now, stored);
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
        try {
          await this.waitHere(id, held, untilMs - now);
        } catch (error) {
          this.options.onError?.(unavailable(error, 'hand back an outbox work item'));
        }
      }),
    );
  }

  /** Hands items back to the queue (on stop), waiting ones included: due at once, or when they were to be. */
  private async handBack(ids: readonly string[]): Promise<void> {
    const now = this.now();
    await Promise.all(
      ids.map(async (id) => {
        const held = this.held.get(id);
        if (!held) return;
        const at = this.later.get(id)?.at ?? now;
        this.held.delete(id);
        this.later.delete(id);
        try {
          await this.replace(id, held, at - now);
        } catch (error) {
          this.options.onError?.(unavailable(error, 'hand back an outbox work item'));
        }
      }),
    );
  }

  /** True for a held message handed to the worker (its lanes keep its conversation's order), not one waiting here. */
  private handed(id: string): boolean {
    return this.held.has(id) && !this.later.has(id);
  }

  /**
   * Keeps a held message here for `delayMs` (see the design note): its item stays hidden for the wait and a lease
   * beyond it, so a crash meanwhile still brings it back. A longer wait goes back to the queue as a fresh item.
   */
  private async waitHere(id: string, held: Held, delayMs: number, record?: Stored<OutboxMessage>): Promise<void> {
    const now = this.now();
    const wait = Math.max(0, delayMs);
    if (wait > LOCAL_WAIT_MS) {
      this.held.delete(id);
      this.later.delete(id);
      await this.replace(id, held, wait);
      return;
    }
    const visible = seconds(wait + this.leaseSeconds * 1000);
    try {
      const updated = await this.queues[held.partition]!.updateMessage(
        held.messageId,
        held.popReceipt,
        undefined,
        visible,
      );
      if (updated.popReceipt) held.popReceipt = updated.popReceipt;
    } catch (error) {
      // Its visibility ran out and it was received again (or is about to be): the queue has it back.
      this.held.delete(id);
      this.later.delete(id);
      throw error;
    }
    held.until = now + visible * 1000;
    this.held.set(id, held);
    this.later.set(id, { at: now + wait, ...(record ? { record } : {}) });
    this.seen.set(id, now + wait);
  }

  /**
   * Puts a held item back, due in `delayMs`, as a fresh item: a message waiting for a retry or behind one is not a
   * poison message, so its receive count starts over (a crash in between leaves two items; the second is dropped).
   */
  private async replace(id: string, held: Held, delayMs: number): Promise<void> {
    const queue = this.queues[held.partition]!;
    const item: WorkItem = { v: 1, id, ...(held.after ? { after: held.after } : {}) };
    // It shows again then, not sooner: no orphan before that.
    this.seen.set(id, this.now() + Math.max(0, delayMs));
    await queue.sendMessage(JSON.stringify(item), { visibilityTimeout: seconds(delayMs), messageTimeToLive: -1 });
    await queue.deleteMessage(held.messageId, held.popReceipt);
  }

  /** Messages waiting in this instance's view: how many work items it holds now. */
  get outstanding(): number {
    return this.held.size;
  }
}
