// The lesson slice's shape: the lesson library, the open lesson and its step, the step's check
// as the engine asked and judged it, and the teacher's draft. Part of AppState (types.ts).
import type { Judgement, Lesson, LessonAnswer, PreparedCheck, ScenarioError, ScenarioRef } from '../engine';
import type { LessonFileError } from '../lessons';
import type { LessonDraft } from '../lessons/draft';
import type { LessonProgress } from './lessonProgress';

/** Where a lesson came from: podpath's own, a link, a file or paste, or the app's lesson editor. */
export type LessonOrigin = 'builtin' | 'shared' | 'file' | 'authored';

export interface LessonEntry {
  /** The lesson's name for built-ins, "~name" for the others (their progress is kept apart). */
  readonly key: string;
  readonly lesson: Lesson;
  readonly origin: LessonOrigin;
}

/** The open step's check: being asked of the trace, ready (or not askable, with the engine's reason), being judged. */
export interface CheckState {
  readonly status: 'none' | 'asking' | 'ready' | 'unavailable' | 'judging';
  readonly prepared: PreparedCheck | null;
  /** The last answer, and what the engine said of it. */
  readonly answer: LessonAnswer | null;
  readonly judgement: Judgement | null;
}

export type LessonView = 'closed' | 'index' | 'lesson' | 'author';

export interface LessonSlice {
  readonly lessonView: LessonView;
  /** Every lesson the page knows: the built-ins (once loaded) and those added. */
  readonly lessons: readonly LessonEntry[];
  /** Built-in lesson files that do not parse (a podpath bug, shown in the index). */
  readonly lessonProblems: readonly LessonFileError[];
  readonly lesson: LessonEntry | null;
  readonly lessonStep: number;
  /** The scenario the open lesson loaded last. */
  readonly lessonScenario: ScenarioRef | null;
  readonly lessonCheck: CheckState;
  readonly lessonProgress: LessonProgress;
  readonly lessonError: string | null;
  /** The lesson a teacher is writing in the editor. */
  readonly lessonDraft: LessonDraft;
  setLessonDraft(draft: LessonDraft): void;
  /** Opens the lesson index (loading the built-in lessons the first time). */
  showLessons(): Promise<void>;
  showAuthoring(): void;
  closeLessons(): void;
  /** Opens a lesson by key at a step (0-based); false when there is no such lesson or its scenario does not load. */
  openLesson(key: string, step?: number): Promise<boolean>;
  /** Reads a lesson's YAML and adds it to the library (replacing one with the same key). */
  addLesson(text: string, origin: Exclude<LessonOrigin, 'builtin'>): Promise<{ readonly ok: true; readonly key: string } | { readonly ok: false; readonly errors: readonly ScenarioError[] }>;
  goToLessonStep(index: number): Promise<boolean>;
  /** Makes the step's send or runs its command, as the learner would. */
  runLessonStep(): Promise<void>;
  /** Asks the engine for the step's check on the current trace. */
  askLessonCheck(): Promise<void>;
  answerLessonCheck(answer: LessonAnswer): Promise<Judgement | null>;
  /** Does what the step's solution says: edits the scenario and/or runs the send or command. */
  solveLessonStep(): Promise<void>;
}
