/**
 * Saves a form's record with the version it was read at. When someone else changed the record meanwhile, the newer
 * version is read, the fields they changed are named, and the form keeps what the user typed, to save again.
 */
import { useCallback, useState } from 'react';
import { changedKeys, isConflict } from './form-support';

/** The saving state of a dialog editing one record. */
export interface VersionedSave<R> {
  /** The version the next save applies to (the one read, or the newer one after a conflict). */
  base: R | null;
  busy: boolean;
  /** Why the last save failed (not a conflict), or null. */
  error: unknown;
  /** The fields someone else changed, after a conflict; null otherwise. */
  conflict: string[] | null;
  /** Runs `save` on the base version; resolves to the saved record, or undefined when it failed. */
  run<T>(save: (base: R | null) => Promise<T>): Promise<T | undefined>;
}

/** `initial`: the record as read (null for a new one); `reload` reads its current version. */
export function useVersionedSave<R extends object>(
  initial: R | null,
  reload: (record: R) => Promise<R>,
): VersionedSave<R> {
  const [base, setBase] = useState<R | null>(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [conflict, setConflict] = useState<string[] | null>(null);

  const run = useCallback(
    async <T>(save: (record: R | null) => Promise<T>): Promise<T | undefined> => {
      setBusy(true);
      setError(null);
      try {
        const saved = await save(base);
        setConflict(null);
        return saved;
      } catch (failure) {
        if (base && isConflict(failure)) {
          try {
            const fresh = await reload(base);
            setConflict(changedKeys(base, fresh));
            setBase(fresh);
          } catch (readFailure) {
            setError(readFailure);
          }
        } else {
          setError(failure);
        }
        return undefined;
      } finally {
        setBusy(false);
      }
    },
    [base, reload],
  );

  return { base, busy, error, conflict, run };
}
