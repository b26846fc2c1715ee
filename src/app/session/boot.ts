// Starts the page's session once per store: opens the link in the URL (or the saved work,
// or the default scenario), shows what happened, starts the autosave (which keeps the URL's
// fragment in step), follows links pasted into the address bar, and writes what is waiting
// before the page goes away.
import type { AppStore } from '../../store';
import { decodeLink } from '../../share';
import { linkTo, onFragmentChange, readFragment, writeFragment } from '../../share/location';
import { startAutosave } from './autosave';
import { idbStore, memoryStore, type KeyValueStore } from './keyValue';
import { startSession } from './start';

/** The page's session lives as long as its store (the page); React's double effects in development start it once. */
const booted = new WeakSet<AppStore>();

/** The page's store: IndexedDB, or memory (and a message) where the browser has none. */
export function pageStore(): { kv: KeyValueStore; problem: string | null } {
  try {
    if (typeof indexedDB === 'undefined') throw new Error('this browser has no IndexedDB');
    return { kv: idbStore(), problem: null };
  } catch (err) {
    return { kv: memoryStore(), problem: `Nothing is kept after this page closes: ${err instanceof Error ? err.message : String(err)}` };
  }
}

export function bootSession(store: AppStore, kv: KeyValueStore, defaultScenario: string, problem: string | null): void {
  if (booted.has(store)) return;
  booted.add(store);
  let written: string | null = null;
  const write = (fragment: string | null) => { written = fragment === null ? null : `#${fragment}`; writeFragment(fragment); };
  void startSession(store, kv, readFragment(), defaultScenario).then((started) => {
    if (problem) store.getState().reportStorage({ status: 'failed', message: problem });
    if (started.notice) store.getState().showNotice(started.notice);
    const autosave = startAutosave(store, kv, { writeFragment: write });
    window.addEventListener('pagehide', () => void autosave.flush());
  });
  onFragmentChange((fragment) => {
    if (fragment === written || fragment === '' || fragment === '#') return;
    const link = decodeLink(fragment);
    if (!link.ok) {
      store.getState().showNotice({ tone: 'warning', title: 'This link could not be opened', details: [link.error, 'Your work is as it was.'] });
      return;
    }
    void store.getState().openMoment(link.state, 'open a shared link').then((out) => {
      const notes = out.ok ? [...link.repairs, ...out.notes] : [out.error];
      store.getState().showNotice(notes.length > 0 ? { tone: 'warning', title: out.ok ? 'The link was opened, with repairs' : 'This link could not be opened', details: notes } : null);
    });
  });
}

export { linkTo };
