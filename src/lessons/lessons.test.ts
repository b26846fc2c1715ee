// Every built-in lesson, walked from its first step to its last by the engine: each check is
// asked and answered with what the engine computes now, and refused when answered wrongly (every
// other option, a neighbouring hop, a number one off, a task left undone). A check the engine can
// no longer answer fails here, as does feedback with a fact left unfilled or a highlight that
// names nothing in the scenario.
import { describe, expect, test } from 'vitest';
import { judgeCheck, prepareCheck, tablesOf, topology, EMPTY_STATE, type Check, type CheckContext, type LessonAnswer, type Trace } from '../engine';
import { builtinLessons, resolveScenario } from '.';
import { walkLesson, type WalkedStep } from './walk';

const { lessons, problems } = builtinLessons();

test('every built-in lesson file parses and names a scenario podpath has', () => {
  expect(problems).toEqual([]);
  expect(lessons.length).toBeGreaterThan(0);
});

test('lesson names are unique', () => {
  const names = lessons.map((l) => l.metadata.name);
  expect(new Set(names).size).toBe(names.length);
});

/** Answers a check must refuse: derived from the trace and the truth, never typed in. */
function wrongAnswers(check: Check, truth: LessonAnswer, options: readonly { value: string }[] | undefined, trace: Trace | null): LessonAnswer[] {
  switch (truth.kind) {
    case 'hop': {
      const legHops = trace!.exchanges[truth.exchange]!.legs[truth.leg]!.hops.length;
      const near = [truth.hop - 1, truth.hop + 1, 0].filter((h) => h >= 0 && h < legHops && h !== truth.hop);
      return [...new Set(near)].map((hop) => ({ kind: 'hop', exchange: truth.exchange, leg: truth.leg, hop }));
    }
    case 'choice': return (options ?? []).filter((o) => o.value !== truth.value).map((o) => ({ kind: 'choice', value: o.value }));
    case 'number': {
      const slack = check.kind === 'number' ? check.tolerance ?? 0 : 0;
      return [{ kind: 'number', value: truth.value + 1 + slack }, { kind: 'number', value: truth.value - 1 - slack }];
    }
    case 'task': return [];
  }
}

function expectFilled(feedback: string) {
  expect(feedback).not.toMatch(/\{[a-z.]+\}/i);
  expect(feedback).not.toContain('(unknown)');
}

function checkStep(w: WalkedStep) {
  const check = w.step.check!;
  const ctx: CheckContext = { cluster: w.cluster, trace: w.trace, step: w.step, ...(w.draft !== undefined ? { draft: w.draft } : {}) };
  const prepared = prepareCheck(ctx, check);
  if (!prepared.ok) throw new Error(`step ${w.index + 1} ("${w.step.title}") cannot be asked: ${prepared.message}`);
  expect(check.wrong, `step ${w.index + 1} explains a wrong answer`).toBeDefined();
  if (check.kind === 'task') {
    // Undone, the task is refused; done (the solution applied), it is accepted. A task the
    // learner must find is undone on what was on screen before they found it.
    const undone = w.unfound !== undefined ? { ...ctx, trace: w.unfound } : ctx;
    const before = judgeCheck(undone, check, { kind: 'task' });
    expect(before.ok && before.correct, `step ${w.index + 1}: the task is already done before the learner acts`).toBe(false);
    if (before.ok) expectFilled(before.feedback);
    expect(w.solved ?? w.step.solution?.run, `step ${w.index + 1}: a task has a solution`).toBeDefined();
    const done = w.solved ? { ...ctx, cluster: w.solved.cluster } : ctx;
    const after = judgeCheck(done, check, { kind: 'task' });
    expect(after.ok && after.correct, `step ${w.index + 1}: the solution does not pass (${after.ok ? after.feedback : after.message})`).toBe(true);
    return;
  }
  const right = judgeCheck(ctx, check, prepared.truth);
  expect(right.ok && right.correct, `step ${w.index + 1}: the engine's own answer is refused`).toBe(true);
  if (right.ok) expectFilled(right.feedback);
  const wrong = wrongAnswers(check, prepared.truth, prepared.options, w.trace);
  expect(wrong.length, `step ${w.index + 1} has a wrong answer to try`).toBeGreaterThan(0);
  for (const a of wrong) {
    const j = judgeCheck(ctx, check, a);
    expect(j.ok && !j.correct, `step ${w.index + 1}: the wrong answer ${JSON.stringify(a)} is accepted`).toBe(true);
    if (j.ok) expectFilled(j.feedback);
  }
}

function checkHighlights(w: WalkedStep) {
  const h = w.step.highlight;
  if (!h) return;
  const topo = topology(w.cluster);
  for (const el of h.elements ?? []) {
    expect(topo.elements.some((e) => e.id === el || e.name === el), `step ${w.index + 1}: highlight "${el}" names an element`).toBe(true);
  }
  for (const t of h.tables ?? []) {
    const printed = tablesOf(w.cluster, EMPTY_STATE, t.netns);
    expect(printed.ok, `step ${w.index + 1}: ${t.netns} has tables`).toBe(true);
    const table = printed.ok ? printed.tables.find((x) => x.id === t.table) : undefined;
    expect(table, `step ${w.index + 1}: ${t.netns} has ${t.table}`).toBeDefined();
    expect(table!.text.split('\n').some((l) => new RegExp(t.match).test(l)), `step ${w.index + 1}: "${t.match}" marks a line of ${t.table}`).toBe(true);
  }
}

describe.each(lessons.map((l) => [l.metadata.name, l] as const))('lesson %s', (_name, lesson) => {
  test('has 5 to 12 steps, most of them checked', () => {
    const n = lesson.spec.steps.length;
    expect(n).toBeGreaterThanOrEqual(5);
    expect(n).toBeLessThanOrEqual(12);
    expect(lesson.spec.steps.filter((s) => s.check).length).toBeGreaterThanOrEqual(Math.ceil(n / 2));
  });

  test('is walked start to end: every check answered from the engine, every wrong answer refused', () => {
    const walk = walkLesson(lesson, resolveScenario);
    if (!walk.ok) throw new Error(`step ${walk.step + 1}: ${walk.error}`);
    for (const w of walk.steps) {
      checkHighlights(w);
      if (w.step.check) checkStep(w);
    }
  });
});
