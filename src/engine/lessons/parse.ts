// Reads a Lesson document: YAML in (read as safely as a scenario), a validated Lesson out, or
// errors that each name the field and its line. Beyond the schema it checks what the schema
// cannot: that feedback uses only the placeholders its check kind fills, and that a step's
// check has something to read (a run, a step that asks the learner to find one, or a task).
import { formatPath, lineAt } from '../model/locate';
import { zodErrors } from '../model/parse';
import type { ScenarioError } from '../model/types';
import { readYaml } from '../model/validation/yaml';
import { needsTrace } from './checks';
import { allowedPlaceholders, placeholdersOf } from './feedback';
import { lessonSpec } from './schema';
import type { Lesson } from './types';

export type LessonParse =
  | { readonly ok: true; readonly lesson: Lesson }
  | { readonly ok: false; readonly errors: readonly ScenarioError[] };

function extraErrors(lesson: Lesson, line: (path: (string | number)[]) => number): ScenarioError[] {
  const errors: ScenarioError[] = [];
  const at = (path: (string | number)[], message: string) => errors.push({ doc: 1, object: `Lesson ${lesson.metadata.name}`, field: formatPath(path), line: line(path), message });
  lesson.spec.steps.forEach((step, i) => {
    const check = step.check;
    if (!check) return;
    const allowed = allowedPlaceholders(check.kind);
    for (const which of ['right', 'wrong'] as const) {
      const text = check[which];
      if (text === undefined) continue;
      for (const p of placeholdersOf(text)) {
        if (!allowed.has(p)) at(['spec', 'steps', i, 'check', which], `{${p}} is not filled in for a ${check.kind} check (it may use ${[...allowed].map((a) => `{${a}}`).join(', ')})`);
      }
    }
    if (check.kind !== 'task' && needsTrace(check) && !step.run && !step.find) {
      at(['spec', 'steps', i, 'check'], 'a question needs a trace to read: give the step a run, or find: true to let the learner find one');
    }
  });
  return errors;
}

export function parseLesson(text: string): LessonParse {
  if (typeof text !== 'string') return { ok: false, errors: [{ doc: 0, line: 0, message: 'a lesson is YAML text' }] };
  const yaml = readYaml(text);
  if (yaml.errors.length > 0) return { ok: false, errors: yaml.errors };
  const docs = yaml.docs.filter((d) => d.value !== null && d.value !== undefined);
  if (docs.length !== 1) {
    return { ok: false, errors: [{ doc: docs[1]?.index ?? 0, line: docs[1]?.line ?? 1, message: `a lesson is one YAML document (kind: Lesson); this text has ${docs.length}` }] };
  }
  const doc = docs[0]!;
  const r = lessonSpec.safeParse(doc.value);
  const name = (doc.value as { metadata?: { name?: unknown } } | null)?.metadata?.name;
  const ctx = { index: doc.index, fields: doc.fields, first: doc.line, object: typeof name === 'string' ? `Lesson ${name}` : 'Lesson' };
  if (!r.success) return { ok: false, errors: zodErrors(ctx, r.error) };
  const extra = extraErrors(r.data, (path) => lineAt(doc.fields, path, doc.line));
  return extra.length > 0 ? { ok: false, errors: extra } : { ok: true, lesson: r.data };
}
