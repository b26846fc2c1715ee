// The page's address and the open lesson, kept in step: a link "#lesson/NAME/STEP" (or one
// carrying a whole lesson) opens that step when the page has started or the fragment changes,
// and moving through a lesson writes its step into the address. While a lesson is open the
// address is the lesson's; the share link (#v1.…) comes back with the next change after it
// closes (session/boot.ts). A damaged link opens the index with a message; nothing else is lost.
import { formatScenarioError } from '../../engine';
import { isLessonFragment, lessonFragment, readLessonFragment } from '../../lessons/link';
import { onFragmentChange, readFragment, writeFragment } from '../../share/location';
import type { AppState, AppStore } from '../../store';
import { linkOf } from './useLessonLink';

/** Whether the address belongs to the lessons now: a lesson is open in the column. */
export const lessonOwnsAddress = (s: AppState) => s.lesson !== null && s.lessonView === 'lesson';

export function openFromFragment(store: AppStore, fragment: string): boolean {
  const read = readLessonFragment(fragment);
  if (!read) return false;
  const s = store.getState();
  if (!read.ok) {
    void s.showLessons().then(() => store.setState({ lessonError: read.error }));
    return true;
  }
  const { link } = read;
  if (link.kind === 'builtin') {
    void s.openLesson(link.name, link.step);
    return true;
  }
  void s.addLesson(link.yaml, 'shared').then((added) => {
    if (added.ok) void s.openLesson(added.key, link.step);
    else void s.showLessons().then(() => store.setState({ lessonError: `the lesson in the link does not load: ${added.errors.map(formatScenarioError).join('; ')}` }));
  });
  return true;
}

/** Opens the lesson the page was opened with (if its fragment names one) and keeps the address in step; returns what stops it. */
export function connectLessonRoute(store: AppStore, opened: string = readFragment()): () => void {
  if (isLessonFragment(opened)) openFromFragment(store, opened);
  const stop = onFragmentChange((f) => { openFromFragment(store, f); });
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.lesson === prev.lesson && s.lessonStep === prev.lessonStep && s.lessonView === prev.lessonView) return;
    if (lessonOwnsAddress(s)) writeFragment(lessonFragment(linkOf(s.lesson!, s.lessonStep)));
    else if (isLessonFragment(readFragment())) writeFragment(null);
  });
  return () => { stop(); unsubscribe(); };
}
