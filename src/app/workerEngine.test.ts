// The app's engine falls back to running in the page when its worker cannot start, replaying
// what was asked before the failure; a worker that dies later is reported, not replaced.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EngineAnswer, EngineRequest, EngineTransport } from '../store';
import { withFallback } from './workerEngine';

function fake() {
  const posted: EngineRequest[] = [];
  let answer: (a: EngineAnswer) => void = () => {};
  let crash: (m: string) => void = () => {};
  const transport: EngineTransport = { post: (r) => posted.push(r), listen: (a, c) => { answer = a; crash = c; }, close: () => {} };
  return { transport, posted, answer: (a: EngineAnswer) => answer(a), crash: (m: string) => crash(m) };
}

const load: EngineRequest = { id: 1, call: 'load', text: 'x' };

describe('withFallback', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('replays the requests to the in-page engine when the worker fails before answering', () => {
    vi.stubGlobal('Worker', class {});
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const [worker, page] = [fake(), fake()];
    const t = withFallback(() => worker.transport, () => page.transport);
    const crashed = vi.fn();
    t.listen(() => {}, crashed);
    t.post(load);
    worker.crash('blocked');
    expect(page.posted).toEqual([load]);
    expect(crashed).not.toHaveBeenCalled();
  });

  it('reports a crash after the worker has answered, without replaying', () => {
    vi.stubGlobal('Worker', class {});
    const [worker, page] = [fake(), fake()];
    const t = withFallback(() => worker.transport, () => page.transport);
    const crashed = vi.fn();
    const answers: EngineAnswer[] = [];
    t.listen((a) => answers.push(a), crashed);
    t.post(load);
    worker.answer({ id: 1, type: 'progress', phase: 'parsing' });
    worker.crash('out of memory');
    expect(answers).toHaveLength(1);
    expect(crashed).toHaveBeenCalledWith('out of memory');
    expect(page.posted).toEqual([]);
  });

  it('runs in the page at once where there are no workers', () => {
    const [worker, page] = [fake(), fake()];
    const t = withFallback(() => worker.transport, () => page.transport);
    t.post(load);
    expect(page.posted).toEqual([load]);
    expect(worker.posted).toEqual([]);
  });
});
