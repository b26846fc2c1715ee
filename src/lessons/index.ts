// The built-in lessons: one YAML file per lesson in this folder (kind: Lesson), and the
// scenarios they run in: podpath's built-in scenarios by name, and the lessons' own in
// scenarios/. Read with Vite's ?raw, as the default scenario is; parsed on first use. A
// lesson that does not parse is reported with its file, never dropped in silence.
import { parseLesson, type Lesson, type ScenarioError, type ScenarioRef } from '../engine';
import { BUILTIN_SCENARIOS } from '../scenarios/builtins';
import ingressYaml from '../scenarios/ingress.yaml?raw';
import netpolYaml from '../scenarios/netpol.yaml?raw';
import { sortLessons } from './order';

export { sortLessons };
export { parseLesson } from '../engine';

const LESSON_FILES = import.meta.glob<string>('./*.yaml', { query: '?raw', import: 'default', eager: true });
const SCENARIO_FILES = import.meta.glob<string>('./scenarios/*.yaml', { query: '?raw', import: 'default', eager: true });

const fileName = (path: string) => path.replace(/^.*\//, '').replace(/\.yaml$/, '');

/** podpath's scenarios by name: the app's built-ins (the default and one per CNI plugin), the layer-7 one, NetworkPolicy's, and the lessons' own. */
export const SCENARIOS: Readonly<Record<string, string>> = {
  ...Object.fromEntries(BUILTIN_SCENARIOS.map((b) => [b.id, b.yaml])),
  ingress: ingressYaml,
  netpol: netpolYaml,
  ...Object.fromEntries(Object.entries(SCENARIO_FILES).map(([path, text]) => [fileName(path), text])),
};

/** The text of a scenario a lesson names, or undefined for a name podpath does not have. */
export function resolveScenario(ref: ScenarioRef): string | undefined {
  return 'yaml' in ref ? ref.yaml : SCENARIOS[ref.builtin];
}

export interface LessonFileError {
  readonly file: string;
  readonly errors: readonly ScenarioError[];
}

export interface BuiltinLessons {
  /** In the course's order: by topic, then order, then name. */
  readonly lessons: readonly Lesson[];
  readonly problems: readonly LessonFileError[];
}

let cache: BuiltinLessons | null = null;

export function builtinLessons(): BuiltinLessons {
  if (cache) return cache;
  const lessons: Lesson[] = [];
  const problems: LessonFileError[] = [];
  for (const [path, text] of Object.entries(LESSON_FILES).sort(([a], [b]) => a.localeCompare(b))) {
    const parsed = parseLesson(text);
    if (!parsed.ok) { problems.push({ file: fileName(path), errors: parsed.errors }); continue; }
    const ref = parsed.lesson.spec.scenario;
    if (resolveScenario(ref) === undefined) {
      problems.push({ file: fileName(path), errors: [{ doc: 1, line: 1, field: 'spec.scenario', message: `no built-in scenario named "${'builtin' in ref ? ref.builtin : ''}"` }] });
      continue;
    }
    lessons.push(parsed.lesson);
  }
  cache = { lessons: sortLessons(lessons), problems };
  return cache;
}
