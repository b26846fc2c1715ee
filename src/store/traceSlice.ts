// The trace slice: runs simulate() for the selection and keeps the result, the tables it
// left behind (netState) and the selected hop. A failed send keeps the previous trace and
// shows the engine's message.
import { EMPTY_STATE, simulate } from '../engine';
import { endpointOfRef } from './endpoints';
import { firstRewrite, stepsOf } from './steps';
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
    set({ trace: result.trace, netState: result.state, steps: stepsOf(result.trace), position: 0, sendError: null, playing: true });
    return { ok: true, trace: result.trace };
  };
  const fail = (error: string): SendOutcome => {
    set({ sendError: error, playing: false });
    return { ok: false, error };
  };
  const clamp = (i: number) => Math.max(0, Math.min(i, get().steps.length - 1));
  const send = (): SendOutcome => {
    const { source, destination, proto, port } = get();
    if (!source) return fail('choose a source: click a pod, a node or an outside host');
    if (!destination) return fail('choose a destination: click another pod, a node, a Service or an outside host');
    return run({
      from: source.ref, to: destination.ref, proto,
      ...(source.container ? { container: source.container } : {}), ...(port != null ? { port } : {}),
    });
  };

  return {
    trace: null,
    netState: EMPTY_STATE,
    steps: [],
    position: 0,
    sendError: null,
    send,
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
    resend: () => {
      const { source, destination } = get();
      if (!source || !destination) return null;
      const out = send();
      if (out.ok) set({ position: firstRewrite(get().steps), playing: false });
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
