// The built-in lessons as the journeys read them: the YAML files from the source tree, the
// scenarios they name, and each step walked by the engine (src/lessons/walk.ts), so a journey
// answers with what the engine computes, never with a number typed into the test.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseLesson, prepareCheck, type Lesson, type PreparedCheck, type ScenarioRef } from '../src/engine';
import { walkLesson, type WalkedStep } from '../src/lessons/walk';
import { stepsOf } from '../src/store/steps';

const dir = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const scenarios: Record<string, string> = {
  default: readFileSync(dir('../src/scenarios/default.yaml'), 'utf8'),
  ingress: readFileSync(dir('../src/scenarios/ingress.yaml'), 'utf8'),
  ...Object.fromEntries(readdirSync(dir('../src/lessons/scenarios')).map((f) => [f.replace(/\.yaml$/, ''), readFileSync(dir(`../src/lessons/scenarios/${f}`), 'utf8')])),
};

export const resolveScenario = (ref: ScenarioRef) => ('yaml' in ref ? ref.yaml : scenarios[ref.builtin]);

export function builtinLesson(name: string): Lesson {
  const parsed = parseLesson(readFileSync(dir(`../src/lessons/${name}.yaml`), 'utf8'));
  if (!parsed.ok) throw new Error(`lesson ${name} does not parse`);
  return parsed.lesson;
}

export interface Answered {
  readonly walked: WalkedStep;
  readonly prepared: Extract<PreparedCheck, { ok: true }>;
  /** For a hop: its number in the hop list; for a choice: the label of the right option; for a number: the number. */
  readonly answer: string;
  /** A wrong option's label, for a choice. */
  readonly wrong?: string;
}

/** Every checked step of a lesson with the answer the engine computes for it. */
export function answersOf(lesson: Lesson): Map<number, Answered> {
  const walk = walkLesson(lesson, resolveScenario);
  if (!walk.ok) throw new Error(walk.error);
  const out = new Map<number, Answered>();
  for (const w of walk.steps) {
    if (!w.step.check) continue;
    const prepared = prepareCheck({ cluster: w.cluster, trace: w.trace, step: w.step }, w.step.check);
    if (!prepared.ok) throw new Error(`step ${w.index + 1}: ${prepared.message}`);
    const t = prepared.truth;
    let answer = '';
    let wrong: string | undefined;
    if (t.kind === 'hop') answer = String(stepsOf(w.trace).findIndex((s) => s.exchange === t.exchange && s.legIndex === t.leg && s.index === t.hop) + 1);
    if (t.kind === 'choice') {
      answer = prepared.options!.find((o) => o.value === t.value)!.label;
      wrong = prepared.options!.find((o) => o.value !== t.value)!.label;
    }
    if (t.kind === 'number') answer = String(t.value);
    out.set(w.index, { walked: w, prepared, answer, ...(wrong !== undefined ? { wrong } : {}) });
  }
  return out;
}
