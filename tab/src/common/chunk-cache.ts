/** Values kept in chunks of their own (a language's catalogue, a theme), each loaded once when first needed. */

/** Loads the value of a key and tells which values are already loaded. */
export interface ChunkCache<K extends string, V> {
  /** Loads the value of `key` (once; a failed load is tried again on the next call). */
  load(key: K): Promise<V>;
  /** The value of `key` if it has been loaded, else undefined. */
  loaded(key: K): V | undefined;
}

/** A cache over `chunks`, one dynamic import per key. */
export function chunkCache<K extends string, V>(chunks: Record<K, () => Promise<V>>): ChunkCache<K, V> {
  const loading = new Map<K, Promise<V>>();
  const loaded = new Map<K, V>();
  return {
    load(key) {
      let pending = loading.get(key);
      if (!pending) {
        pending = chunks[key]().then(
          (value) => {
            loaded.set(key, value);
            return value;
          },
          (error: unknown) => {
            loading.delete(key);
            throw error;
          },
        );
        loading.set(key, pending);
      }
      return pending;
    },
    loaded: (key) => loaded.get(key),
  };
}
