// The types of a lesson, its checks, a learner's answer and what the engine says back. The
// lesson types are what the schemas (schema.ts) accept; answers and outcomes are plain data
// that travel between the page and the engine's worker.
import type { z } from 'zod';
import type * as S from './schema';

export type Topic = (typeof S.TOPICS)[number];
export type Lesson = z.infer<typeof S.lessonSpec>;
export type LessonStep = z.infer<typeof S.stepSpec>;
export type Check = z.infer<typeof S.checkSpec>;
export type CheckKind = Check['kind'];
export type HopQuery = z.infer<typeof S.hopQuery>;
export type ExchangeQuery = z.infer<typeof S.exchangeQuery>;
export type ValueExpr = z.infer<typeof S.valueExpr>;
export type OptionsSpec = z.infer<typeof S.optionsSpec>;
export type Expectation = z.infer<typeof S.expectation>;
export type RunSpec = z.infer<typeof S.runSpec>;
export type ScenarioRef = z.infer<typeof S.scenarioRef>;
export type Solution = z.infer<typeof S.solution>;
export type Highlight = z.infer<typeof S.highlightSpec>;

/** The course's topics in its order, with the words the lesson index shows. */
export const TOPIC_TITLES: Readonly<Record<Topic, string>> = {
  'model': 'The networking model',
  'container-to-container': 'Container to container',
  'pod-to-pod-node': 'Pod to pod on one node',
  'pod-to-pod-nodes': 'Pod to pod across nodes',
  'ipam': 'Addresses and ranges (IPAM)',
  'pod-to-service': 'Pod to Service',
  'dns': 'DNS',
  'egress': 'Egress to the internet',
  'internet-to-service': 'Internet to Service',
  'ingress': 'Ingress and Gateway API',
  'network-policy': 'NetworkPolicy',
  'misconceptions': 'Misconceptions',
};

/** A hop of the trace by its place: the exchange's id, the leg's index in it, the hop's index in the leg. */
export interface HopRef {
  readonly exchange: number;
  readonly leg: number;
  readonly hop: number;
}

/** What a learner answers: a hop they selected, an option they picked, a number they typed, or "check my work" for a task. */
export type LessonAnswer =
  | ({ readonly kind: 'hop' } & HopRef)
  | { readonly kind: 'choice'; readonly value: string }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'task' };

/** One option of a choice: the value compared, and how the page shows it ("10.244.1.2 (pod default/web)"). */
export interface ChoiceOption {
  readonly value: string;
  readonly label: string;
}

/** What the page needs to ask a check: the question, and the options for a choice. */
export type PreparedCheck =
  | {
    readonly ok: true;
    readonly kind: CheckKind;
    readonly question: string;
    readonly options?: readonly ChoiceOption[];
    /** The right answer, as the engine computes it now (the page never shows it before an answer; tests answer with it). */
    readonly truth: LessonAnswer;
  }
  | { readonly ok: false; readonly reason: CheckProblem; readonly message: string };

/**
 * Why a check cannot be asked yet: nothing run, the learner ran something else than the step asks,
 * the editor holds nothing podpath refuses (for a question about a refusal), or the engine cannot answer it (the trace has no such hop: a lesson the engine has outgrown).
 */
export type CheckProblem = 'no-trace' | 'other-run' | 'no-draft' | 'unanswerable' | 'bad-run';

export type Judgement =
  | { readonly ok: true; readonly correct: boolean; readonly feedback: string }
  | { readonly ok: false; readonly reason: CheckProblem; readonly message: string };
