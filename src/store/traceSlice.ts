// The trace slice: runs simulate() for the selection and keeps the result and the selected
// hop. A failed send keeps the previous trace and shows the engine's message.
import { simulate } from '../engine';
import { endpointOfRef } from './endpoints';
import { stepsOf } from './steps';
import type { GetState, SendOutcome, SendRequest, SetState, TraceSlice } from './types';

export function createTraceSlice(set: SetState, get: GetState): TraceSlice {
  const run = (req: SendRequest): SendOutcome => {
    const { cluster } = get();
    if (!cluster) return fail('there is no working scenario to send in');
    const proto = req.proto ?? 'tcp';
    const result = simulate(cluster, {
      from: req.from, to: req.to, proto,
      ...(req.container ? { container: req.container } : {}),
      ...(proto !== 'icmp' && req.port != null ? { port: req.port } : {}),
    });
    if (!result.ok) return fail(result.error);
    set({ trace: result.trace, steps: stepsOf(result.trace), position: 0, sendError: null, playing: true });
    return { ok: true, trace: result.trace };
  };
  const fail = (error: string): SendOutcome => {
    set({ sendError: error, playing: false });
    return { ok: false, error };
  };
  const clamp = (i: number) => Math.max(0, Math.min(i, get().steps.length - 1));

  return {
    trace: null,
    steps: [],
    position: 0,
    sendError: null,
    send: () => {
      const { source, destination, proto, port } = get();
      if (!source) return fail('choose a source: click a pod, a node or an outside host');
      if (!destination) return fail('choose a destination: click another pod, node or outside host');
      return run({ from: source.ref, to: destination.ref, proto, ...(source.container ? { container: source.container } : {}), ...(port != null ? { port } : {}) });
    },
    sendRequest: (req) => {
      const { topo } = get();
      const out = run(req);
      if (out.ok) {
        set({
          source: endpointOfRef(topo, req.from, req.container), destination: endpointOfRef(topo, req.to),
          proto: req.proto ?? 'tcp', port: req.port ?? null,
        });
      }
      return out;
    },
    selectStep: (index) => set({ position: clamp(index), playing: false }),
    stepForward: () => set({ position: clamp(get().position + 1), playing: false }),
    stepBack: () => set({ position: clamp(get().position - 1), playing: false }),
    tick: () => {
      const { position, steps } = get();
      if (position >= steps.length - 1) set({ playing: false });
      else set({ position: position + 1, playing: position + 1 < steps.length - 1 });
    },
  };
}
