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
export {
  SPEEDS, type AppState, type ApplyResult, type Openness, type Panel, type SendOutcome, type ViewSlice, type SendRequest, type Speed, type TablesPin, type TablesView,
} from './types';
export { complete, clusterWords, type Completion } from './completion';
export { outputLines, promptOf, terminalText, type ExecOutcome, type ShellTarget, type TermLine } from './terminalSlice';
