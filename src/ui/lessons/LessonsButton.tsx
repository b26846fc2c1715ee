// The top bar's Lessons button: opens the lesson index, or closes the lessons column.
import { useAppStore } from '../../store';

export function LessonsButton() {
  const view = useAppStore((s) => s.lessonView);
  const show = useAppStore((s) => s.showLessons);
  const close = useAppStore((s) => s.closeLessons);
  const open = view !== 'closed';
  return (
    <button type="button" className="pp-btn pp-btn-dark pp-lessons-button" aria-pressed={open} onClick={() => (open ? close() : void show())}>
      Lessons
    </button>
  );
}
