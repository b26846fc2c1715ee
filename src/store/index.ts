// The store's door for the app and the UI.
export { createAppStore, createLoadedStore, type AppStore, type StoreOptions } from './store';
export { StoreContext, useAppStore } from './context';
export { createEngineClient, createInProcessEngine, inProcessTransport, type Answer, type EngineClient, type EngineTransport } from './engineClient';
export type { EngineAnswer, EngineRequest, LoadPhase, ScenarioSummary } from './engineProtocol';
export { containerElementId, type Endpoint, type Proto } from './endpoints';
export { namespacesOf, type NamespaceChoice } from './netns';
export { firstRewrite, packetBefore, rewroteDestination, type Step } from './steps';
export { STUDY_MODES, STUDY_PLAN, type StudyHandlers, type StudyPlan, type StudyRunner, type StudyState, type StudyStatus } from './study';
export { elementById } from './topoIndex';
export { memoryProgress, restoreProgress, type LessonMark, type LessonProgress, type ProgressStore } from './lessonProgress';
export { lessonKey } from './lessonSlice';
export { lessonElements, lessonHighlight, lessonLineTest } from './lessonMarks';
export { highlightedPods, podElementId, selectedByFocusedPolicy } from './policySlice';
export { hopRefOf, stepIndexOf, type HopRef } from './position';
export { NO_HISTORY, type HistoryView } from './history';
export { memoryLibrary, type ScenarioLibrary } from './librarySlice';
export { EDITABLE, START, transition, type ElementFacts, type GraphMode, type ModeEvent } from './graphMode';
export { elementOf } from './graphSlice';
export { objectOf, type ElementObject } from './objects';
export { compareRuns, differences, type CompareRow, type LegCompare, type RowMark } from './compare';
export {
  SPEEDS, type AppState, type ApplyResult, type CheckState, type EditOutcome, type EditStatus, type ImportOutcome, type GraphMenu, type LessonEntry, type LessonOrigin, type LessonView, type Moment, type Notice, type Openness, type PinnedRun, type OpenOutcome, type Panel, type PoliciesView, type ReachView, type SavedScenario, type StorageStatus, type SendOutcome, type ViewSlice, type SendRequest, type Speed, type TablesPin, type TablesView,
} from './types';
export { complete, clusterWords, type Completion } from './completion';
export { outputLines, promptOf, terminalText, type ExecOutcome, type ShellTarget, type TermLine } from './terminalSlice';
