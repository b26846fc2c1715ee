// The app's engine: the engine host in a Web Worker (engine.worker.ts), behind the store's
// EngineClient. Where workers are missing, or the worker cannot start (a blocked script, an
// old browser), the same host runs in-process instead: requests posted before the failure are
// replayed there, so the first load is not lost.
import { createEngineClient, inProcessTransport, type EngineAnswer, type EngineClient, type EngineRequest, type EngineTransport } from '../store';

function workerTransport(): EngineTransport {
  const worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module' });
  return {
    post: (req) => worker.postMessage(req),
    listen(answer, crashed) {
      worker.addEventListener('message', (e: MessageEvent<EngineAnswer>) => answer(e.data));
      worker.addEventListener('error', (e) => { e.preventDefault(); crashed(e.message || 'the engine worker failed'); worker.terminate(); });
      worker.addEventListener('messageerror', () => { crashed('a message from the engine worker could not be read'); worker.terminate(); });
    },
    close: () => worker.terminate(),
  };
}

/** `primary`, unless it fails before its first answer: then `fallback`, with everything posted so far. */
export function withFallback(primary: () => EngineTransport, fallback: () => EngineTransport): EngineTransport {
  let current: EngineTransport;
  let answered = false;
  let replay: EngineRequest[] = [];
  let onAnswer: (a: EngineAnswer) => void = () => {};
  let onCrash: (m: string) => void = () => {};
  const adopt = (t: EngineTransport, first: boolean) => {
    current = t;
    t.listen((a) => { answered = true; replay = []; onAnswer(a); }, (m) => {
      if (answered || !first) { onCrash(m); return; }
      console.warn(`podpath: the engine worker did not start (${m}); running the engine in the page instead`);
      adopt(fallback(), false);
      for (const r of replay) current.post(r);
      replay = [];
    });
  };
  try {
    adopt(typeof Worker === 'undefined' ? fallback() : primary(), typeof Worker !== 'undefined');
  } catch {
    adopt(fallback(), false);
  }
  return {
    post(req) { if (!answered) replay.push(req); current.post(req); },
    listen(answer, crashed) { onAnswer = answer; onCrash = crashed; },
    close: () => current.close(),
  };
}

export function createWorkerEngine(): EngineClient {
  return createEngineClient(() => withFallback(workerTransport, inProcessTransport));
}
