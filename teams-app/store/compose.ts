import { AppError } from '../domain';
import {
  BUSINESS_COLLECTIONS,
  OPERATIONAL_COLLECTIONS,
  isOperational,
  type BusinessStore,
  type CollectionName,
  type Committed,
  type OperationalStore,
  type Store,
  type WriteOp,
} from './port';

/**
 * One Store made of two: the business records from one adapter (SQLite or SharePoint lists) and the operational
 * data (outbox, conversation references, chat records) from another (SQLite or Azure Storage). A unit of work
 * goes to the side that holds its collections; a unit touching both is a programming error (no use case needs
 * one, and no engine pair could make it atomic).
 */
export function composeStores(business: BusinessStore, operational: OperationalStore): Store {
  const collections = Object.fromEntries([
    ...BUSINESS_COLLECTIONS.map((name) => [name, business[name]]),
    ...OPERATIONAL_COLLECTIONS.map((name) => [name, operational[name]]),
  ]) as Pick<Store, CollectionName>;
  return {
    ...collections,
    kind: `${business.kind}+${operational.kind}`,
    async commit(writes: readonly WriteOp[]): Promise<Committed> {
      const operationalWrites = writes.filter((w) => isOperational(w.collection)).length;
      if (operationalWrites === 0) return business.commit(writes);
      if (operationalWrites === writes.length) return operational.commit(writes);
      throw new AppError('internal', 'A unit of work cannot mix business records and operational data.');
    },
    version(...of: CollectionName[]): string {
      const ops = of.filter(isOperational);
      const records = of.filter((name) => !isOperational(name));
      return `${records.length ? business.version(...records) : ''}|${ops.length ? operational.version(...ops) : ''}`;
    },
    async health() {
      const [a, b] = await Promise.all([business.health(), operational.health()]);
      return { ok: a.ok && b.ok, kind: `${a.kind}+${b.kind}`, detail: `${a.detail}; ${b.detail}` };
    },
    async close() {
      await Promise.allSettled([business.close(), operational.close()]);
    },
  };
}
