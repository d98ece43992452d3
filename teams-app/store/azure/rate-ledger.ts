/**
 * The app's request budget shared between instances by demand.
 *
 * DESIGN
 * - Teams allows the app 50 requests per second in a tenant, whichever instance sends them. The budget is cut into
 *   whole slots (here one request per second each) recorded in one ledger blob beside the leases: each live
 *   instance's slots and its demand (the due messages it knows of in the partitions it serves). Every change is an
 *   ETag-conditional write of the whole ledger, so two instances never both take the same free slot.
 * - Every `roundMs` each instance reads the ledger and aims at its part of the slots (allocateSlots): max-min fair
 *   by need (what clears its due messages in two seconds), so busy instances get even parts, and an instance near
 *   the end of its work needs less and leaves the rest to the others; none without work, unless nobody has any:
 *   then an even part each (a fan-out starts everywhere at once, and an idle instance's slots, unused for the
 *   window, move without cooling when work comes). Everyone computes the parts from the same published demands,
 *   which change only when an instance's demand moves by a quarter (or to or from none) and count at most two
 *   seconds of the whole budget, so the parts settle instead of following every message.
 * - Lowering applies locally at once and is written after; the slots given up cool until this instance's own sends
 *   beyond its new part have left the service's window (a send counts there until a window after its answer) before
 *   anyone may take them. It waits for a second round asking for it, unless the work is done: work arrives in bursts,
 *   and slots handed back and forth cost their cooling each time. Raising takes only slots free now (never taken,
 *   cooled, or left by a dead instance), a fair part at once and at most double after that, and applies once
 *   written. So the instances together never hold more than the budget, however their rounds interleave; a write
 *   that lost a race is tried again at once.
 * - An instance that has not completed a round for `fenceMs`, or whose presence lease has not been renewed for
 *   `presenceMaxAgeMs`, sends nothing until it does (storage unreachable: its slots may be given away). An
 *   instance's slots are freed only once its presence lease has expired (at least 15 s without a renewal, long after
 *   it fenced itself), by whichever instance sees that first, checking the presence blobs after reading the ledger
 *   (an instance is present before it first writes there).
 * - Against static shares (partitions served out of all) this wins twice: no slot is lost to rounding (17 + 17 + 16
 *   instead of 3 × 16), and an instance whose partitions hash more messages, or that finished its own, does not
 *   leave the rest of the budget idle while another still has work.
 */
import type { ContainerClient } from '@azure/storage-blob';
import { z } from 'zod';
import { storageStatus, unavailable } from './storage-errors';

const Holder = z.object({ slots: z.number().int().min(0), demand: z.number().int().min(0) });
const Ledger = z.object({
  v: z.literal(1),
  holders: z.record(z.string(), Holder),
  /** Slots given up, free for others once `until` (ms since the epoch) has passed. */
  cooling: z.array(z.object({ slots: z.number().int().min(1), until: z.number() })),
});
type Ledger = z.infer<typeof Ledger>;

const EMPTY: Ledger = { v: 1, holders: {}, cooling: [] };
const LEDGER_BLOB = 'rate/ledger.json';
/** How long a presence listing is trusted for ids it contains (new ids always trigger a fresh one). */
const LIVE_TRUST_MS = 2000;
/** Consecutive rounds that must find an instance holding more than its part before it gives slots up. */
const LOWER_AFTER_ROUNDS = 2;
/** An instance's need: the slots that clear its due messages in this many seconds. */
const NEED_SECONDS = 2;
/** Tries of one round whose write loses a race to another instance's (with a short random pause between). */
const RACE_ATTEMPTS = 4;
/** On stop, the cooling of slots whose sends are still under way: a window past the sender's longest wait. */
const STOP_IN_FLIGHT_MS = 30_000;

/** Options of the rate ledger. */
export interface RateLedgerOptions {
  container: ContainerClient;
  instanceId: string;
  /** The budget in whole slots (e.g. 50 requests per second). */
  slots: number;
  /** The service's window: slots given up stay unused for this long (ms, default 1000). */
  windowMs?: number;
  /** Extra ms added to the cooling, for clocks a little apart (default 250). */
  marginMs?: number;
  /** How often the ledger is read (default 500 ms). */
  roundMs?: number;
  /** How long the slots stay usable without a completed round (default 3000 ms, at least two rounds). */
  fenceMs?: number;
  /** The due messages this instance knows of now (0 when it has nothing to send). */
  demand(): number;
  /** When this instance's presence lease was last renewed (ms since the epoch), or null if it is not held. */
  presentAt(): number | null;
  /** How old the last presence renewal may be before this instance stops sending (ms; below the lease's length). */
  presenceMaxAgeMs: number;
  /** The ids of the instances whose presence lease is held now. */
  liveIds(): Promise<Set<string>>;
  /** Applies this instance's slots to its limiter. */
  apply(slots: number): void;
  /**
   * When (ms since the epoch) this instance's sends beyond `slots` stop counting in the service's window (its own
   * log of sends knows); by default a whole window from now.
   */
  releasableAt?(slots: number): number;
  now?: () => number;
  onError?: (error: unknown) => void;
}

/**
 * The parts of `total` slots for the given demands (due messages). Each instance with work needs enough slots to
 * clear it in `NEED_SECONDS` (at least one); the needs are met smallest first and the largest share what is left
 * evenly (max-min fair: instances that all have plenty of work get even parts, however their backlogs differ). What
 * no need takes goes to the instances with work in proportion to it (they finish together); when no one has work,
 * everyone gets an even part. Ties go to the smaller id.
 */
export function allocateSlots(total: number, demands: Readonly<Record<string, number>>): Record<string, number> {
  const ids = Object.keys(demands).sort();
  const parts: Record<string, number> = Object.fromEntries(ids.map((id) => [id, 0]));
  if (total <= 0 || ids.length === 0) return parts;
  const wanting = ids.filter((id) => demands[id]! > 0);
  if (wanting.length === 0) {
    // Nobody has work: everyone keeps an even part, so the next fan-out (which reaches all) starts without a round.
    ids.forEach((id, k) => (parts[id] = Math.floor(total / ids.length) + (k < total % ids.length ? 1 : 0)));
    return parts;
  }
  const need = (id: string) => Math.max(1, Math.ceil(demands[id]! / NEED_SECONDS));
  const order = [...wanting].sort((a, b) => need(a) - need(b));
  let left = total;
  order.forEach((id, k) => {
    const give = Math.min(need(id), Math.ceil(left / (order.length - k)));
    parts[id] = give;
    left -= give;
  });
  if (left > 0) {
    const sum = wanting.reduce((s, id) => s + demands[id]!, 0);
    const shares = wanting.map((id) => ({ id, exact: (left * demands[id]!) / sum }));
    for (const share of shares) parts[share.id]! += Math.floor(share.exact);
    left -= shares.reduce((s, share) => s + Math.floor(share.exact), 0);
    const byRemainder = [...shares].sort((a, b) => b.exact - Math.floor(b.exact) - (a.exact - Math.floor(a.exact)));
    for (const share of byRemainder) {
      if (left <= 0) break;
      parts[share.id]! += 1;
      left -= 1;
    }
  }
  return parts;
}

/** Whether a demand moved enough to be published again (by a quarter, or to or from none). */
export function demandMoved(published: number | undefined, demand: number): boolean {
  if (published === undefined) return true;
  if ((published === 0) !== (demand === 0)) return true;
  return Math.abs(demand - published) > published / 4;
}

/** One instance's view of the shared budget; `start()` runs its rounds, `stop()` gives its slots back. */
export class RateLedger {
  private readonly windowMs: number;
  private readonly marginMs: number;
  private readonly roundMs: number;
  private readonly fenceMs: number;
  private readonly now: () => number;
  private timer: NodeJS.Timeout | undefined;
  private fence: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();
  private stopped = true;
  private applied = -1;
  /** Consecutive rounds that found this instance holding more than its part. */
  private lowerAsked = 0;
  private live: { ids: Set<string>; at: number } = { ids: new Set(), at: Number.NEGATIVE_INFINITY };

  constructor(private readonly options: RateLedgerOptions) {
    this.windowMs = Math.max(0, options.windowMs ?? 1000);
    this.marginMs = Math.max(0, options.marginMs ?? 250);
    this.roundMs = Math.max(10, options.roundMs ?? 500);
    this.fenceMs = Math.max(1, options.fenceMs ?? Math.max(this.roundMs * 2, 3000));
    this.now = options.now ?? Date.now;
  }

  /** The slots this instance uses now. */
  get slots(): number {
    return Math.max(0, this.applied);
  }

  /** Applies nothing until the first round has taken slots, then rounds every `roundMs`. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.setLocal(0);
    this.schedule(0);
  }

  /** Stops the rounds and gives this instance's slots back (cooling, as any lowering). */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    clearTimeout(this.timer);
    clearTimeout(this.fence);
    await this.running;
    this.setLocal(0);
    try {
      await this.update((ledger, now) => {
        const mine = ledger.holders[this.options.instanceId];
        if (!mine) return null;
        const next = structuredClone(ledger);
        delete next.holders[this.options.instanceId];
        // On stop the worker has finished its sends; should any still be out, a window past the longest send.
        const until = this.coolUntil(0, now);
        const cool = Number.isFinite(until) ? until : now + this.windowMs + STOP_IN_FLIGHT_MS;
        if (mine.slots > 0) next.cooling.push({ slots: mine.slots, until: cool });
        return next;
      });
    } catch (error) {
      this.options.onError?.(error);
    }
  }

  /** Stops the rounds without giving anything back, as a killed process would (crash tests). */
  abandon(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    clearTimeout(this.fence);
  }

  /** One round now (tests); rounds never overlap. */
  round(): Promise<void> {
    this.running = this.running.then(() => this.once());
    return this.running;
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      void this.round().finally(() => this.schedule(this.roundMs));
    }, delay);
    this.timer.unref();
  }

  private setLocal(slots: number): void {
    if (slots === this.applied) return;
    this.applied = slots;
    this.options.apply(slots);
  }

  /** Keeps the slots usable until `fenceMs` after `from`, then applies none unless a newer round renewed them. */
  private arm(from: number): void {
    clearTimeout(this.fence);
    const left = from + this.fenceMs - this.now();
    this.fence = setTimeout(() => this.setLocal(0), Math.max(0, left));
    this.fence.unref();
  }

  /** One round: read, decide, write; a write that lost a race to another instance is tried again at once. */
  private async once(): Promise<void> {
    for (let attempt = 1; attempt <= RACE_ATTEMPTS; attempt += 1) {
      if (!(await this.attempt()) || this.stopped) return;
      await new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 20 * attempt)));
    }
  }

  /** Returns true when the write lost a race (the round is to be tried again). */
  private async attempt(): Promise<boolean> {
    if (this.stopped) return false;
    const started = this.now();
    const presentAt = this.options.presentAt();
    if (presentAt === null || started - presentAt > this.options.presenceMaxAgeMs) {
      // Not known to be alive by the others any more: they may free this instance's slots.
      this.setLocal(0);
      return false;
    }
    try {
      let decided = this.applied;
      await this.update(async (ledger, now) => {
        const next = structuredClone(ledger);
        next.cooling = next.cooling.filter((c) => c.until > now);
        await this.dropDead(next);
        const self = this.options.instanceId;
        const mine = next.holders[self]?.slots ?? 0;
        // The ledger is the truth of what this instance holds (gone when others freed it): never use more.
        if (this.applied > mine) this.setLocal(mine);
        // Beyond two seconds of the whole budget, more work changes nothing: busy instances get even parts, and the
        // parts move only as the instances near the end of their work (so they finish together).
        const demand = Math.min(this.options.slots * 2, Math.max(0, Math.floor(this.options.demand())));
        const published = next.holders[self]?.demand;
        const holder = { slots: mine, demand: demandMoved(published, demand) ? demand : (published ?? demand) };
        next.holders[self] = holder;
        const target = allocateSlots(
          this.options.slots,
          Object.fromEntries(Object.entries(next.holders).map(([id, h]) => [id, h.demand])),
        )[self]!;
        const taken =
          Object.values(next.holders).reduce((s, h) => s + h.slots, 0) + next.cooling.reduce((s, c) => s + c.slots, 0);
        const free = Math.max(0, this.options.slots - taken);
        const step = Math.max(2, Math.ceil(mine / 8));
        // Lowering waits for a second round asking for it (work arrives in bursts: slots given up cool for a
        // window before anyone can use them, and taking them back costs as much), unless the work is done.
        this.lowerAsked = target < mine && mine - target >= step ? this.lowerAsked + 1 : 0;
        let local: number | null = null;
        if (target < mine && (target === 0 || this.lowerAsked >= LOWER_AFTER_ROUNDS)) {
          // Lower first, write after: the slots cool until this instance's sends beyond the new number have left the
          // service's window, before anyone else may use them. While more of its sends than that are still under way
          // (no answer yet, so no known place in the window), the ledger keeps the slots this instance's until a
          // later round.
          this.setLocal(target);
          const until = this.coolUntil(target, now);
          if (Number.isFinite(until)) {
            if (until > now) next.cooling.push({ slots: mine - target, until });
            holder.slots = target;
          } else local = target;
        } else if (target > mine && (mine === 0 || target - mine >= step || free >= target - mine)) {
          // At most a fair part of the live instances' at once, doubling from there each round: instances that get
          // work together (a fan-out reaches them all) start at once, instead of one taking everything and the
          // others waiting for it to give slots back through the cooling.
          const fair = Math.ceil(this.options.slots / Object.keys(next.holders).length);
          holder.slots = mine + Math.min(target - mine, free, Math.max(fair, mine * 2) - mine);
        }
        decided = local ?? holder.slots;
        const unchanged =
          holder.slots === mine &&
          holder.demand === published &&
          next.cooling.length === ledger.cooling.length &&
          Object.keys(next.holders).length === Object.keys(ledger.holders).length;
        return unchanged ? null : next;
      });
      this.setLocal(decided);
      this.arm(started);
    } catch (error) {
      // A lost race still read the ledger: what this instance uses is within what it holds there.
      if (error instanceof LostRace) {
        this.arm(started);
        return true;
      }
      this.options.onError?.(error);
    }
    return false;
  }

  /**
   * When slots given up after lowering to `keep` stop counting in the service's window (ms since the epoch); +Infinity
   * while more than `keep` sends are still under way.
   */
  private coolUntil(keep: number, now: number): number {
    const at = this.options.releasableAt?.(keep) ?? now + this.windowMs;
    if (!Number.isFinite(at)) return at;
    return at <= now ? now : at + this.marginMs;
  }

  /** Frees the slots of instances whose presence lease has expired (a fresh listing when an id is not known live). */
  private async dropDead(ledger: Ledger): Promise<void> {
    const others = Object.keys(ledger.holders).filter((id) => id !== this.options.instanceId);
    const stale = this.now() - this.live.at > LIVE_TRUST_MS;
    if (others.length === 0 || (!stale && others.every((id) => this.live.ids.has(id)))) return;
    this.live = { ids: await this.options.liveIds(), at: this.now() };
    for (const id of others) if (!this.live.ids.has(id)) delete ledger.holders[id];
  }

  /**
   * Reads the ledger, lets `change` decide the next one (null: nothing to write) and writes it if nobody wrote in
   * between; a lost race is left to the next round (a lowering already applied stays applied).
   */
  private async update(change: (ledger: Ledger, now: number) => Ledger | null | Promise<Ledger | null>): Promise<void> {
    const blob = this.options.container.getBlockBlobClient(LEDGER_BLOB);
    let ledger: Ledger = EMPTY;
    let etag: string | undefined;
    try {
      const read = await blob.download();
      etag = read.etag;
      const text = await streamText(read.readableStreamBody);
      const parsed = Ledger.safeParse(JSON.parse(text || 'null'));
      if (parsed.success) ledger = parsed.data;
    } catch (error) {
      if (storageStatus(error).status !== 404) throw unavailable(error, 'read the rate ledger');
    }
    const next = await change(ledger, this.now());
    if (!next) return;
    const body = JSON.stringify(next);
    try {
      await blob.upload(body, Buffer.byteLength(body), {
        conditions: etag ? { ifMatch: etag } : { ifNoneMatch: '*' },
        blobHTTPHeaders: { blobContentType: 'application/json' },
      });
    } catch (error) {
      const { status } = storageStatus(error);
      if (status === 412 || status === 409) throw new LostRace();
      throw unavailable(error, 'write the rate ledger');
    }
  }
}

/** Another instance wrote the ledger between this one's read and write. */
class LostRace extends Error {
  constructor() {
    super('the rate ledger changed meanwhile');
  }
}

async function streamText(stream: NodeJS.ReadableStream | undefined): Promise<string> {
  if (!stream) return '';
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
  return Buffer.concat(chunks).toString('utf8');
}
