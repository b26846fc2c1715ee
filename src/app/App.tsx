// The app: creates the store, the engine in a Web Worker (and another to run the
// rules-vs-Services study), opens the link in the URL or the saved work (session/boot.ts),
// provides the store, installs window.podpath, and wraps everything in an error boundary.
import { useEffect, useState } from 'react';
import defaultYaml from '../scenarios/default.yaml?raw';
import { createAppStore, StoreContext } from '../store';
import { ErrorBoundary } from './ErrorBoundary';
import { installPodpathApi } from './podpathApi';
import { bootSession, linkTo, pageStore } from './session/boot';
import { libraryIn } from './session/records';
import { Shell } from './Shell';
import { createWorkerEngine } from './workerEngine';
import { workerStudyRunner } from './workerStudyRunner';
import './app.css';
import './responsive.css';

export function App() {
  const [{ store, kv, problem }] = useState(() => {
    const { kv, problem } = pageStore();
    const store = createAppStore(defaultYaml, { engine: createWorkerEngine(), studyRunner: workerStudyRunner, autoLoad: false, library: libraryIn(kv) });
    return { store, kv, problem };
  });
  useEffect(() => installPodpathApi(window, store, linkTo), [store]);
  useEffect(() => { bootSession(store, kv, defaultYaml, problem); }, [store, kv, problem]);
  return (
    <ErrorBoundary area="podpath">
      <StoreContext.Provider value={store}>
        <Shell />
      </StoreContext.Provider>
    </ErrorBoundary>
  );
}
