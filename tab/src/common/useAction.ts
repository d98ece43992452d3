/** Runs a change against the server: one at a time, remembering which one is busy, its error and its outcome. */
import { useCallback, useRef, useState } from 'react';

/** The state of the changes a view makes. */
export interface ActionState {
  /** The key of the change under way, or null. */
  busy: string | null;
  /** Why the last change failed, or null. */
  error: unknown;
  /** A sentence saying what the last change did, or null. */
  notice: string | null;
  /** Runs `change` unless another is under way; resolves to its result, or undefined when it failed or was refused. */
  run<T>(key: string, change: () => Promise<T>, notice?: (result: T) => string | null): Promise<T | undefined>;
  /** Forgets the last error and notice (e.g. when the reader dismisses them). */
  clear(): void;
}

/** Serializes a view's changes and keeps their outcome for a MessageBar. */
export function useAction(): ActionState {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const running = useRef(false);

  const run = useCallback(async <T>(key: string, change: () => Promise<T>, describe?: (result: T) => string | null) => {
    if (running.current) return undefined;
    running.current = true;
    setBusy(key);
    setError(null);
    setNotice(null);
    try {
      const result = await change();
      setNotice(describe ? describe(result) : null);
      return result;
    } catch (failure) {
      setError(failure);
      return undefined;
    } finally {
      running.current = false;
      setBusy(null);
    }
  }, []);

  const clear = useCallback(() => {
    setError(null);
    setNotice(null);
  }, []);

  return { busy, error, notice, run, clear };
}
