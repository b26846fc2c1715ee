// A lesson written back as YAML: what a teacher downloads or shares.
import { stringify } from 'yaml';
import type { Lesson } from './types';

/** The lesson as a YAML document: block scalars for the texts, so it reads and diffs well. */
export function lessonToYaml(lesson: Lesson): string {
  return stringify(lesson, { lineWidth: 0, blockQuote: 'literal' });
}
