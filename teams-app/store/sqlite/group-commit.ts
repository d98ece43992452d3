import type Database from 'better-sqlite3';
import type { Committed, WriteOp } from '../port';

/** A unit of work waiting for the end of the event loop's turn. */
interface PendingUnit {
  writes: readonly WriteOp[];
  resolve(committed: Committed): void;
  reject(error: unknown): void;
}

/** How one unit of a batch ended. */
type Outcome = { ok: true; committed: Committed } | { ok: false; error: unknown };

/** The store's `commit`, and `flush`, which commits what waits at once (before the connection closes). */
export interface GroupCommit {
  commit(writes: readonly WriteOp[]): Promise<Committed>;
  flush(): void;
}

/**
 * Group commit: the units of work committed during one turn of the event loop are applied at its end, each in its
 * own savepoint of one SQLite transaction. Each unit still writes all or nothing (a stale or taken record rolls back
 * its savepoint only, and only its promise rejects) and settles once the transaction is committed, so a caller sees
 * no difference; under load the units share one commit, one write of the log for the pages they share (the audit
 * table's last page, its time index) and fewer checkpoints, instead of one of each per unit.
 */
export function groupCommit(db: Database.Database, apply: (writes: readonly WriteOp[]) => Committed): GroupCommit {
  let pending: PendingUnit[] = [];
  // A unit inside the batch's transaction runs in a savepoint (better-sqlite3 nests transactions that way).
  const unit = db.transaction(apply);
  const batch = db.transaction((units: readonly PendingUnit[]) =>
    units.map((u): Outcome => {
      try {
        return { ok: true, committed: unit(u.writes) };
      } catch (error) {
        // An I/O or disk-full error can make SQLite roll back the whole transaction: then no unit of it stands.
        if (!db.inTransaction) throw error;
        return { ok: false, error };
      }
    }),
  );

  function flush(): void {
    const units = pending;
    pending = [];
    if (!units.length) return;
    let outcomes;
    try {
      outcomes = batch(units);
    } catch (error) {
      for (const u of units) u.reject(error);
      return;
    }
    outcomes.forEach((outcome, i) => {
      const u = units[i];
      if (!u) return;
      if (outcome.ok) u.resolve(outcome.committed);
      else u.reject(outcome.error);
    });
  }

  return {
    commit(writes) {
      return new Promise<Committed>((resolve, reject) => {
        if (pending.push({ writes, resolve, reject }) === 1) setImmediate(flush);
      });
    },
    flush,
  };
}
