// The app: creates the store with the default scenario, the engine in a Web Worker (and
// another to run the rules-vs-Services study), provides it, installs window.podpath, and wraps
// everything in an error boundary.
import { useEffect, useState } from 'react';
import defaultYaml from '../scenarios/default.yaml?raw';
import { createAppStore, StoreContext } from '../store';
import { ErrorBoundary } from './ErrorBoundary';
import { installPodpathApi } from './podpathApi';
import { Shell } from './Shell';
import { createWorkerEngine } from './workerEngine';
import { workerStudyRunner } from './workerStudyRunner';
import './app.css';
import './responsive.css';

export function App() {
  const [store] = useState(() => createAppStore(defaultYaml, { engine: createWorkerEngine(), studyRunner: workerStudyRunner }));
  useEffect(() => installPodpathApi(window, store), [store]);
  return (
    <ErrorBoundary area="podpath">
      <StoreContext.Provider value={store}>
        <Shell />
      </StoreContext.Provider>
    </ErrorBoundary>
  );
}
