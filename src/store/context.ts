// How components reach the store: a React context holding the app's store and a hook that
// reads one slice of it (components re-render only when what they select changes).
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { AppStore } from './store';
import type { AppState } from './types';

export const StoreContext = createContext<AppStore | null>(null);

export function useAppStore<T>(selector: (s: AppState) => T): T {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useAppStore needs a <StoreContext.Provider> above it');
  return useStore(store, selector);
}
