import { AppError } from '../../domain';
import type { GraphApi, GraphRequest, GraphResponse } from '../../graph';
import {
  isOperational,
  type BusinessCollectionName,
  type CollectionName,
  type Committed,
  type Records,
  type WriteOp,
} from '../port';
import type { SharePointCollection } from './sharepoint-collection';

type Collections = { [K in BusinessCollectionName]: SharePointCollection<K> };
type AnyCollection = SharePointCollection<BusinessCollectionName>;
type AnyRecord = Records[BusinessCollectionName];

/** What the first pass found for one write: the record's item as it is now (null when there is none). */
type Found = { itemId: string; eTag: string } | null;

/**
 * A unit of work on SharePoint lists, which have no transactions: ordered, idempotent steps.
 *
 * 1. Check every precondition before writing anything (one `$batch`): an update or delete needs the item at the
 *    version read (the item read by id, or found on the unique RecordId column), a create needs the id free (a
 *    query on RecordId). An ensure needs no check: its create is refused (409) when the record is there, and the
 *    record found then is kept. A failed check fails the unit with `store.conflict` / `store.already-exists`, nothing
 *    written — the all-or-nothing the contract asks for, whenever nobody else writes in between.
 * 2. Apply the writes in their order: a run of creates and ensures goes in one `$batch` (they are independent),
 *    each update and delete alone, with `If-Match` on the version read.
 *
 * What a crash or a concurrent writer between the two passes can leave: the writes before the failing step are
 * applied, the rest are not. The services make that safe: their units create records under ids taken from the
 * operation (ensure), and change the visible state (a document's status, the meeting's state) in the last
 * write. A retry reads again, finds the records already created (ensure keeps them, an update sees the new
 * version) and applies what is missing, so it converges on the whole unit; until then the state has not moved.
 * The commits of one store instance run one after the other, so two units of this instance never interleave.
 */
export function sharePointUnitOfWork(graph: GraphApi, collections: Collections) {
  const of = (name: CollectionName): AnyCollection => {
    if (isOperational(name))
      throw new AppError('internal', `${name} is operational data, not kept in SharePoint lists.`);
    return collections[name] as unknown as AnyCollection;
  };
  const idOf = (w: WriteOp): string => (w.op === 'delete' ? w.id : w.record.id);
  const recordOf = (w: WriteOp): AnyRecord => {
    if (w.op === 'delete') throw new AppError('internal', 'A delete carries no record.');
    return w.record as AnyRecord;
  };

  /** The first pass: every precondition read in one batch (an ensure has none: its create settles it). */
  async function check(writes: readonly WriteOp[]): Promise<Found[]> {
    const checked = writes.map((w, index) => ({ w, index })).filter(({ w }) => w.op !== 'ensure');
    if (!checked.length) return writes.map(() => null);
    const answers = await graph.batch(
      checked.map(({ w }) =>
        w.op === 'create' ? of(w.collection).findRequest(idOf(w), false) : of(w.collection).versionRequest(idOf(w)),
      ),
    );
    const found: Found[] = writes.map(() => null);
    checked.forEach(({ w, index }, at) => {
      const answer = answers[at] as GraphResponse;
      const collection = of(w.collection);
      if ((answer.status < 200 || answer.status > 299) && answer.status !== 404)
        throw new AppError(
          'store.unavailable',
          `SharePoint did not answer a check of ${w.collection} (${answer.status}).`,
        );
      const item = collection.versionFound(idOf(w), answer);
      const current = item ? { itemId: item.id, eTag: item.eTag } : null;
      if (w.op === 'create' && current) throw collection.alreadyExists(idOf(w));
      if (w.op === 'update' || w.op === 'delete') {
        if (!current) throw collection.gone(idOf(w));
        if (current.eTag !== w.etag) throw collection.stale(idOf(w), current.eTag);
      }
      found[index] = current;
    });
    return found;
  }

  /** Creates (and ensures of records still missing) in one batch; an ensure that lost a race keeps the winner. */
  async function createAll(steps: { w: WriteOp; index: number }[], committed: (string | null)[]): Promise<void> {
    const requests: GraphRequest[] = steps.map(({ w }) => of(w.collection).createRequest(recordOf(w)));
    const answers = await graph.batch(requests);
    const lost: { w: WriteOp; index: number }[] = [];
    steps.forEach(({ w, index }, at) => {
      const answer = answers[at] as GraphResponse;
      const collection = of(w.collection);
      if (answer.status === 201 || answer.status === 200) {
        committed[index] = collection.created(recordOf(w), answer.body).etag;
      } else if (answer.status === 409 && w.op === 'ensure') {
        lost.push({ w, index });
      } else if (answer.status === 409) {
        throw collection.alreadyExists(idOf(w));
      } else {
        throw new AppError('store.unavailable', `SharePoint refused a write to ${w.collection} (${answer.status}).`);
      }
    });
    if (!lost.length) return;
    const again = await graph.batch(lost.map(({ w }) => of(w.collection).findRequest(idOf(w), false)));
    lost.forEach(({ w, index }, at) => {
      const item = of(w.collection).foundItem(idOf(w), (again[at] as GraphResponse).body);
      if (!item) throw new AppError('store.unavailable', `${w.collection} "${idOf(w)}" was refused and is not there.`);
      committed[index] = item.eTag;
    });
  }

  async function apply(writes: readonly WriteOp[], found: Found[]): Promise<Committed> {
    const committed: (string | null)[] = writes.map(() => null);
    let run: { w: WriteOp; index: number }[] = [];
    const flush = async () => {
      if (run.length) await createAll(run, committed);
      run = [];
    };
    for (const [index, w] of writes.entries()) {
      const current = found[index] ?? null;
      if (w.op === 'create' || w.op === 'ensure') {
        run.push({ w, index });
      } else {
        await flush();
        if (!current) throw of(w.collection).gone(idOf(w));
        if (w.op === 'update') {
          committed[index] = (await of(w.collection).updateItem(current.itemId, w.record as AnyRecord, w.etag)).etag;
        } else {
          await of(w.collection).deleteItem(current.itemId, w.id, w.etag);
        }
      }
    }
    await flush();
    return committed;
  }

  let queue: Promise<unknown> = Promise.resolve();
  return {
    /** Checks, then applies, the writes of a unit; units of this store run one after the other. */
    commit(writes: readonly WriteOp[]): Promise<Committed> {
      const run = queue.then(async () => (writes.length ? apply(writes, await check(writes)) : []));
      queue = run.catch(() => undefined);
      return run;
    },
  };
}
