// The rules-vs-Services study in a Web Worker: compiles clusters of up to 10,000 Services and
// walks a packet through each (ruleWalk), smallest first, posting every point as it is done,
// so the page never blocks and the plot fills in as the numbers arrive.
import { ruleWalk } from '../engine';
import type { StudyPlan } from '../store';
import type { StudyMessage } from './studyMessages';

const post = (m: StudyMessage) => self.postMessage(m);

self.addEventListener('message', (e: MessageEvent<StudyPlan>) => {
  try {
    for (const services of e.data.sizes) {
      for (const mode of e.data.modes) post({ type: 'point', point: ruleWalk(mode, services) });
    }
    post({ type: 'done' });
  } catch (err) {
    post({ type: 'error', message: err instanceof Error ? err.message : String(err) });
  }
});
