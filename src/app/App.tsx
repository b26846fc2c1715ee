// The app: creates the store, the engine in a Web Worker (and another to run the
// rules-vs-Services study) and the lesson progress kept in localStorage, opens the link in the
// URL (a share link or a lesson's) or the saved work (session/boot.ts), provides the store,
// installs window.podpath, and wraps everything in an error boundary. With ?embed it draws one
// lesson (or one trace) without the app's chrome, for an iframe.
import { useEffect, useState } from 'react';
import defaultYaml from '../scenarios/default.yaml?raw';
import { createAppStore, StoreContext } from '../store';
import { ErrorBoundary } from './ErrorBoundary';
import { installPodpathApi } from './podpathApi';
import { bootSession, linkTo, pageStore } from './session/boot';
import { libraryIn } from './session/records';
import { Shell } from './Shell';
import { localProgress } from './lessonStorage';
import { isEmbedded } from '../share/location';
import { createWorkerEngine } from './workerEngine';
import { workerStudyRunner } from './workerStudyRunner';
import './app.css';
import './responsive.css';

export function App() {
  const [{ store, kv, problem }] = useState(() => {
    const { kv, problem } = pageStore();
    const store = createAppStore(defaultYaml, {
      engine: createWorkerEngine(), studyRunner: workerStudyRunner, autoLoad: false, library: libraryIn(kv), progress: localProgress(),
    });
    return { store, kv, problem };
  });
  const [embedded] = useState(isEmbedded);
  useEffect(() => installPodpathApi(window, store, linkTo), [store]);
  useEffect(() => { bootSession(store, kv, defaultYaml, problem, { embedded }); }, [store, kv, problem, embedded]);
  return (
    <ErrorBoundary area="podpath">
      <StoreContext.Provider value={store}>
        <Shell embedded={embedded} />
      </StoreContext.Provider>
    </ErrorBoundary>
  );
}
