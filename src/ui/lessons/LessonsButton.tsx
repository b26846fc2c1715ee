// The top bar's Lessons button: opens the lesson index, or closes the lessons column.
import { useAppStore } from '../../store';

export function LessonsButton() {
  const view = useAppStore((s) => s.lessonView);
  const show = useAppStore((s) => s.showLessons);
  const close = useAppStore((s) => s.closeLessons);
  const open = view !== 'closed';
  return (
    <button type="button" className="pp-btn pp-btn-dark pp-lessons-button" aria-pressed={open} onClick={() => (open ? close() : void show())}>
      <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true"><path d="M2 3.5c2-1 4-1 6 .5 2-1.5 4-1.5 6-.5V13c-2-1-4-1-6 .5-2-1.5-4-1.5-6-.5zM8 4v9.5" fill="none" stroke="currentColor" strokeWidth="1.4" /></svg>
      <span className="pp-btn-text">Lessons</span>
    </button>
  );
}
