// The lesson a teacher is writing: loose while they type (the editor's state), checked only
// when it is previewed, downloaded or shared (author.ts turns it into a Lesson document).
import type { Check, RunSpec, ScenarioRef, Solution, Topic } from '../engine';

export interface DraftStep {
  readonly title: string;
  readonly text: string;
  readonly scenario?: ScenarioRef;
  readonly run?: RunSpec;
  readonly check?: Check;
  readonly solution?: Solution;
  /** Which ready question the check was made from (the editor's own note, not written out). */
  readonly preset?: string;
}

export interface LessonDraft {
  readonly name: string;
  readonly title: string;
  readonly topic: Topic;
  readonly summary: string;
  readonly scenario: ScenarioRef | null;
  readonly steps: readonly DraftStep[];
}

export const EMPTY_DRAFT: LessonDraft = { name: 'my-lesson', title: 'My lesson', topic: 'pod-to-service', summary: '', scenario: null, steps: [] };
