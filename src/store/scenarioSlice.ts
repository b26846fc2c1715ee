// The scenario slice: the YAML text, what the engine says about it (summary, topology,
// warnings) and the located errors of an edit that failed. The engine compiles it where it
// runs (a Web Worker); a bad edit lands in `errors` and the draft, the working scenario is
// untouched. Every scenario that becomes the working one is a step of the undo history,
// except the page's first (which starts the history). Switching kube-proxy's mode or the CNI is an edit.
import type { ScenarioError, Topology } from '../engine';
import type { EngineClient } from './engineClient';
import type { LoadPhase } from './engineProtocol';
import { endpointAgain } from './endpoints';
import type { History } from './history';
import { NO_TABLES } from './tablesSlice';
import type { ApplyResult, GetState, ScenarioSlice, SetState } from './types';
import type { Work } from './work';

export const EMPTY_TOPOLOGY: Topology = { elements: [], links: [] };

const PHASE_LABEL: Record<LoadPhase, string> = {
  parsing: 'Reading the scenario', compiling: 'Compiling the cluster', drawing: 'Drawing the cluster',
};

/** An engine failure (an exception, a stopped worker) as a located-looking scenario problem. */
export const engineProblem = (error: string): ScenarioError => ({ doc: 0, line: 0, message: `the engine failed: ${error}` });

export const SUPERSEDED: ApplyResult = { ok: false, errors: [], superseded: true };

/** How a scenario that compiled enters the history: a new step, the page's first scenario, or a move within it (undo, redo). */
export type Recording = { readonly step: string } | 'start' | 'none';

/** Compiles `next` and, when it compiles, makes it the working scenario. */
export type Loader = (next: string, recording: Recording) => Promise<ApplyResult>;

export function createScenarioSlice(set: SetState, get: GetState, engine: EngineClient, work: Work, history: History): { slice: ScenarioSlice; load: Loader } {
  const load: Loader = async (next, recording) => {
    // Progress arrives later than this call returns, so `loading` is set by then.
    const loading = engine.load(next, (phase) => work.relabel(loading, PHASE_LABEL[phase]));
    const out = await work.track(PHASE_LABEL.parsing, loading);
    if (out.status === 'superseded') return SUPERSEDED;
    if (out.status === 'failed') {
      const errors = [engineProblem(out.error)];
      set({ errors });
      return { ok: false, errors };
    }
    const c = out.value;
    if (!c.ok) {
      set({ errors: c.errors });
      return c;
    }
    const { source, destination } = get();
    set({
      text: next, draft: next, summary: c.summary, topo: c.topo, inside: new Set(c.inside), focus: null,
      errors: [], warnings: c.warnings, proxyMode: c.summary.proxyMode, cni: c.summary.cni, routing: c.routing,
      source: source && endpointAgain(c.topo, source), destination: destination && endpointAgain(c.topo, destination),
      trace: null, steps: [], position: 0, sendError: null, playing: false, tablesPin: null, tables: NO_TABLES,
    });
    if (recording === 'start') history.reset(next);
    else if (recording !== 'none') history.record({ text: next, label: recording.step });
    return { ok: true };
  };

  const slice: ScenarioSlice = {
    text: '',
    draft: '',
    summary: null,
    topo: EMPTY_TOPOLOGY,
    errors: [],
    warnings: [],
    proxyMode: null,
    cni: null,
    routing: [],
    setDraft: (draft) => set({ draft }),
    discardDraft: () => set({ draft: get().text, errors: [] }),
    applyDraft: () => load(get().draft, { step: 'apply the YAML' }),
    loadScenario: (next, step = 'load a scenario') => {
      set({ draft: next });
      return load(next, get().summary ? { step } : 'start');
    },
    installAddon: async (addon) => {
      const text = await work.track(`Installing ${addon}`, engine.addAddon(get().text, addon));
      if (text.status === 'superseded') return SUPERSEDED;
      if (text.status === 'failed') return { ok: false, errors: [engineProblem(text.error)] };
      return text.value === get().text ? { ok: true } : load(text.value, { step: `install ${addon}` });
    },
    switchProxyMode: async (mode) => {
      const s = get();
      if (!s.summary || s.proxyMode === mode) return { ok: true };
      const out = await s.edit([{ op: 'setProxyMode', mode }], `switch kube-proxy to ${mode}`);
      return out.ok ? { ok: true } : out.superseded ? SUPERSEDED : { ok: false, errors: out.errors ?? [{ doc: 0, line: 0, message: out.error }] };
    },
    switchCni: async (cni) => {
      const s = get();
      if (!s.summary || s.cni === cni) return { ok: true };
      const out = await s.edit([{ op: 'setCni', cni }], `switch the CNI to ${cni}`);
      return out.ok ? { ok: true } : out.superseded ? SUPERSEDED : { ok: false, errors: out.errors ?? [{ doc: 0, line: 0, message: out.error }] };
    },
  };
  return { slice, load };
}
