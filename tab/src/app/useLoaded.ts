/** Shows a value kept in a chunk of its own (a catalogue, a theme) once it has loaded. */
import { useEffect, useState } from 'react';
import type { ChunkCache } from '../common/chunk-cache';

/**
 * The value of `key` with its key once loaded; until then the last one shown (the page keeps its language or
 * theme for the moment the next one takes to arrive). `initial` is a key and its value already loaded.
 */
export function useLoaded<K extends string, V>(
  key: K,
  cache: ChunkCache<K, V>,
  initial: readonly [K, V],
): readonly [K, V] {
  const [shown, setShown] = useState(initial);
  const ready = cache.loaded(key);

  useEffect(() => {
    let live = true;
    cache.load(key).then(
      (value) => {
        if (live) setShown([key, value]);
      },
      (error: unknown) => console.error(`ISC Coordinator could not load ${key}`, error),
    );
    return () => {
      live = false;
    };
  }, [cache, key]);

  return ready !== undefined ? [key, ready] : shown;
}
