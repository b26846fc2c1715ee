// Lessons: the document, its checks and the language they are written in (see schema.ts).
export { parseLesson, type LessonParse } from './parse';
export { isRunOf, describeRun, runTrace, type CheckContext } from './checks';
export { prepareCheck, judgeCheck } from './guarded';
export { scenarioAt, sameScenarioRef, applySolution } from './lesson';
export { lessonToYaml } from './lesson-yaml';
export { TOPICS } from './schema';
export { TOPIC_TITLES } from './types';
export type {
  Lesson, LessonStep, Check, CheckKind, LessonAnswer, ChoiceOption, PreparedCheck, Judgement, CheckProblem, HopRef,
  RunSpec, ScenarioRef, Solution, Highlight, Topic, HopQuery, ValueExpr, OptionsSpec, Expectation,
} from './types';
