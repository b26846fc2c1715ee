// Runs the rules-vs-Services study in a Web Worker and hands its reports to the store.
// Stopping terminates the worker: a 10,000-Service compile cannot be interrupted otherwise.
import type { StudyRunner } from '../store';
import type { StudyMessage } from './studyMessages';

export const workerStudyRunner: StudyRunner = (plan, on) => {
  const worker = new Worker(new URL('./study.worker.ts', import.meta.url), { type: 'module' });
  worker.addEventListener('message', (e: MessageEvent<StudyMessage>) => {
    const m = e.data;
    if (m.type === 'point') on.point(m.point);
    else if (m.type === 'done') { on.done(); worker.terminate(); } else { on.fail(m.message); worker.terminate(); }
  });
  worker.addEventListener('error', (e) => { on.fail(e.message || 'the measuring worker failed to start'); worker.terminate(); });
  worker.postMessage(plan);
  return () => worker.terminate();
};
