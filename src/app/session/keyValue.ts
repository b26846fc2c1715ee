// Where the page keeps things between visits: a key-value store. In the browser it is
// IndexedDB through idb-keyval (a small, well-kept wrapper: one object store, Promises);
// tests use one in memory, or one that fails, to see that a failing store loses nothing.
import { createStore, get, set } from 'idb-keyval';

export interface KeyValueStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
}

/** IndexedDB database "podpath", object store "keyval". Throws where IndexedDB is missing. */
export function idbStore(): KeyValueStore {
  const db = createStore('podpath', 'keyval');
  return { get: (key) => get(key, db), set: (key, value) => set(key, value, db) };
}

export function memoryStore(initial: Record<string, unknown> = {}): KeyValueStore & { readonly data: Map<string, unknown> } {
  const data = new Map(Object.entries(initial));
  // Values go through a structured clone, as IndexedDB stores them.
  return { data, get: async (key) => structuredClone(data.get(key)), set: async (key, value) => { data.set(key, structuredClone(value)); } };
}

/** A store whose writes (and, if asked, reads) fail, as a full or blocked IndexedDB does. */
export function failingStore(message = 'QuotaExceededError: the quota has been exceeded', reads = false): KeyValueStore {
  return {
    get: async () => { if (reads) throw new Error(message); return undefined; },
    set: async () => { throw new Error(message); },
  };
}
