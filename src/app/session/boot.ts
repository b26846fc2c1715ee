// Starts the page's session once per store: opens the link in the URL (or the saved work,
// or the default scenario), shows what happened, starts the autosave (which keeps the URL's
// fragment in step), follows links pasted into the address bar, and writes what is waiting
// before the page goes away. The address is shared with the lessons: a lesson link
// (#lesson/…) opens the saved work first, then the lesson (ui/lessons/lessonRoute.ts), and
// while a lesson is open the address is its step's, not the share link. Embedded (?embed) the
// page runs no autosave: an iframe never overwrites the saved session.
import type { AppState, AppStore } from '../../store';
import { decodeLink } from '../../share';
import { isLessonFragment } from '../../lessons/link';
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

export interface BootOptions {
  /** The page is in an iframe (?embed): no autosave. */
  readonly embedded?: boolean;
}

/** The lessons' side of the address, loaded with the session (it brings the lessons' code). */
const lessonRoute = () => import('../../ui/lessons/lessonRoute');

export function bootSession(store: AppStore, kv: KeyValueStore, defaultScenario: string, problem: string | null, options: BootOptions = {}): void {
  if (booted.has(store)) return;
  booted.add(store);
  const opened = readFragment();
  let written: string | null = null;
  let lessonsOwn: ((s: AppState) => boolean) | null = null;
  const write = (fragment: string | null) => {
    if (lessonsOwn?.(store.getState())) return;
    written = fragment === null ? null : `#${fragment}`;
    writeFragment(fragment);
  };
  void startSession(store, kv, opened, defaultScenario).then(async (started) => {
    if (problem) store.getState().reportStorage({ status: 'failed', message: problem });
    if (started.notice) store.getState().showNotice(started.notice);
    if (!options.embedded) {
      const autosave = startAutosave(store, kv, { writeFragment: write });
      window.addEventListener('pagehide', () => void autosave.flush());
    }
    const route = await lessonRoute();
    lessonsOwn = route.lessonOwnsAddress;
    route.connectLessonRoute(store, opened);
  });
  onFragmentChange((fragment) => {
    if (fragment === written || fragment === '' || fragment === '#' || isLessonFragment(fragment)) return;
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
