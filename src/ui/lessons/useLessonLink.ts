// The link to the open lesson's step: "#lesson/NAME/STEP" for a built-in lesson, the whole
// lesson in the link for one written here or loaded from a file.
import { useMemo } from 'react';
import { lessonToYaml } from '../../engine';
import { lessonFragment, type LessonLink } from '../../lessons/link';
import { useAppStore, type LessonEntry } from '../../store';
import { linkTo } from '../../share/location';

export function linkOf(entry: LessonEntry, step: number): LessonLink {
  return entry.origin === 'builtin'
    ? { kind: 'builtin', name: entry.lesson.metadata.name, step }
    : { kind: 'doc', yaml: lessonToYaml(entry.lesson), step };
}

/** The fragment of the open step (without '#'), or null when no lesson is open. */
export function useLessonFragment(): string | null {
  const entry = useAppStore((s) => s.lesson);
  const step = useAppStore((s) => s.lessonStep);
  return useMemo(() => (entry ? lessonFragment(linkOf(entry, step)) : null), [entry, step]);
}

export function useLessonLink(): string | null {
  const fragment = useLessonFragment();
  return fragment ? linkTo(fragment) : null;
}
