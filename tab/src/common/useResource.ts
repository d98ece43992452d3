/** Loads data for a component and keeps its loading / error / data state, with a retry. */
import { useCallback, useEffect, useState } from 'react';

/** The state of a load: the last data received, whether a newer load is under way, and its error. */
export interface Resource<T> {
  /** The latest data received, kept while a newer load (new filters, retry) is in flight. */
  data: T | undefined;
  /** True while the current load is in flight. */
  loading: boolean;
  /** Why the current load failed, or null. */
  error: unknown;
  /** Loads again (the Retry button). */
  reload: () => void;
  /** Replaces the data with a newer copy the caller already has (the answer of a change). */
  set: (data: T) => void;
}

interface Settled<T> {
  load: (signal: AbortSignal) => Promise<T>;
  attempt: number;
  data?: T;
  error?: unknown;
}

/**
 * Runs `load` whenever it changes (memoize it with useCallback on its inputs) or `reload` is called.
 * Answers of superseded loads are dropped, so a slow old request never overwrites a newer one.
 */
export function useResource<T>(load: (signal: AbortSignal) => Promise<T>): Resource<T> {
  const [attempt, setAttempt] = useState(0);
  const [settled, setSettled] = useState<Settled<T> | null>(null);
  const [lastData, setLastData] = useState<T | undefined>(undefined);

  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal).then(
      (data) => {
        if (controller.signal.aborted) return;
        setSettled({ load, attempt, data });
        setLastData(data);
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setSettled({ load, attempt, error });
      },
    );
    return () => controller.abort();
  }, [load, attempt]);

  const current = settled !== null && settled.load === load && settled.attempt === attempt;
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const set = useCallback(
    (data: T) => {
      setSettled({ load, attempt, data });
      setLastData(data);
    },
    [load, attempt],
  );
  return {
    data: current && settled.data !== undefined ? settled.data : lastData,
    loading: !current,
    error: current ? (settled.error ?? null) : null,
    reload,
    set,
  };
}
