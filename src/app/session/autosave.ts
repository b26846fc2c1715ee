// The autosave: whenever what the learner would lose changes (the working scenario, the
// run, the selected hop, the open panel, the speed), the session is written a moment later,
// and the URL's fragment is kept in step with it (while it stays a reasonable length). A
// write that fails is reported on the page and tried again with the next change: the page
// keeps everything meanwhile. Nothing is written before the learner changes something, so
// opening the page (or a broken link) never overwrites what was saved.
import type { AppState, AppStore } from '../../store';
import { encodeLink } from '../../share';
import type { KeyValueStore } from './keyValue';
import { linkStateOf, SESSION_KEY, sessionRecord } from './records';

/** Links longer than this are not kept in the address bar (Copy link still makes them). */
export const MAX_FRAGMENT = 32_000;

export interface Autosave {
  /** Writes now what is waiting (tests, and before the page unloads). */
  flush(): Promise<void>;
  stop(): void;
}

const watched = (s: AppState) => [s.text, s.trace, s.position, s.panel, s.speed] as const;

export function startAutosave(store: AppStore, kv: KeyValueStore, options: { delay?: number; writeFragment?: (fragment: string | null) => void } = {}): Autosave {
  const delay = options.delay ?? 400;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let last = watched(store.getState());
  let failing = false;
  const write = async () => {
    timer = null;
    const s = store.getState();
    if (!s.summary) return;
    const moment = s.moment();
    const record = sessionRecord(moment, s.speed);
    if (options.writeFragment) {
      const fragment = encodeLink(linkStateOf(moment));
      options.writeFragment(fragment.length <= MAX_FRAGMENT ? fragment : null);
    }
    try {
      await kv.set(SESSION_KEY, record);
      if (failing) s.reportStorage({ status: 'ok', message: 'Your work is saved again' });
      failing = false;
    } catch (err) {
      failing = true;
      s.reportStorage({ status: 'failed', message: `Your work could not be saved (${err instanceof Error ? err.message : String(err)}); it stays in this page, and saving is tried again with your next change` });
    }
  };
  const unsubscribe = store.subscribe((s) => {
    const now = watched(s);
    if (now.every((v, i) => v === last[i])) return;
    last = now;
    // A send is still running or a scenario loading: wait for it, so the hop is the one shown.
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => void write(), delay);
  });
  return {
    flush: async () => {
      await store.getState().idle();
      if (timer !== null) { clearTimeout(timer); await write(); }
    },
    stop: () => { unsubscribe(); if (timer !== null) clearTimeout(timer); },
  };
}
