// What a lesson is made of, walked: the scenario a step runs in (its own, else the last one an
// earlier step set, else the lesson's) and a task's solution applied to the scenario text.
// The lesson written back as YAML is in lesson-yaml.ts, so the page need not load YAML for these.
import type { Lesson, ScenarioRef, Solution } from './types';

/** The scenario step `index` runs in. */
export function scenarioAt(lesson: Lesson, index: number): ScenarioRef {
  for (let i = Math.min(index, lesson.spec.steps.length - 1); i >= 0; i--) {
    const own = lesson.spec.steps[i]!.scenario;
    if (own) return own;
  }
  return lesson.spec.scenario;
}

export const sameScenarioRef = (a: ScenarioRef, b: ScenarioRef) =>
  ('builtin' in a && 'builtin' in b && a.builtin === b.builtin) || ('yaml' in a && 'yaml' in b && a.yaml === b.yaml);

/** The scenario text after a solution's edits, or what stopped them (a text to replace that is not there). */
export function applySolution(text: string, solution: Solution, resolve: (ref: ScenarioRef) => string | undefined): { ok: true; text: string } | { ok: false; error: string } {
  let out = solution.scenario ? resolve(solution.scenario) : text;
  if (out === undefined) return { ok: false, error: 'the solution names a scenario podpath does not have' };
  for (const e of solution.edits ?? []) {
    if ('append' in e) {
      out = `${out.trimEnd()}\n---\n${e.append.replace(/^---\s*\n/, '')}`;
      continue;
    }
    if (!out.includes(e.find)) return { ok: false, error: `the scenario no longer holds "${e.find}", so the solution cannot be applied` };
    out = out.replace(e.find, e.replace);
  }
  return { ok: true, text: out };
}
