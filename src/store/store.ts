// The store factory: one zustand store made of the scenario, selection, trace, UI and study
// slices. Tests create their own; the app creates one in src/app and hands it down by
// context, with the runner that measures the rules-vs-Services study in a Web Worker.
import { createStore, type StoreApi } from 'zustand/vanilla';
import { createScenarioSlice } from './scenarioSlice';
import { createSelectionSlice } from './selectionSlice';
import { createStudySlice, type StudyPlan, type StudyRunner } from './study';
import { createTraceSlice } from './traceSlice';
import type { AppState } from './types';
import { createUiSlice } from './uiSlice';

export type AppStore = StoreApi<AppState>;

export interface StoreOptions {
  /** Where the rules-vs-Services study runs; without one, starting it reports why it cannot. */
  readonly studyRunner?: StudyRunner;
  /** A smaller study, for tests. */
  readonly studyPlan?: StudyPlan;
}

export function createAppStore(scenarioText: string, options: StoreOptions = {}): AppStore {
  return createStore<AppState>()((set, get) => ({
    ...createSelectionSlice(set, get),
    ...createTraceSlice(set, get),
    ...createUiSlice(set, get),
    ...createStudySlice(set, get, options.studyRunner, options.studyPlan),
    ...createScenarioSlice(set, get, scenarioText),
  }));
}
