// The store factory: one zustand store made of the scenario, selection, trace, tables, view,
// UI, study, work, terminal, policy and lesson slices, talking to the engine through one
// EngineClient. Tests create their own (the in-process engine, loaded on first use); the app
// creates one in src/app with the Web Worker engine and the runner that measures the
// rules-vs-Services study. The scenario given starts loading at once; `await store.getState().idle()` waits until it is shown.
import { createStore, type StoreApi } from 'zustand/vanilla';
import { createInProcessEngine, type EngineClient } from './engineClient';
import { createPolicySlice } from './policySlice';
import { createCompareSlice } from './compareSlice';
import { createEditSlice } from './editSlice';
import { createGraphSlice } from './graphSlice';
import { createHistory } from './history';
import { createLibrarySlice, type ScenarioLibrary } from './librarySlice';
import { createMomentSlice } from './momentSlice';
import { createScenarioSlice } from './scenarioSlice';
import { createSelectionSlice } from './selectionSlice';
import { createStudySlice, type StudyPlan, type StudyRunner } from './study';
import { createTablesSlice } from './tablesSlice';
import { createTraceSlice } from './traceSlice';
import { createTerminalSlice } from './terminalSlice';
import { createLessonSlice } from './lessonSlice';
import { memoryProgress, type ProgressStore } from './lessonProgress';
import type { AppState } from './types';
import { createUiSlice } from './uiSlice';
import { createViewSlice } from './viewSlice';
import { createWork } from './work';

export type AppStore = StoreApi<AppState>;

export interface StoreOptions {
  /** Where the engine runs; the in-process engine when none is given. */
  readonly engine?: EngineClient;
  /** Where the rules-vs-Services study runs; without one, starting it reports why it cannot. */
  readonly studyRunner?: StudyRunner;
  /** A smaller study, for tests. */
  readonly studyPlan?: StudyPlan;
  /** Where the learner's lesson progress is kept (in memory when none is given). */
  readonly progress?: ProgressStore;
  /** What "reset to the default scenario" loads; the scenario the store starts with when not given. */
  readonly defaultScenario?: string;
  /** false: the store does not load `scenarioText` itself (the page opens a link or saved work first). */
  readonly autoLoad?: boolean;
  /** Where My scenarios are kept; without one they last as long as the page. */
  readonly library?: ScenarioLibrary;
  /** The clock My scenarios' dates come from (tests pin it). */
  readonly now?: () => Date;
}

export function createAppStore(scenarioText: string, options: StoreOptions = {}): AppStore {
  const engine = options.engine ?? createInProcessEngine();
  const history = createHistory();
  const store = createStore<AppState>()((set, get) => {
    const work = createWork(set);
    const scenario = createScenarioSlice(set, get, engine, work, history);
    return {
      ...work.slice,
      ...createEditSlice(set, get, engine, work, history, scenario.load, () => options.defaultScenario ?? scenarioText),
      ...createMomentSlice(set, get),
      ...createCompareSlice(set, get),
      ...createGraphSlice(set, get),
      ...createLibrarySlice(set, get, options.library, options.now ?? (() => new Date())),
      ...createSelectionSlice(set, get),
      ...createTraceSlice(set, get, engine, work),
      ...createTablesSlice(set, get, engine, work),
      ...createViewSlice(set, get, engine, work),
      ...createTerminalSlice(set, get, engine, work),
      ...createUiSlice(set, get),
      ...createStudySlice(set, get, options.studyRunner, options.studyPlan),
      ...createPolicySlice(set, get, engine, work),
      ...scenario.slice,
      ...createLessonSlice(set, get, engine, work, options.progress ?? memoryProgress(), () => options.defaultScenario ?? scenarioText),
    };
  });
  history.subscribe((view) => store.setState({ history: view }));
  // A lesson's question is about the trace on screen (or what the editor holds): ask it again whenever that changes.
  store.subscribe((s, prev) => {
    if (s.lesson && (s.trace !== prev.trace || s.errors !== prev.errors)) void s.askLessonCheck();
  });
  if (options.autoLoad !== false) void store.getState().loadScenario(scenarioText);
  return store;
}

/** A store with its scenario loaded (for tests and scripts). */
export async function createLoadedStore(scenarioText: string, options: StoreOptions = {}): Promise<AppStore> {
  const store = createAppStore(scenarioText, options);
  await store.getState().idle();
  return store;
}
