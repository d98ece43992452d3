import type { ContainerClient } from '@azure/storage-blob';
import { BlobLease } from './blob-lease';

/** Options of the partition ownership. */
export interface PartitionOwnershipOptions {
  container: ContainerClient;
  /** How many partitions the outbox has (fixed for a deployment: a conversation's partition must not move). */
  partitions: number;
  instanceId: string;
  leaseSeconds: number;
  /** How often leases are renewed and the partitions rebalanced (default a third of the lease). */
  renewMs?: number;
  /**
   * How long a newly acquired partition waits before its messages go out (default 2 s, the longest of Teams' short
   * per-conversation windows): the previous owner's last sends to its conversations are then out of those windows.
   */
  takeoverPauseMs?: number;
  /** True when this instance holds no work item of the partition any more (then it can be handed over). */
  idle(partition: number): boolean;
  /** This instance's part of the partitions it sends for, out of all (the rate ledger shares the budget itself). */
  onShare?(share: number): void;
  onError?: (error: unknown) => void;
}

interface Owned {
  lease: BlobLease;
  /** From when its messages may go out. */
  activeFrom: number;
  draining: boolean;
}

/**
 * Which outbox partitions this instance serves. Each partition is a blob lease; its holder alone reads the
 * partition's queue. Instances announce themselves with a lease on `instances/<id>`; every round each counts the
 * live ones (leased instance blobs), aims at its fair share ⌈partitions / live⌉, takes free partitions up to it and
 * hands extras over once it holds none of their work. A dead instance's partitions are free once its leases expire,
 * and taken within a second of that (free partitions are looked for every second; leases are renewed every third of
 * their length).
 * The app's rate budget is shared separately, by demand (rate-ledger.ts); `onShare` still reports the part of the
 * partitions served (a new one counts from its takeover pause on, a handed one until its release).
 */
export class PartitionOwnership {
  private readonly owned = new Map<number, Owned>();
  private readonly presence: BlobLease;
  private readonly renewMs: number;
  private readonly takeoverPauseMs: number;
  private timer: NodeJS.Timeout | undefined;
  private round: Promise<void> = Promise.resolve();
  private stopped = true;
  private lastShare = -1;
  private lastRenewal = Number.NEGATIVE_INFINITY;
  private renewedAt: number | null = null;

  constructor(private readonly options: PartitionOwnershipOptions) {
    this.presence = new BlobLease(
      options.container,
      `instances/${options.instanceId}`,
      options.instanceId,
      options.leaseSeconds,
    );
    this.renewMs = Math.max(50, options.renewMs ?? Math.floor((options.leaseSeconds * 1000) / 3));
    this.takeoverPauseMs = Math.max(0, options.takeoverPauseMs ?? 2000);
  }

  /** The partitions whose queues this instance reads now. */
  active(now = Date.now()): number[] {
    return [...this.owned]
      .filter(([, o]) => !o.draining && o.activeFrom <= now)
      .map(([partition]) => partition)
      .sort((a, b) => a - b);
  }

  /** True while this instance holds the partition (serving it or handing it over). */
  holds(partition: number): boolean {
    return this.owned.has(partition);
  }

  /** Announces this instance and takes its first partitions; resolves after the first round. */
  async start(): Promise<void> {
    if (!this.stopped) return;
    this.stopped = false;
    this.round = this.balance();
    await this.round;
    this.schedule();
  }

  /** Gives every partition and the presence up (the caller has finished its work items first). */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    clearTimeout(this.timer);
    await this.round;
    const leases = [...this.owned.values()].map((o) => o.lease);
    this.owned.clear();
    this.share();
    await Promise.allSettled([...leases.map((l) => l.release()), this.presence.release()]);
  }

  /**
   * Stops renewing without giving anything up, as a killed process would: the leases expire and other instances
   * take the partitions over (crash tests).
   */
  abandon(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  /** One round now (tests and start-up); rounds never overlap. */
  rebalance(): Promise<void> {
    this.round = this.round.then(() => this.balance());
    return this.round;
  }

  private schedule(): void {
    if (this.stopped) return;
    // Leases are renewed every `renewMs`; in between, a look for free partitions every second takes a dead
    // instance's over as soon as its leases expire, rather than at the next renewal.
    this.timer = setTimeout(
      () => {
        void this.rebalance().finally(() => this.schedule());
      },
      Math.min(this.renewMs, LOOK_MS),
    );
    this.timer.unref();
  }

  private async balance(): Promise<void> {
    if (this.stopped) return;
    try {
      const present = Date.now();
      if (present - this.lastRenewal >= this.renewMs) {
        this.lastRenewal = present;
        this.renewedAt = (await this.presence.acquire()) ? present : null;
        for (const [partition, owned] of [...this.owned]) {
          if (!(await owned.lease.renew())) this.owned.delete(partition);
        }
      }
      const live = Math.max(1, await this.liveInstances());
      const target = Math.ceil(this.options.partitions / live);
      const serving = [...this.owned].filter(([, o]) => !o.draining);
      for (const [, owned] of serving.slice(target)) owned.draining = true;
      for (const [partition, owned] of [...this.owned]) {
        if (owned.draining && this.options.idle(partition)) {
          this.owned.delete(partition);
          this.share();
          await owned.lease.release();
        }
      }
      const now = Date.now();
      const taken = this.owned.size >= target ? new Set<number>() : await this.leasedPartitions();
      for (const partition of this.freeOrder()) {
        if (this.owned.size >= target) break;
        if (taken.has(partition)) continue;
        const lease = new BlobLease(
          this.options.container,
          `outbox/${partition}`,
          this.options.instanceId,
          this.options.leaseSeconds,
        );
        if (await lease.acquire()) {
          this.owned.set(partition, { lease, activeFrom: now + this.takeoverPauseMs, draining: false });
          const timer = setTimeout(() => this.share(), this.takeoverPauseMs + 1);
          timer.unref();
        }
      }
    } catch (error) {
      this.options.onError?.(error);
    }
    this.share();
  }

  /** Partitions this instance does not hold, in an order of its own (so instances do not all try the same one first). */
  private freeOrder(): number[] {
    const offset = hashOf(this.options.instanceId) % this.options.partitions;
    const all = Array.from({ length: this.options.partitions }, (_, i) => (i + offset) % this.options.partitions);
    return all.filter((p) => !this.owned.has(p));
  }

  /** When this instance's presence lease was last taken or renewed (ms since the epoch), or null when not held. */
  presentAt(): number | null {
    return this.stopped ? null : this.renewedAt;
  }

  /** The ids of the instances whose presence lease is held now (read from the presence blobs). */
  async liveIds(): Promise<Set<string>> {
    const ids = new Set<string>();
    for await (const blob of this.options.container.listBlobsFlat({ prefix: 'instances/' })) {
      if (blob.properties.leaseState === 'leased') ids.add(blob.name.slice('instances/'.length));
    }
    return ids;
  }

  /** The partitions whose lease blob is leased now (by anyone). */
  private async leasedPartitions(): Promise<Set<number>> {
    const leased = new Set<number>();
    for await (const blob of this.options.container.listBlobsFlat({ prefix: 'outbox/' })) {
      if (blob.properties.leaseState === 'leased') leased.add(Number(blob.name.slice('outbox/'.length)));
    }
    return leased;
  }

  private async liveInstances(): Promise<number> {
    let live = 0;
    for await (const blob of this.options.container.listBlobsFlat({ prefix: 'instances/' })) {
      if (blob.properties.leaseState === 'leased') live += 1;
      else if (blob.properties.leaseState === 'expired' || blob.properties.leaseState === 'available') {
        // A dead instance's presence: tidy it away (another instance may do it first).
        await this.options.container.deleteBlob(blob.name).catch(() => undefined);
      }
    }
    return live;
  }

  private share(): void {
    const now = Date.now();
    const serving = [...this.owned.values()].filter((o) => o.activeFrom <= now).length;
    const share = serving / this.options.partitions;
    if (share === this.lastShare) return;
    this.lastShare = share;
    this.options.onShare?.(share);
  }
}

/** How often an instance looks for free partitions between renewals (ms). */
const LOOK_MS = 1000;

/** FNV-1a, 32 bits: a stable hash of a string (the same on every instance). */
export function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}
