import { randomUUID } from 'node:crypto';
import type { LeaderElection } from '../../services/leader';
import { BlobLease, LEASE_SECONDS, leaseContainer } from './blob-lease';
import { AzureStorageSettings, storageNames } from './settings';

/** Options of the blob-lease leader. */
export interface BlobLeaseLeaderOptions extends AzureStorageSettings {
  /** What is led (the blob's name); default 'scheduler'. */
  name?: string;
  /** The lease length, 15 to 60 s (default 15): a dead leader is replaced within it. */
  leaseSeconds?: number;
  /** How often the leader renews and the others try to take over (default a third of the lease). */
  renewMs?: number;
  /** Told when a renewal or an attempt fails for a reason other than the lease being held. */
  onError?: (error: unknown) => void;
}

/** The blob-lease leader, with a hook for crash tests. */
export interface BlobLeaseLeader extends LeaderElection {
  /** Stops renewing without stepping down or releasing, as a killed process would (crash tests). */
  abandon(): void;
}

/**
 * Elects the one instance that runs the scheduler with a blob lease: every instance tries to acquire the lease on
 * one blob; the holder leads and renews it every third of its length; the others keep trying, so when the leader
 * dies its lease expires and another takes over within the lease time. A leader that cannot renew (storage
 * unreachable) steps down before its lease can expire, so two leaders never run at once; on stop it steps down
 * first and then releases the lease, so a successor takes over at once.
 */
export async function openBlobLeaseLeader(options: BlobLeaseLeaderOptions): Promise<BlobLeaseLeader> {
  const settings = AzureStorageSettings.parse(options);
  const seconds = Math.min(LEASE_SECONDS.max, Math.max(LEASE_SECONDS.min, Math.round(options.leaseSeconds ?? 15)));
  const renewMs = Math.max(50, options.renewMs ?? Math.floor((seconds * 1000) / 3));
  const container = await leaseContainer(settings.connectionString, storageNames(settings.prefix).leases);
  const lease = new BlobLease(container, `leader/${options.name ?? 'scheduler'}`, randomUUID(), seconds);

  let leader = false;
  let renewedAt = 0;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let turn: Promise<void> = Promise.resolve();
  let notify: (leader: boolean) => Promise<void> | void = () => undefined;

  async function become(value: boolean): Promise<void> {
    if (leader === value) return;
    leader = value;
    try {
      await notify(value);
    } catch (error) {
      options.onError?.(error);
    }
  }

  async function tick(): Promise<void> {
    if (stopped) return;
    try {
      if (leader) {
        if (await lease.renew()) renewedAt = Date.now();
        else await become(false);
      } else if (await lease.acquire()) {
        renewedAt = Date.now();
        await become(true);
      }
    } catch (error) {
      options.onError?.(error);
      // Unable to renew: step down while the lease surely still holds (before another instance could take it).
      if (leader && Date.now() - renewedAt > seconds * 1000 - renewMs) await become(false);
    }
  }

  function schedule(): void {
    if (stopped) return;
    timer = setTimeout(() => {
      turn = tick().finally(schedule);
    }, renewMs);
    timer.unref();
  }

  return {
    get isLeader() {
      return leader;
    },
    start(onChange) {
      notify = onChange;
      turn = tick().finally(schedule);
    },
    abandon() {
      stopped = true;
      clearTimeout(timer);
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await turn;
      const was = leader;
      await become(false);
      if (was) await lease.release();
    },
  };
}
