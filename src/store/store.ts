// The store factory: one zustand store made of the scenario, selection, trace and UI slices.
// Tests create their own; the app creates one in src/app and hands it down by context.
import { createStore, type StoreApi } from 'zustand/vanilla';
import { createScenarioSlice } from './scenarioSlice';
import { createSelectionSlice } from './selectionSlice';
import { createTraceSlice } from './traceSlice';
import type { AppState } from './types';
import { createUiSlice } from './uiSlice';

export type AppStore = StoreApi<AppState>;

export function createAppStore(scenarioText: string): AppStore {
  return createStore<AppState>()((set, get) => ({
    ...createSelectionSlice(set, get),
    ...createTraceSlice(set, get),
    ...createUiSlice(set, get),
    ...createScenarioSlice(set, get, scenarioText),
  }));
}
