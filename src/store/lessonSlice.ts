// The lesson slice: the library (the built-in lessons, loaded on first use, and lessons a
// teacher wrote, shared or dropped in), the open lesson and step, the step's check as the
// engine asks it of the current trace, the last answer's judgement, and the learner's
// progress. Entering a step loads its scenario when it differs from the one the lesson loaded
// last, so a learner's edits for a task stay while the steps after it use them. Each load is
// an undo step named after the lesson; the first one keeps the learner's own scenario in My
// scenarios first (unless it is already there, or podpath's own), so a lesson never costs work. The checks
// run where the engine runs; the store only carries the answer and the engine's reply.
import { applySolution, sameScenarioRef, scenarioAt } from '../engine/lite';
import type { Lesson, LessonAnswer, LessonParse, ScenarioRef } from '../engine';
import type { EngineClient } from './engineClient';
import { markStep, type ProgressStore } from './lessonProgress';
import type { CheckState, GetState, LessonEntry, LessonOrigin, LessonSlice, SetState } from './types';
import type { Work } from './work';
import { EMPTY_DRAFT } from '../lessons/draft';

const NO_CHECK: CheckState = { status: 'none', prepared: null, judgement: null, answer: null };

/** The built-in lessons and the scenarios they name: loaded when lessons are first opened. */
const library = () => import('../lessons');

export const lessonKey = (name: string, origin: LessonOrigin) => (origin === 'builtin' ? name : `~${name}`);

export function createLessonSlice(
  set: SetState, get: GetState, engine: EngineClient, work: Work, progress: ProgressStore, defaultScenario: () => string,
): LessonSlice {
  let loaded: Promise<void> | null = null;
  const ensureLibrary = (): Promise<void> => {
    loaded ??= library().then((m) => {
      const { lessons, problems } = m.builtinLessons();
      const builtins: LessonEntry[] = lessons.map((lesson) => ({ key: lessonKey(lesson.metadata.name, 'builtin'), lesson, origin: 'builtin' }));
      set({ lessons: [...builtins, ...get().lessons.filter((e) => e.origin !== 'builtin')], lessonProblems: problems });
    }, (err: unknown) => { loaded = null; set({ lessonError: `the lessons could not be loaded: ${err instanceof Error ? err.message : String(err)}` }); });
    return loaded;
  };
  const resolve = async (ref: ScenarioRef): Promise<string | undefined> => ('yaml' in ref ? ref.yaml : (await library()).resolveScenario(ref));

  /** Keeps the learner's scenario in My scenarios before a lesson replaces it, unless it is podpath's own or kept already. */
  const keepWork = async (title: string) => {
    const { text, library: saved } = get();
    if (text === '' || text === defaultScenario() || saved.some((x) => x.scenario === text)) return;
    if (Object.values((await library()).SCENARIOS).includes(text)) return;
    await get().saveAs(`Before the lesson "${title}"`, text);
  };

  const saveProgress = (id: string, step: number, passed: boolean) => {
    const next = markStep(get().lessonProgress, id, step, passed);
    if (next === get().lessonProgress) return;
    set({ lessonProgress: next });
    progress.save(next);
  };

  const current = () => {
    const { lesson, lessonStep } = get();
    return lesson ? { entry: lesson, step: lesson.lesson.spec.steps[lessonStep]!, index: lessonStep } : null;
  };

  /** What a check reads: the trace on screen, the step's run, and the editor's text when it differs from the working scenario. */
  const checkArgs = () => {
    const s = get();
    const step = s.lesson!.lesson.spec.steps[s.lessonStep]!;
    return { trace: s.trace, step: { run: step.run, find: step.find }, ...(s.draft !== s.text ? { draft: s.draft } : {}) };
  };

  const ask = async (): Promise<void> => {
    const at = current();
    if (!at?.step.check) { set({ lessonCheck: NO_CHECK }); return; }
    set({ lessonCheck: { ...NO_CHECK, status: 'asking' } });
    const out = await work.track('Reading the check', engine.prepareCheck({ ...checkArgs(), check: at.step.check }));
    if (out.status === 'superseded' || current()?.step !== at.step) return;
    if (out.status === 'failed') { set({ lessonCheck: { ...NO_CHECK, status: 'unavailable', prepared: { ok: false, reason: 'unanswerable', message: `the engine failed: ${out.error}` } } }); return; }
    set({ lessonCheck: { ...NO_CHECK, status: out.value.ok ? 'ready' : 'unavailable', prepared: out.value } });
  };

  /**
   * The scenario as a learner who did the earlier steps would have it: the solutions of the tasks
   * before step `index` that run in the same scenario, applied in order (a link to a later step
   * opens there in a state that fits it). A solution that no longer applies is skipped.
   */
  const caughtUp = async (lesson: Lesson, index: number, ref: ScenarioRef, base: string): Promise<string> => {
    let text = base;
    const m = await library();
    for (const [j, step] of lesson.spec.steps.entries()) {
      if (j >= index) break;
      if (step.check?.kind !== 'task' || !step.solution || !sameScenarioRef(scenarioAt(lesson, j), ref)) continue;
      const applied = applySolution(text, step.solution, (r) => ('yaml' in r ? r.yaml : m.resolveScenario(r)));
      if (applied.ok) text = applied.text;
    }
    return text;
  };

  const enter = async (index: number): Promise<boolean> => {
    const entry = get().lesson;
    if (!entry) return false;
    const i = Math.max(0, Math.min(index, entry.lesson.spec.steps.length - 1));
    const want = scenarioAt(entry.lesson, i);
    const had = get().lessonScenario;
    set({ lessonStep: i, lessonCheck: NO_CHECK, lessonError: null });
    saveProgress(entry.key, i, false);
    if (!had || !sameScenarioRef(had, want) || get().text === '') {
      const base = await resolve(want);
      if (base === undefined) { set({ lessonError: 'this step names a scenario podpath does not have' }); return false; }
      const text = await caughtUp(entry.lesson, i, want, base);
      if (!had) await keepWork(entry.lesson.spec.title);
      const out = await get().loadScenario(text, `open step ${i + 1} of the lesson "${entry.lesson.spec.title}"`);
      if (!out.ok) {
        if (!out.superseded) set({ lessonError: `the step's scenario does not load: ${out.errors.map((e) => e.message).join('; ')}` });
        return false;
      }
      set({ lessonScenario: want });
    }
    await ask();
    return true;
  };

  const run = async (spec: Lesson['spec']['steps'][number]['run']): Promise<void> => {
    if (!spec) return;
    if ('send' in spec) {
      const s = spec.send;
      await get().sendRequest({
        from: s.from, to: s.to, ...(s.container ? { container: s.container } : {}), ...(s.port !== undefined ? { port: s.port } : {}), ...(s.proto ? { proto: s.proto } : {}),
        ...(s.size !== undefined ? { size: s.size } : {}), ...(s.df !== undefined ? { df: s.df } : {}),
      });
    } else {
      await get().runShellCommand(spec.shell.command, spec.shell.from, spec.shell.container);
    }
    set({ panel: 'trace' });
  };

  return {
    lessonView: 'closed',
    lessons: [],
    lessonProblems: [],
    lesson: null,
    lessonStep: 0,
    lessonScenario: null,
    lessonCheck: NO_CHECK,
    lessonProgress: progress.load(),
    lessonError: null,
    lessonDraft: EMPTY_DRAFT,
    setLessonDraft: (lessonDraft) => set({ lessonDraft }),
    showLessons: async () => {
      set({ lessonView: 'index' });
      await ensureLibrary();
    },
    showAuthoring: () => set({ lessonView: 'author' }),
    closeLessons: () => set({ lessonView: 'closed', lesson: null, lessonCheck: NO_CHECK, lessonScenario: null }),
    openLesson: async (key, step = 0) => {
      await ensureLibrary();
      const entry = get().lessons.find((e) => e.key === key);
      if (!entry) { set({ lessonView: 'index', lessonError: `there is no lesson "${key}"` }); return false; }
      set({ lesson: entry, lessonView: 'lesson', lessonScenario: get().lesson?.key === key ? get().lessonScenario : null });
      return enter(step);
    },
    addLesson: async (text, origin) => {
      // The lesson reader (its schema, zod and the scenario parser's errors) comes with the lesson library, not with the page.
      const parsed: LessonParse = (await library()).parseLesson(text);
      if (!parsed.ok) return { ok: false, errors: parsed.errors };
      const entry: LessonEntry = { key: lessonKey(parsed.lesson.metadata.name, origin), lesson: parsed.lesson, origin };
      set({ lessons: [...get().lessons.filter((e) => e.key !== entry.key), entry] });
      return { ok: true, key: entry.key };
    },
    goToLessonStep: (index) => enter(index),
    runLessonStep: async () => { await run(current()?.step.run); },
    askLessonCheck: ask,
    answerLessonCheck: async (answer: LessonAnswer) => {
      const at = current();
      if (!at?.step.check) return null;
      set({ lessonCheck: { ...get().lessonCheck, status: 'judging', answer } });
      const out = await work.track('Checking', engine.judgeCheck({ ...checkArgs(), check: at.step.check, answer }));
      if (out.status === 'superseded' || current()?.step !== at.step) return null;
      const judgement = out.status === 'failed' ? { ok: false as const, reason: 'unanswerable' as const, message: `the engine failed: ${out.error}` } : out.value;
      set({ lessonCheck: { ...get().lessonCheck, status: get().lessonCheck.prepared?.ok ? 'ready' : 'unavailable', judgement, answer } });
      if (judgement.ok && judgement.correct) saveProgress(at.entry.key, at.index, true);
      return judgement;
    },
    solveLessonStep: async () => {
      const at = current();
      const solution = at?.step.solution;
      if (!at || !solution) return;
      if (solution.edits || solution.scenario) {
        const base = get().text;
        const scenarios = await library();
        const applied = applySolution(base, solution, (ref) => ('yaml' in ref ? ref.yaml : scenarios.resolveScenario(ref)));
        if (!applied.ok) { set({ lessonError: applied.error }); return; }
        const out = await get().loadScenario(applied.text, `show step ${at.index + 1} of the lesson "${at.entry.lesson.spec.title}"`);
        // What podpath refuses stays in the editor with its located problems: a step may be about exactly that.
        if (!out.ok && !out.superseded) { set({ panel: 'scenario' }); await ask(); return; }
      }
      await run(solution.run ?? at.step.run);
      if (!solution.run && !at.step.run) await ask();
    },
  };
}
