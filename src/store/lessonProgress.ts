// A learner's progress through the lessons: per lesson, the step they were on and the steps
// whose check they passed. Kept somewhere that survives a reload (the app gives localStorage,
// see src/app/lessonStorage.ts); tests keep it in memory. Whatever is read back is checked, so a
// damaged entry costs that entry, never the page.

export interface LessonMark {
  /** The step the learner was on (0-based). */
  readonly step: number;
  /** Steps whose check was answered right, sorted. */
  readonly passed: readonly number[];
}

export type LessonProgress = Readonly<Record<string, LessonMark>>;

export interface ProgressStore {
  load(): LessonProgress;
  save(progress: LessonProgress): void;
}

const isIndex = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0 && n < 1000;

/** Progress as read from storage: only well-formed entries. */
export function restoreProgress(raw: unknown): LessonProgress {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return {};
  const out: Record<string, LessonMark> = {};
  for (const [id, v] of Object.entries(raw as Record<string, unknown>)) {
    if (typeof v !== 'object' || v === null) continue;
    const m = v as { step?: unknown; passed?: unknown };
    if (!isIndex(m.step) || !Array.isArray(m.passed)) continue;
    out[id] = { step: m.step, passed: [...new Set(m.passed.filter(isIndex))].sort((a, b) => a - b) };
  }
  return out;
}

export function memoryProgress(initial: LessonProgress = {}): ProgressStore {
  let kept = initial;
  return { load: () => kept, save: (p) => { kept = p; } };
}

export function markStep(progress: LessonProgress, id: string, step: number, passed: boolean): LessonProgress {
  const cur = progress[id] ?? { step: 0, passed: [] };
  const set = passed && !cur.passed.includes(step) ? [...cur.passed, step].sort((a, b) => a - b) : cur.passed;
  if (cur.step === step && set === cur.passed && progress[id]) return progress;
  return { ...progress, [id]: { step, passed: set } };
}
