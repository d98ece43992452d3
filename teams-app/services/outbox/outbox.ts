import { z } from 'zod';
import { AppError, isAppError, type OutboxMessage } from '../../domain';
import { write, type Store, type Stored } from '../../store';
import { inSendOrder } from './conversation-order';
import type { WorkQueue } from './delivery-source';
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
/** Messages added at once by one enqueue (round trips overlap on a remote store). */
const ENQUEUE_CONCURRENCY = 16;
/** Records written in one unit of work by an enqueue on a work queue (Table Storage takes 99 besides its marker). */
const RECORDS_PER_UNIT = 50;

/** Runs `task` over the items, at most `limit` at a time. */
async function inParallel<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await task(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** Options of the outbox service. */
export interface OutboxOptions {
  /** Milliseconds since the epoch; `Date.now` by default. */
  now?: () => number;
  /** The work queue that carries the messages to the workers (Azure Queue Storage); none on the embedded store. */
  queue?: WorkQueue;
}

/** The indexes of the messages to add, each conversation's in send order, one run per conversation. */
function byConversation(messages: readonly OutboxMessage[], indexes: readonly number[]): number[][] {
  const runs = new Map<string, number[]>();
  for (const index of indexes) {
    const key = messages[index]!.conversationRefId;
    const run = runs.get(key);
    if (run) run.push(index);
    else runs.set(key, [index]);
  }
  return [...runs.values()].map((run) => run.sort((a, b) => inSendOrder(messages[a]!, messages[b]!)));
}

/**
 * The durable outbox of proactive messages on the operational store: idempotent enqueue (the id is the key),
 * look-ups, counts, requeue. The implementation of {@link OutboxPort} the composition root injects.
 */
export class Outbox implements OutboxPort {
  private readonly now: () => number;
  private readonly queue: WorkQueue | undefined;

  constructor(
    private readonly store: Pick<Store, 'outbox'> & Partial<Pick<Store, 'commit'>>,
    options: OutboxOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.queue = options.queue;
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
    const messages = parsed.map((draft): OutboxMessage => {
      const { undeliverableReason, ...fields } = draft;
      return {
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
    });
    // A repeated id within the call is already queued; the first of each id is added, several conversations at a
    // time, each conversation's messages one after the other in send order (a later one is never recorded, nor on a
    // work queue announced, before an earlier one: see WorkQueue).
    const outcomes: ('created' | 'existing')[] = messages.map(() => 'existing');
    const firsts = new Map<string, number>();
    messages.forEach((message, index) => {
      if (!firsts.has(message.id)) firsts.set(message.id, index);
    });
    const work = byConversation(messages, [...firsts.values()]);
    if (this.queue && this.store.commit) await this.recordThenAnnounce(messages, work, outcomes);
    else {
      await inParallel(work, ENQUEUE_CONCURRENCY, async (run) => {
        let after: string | undefined;
        for (const index of run) {
          const message = messages[index]!;
          outcomes[index] = await this.add(message, after);
          if (message.status === 'pending') after = message.id;
        }
      });
    }
    const result: EnqueueResult = { created: [], existing: [] };
    messages.forEach((message, index) => result[outcomes[index]!].push(message.id));
    return result;
  }

  /**
   * On a work queue, a fan-out's records are written first, many to a unit of work (one round trip each on a remote
   * store), and announced after, each conversation's in send order: every record exists before any of its items
   * shows, which is all the ordering the consumer needs. A unit refused because an id is taken is written again one
   * message at a time, so each id is told apart as created or existing. A crash between the two leaves records
   * without items, which the queue's consumer announces (see WorkQueue).
   */
  private async recordThenAnnounce(
    messages: readonly OutboxMessage[],
    runs: number[][],
    outcomes: ('created' | 'existing')[],
  ): Promise<void> {
    const commit = this.store.commit!;
    const indexes = runs.flat();
    const units: number[][] = [];
    for (let i = 0; i < indexes.length; i += RECORDS_PER_UNIT) units.push(indexes.slice(i, i + RECORDS_PER_UNIT));
    const etags = new Map<number, string>();
    const writeUnit = async (unit: number[]): Promise<void> => {
      try {
        const written = await commit(unit.map((index) => write.create('outbox', messages[index]!)));
        unit.forEach((index, k) => {
          outcomes[index] = 'created';
          const etag = written[k];
          if (typeof etag === 'string') etags.set(index, etag);
        });
      } catch (error) {
        if (!isAppError(error, 'store.already-exists')) throw error;
        for (const index of unit) outcomes[index] = await this.record(messages[index]!);
      }
    };
    await inParallel(units, ENQUEUE_CONCURRENCY, writeUnit);
    await inParallel(runs, ENQUEUE_CONCURRENCY, async (run) => {
      let after: string | undefined;
      for (const index of run) {
        const message = messages[index]!;
        if (outcomes[index] === 'created' && message.status === 'pending') {
          const etag = etags.get(index);
          await this.queue!.announce(message, { ...(after ? { after } : {}), ...(etag ? { etag } : {}) });
        }
        if (message.status === 'pending') after = message.id;
      }
    });
  }

  /** Writes one message's record unless its id is taken. */
  private async record(message: OutboxMessage): Promise<'created' | 'existing'> {
    try {
      await this.store.outbox.create(message);
      return 'created';
    } catch (error) {
      if (!isAppError(error, 'store.already-exists')) throw error;
      return 'existing';
    }
  }

  /**
   * Adds one message unless its id is taken; on a work queue, the record first and the work item after (a record
   * left without one is announced again by the queue's consumer), `after` the message queued before it in its
   * conversation.
   */
  private async add(message: OutboxMessage, after?: string): Promise<'created' | 'existing'> {
    if ((await this.record(message)) === 'existing') return 'existing';
    if (this.queue && message.status === 'pending') await this.queue.announce(message, after ? { after } : {});
    return 'created';
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
    const next: OutboxMessage = {
      ...message,
      conversationRefId: options.conversationRefId ?? message.conversationRefId,
      status: 'pending',
      attempts: 0,
      notBefore: new Date(this.now()).toISOString(),
      lastError: null,
    };
    await this.store.outbox.update(next, etag);
    await this.queue?.announce(next);
    return true;
  }
}
