// The engine in a Web Worker: compiles scenarios, simulates sends and prints tables for the
// page, so a 1,000-node cluster never blocks it. The compiled clusters stay here; the page gets
// plain data (see src/store/engineProtocol.ts).
import { createEngineHost, type EngineAnswer, type EngineRequest } from '../store/engineWorkerSide';

const host = createEngineHost();
const post = (a: EngineAnswer) => self.postMessage(a);

self.addEventListener('message', (e: MessageEvent<EngineRequest>) => {
  const req = e.data;
  const out = host.handle(req, (phase) => post({ id: req.id, type: 'progress', phase }));
  if (out) post(out);
});
