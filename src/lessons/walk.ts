// A lesson walked from its first step to its last by the engine alone, as a learner who does
// everything right would: each step's scenario loaded, its run made (or, where the learner must
// find it, the solution's), every task's solution applied. What the tests of the built-in
// lessons, and a teacher's preview, read: per step the compiled cluster and the trace a check
// would see. Nothing here knows an answer; the checks compute theirs.
import { applySolution, compile, exec, parseScenario, runTrace, sameScenarioRef, scenarioAt, type Cluster, type Lesson, type LessonStep, type ScenarioRef, type Trace } from '../engine';

export interface WalkedStep {
  readonly index: number;
  readonly step: LessonStep;
  /** The scenario text the step starts in, and compiled. */
  readonly text: string;
  readonly cluster: Cluster;
  /** The trace the learner looks at when answering: the step's run, else the solution's, else the last one. */
  readonly trace: Trace | null;
  /** For a step whose learner must find the send or command: the trace on screen before they find it. */
  readonly unfound?: Trace | null;
  /** The scenario after the step's solution, when it has edits (what the learner's scenario is once the task is done). */
  readonly solved?: { readonly text: string; readonly cluster: Cluster };
  /** The editor's text after the step's solution, when podpath refuses it (a step about what podpath refuses). */
  readonly draft?: string;
}

export type Walk = { readonly ok: true; readonly steps: readonly WalkedStep[] } | { readonly ok: false; readonly step: number; readonly error: string };

function compileText(text: string): Cluster | string {
  const parsed = parseScenario(text);
  if (!parsed.ok) return parsed.errors.map((e) => `line ${e.line}: ${e.message}`).join('; ');
  const compiled = compile(parsed.scenario);
  return compiled.ok ? compiled.cluster : compiled.errors.map((e) => e.message).join('; ');
}

export function walkLesson(lesson: Lesson, resolve: (ref: ScenarioRef) => string | undefined): Walk {
  const out: WalkedStep[] = [];
  let ref: ScenarioRef | null = null;
  let text = '';
  let trace: Trace | null = null;
  const compiled = new Map<string, Cluster | string>();
  const load = (t: string) => compiled.get(t) ?? compiled.set(t, compileText(t)).get(t)!;
  for (const [index, step] of lesson.spec.steps.entries()) {
    const fail = (error: string): Walk => ({ ok: false, step: index, error });
    const want = scenarioAt(lesson, index);
    if (!ref || !sameScenarioRef(ref, want)) {
      const t = resolve(want);
      if (t === undefined) return fail('the step names a scenario podpath does not have');
      ref = want;
      text = t;
      trace = null;
    }
    const cluster = load(text);
    if (typeof cluster === 'string') return fail(`the scenario does not load: ${cluster}`);
    const run = step.run ?? step.solution?.run;
    const unfound = step.find && !step.run ? { unfound: trace } : {};
    if (run && 'shell' in run) {
      // A command that only reads state (ip addr, cat) prints and leaves the last trace on screen.
      const out = exec(cluster, run.shell);
      if (!out.ok) return fail(`the command fails: ${out.error}`);
      trace = out.trace ?? trace;
    } else if (run) {
      const t = runTrace(cluster, run);
      if (typeof t === 'string') return fail(`the run fails: ${t}`);
      trace = t;
    }
    let solved: WalkedStep['solved'];
    let draft: string | undefined;
    if (step.solution && (step.solution.edits || step.solution.scenario)) {
      const applied = applySolution(text, step.solution, resolve);
      if (!applied.ok) return fail(applied.error);
      const c = load(applied.text);
      if (typeof c === 'string') draft = applied.text;
      else solved = { text: applied.text, cluster: c };
    }
    out.push({ index, step, text, cluster, trace, ...unfound, ...(solved ? { solved } : {}), ...(draft !== undefined ? { draft } : {}) });
    if (solved) text = solved.text;
  }
  return { ok: true, steps: out };
}
