// Lessons in the course's order: by topic (as TOPICS lists them), then the lesson's order, then its name.
import { TOPICS, type Lesson } from '../engine';

export function sortLessons(lessons: readonly Lesson[]): Lesson[] {
  const rank = (l: Lesson) => TOPICS.indexOf(l.spec.topic);
  return [...lessons].sort((a, b) => rank(a) - rank(b) || a.spec.order - b.spec.order || a.metadata.name.localeCompare(b.metadata.name));
}
