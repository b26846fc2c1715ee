// "My scenarios": named copies of scenarios the learner keeps (save as, open, rename,
// delete), and whether the page's storage works. The list lives in the store and is written
// through a ScenarioLibrary the app provides (IndexedDB in the browser, memory in tests); a
// write that fails says so and keeps the list in the page, to be written with the next change.
import type { GetState, LibrarySlice, SavedScenario, SetState } from './types';

export interface ScenarioLibrary {
  list(): Promise<readonly SavedScenario[]>;
  /** Replaces the stored list. */
  save(items: readonly SavedScenario[]): Promise<void>;
}

/** A library in memory: what tests use, and what the page falls back to without storage. */
export function memoryLibrary(items: readonly SavedScenario[] = []): ScenarioLibrary & { items: readonly SavedScenario[] } {
  const lib = {
    items,
    list: async () => lib.items,
    save: async (next: readonly SavedScenario[]) => { lib.items = next; },
  };
  return lib;
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

export function createLibrarySlice(set: SetState, get: GetState, library: ScenarioLibrary | undefined, now: () => Date): LibrarySlice {
  let counter = 0;
  const write = async (items: readonly SavedScenario[], done: string): Promise<boolean> => {
    set({ library: items });
    if (!library) {
      set({ storage: { status: 'failed', message: 'this page has no storage: My scenarios last until the page is closed' } });
      return false;
    }
    try {
      await library.save(items);
      set({ storage: { status: 'ok', message: done } });
      return true;
    } catch (err) {
      set({ storage: { status: 'failed', message: `My scenarios could not be saved (${message(err)}); they are kept in this page and saved with the next change` } });
      return false;
    }
  };
  const find = (id: string) => get().library.find((x) => x.id === id);
  return {
    library: [],
    storage: { status: 'ok', message: null },
    loadLibrary: async () => {
      if (!library) return;
      try {
        set({ library: await library.list() });
      } catch (err) {
        set({ storage: { status: 'failed', message: `My scenarios could not be read (${message(err)})` } });
      }
    },
    saveAs: async (name, scenario) => {
      const trimmed = name.trim() || 'Untitled scenario';
      const id = `s${now().getTime().toString(36)}-${(counter++).toString(36)}`;
      const item: SavedScenario = { id, name: trimmed, scenario: scenario ?? get().text, savedAt: now().toISOString() };
      await write([...get().library, item], `Saved "${trimmed}"`);
      return item;
    },
    openSaved: async (id) => {
      const item = find(id);
      if (!item) return { ok: false, errors: [{ doc: 0, line: 0, message: 'that scenario is no longer in My scenarios' }] };
      return get().loadScenario(item.scenario, `open "${item.name}"`);
    },
    renameSaved: async (id, name) => {
      const trimmed = name.trim();
      if (!trimmed || !find(id)) return;
      await write(get().library.map((x) => (x.id === id ? { ...x, name: trimmed } : x)), `Renamed to "${trimmed}"`);
    },
    deleteSaved: async (id) => {
      const item = find(id);
      if (!item) return;
      await write(get().library.filter((x) => x.id !== id), `Deleted "${item.name}"`);
    },
    reportStorage: (status) => set({ storage: status }),
  };
}
