// Connects the page's address to the lessons (lessonRoute.ts), loaded after the first paint.
import { useContext, useEffect } from 'react';
import { StoreContext } from '../../store';

export function useLessonRoute(): void {
  const store = useContext(StoreContext);
  useEffect(() => {
    if (!store) return undefined;
    let stop: (() => void) | null = null;
    let gone = false;
    void import('./lessonRoute').then((m) => { if (!gone) stop = m.connectLessonRoute(store); });
    return () => { gone = true; stop?.(); };
  }, [store]);
}
