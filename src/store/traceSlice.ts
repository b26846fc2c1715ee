// The trace slice: asks the engine to simulate the selection and keeps the trace and the
// selected hop. A failed send keeps the previous trace and shows the engine's message; a send
// replaced by a newer one before it finished changes nothing.
import type { SendSpec } from '../engine';
import type { EngineClient } from './engineClient';
import { endpointOfRef } from './endpoints';
import { firstRewrite, stepsOf } from './steps';
import { NO_TABLES } from './tablesSlice';
import type { GetState, SendOutcome, SendRequest, SetState, TraceSlice } from './types';
import type { Work } from './work';

export function createTraceSlice(set: SetState, get: GetState, engine: EngineClient, work: Work): TraceSlice {
  const fail = (error: string): SendOutcome => {
    set({ sendError: error, playing: false });
    return { ok: false, error };
  };
  /** Which send is the latest: an older one still drawing its nodes gives way. */
  let latest = 0;
  const superseded: SendOutcome = { ok: false, error: 'a newer send replaced this one', superseded: true };
  const run = async (req: SendRequest): Promise<SendOutcome> => {
    if (!get().summary) return fail('there is no working scenario to send in');
    const mine = ++latest;
    const proto = req.proto ?? 'tcp';
    const spec: SendSpec = {
      from: req.from, to: req.to, proto,
      ...(req.container ? { container: req.container } : {}),
      ...(proto !== 'icmp' && req.port != null ? { port: req.port } : {}),
      ...(req.size != null ? { size: req.size } : {}), ...(req.df ? { df: true } : {}),
    };
    const out = await work.track('Sending the packet', engine.simulate(spec));
    if (out.status === 'superseded') return superseded;
    if (out.status === 'failed') return fail(`the engine failed: ${out.error}`);
    if (!out.value.ok) return fail(out.value.error);
    const { trace } = out.value;
    const steps = stepsOf(trace);
    // Every node the packet crosses is drawn with its inside, so each hop has its element.
    await get().revealNodes(steps.map((s) => s.hop.node));
    if (mine !== latest) return superseded;
    set({ trace, steps, position: 0, sendError: null, playing: true, tables: NO_TABLES });
    return { ok: true, trace };
  };
  const clamp = (i: number) => Math.max(0, Math.min(i, get().steps.length - 1));
  const send = (): Promise<SendOutcome> => {
    const { source, destination, proto, port, size, df } = get();
    if (!source) return Promise.resolve(fail('choose a source: click a pod, a node or an outside host'));
    if (!destination) return Promise.resolve(fail('choose a destination: click another pod, a node, a Service or an outside host'));
    return run({
      from: source.ref, to: destination.ref, proto,
      ...(source.container ? { container: source.container } : {}), ...(port != null ? { port } : {}),
      ...(size != null ? { size } : {}), ...(df ? { df } : {}),
    });
  };

  return {
    trace: null,
    steps: [],
    position: 0,
    sendError: null,
    send,
    sendRequest: async (req) => {
      const out = await run(req);
      if (out.ok) {
        const { topo } = get();
        set({
          source: endpointOfRef(topo, req.from, req.container), destination: endpointOfRef(topo, req.to),
          proto: req.proto ?? 'tcp', port: req.port ?? null,
        });
      }
      return out;
    },
    resend: async () => {
      const { source, destination } = get();
      if (!source || !destination) return null;
      const out = await send();
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
