// The lessons column beside the graph: the index, the open lesson, or the lesson editor. Its
// parts load when first opened, so the first paint carries only this frame. (The page's address
// and the open lesson are kept in step by lessonRoute.ts, which the session's boot starts.)
import { lazy, Suspense } from 'react';
import { useAppStore } from '../../store';
import './lessons.css';

const LessonIndex = lazy(() => import('./LessonIndex').then((m) => ({ default: m.LessonIndex })));
const LessonPanel = lazy(() => import('./LessonPanel').then((m) => ({ default: m.LessonPanel })));
const LessonAuthor = lazy(() => import('./LessonAuthor').then((m) => ({ default: m.LessonAuthor })));

export function LessonDock({ embedded = false }: { embedded?: boolean }) {
  const view = useAppStore((s) => s.lessonView);
  const close = useAppStore((s) => s.closeLessons);
  if (view === 'closed') return null;
  return (
    <aside className="pp-lessons" aria-label="Lessons">
      {!embedded && (
        <button type="button" className="pp-btn pp-btn-quiet pp-btn-small pp-lessons-close" onClick={close} aria-label="Close lessons">×</button>
      )}
      <Suspense fallback={<p className="pp-muted pp-tab-loading">Opening the lessons…</p>}>
        {view === 'index' && <LessonIndex />}
        {view === 'lesson' && <LessonPanel />}
        {view === 'author' && <LessonAuthor />}
      </Suspense>
    </aside>
  );
}
