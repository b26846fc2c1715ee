// Checks, evaluated in the engine. A question (which hop, which option, how many) is answered
// by reading the trace the learner is looking at; a task (change the scenario, find the
// command) is verified by running the engine and testing the lesson's expectations on what
// comes out. Nothing is stored: the right answer is computed again every time a check is
// asked or judged, so a check follows the engine when the engine changes. A wrong answer gets
// the check's own explanation with the engine's facts filled in.
import type { Cluster } from '../cluster/types';
import { exec, simulate } from '../guard';
import type { Trace } from '../trace/types';
import { fill, type Facts } from './feedback';
import { optionsOf } from './options';
import { addressOwner } from './owners';
import { describeHop, findHop, hopAt, sameHop, type FoundHop } from './query';
import type { Check, ChoiceOption, Expectation, Judgement, LessonAnswer, LessonStep, PreparedCheck, RunSpec } from './types';
import { valueOf, type Value, type ValueContext } from './values';
import { describeRun, isRunOf, needsTrace } from './runs';

export { describeRun, isRunOf, needsTrace } from './runs';

export interface CheckContext {
  /** The learner's scenario, compiled. */
  readonly cluster: Cluster;
  /** The trace the learner is looking at (their last send or command); null before any. */
  readonly trace: Trace | null;
  /** The step the check belongs to: what it asks to run. */
  readonly step: Pick<LessonStep, 'run' | 'find'>;
  /** The scenario text in the learner's editor (applied or not), for questions about what podpath refuses. */
  readonly draft?: string;
}

type Problem = Extract<PreparedCheck, { ok: false }>;

/** What a learner reads when the engine finds no answer in what is on screen (a lesson built-in tests keep from reaching them). */
const UNANSWERABLE = 'The engine finds no answer to this in what is on screen. Do the earlier steps first (their Show me buttons do them for you), then run this step again. If that does not help, the lesson no longer fits what the engine does.';
const problem = (reason: Problem['reason'], message: string): Problem => ({ ok: false, reason, message });

/** The trace a question reads, or why there is none to read. */
function questionTrace(ctx: CheckContext, check: Exclude<Check, { kind: 'task' }>): Trace | null | Problem {
  const { trace, step } = ctx;
  if (!needsTrace(check)) return trace;
  const asked = step.run && !step.find ? step.run : undefined;
  if (!trace) return problem('no-trace', asked ? `Run ${describeRun(asked)} first: the question is about its trace.` : 'Send a packet or run a command first: the question is about its trace.');
  if (asked && !isRunOf(asked, trace.run)) return problem('other-run', `The trace shown is of something else. Run ${describeRun(asked)} again: the question is about its trace.`);
  return trace;
}

function hopFacts(prefix: 'answer' | 'truth', f: FoundHop | undefined): Facts {
  if (!f) return {};
  return {
    [prefix]: describeHop(f), [`${prefix}.kind`]: f.hop.kind, [`${prefix}.node`]: f.hop.node, [`${prefix}.netns`]: f.hop.netns,
    [`${prefix}.device`]: f.hop.device, [`${prefix}.number`]: f.number, [`${prefix}.rule`]: f.hop.rule?.split('\n')[0],
  };
}

function valueFacts(cluster: Cluster, prefix: 'answer' | 'truth', v: Value | undefined, options?: readonly ChoiceOption[]): Facts {
  const label = options?.find((o) => o.value === String(v))?.label;
  return {
    [prefix]: v === undefined ? undefined : String(v),
    [`${prefix}.owner`]: v === undefined ? undefined : addressOwner(cluster, String(v)) ?? label,
    [`${prefix}.label`]: label ?? (v === undefined ? undefined : String(v)),
  };
}

export function prepareCheck(ctx: CheckContext, check: Check): PreparedCheck {
  if (check.kind === 'task') {
    if ((check.on ?? 'run') === 'trace' && !ctx.trace) return problem('no-trace', 'Send a packet or run a command first: the task is checked on what you ran.');
    if ((check.on ?? 'run') === 'run' && !(check.run ?? ctx.step.run)) return problem('bad-run', 'This task names nothing to run; the lesson is incomplete.');
    return { ok: true, kind: 'task', question: check.goal, truth: { kind: 'task' } };
  }
  const trace = questionTrace(ctx, check);
  if (trace !== null && 'ok' in trace) return trace;
  const unanswerable = (fallback: string) => (check.kind !== 'hop' && check.answer.of === 'draft'
    ? problem('no-draft', 'The scenario in the editor loads without a problem: make the change the step asks for, and press Apply, first.')
    : problem('unanswerable', fallback));
  const vctx: ValueContext = { cluster: ctx.cluster, trace, ...(ctx.draft !== undefined ? { draft: ctx.draft } : {}) };
  switch (check.kind) {
    case 'hop': {
      const f = trace ? findHop(trace, check.hop) : undefined;
      if (!f) return problem('unanswerable', UNANSWERABLE);
      return { ok: true, kind: 'hop', question: check.question, truth: { kind: 'hop', ...f.ref } };
    }
    case 'choice': {
      const v = valueOf(vctx, check.answer);
      if (v === undefined) return unanswerable(UNANSWERABLE);
      const options = optionsOf(vctx, check.options);
      if (!options.some((o) => o.value === String(v))) options.push({ value: String(v), label: String(v) });
      if (options.length < 2) return problem('unanswerable', 'This trace leaves only one possible answer, so there is nothing to choose.');
      return { ok: true, kind: 'choice', question: check.question, options, truth: { kind: 'choice', value: String(v) } };
    }
    case 'number': {
      const v = valueOf(vctx, check.answer);
      if (typeof v !== 'number') return unanswerable(UNANSWERABLE);
      return { ok: true, kind: 'number', question: check.question, truth: { kind: 'number', value: v } };
    }
  }
}

const DEFAULT_RIGHT: Record<Check['kind'], string> = {
  hop: 'It is {truth}.', choice: 'It is {truth}.', number: 'It is {truth}.', task: 'Done: {goal}',
};
const DEFAULT_WRONG: Record<Check['kind'], string> = {
  hop: 'Not that one: you chose {answer}.', choice: 'Not {answer}.', number: 'Not {answer}.', task: 'Not yet: {failed}.',
};

function say(check: Check, correct: boolean, facts: Facts): Judgement {
  return { ok: true, correct, feedback: fill(correct ? check.right ?? DEFAULT_RIGHT[check.kind] : check.wrong ?? DEFAULT_WRONG[check.kind], facts) };
}

export function judgeCheck(ctx: CheckContext, check: Check, answer: LessonAnswer): Judgement {
  if (check.kind === 'task') return judgeTask(ctx, check);
  const prepared = prepareCheck(ctx, check);
  if (!prepared.ok) return prepared;
  const truth = prepared.truth;
  const trace = ctx.trace;
  if (answer.kind !== truth.kind) return problem('bad-run', `This check takes a ${truth.kind} answer, not a ${answer.kind}.`);
  switch (truth.kind) {
    case 'hop': {
      const a = answer as Extract<LessonAnswer, { kind: 'hop' }>;
      const mine = trace ? hopAt(trace, a) : undefined;
      const right = trace ? hopAt(trace, truth) : undefined;
      return say(check, sameHop(a, truth), { ...hopFacts('answer', mine), ...hopFacts('truth', right) });
    }
    case 'choice': case 'number': {
      const a = (answer as { value: string | number }).value;
      const opts = prepared.options;
      const slack = check.kind === 'number' ? check.tolerance ?? 0 : 0;
      const correct = truth.kind === 'number' ? Math.abs(Number(a) - truth.value) <= slack : String(a) === truth.value;
      return say(check, correct, { ...valueFacts(ctx.cluster, 'answer', a, opts), ...valueFacts(ctx.cluster, 'truth', truth.value, opts) });
    }
    case 'task': return problem('bad-run', 'A task is judged by running it.');
  }
}

/** A step's send or command through a cluster, from empty tables: its trace, or why there is none. */
export function runTrace(cluster: Cluster, run: RunSpec): Trace | string {
  if ('send' in run) {
    const sent = simulate(cluster, run.send);
    return sent.ok ? sent.trace : sent.error;
  }
  const ran = exec(cluster, run.shell);
  if (!ran.ok) return ran.error;
  return ran.trace ?? `${run.shell.command} makes no conversation to check`;
}

/** What the task's trace is: the learner's own, or its run made again in the learner's scenario. */
function taskTrace(ctx: CheckContext, check: Extract<Check, { kind: 'task' }>): Trace | string {
  if ((check.on ?? 'run') === 'trace') return ctx.trace ?? 'nothing has been run yet';
  const run = check.run ?? ctx.step.run;
  return run ? runTrace(ctx.cluster, run) : 'the task names nothing to run';
}

function compare(vctx: ValueContext, e: Expectation): { ok: boolean; actual: Value | undefined } {
  const actual = valueOf(vctx, e.that);
  const resolve = (x: Expectation['is']) => (typeof x === 'object' && x !== null ? valueOf(vctx, x) : x);
  if (actual === undefined) return { ok: false, actual };
  let ok = true;
  if (e.is !== undefined) { const want = resolve(e.is); ok &&= want !== undefined && String(actual) === String(want); }
  if (e.isNot !== undefined) { const not = resolve(e.isNot); ok &&= not === undefined || String(actual) !== String(not); }
  if (e.atLeast !== undefined) ok &&= typeof actual === 'number' && actual >= e.atLeast;
  if (e.atMost !== undefined) ok &&= typeof actual === 'number' && actual <= e.atMost;
  if (e.matches !== undefined) ok &&= new RegExp(e.matches).test(String(actual));
  return { ok, actual };
}

function judgeTask(ctx: CheckContext, check: Extract<Check, { kind: 'task' }>): Judgement {
  const trace = taskTrace(ctx, check);
  if (typeof trace === 'string') return { ok: true, correct: false, feedback: fill(check.wrong ?? DEFAULT_WRONG.task, { failed: `the check could not run: ${trace}`, goal: check.goal }) };
  const vctx: ValueContext = { cluster: ctx.cluster, trace };
  const failed = check.expect.map((e) => ({ e, r: compare(vctx, e) })).filter((x) => !x.r.ok);
  const words = failed.map(({ e, r }) => {
    const who = r.actual !== undefined ? addressOwner(ctx.cluster, String(r.actual)) : undefined;
    return `${e.says} (the engine found ${r.actual === undefined ? 'nothing' : `${r.actual}${who ? `, ${who}` : ''}`})`;
  }).join('; ');
  return say(check, failed.length === 0, { failed: words, goal: check.goal });
}
