import { setMaxListeners } from 'node:events';
import { deliveryFailure, isAppError, type ConversationRef, type OutboxMessage } from '../../domain';
import type { Store, Stored } from '../../store';
import { systemClock, type Clock } from './clock';
import { recoverInterrupted, type InterruptedSendPolicy } from './crash-recovery';
import { inSendOrder } from './conversation-order';
import { collectionSource, type DeliverySource } from './delivery-source';
import { RateLimiter } from './rate-limiter';
import { DEFAULT_RETRY, RetryOptions, classifyFailure, truncate } from './retry-policy';
import { Semaphore } from './semaphore';
import { Turnstile } from './turnstile';
import { isDeliveryError, type Sender } from './sender';

/** Options of the outbox worker; everything but the store and the sender has a production default. */
export interface OutboxWorkerOptions {
  store: Pick<Store, 'outbox' | 'conversations'>;
  sender: Sender;
  /**
   * Where due messages come from and where their states are written: by default the store's outbox collection,
   * polled; a work queue (Azure Queue Storage) when several instances deliver.
   */
  source?: DeliverySource;
  /**
   * Shared by everything that sends as this app; by default the Teams limits. The worker counts each send from its
   * answer (RateLimiter.begin/end), so the limiter needs no margin for the time on the way and no smoothing.
   */
  limiter?: RateLimiter;
  clock?: Clock;
  /** Uniform in [0, 1), for backoff jitter. */
  random?: () => number;
  retry?: Partial<RetryOptions>;
  /** Sends in flight at once, across conversations (default 32). */
  concurrency?: number;
  /** Due messages looked at per poll (default 1000). */
  scanSize?: number;
  /** Pause between polls of start() (default 1000 ms). */
  pollMs?: number;
  /** How long a claim holds; must exceed the sender's request timeout (default 120 s). */
  leaseMs?: number;
  /** What to do with a new message interrupted by a crash mid-send (default 'resend'). */
  interruptedSend?: InterruptedSendPolicy;
  onProgress?: (event: OutboxProgress) => void;
}

/** What the worker reports as it goes, for the collection tracker and logs. */
export type OutboxProgress =
  | { type: 'sent'; message: OutboxMessage }
  | { type: 'retry'; message: OutboxMessage; delayMs: number }
  | { type: 'undeliverable'; message: OutboxMessage }
  | { type: 'failed'; message: OutboxMessage }
  | { type: 'recovered'; message: OutboxMessage }
  | { type: 'error'; error: unknown };

/** Running totals of a worker (or of one runOnce). */
export interface OutboxCounters {
  sent: number;
  retried: number;
  undeliverable: number;
  failed: number;
  /** Messages taken back from a crashed worker (expired lease in 'sending'). */
  recovered: number;
  /** Claims or writes lost to another worker (its etag won). */
  conflicts: number;
}

type Step = 'next' | 'hold' | 'stop';

interface Lane {
  key: string;
  queue: Stored<OutboxMessage>[];
}

const OUTCOME_WRITE_TRIES = 4;

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function plain(record: Stored<OutboxMessage>): OutboxMessage {
  const { etag: _etag, ...message } = record;
  return message;
}

function emptyCounters(): OutboxCounters {
  return { sent: 0, retried: 0, undeliverable: 0, failed: 0, recovered: 0, conflicts: 0 };
}

/**
 * Delivers the outbox. Each due message is claimed with a lease (status 'sending', etag-guarded, so two
 * workers never claim the same row), given a Teams rate-limit slot (per conversation 7/1 s, 8/2 s, 60/30 s,
 * 1800/h; 50/s for the app), sent, and its outcome recorded. A send holds its place in the rate-limit windows from
 * its slot until its answer and counts from the answer on (a 429 frees its app-wide place): it reached Teams before
 * the answer came back, so Teams never sees more than the limits however long the way, and the windows are used
 * to the full. Conversations are served concurrently, each one in order (createdAt, then id): when a message is
 * retried, the rest of its conversation waits behind it.
 * 429 waits Retry-After (else backoff); 412, 5xx and network errors back off (full jitter, capped) up to
 * `retry.maxAttempts`, then 'failed'; 403/404 are 'undeliverable' at once, the reason kept in lastError.
 *
 * Crash policy (no loss; no duplicate as far as the Bot Connector allows — it has no idempotent send):
 * - 'sending' is written immediately before the HTTP call and 'sent' immediately after (retried if the store
 *   hiccups), so only a crash during the call itself leaves doubt about a message.
 * - Any worker takes back rows left in 'sending' once their lease has expired (recoverInterrupted): a card
 *   update is sent again (replacing a card twice is harmless); a new message is resent by default — no loss,
 *   and a duplicate only if the crash fell after Teams accepted it and before 'sent' was written; lastError
 *   flags it. `interruptedSend: 'fail'` chooses at-most-once instead (marked 'failed' for a person to requeue).
 * - The lease is renewed before sending if half of it went by waiting for a slot, so a live worker's send
 *   never outlives its lease; keep `leaseMs` above the sender's timeout (30 s in bot/adapter-sender.ts).
 * - If a 'sent' outcome finds its row taken back and pending again, 'sent' still wins, so it is not resent.
 * Several workers may share a store (claims are atomic); give each its share of the app's 50/s
 * (shareGlobalLimits). Order per conversation across workers and restarts is the source's part: it hands out no
 * message while an earlier one of its conversation is being sent or waits on a retry (the polled collection checks
 * the records; the work queue keeps each conversation on one instance and rebuilds that state from the records when
 * a partition changes hands, store/azure/queue-outbox.ts); within a worker, the lanes and holds below keep it. The
 * claim and mark steps go through the `source` (DeliverySource): the outbox collection polled by default.
 */
export class OutboxWorker {
  private readonly store: Pick<Store, 'outbox' | 'conversations'>;
  private readonly source: DeliverySource;
  private readonly sender: Sender;
  private readonly limiter: RateLimiter;
  private readonly clock: Clock;
  private readonly random: () => number;
  private readonly retry: RetryOptions;
  private readonly semaphore: Semaphore;
  private readonly turnstile: Turnstile;
  private readonly scanSize: number;
  private readonly pollMs: number;
  private readonly leaseMs: number;
  private readonly interruptedSend: InterruptedSendPolicy;
  private readonly onProgress: ((event: OutboxProgress) => void) | undefined;

  private readonly lanes = new Map<string, Lane>();
  private readonly queued = new Set<string>();
  private readonly inFlight = new Set<string>();
  private readonly blockedUntil = new Map<string, number>();
  /**
   * Per conversation, the earliest message waiting for a retry: no later message of the conversation starts before
   * it, even when a work queue hands them out of order (forgotten a lease after it was due, should it never return).
   */
  private readonly heads = new Map<string, { message: OutboxMessage; expires: number }>();
  private readonly running = new Set<Promise<void>>();
  private refs = new Map<string, Promise<ConversationRef | null>>();
  private readonly totals = emptyCounters();
  private stopping = false;
  private abort = OutboxWorker.stopSignal();
  private loop: Promise<void> | undefined;
  private wake: AbortController | undefined;
  private wakeAt = Number.POSITIVE_INFINITY;

  constructor(options: OutboxWorkerOptions) {
    this.store = options.store;
    this.source = options.source ?? collectionSource(options.store.outbox);
    this.sender = options.sender;
    this.limiter = options.limiter ?? new RateLimiter();
    this.clock = options.clock ?? systemClock;
    this.random = options.random ?? Math.random;
    this.retry = RetryOptions.parse({ ...DEFAULT_RETRY, ...options.retry });
    this.semaphore = new Semaphore(options.concurrency ?? 32);
    // Sends count from their answer (see RateLimiter): no margin for the time on the way is needed.
    this.turnstile = new Turnstile(this.limiter, this.clock, { countFrom: 'answer' });
    this.scanSize = Math.max(1, options.scanSize ?? 1000);
    this.pollMs = Math.max(1, options.pollMs ?? 1000);
    this.leaseMs = Math.max(1, options.leaseMs ?? 120_000);
    this.interruptedSend = options.interruptedSend ?? 'resend';
    this.onProgress = options.onProgress;
  }

  /** Totals since the worker was created. */
  get counters(): OutboxCounters {
    return { ...this.totals };
  }

  /** True while start()'s loop runs. */
  get started(): boolean {
    return this.loop !== undefined;
  }

  /**
   * Sends everything due now (and what becomes due while it runs, such as short retries), then resolves with
   * what this run did. Messages rescheduled further ahead are left for a later run.
   */
  async runOnce(): Promise<OutboxCounters> {
    const before = this.counters;
    while (!this.stopping) {
      const added = await this.pump();
      await this.idle();
      if (added === 0) break;
    }
    const after = this.counters;
    return {
      sent: after.sent - before.sent,
      retried: after.retried - before.retried,
      undeliverable: after.undeliverable - before.undeliverable,
      failed: after.failed - before.failed,
      recovered: after.recovered - before.recovered,
      conflicts: after.conflicts - before.conflicts,
    };
  }

  /** Starts polling every `pollMs` and delivering in the background. */
  start(): void {
    if (this.loop) return;
    this.loop = (async () => {
      while (!this.stopping) {
        try {
          await this.pump();
        } catch (error) {
          this.emit({ type: 'error', error });
        }
        await this.nap();
      }
    })();
  }

  /** Stops polling, lets the sends in flight finish and record their outcome, and leaves the rest pending. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.abort.abort();
    this.wake?.abort();
    await this.loop;
    await this.idle();
    this.loop = undefined;
    this.stopping = false;
    this.abort = OutboxWorker.stopSignal();
  }

  /** The signal that wakes every sleeping lane on stop(); one listener per lane, so no listener cap. */
  private static stopSignal(): AbortController {
    const controller = new AbortController();
    setMaxListeners(0, controller.signal);
    return controller;
  }

  /** Sleeps until the next poll, or until the earliest retry is due if that comes sooner. */
  private async nap(): Promise<void> {
    const now = this.clock.now();
    let delay = this.pollMs;
    for (const [key, until] of this.blockedUntil) {
      // A block is only a reminder to poll when it ends; the pump re-checks each message's notBefore anyway.
      if (until <= now) this.blockedUntil.delete(key);
      delay = Math.min(delay, Math.max(0, until - now));
    }
    this.wake = new AbortController();
    this.wakeAt = now + delay;
    await this.clock.sleep(delay, this.wake.signal);
    this.wake = undefined;
    this.wakeAt = Number.POSITIVE_INFINITY;
  }

  /** Finds due work and hands it to the conversation lanes; returns how many messages it added. */
  private async pump(): Promise<number> {
    this.refs = new Map();
    const now = this.clock.now();
    const due = await this.recoverExpired(await this.source.due(now, this.scanSize), now);
    await this.dropFinishedHeads(now);
    const fresh: Lane[] = [];
    const held = new Map<number, string[]>();
    let added = 0;
    for (const item of due) {
      if (this.queued.has(item.id) || this.inFlight.has(item.id)) continue;
      const key = item.conversationRefId;
      const until = this.stopping ? now : this.blockedUntil.get(key);
      if (until !== undefined) {
        if (this.stopping || until > now) {
          held.set(until, [...(held.get(until) ?? []), item.id]);
          continue;
        }
        this.blockedUntil.delete(key);
      }
      const head = this.heads.get(key);
      if (head && (head.expires <= now || head.message.id === item.id)) this.heads.delete(key);
      else if (head && inSendOrder(item, head.message) > 0) {
        const later = Math.max(now + Math.min(this.pollMs, 1000), Date.parse(head.message.notBefore));
        held.set(later, [...(held.get(later) ?? []), item.id]);
        continue;
      }
      this.queued.add(item.id);
      added += 1;
      const lane = this.lanes.get(key);
      if (lane) {
        lane.queue.push(item);
        lane.queue.sort(inSendOrder);
      } else {
        const created = { key, queue: [item] };
        this.lanes.set(key, created);
        fresh.push(created);
      }
    }
    // Lanes start only once all their due messages are queued and sorted, so none jumps the queue.
    for (const lane of fresh) this.startLane(lane);
    for (const [until, ids] of held) await this.source.putBack(ids, until);
    return added;
  }

  /**
   * Forgets a retried message's hold once it is due and its record says it went another way (withdrawn with its
   * meeting, or finished by another worker), so the rest of its conversation does not wait for the hold to expire.
   */
  private async dropFinishedHeads(now: number): Promise<void> {
    for (const [key, head] of [...this.heads]) {
      if (Date.parse(head.message.notBefore) > now) continue;
      const current = await this.source.get(head.message.id);
      if (current && (current.status === 'pending' || current.status === 'sending')) continue;
      if (this.heads.get(key) === head) this.heads.delete(key);
    }
  }

  /**
   * Takes back the messages a crashed worker left in 'sending' after their lease expired (resent, or failed under
   * the at-most-once policy); returns the due messages, the taken-back ones that are pending again among them.
   */
  private async recoverExpired(rows: Stored<OutboxMessage>[], now: number): Promise<Stored<OutboxMessage>[]> {
    const due: Stored<OutboxMessage>[] = [];
    for (const row of rows) {
      if (row.status !== 'sending') {
        due.push(row);
        continue;
      }
      if (this.inFlight.has(row.id)) continue;
      if (row.leaseUntil !== null && Date.parse(row.leaseUntil) > now) continue;
      const next = recoverInterrupted(plain(row), iso(now), this.interruptedSend, this.retry.maxAttempts);
      let written: Stored<OutboxMessage>;
      try {
        written = await this.source.write(next, row.etag);
      } catch (error) {
        if (!isAppError(error, 'store.conflict')) throw error;
        this.totals.conflicts += 1;
        continue;
      }
      this.totals.recovered += 1;
      if (next.status === 'failed') this.totals.failed += 1;
      this.emit({ type: 'recovered', message: next });
      if (written.status === 'pending' && Date.parse(written.notBefore) <= now) due.push(written);
    }
    return due.sort(inSendOrder);
  }

  private startLane(lane: Lane): void {
    const run: Promise<void> = this.runLane(lane)
      .catch((error: unknown) => this.emit({ type: 'error', error }))
      .finally(() => this.running.delete(run));
    this.running.add(run);
  }

  /** Delivers one conversation's messages one after the other; a retry holds the rest back to keep order. */
  private async runLane(lane: Lane): Promise<void> {
    try {
      while (!this.stopping) {
        const item = lane.queue.shift();
        if (!item) break;
        let step: Step;
        try {
          step = await this.deliver(item);
        } finally {
          this.queued.delete(item.id);
        }
        if (step !== 'next') break;
      }
    } finally {
      const rest = lane.queue.map((item) => item.id);
      for (const id of rest) this.queued.delete(id);
      lane.queue.length = 0;
      this.lanes.delete(lane.key);
      // What the lane leaves (behind a retry, or on stop) goes back to the source, due when the conversation is.
      if (rest.length > 0) await this.source.putBack(rest, this.blockedUntil.get(lane.key) ?? this.clock.now());
    }
  }

  private async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running]);
  }

  private refOf(id: string): Promise<ConversationRef | null> {
    let ref = this.refs.get(id);
    if (!ref) {
      ref = this.store.conversations.get(id);
      this.refs.set(id, ref);
    }
    return ref;
  }

  /**
   * Waits (holding nothing) until the conversation's own limits would let a message go, then takes a send
   * permit. Returns null when the worker is stopping.
   */
  private async awaitPermit(conversationId: string): Promise<(() => void) | null> {
    for (;;) {
      if (this.stopping) return null;
      const wait = this.limiter.peek(conversationId, 'conversation');
      if (wait > 0) {
        // +Infinity: a send of this conversation is under way (another lane to it); look again shortly.
        await this.clock.sleep(Number.isFinite(wait) ? wait : 100, this.abort.signal);
        continue;
      }
      const release = await this.semaphore.acquire();
      if (!this.stopping) return release;
      release();
    }
  }

  private async deliver(item: Stored<OutboxMessage>): Promise<Step> {
    const ref = await this.refOf(item.conversationRefId);
    if (!ref) {
      const next: OutboxMessage = {
        ...plain(item),
        status: 'undeliverable',
        lastError: deliveryFailure(
          'delivery.not-installed',
          `no conversation reference "${item.conversationRefId}": the app was never installed for this person`,
        ),
      };
      if (await this.writeOutcome(item, next)) this.count('undeliverable', next);
      return 'next';
    }
    const release = await this.awaitPermit(ref.conversationId);
    if (!release) return 'stop';
    try {
      // Claim first, then wait for the rate-limit slot: a claim lost to another worker costs no budget.
      let claimed = await this.claim(item);
      if (!claimed) return 'next';
      this.inFlight.add(claimed.id);
      try {
        await this.turnstile.turn(ref.conversationId);
        claimed = await this.keepLease(claimed);
        if (!claimed) {
          this.turnstile.end(ref.conversationId, true);
          return 'next';
        }
        let activityId: string | null;
        try {
          if (claimed.replaceActivityId !== null) {
            await this.sender.update(ref, claimed.replaceActivityId, claimed.activity);
            activityId = claimed.replaceActivityId;
          } else {
            activityId = (await this.sender.send(ref, claimed.activity)).id || null;
          }
        } catch (error) {
          // A throttled message was not taken: its place in the app-wide window goes to the next one.
          this.turnstile.end(ref.conversationId, isDeliveryError(error) && error.status === 429);
          return await this.settleFailure(claimed, error);
        }
        this.turnstile.end(ref.conversationId);
        await this.commitSent(claimed, activityId);
        return 'next';
      } finally {
        this.inFlight.delete(item.id);
      }
    } finally {
      release();
    }
  }

  /**
   * Renews the lease if half of it went by while waiting for a slot, so the send cannot outlive it; null if
   * another worker took the message back meanwhile (then it is theirs to send).
   */
  private async keepLease(claimed: Stored<OutboxMessage>): Promise<Stored<OutboxMessage> | null> {
    const now = this.clock.now();
    if (claimed.leaseUntil !== null && Date.parse(claimed.leaseUntil) - now >= this.leaseMs / 2) return claimed;
    try {
      return await this.source.write({ ...plain(claimed), leaseUntil: iso(now + this.leaseMs) }, claimed.etag);
    } catch (error) {
      if (!isAppError(error, 'store.conflict')) throw error;
      this.totals.conflicts += 1;
      return null;
    }
  }

  /** Marks a message 'sending' with a lease, if nobody changed it since it was read. */
  private async claim(item: Stored<OutboxMessage>): Promise<Stored<OutboxMessage> | null> {
    const claimed: OutboxMessage = {
      ...plain(item),
      status: 'sending',
      attempts: item.attempts + 1,
      leaseUntil: iso(this.clock.now() + this.leaseMs),
    };
    try {
      return await this.source.write(claimed, item.etag);
    } catch (error) {
      if (!isAppError(error, 'store.conflict')) throw error;
      this.totals.conflicts += 1;
      return null;
    }
  }

  private async commitSent(claimed: Stored<OutboxMessage>, activityId: string | null): Promise<void> {
    const sent: OutboxMessage = {
      ...plain(claimed),
      status: 'sent',
      leaseUntil: null,
      sentActivityId: activityId,
      sentAt: iso(this.clock.now()),
    };
    if (await this.writeOutcome(claimed, sent, true)) this.count('sent', sent);
  }

  private async settleFailure(claimed: Stored<OutboxMessage>, error: unknown): Promise<Step> {
    const decision = classifyFailure(error, claimed.attempts, this.retry, this.random);
    const now = this.clock.now();
    const lastError =
      decision.action === 'undeliverable' ? deliveryFailure(decision.code, decision.reason) : decision.reason;
    const base = { ...plain(claimed), leaseUntil: null, lastError: truncate(lastError) };
    if (decision.action === 'retry') {
      const notBefore = now + decision.delayMs;
      const next: OutboxMessage = { ...base, status: 'pending', notBefore: iso(notBefore) };
      const head = this.heads.get(next.conversationRefId);
      if (!head || inSendOrder(next, head.message) <= 0) {
        this.heads.set(next.conversationRefId, { message: next, expires: notBefore + this.leaseMs });
      }
      this.blockedUntil.set(
        claimed.conversationRefId,
        Math.max(notBefore, this.blockedUntil.get(claimed.conversationRefId) ?? 0),
      );
      // Wake the poll loop early (it re-plans its nap) so the retry goes out when due, not at the next poll.
      if (notBefore < this.wakeAt) this.wake?.abort();
      if (await this.writeOutcome(claimed, next)) {
        this.totals.retried += 1;
        this.emit({ type: 'retry', message: next, delayMs: decision.delayMs });
      }
      return 'hold';
    }
    const next: OutboxMessage = { ...base, status: decision.action === 'undeliverable' ? 'undeliverable' : 'failed' };
    if (await this.writeOutcome(claimed, next)) this.count(next.status === 'failed' ? 'failed' : 'undeliverable', next);
    return 'next';
  }

  /**
   * Writes the outcome of a claim, retrying a failing store a few times (a lost 'sent' would mean a resend).
   * If another worker took the row back in the meantime and it is pending again, a 'sent' outcome still wins,
   * so the message is not sent twice. Returns false when the outcome could not be written.
   */
  private async writeOutcome(read: Stored<OutboxMessage>, next: OutboxMessage, reconcile = false): Promise<boolean> {
    let etag = read.etag;
    for (let attempt = 1; attempt <= OUTCOME_WRITE_TRIES; attempt += 1) {
      try {
        await this.source.write(next, etag);
        return true;
      } catch (error) {
        if (isAppError(error, 'store.conflict')) {
          this.totals.conflicts += 1;
          const current = reconcile ? await this.source.get(next.id) : null;
          if (!current || current.status !== 'pending') return false;
          etag = current.etag;
        } else if (attempt === OUTCOME_WRITE_TRIES) {
          this.emit({ type: 'error', error });
        } else {
          await this.clock.sleep(100 * 4 ** (attempt - 1));
        }
      }
    }
    return false;
  }

  private count(type: 'sent' | 'undeliverable' | 'failed', message: OutboxMessage): void {
    if (this.heads.get(message.conversationRefId)?.message.id === message.id)
      this.heads.delete(message.conversationRefId);
    this.totals[type] += 1;
    this.emit({ type, message });
  }

  private emit(event: OutboxProgress): void {
    if (!this.onProgress) return;
    try {
      this.onProgress(event);
    } catch {
      // A failing progress listener must not stop delivery.
    }
  }
}
