// The learner's lesson progress in localStorage, so it survives a reload. Storage that is
// full, disabled (private windows) or holds something damaged costs the progress, never the page.
import { restoreProgress, type LessonProgress, type ProgressStore } from '../store';

const KEY = 'podpath.lessons.progress.v1';

type Kept = Pick<Storage, 'getItem' | 'setItem'>;

/** localStorage, or null where reading it throws (storage disabled). */
function pageStorage(): Kept | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function localProgress(storage: Kept | null = pageStorage()): ProgressStore {
  return {
    load: (): LessonProgress => {
      try {
        const raw = storage?.getItem(KEY);
        return raw ? restoreProgress(JSON.parse(raw)) : {};
      } catch {
        return {};
      }
    },
    save: (p) => {
      try {
        storage?.setItem(KEY, JSON.stringify(p));
      } catch {
        // Full or disabled storage: the progress lives until the page closes.
      }
    },
  };
}
