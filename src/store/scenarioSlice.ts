// The scenario slice: the YAML text, what the engine says about it (summary, topology,
// warnings) and the located errors of an edit that failed. The engine compiles it where it
// runs (a Web Worker); a bad edit lands in `errors` and the draft, the working scenario is
// untouched. Switching kube-proxy's mode or the CNI is an edit of the text too (comments kept).
import type { ScenarioError, Topology } from '../engine';
import type { Answer, EngineClient } from './engineClient';
import type { LoadPhase } from './engineProtocol';
import { endpointAgain } from './endpoints';
import { NO_TABLES } from './tablesSlice';
import type { ApplyResult, GetState, ScenarioSlice, SetState } from './types';
import type { Work } from './work';

export const EMPTY_TOPOLOGY: Topology = { elements: [], links: [] };

const PHASE_LABEL: Record<LoadPhase, string> = {
  parsing: 'Reading the scenario', compiling: 'Compiling the cluster', drawing: 'Drawing the cluster',
};

/** An engine failure (an exception, a stopped worker) as a located-looking scenario problem. */
export const engineProblem = (error: string): ScenarioError => ({ doc: 0, line: 0, message: `the engine failed: ${error}` });

const SUPERSEDED: ApplyResult = { ok: false, errors: [], superseded: true };

export function createScenarioSlice(set: SetState, get: GetState, engine: EngineClient, work: Work): ScenarioSlice {
  const apply = async (next: string): Promise<ApplyResult> => {
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
    return { ok: true };
  };

  /**
   * A setting switched by an edit of the text (kube-proxy's mode, the CNI): the working text is
   * rewritten, recompiled, and the last send sent again; unapplied edits stay in the editor, with
   * the new setting written into them too (if they can be).
   */
  const switchSetting = async (edit: (text: string) => Promise<Answer<string>>): Promise<ApplyResult> => {
    const s = get();
    const hadTrace = s.trace !== null;
    const text = await edit(s.text);
    if (text.status === 'superseded') return SUPERSEDED;
    if (text.status === 'failed') return { ok: false, errors: [engineProblem(text.error)] };
    const edited = s.draft !== s.text ? await edit(s.draft) : null;
    const out = await apply(text.value);
    if (!out.ok) return out;
    if (edited?.status === 'done') set({ draft: edited.value });
    else if (edited) set({ draft: s.draft });
    if (hadTrace) await get().resend();
    return out;
  };

  return {
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
    applyDraft: () => apply(get().draft),
    loadScenario: (next) => {
      set({ draft: next });
      return apply(next);
    },
    installAddon: async (addon) => {
      const text = await work.track(`Installing ${addon}`, engine.addAddon(get().text, addon));
      if (text.status === 'superseded') return SUPERSEDED;
      if (text.status === 'failed') return { ok: false, errors: [engineProblem(text.error)] };
      return text.value === get().text ? { ok: true } : apply(text.value);
    },
    switchProxyMode: async (mode) => {
      const s = get();
      if (!s.summary || s.proxyMode === mode) return { ok: true };
      return switchSetting((text) => work.track('Switching kube-proxy mode', engine.setProxyMode(text, mode)));
    },
    switchCni: async (cni) => {
      const s = get();
      if (!s.summary || s.cni === cni) return { ok: true };
      return switchSetting((text) => work.track('Switching the CNI plugin', engine.setCni(text, cni)));
    },
  };
}
