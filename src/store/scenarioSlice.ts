// The scenario slice: the YAML text, the parsed scenario, the compiled cluster and its
// topology. A bad edit lands in `errors` and the draft; the working scenario is untouched.
// Switching kube-proxy's mode is an edit of the text too (setProxyMode keeps comments).
import { compile, EMPTY_STATE, parseScenario, setProxyMode, topology, type Cluster, type Scenario, type Topology } from '../engine';
import { endpointAgain } from './endpoints';
import type { ApplyResult, AppState, GetState, ScenarioSlice, SetState } from './types';

type Compiled = { ok: true; scenario: Scenario; cluster: Cluster; topo: Topology } | Extract<ApplyResult, { ok: false }>;

export function compileText(text: string): Compiled {
  const parsed = parseScenario(text);
  if (!parsed.ok) return parsed;
  const compiled = compile(parsed.scenario);
  if (!compiled.ok) return { ok: false, errors: compiled.errors };
  const topo = topology(compiled.cluster);
  if (topo.error) return { ok: false, errors: [topo.error] };
  return { ok: true, scenario: parsed.scenario, cluster: compiled.cluster, topo };
}

export const EMPTY_TOPOLOGY: Topology = { elements: [], links: [] };

type ScenarioFields = Pick<AppState, 'text' | 'draft' | 'scenario' | 'cluster' | 'topo' | 'errors' | 'proxyMode'>;

export function initialScenario(text: string): ScenarioFields {
  const c = compileText(text);
  return c.ok
    ? { text, draft: text, scenario: c.scenario, cluster: c.cluster, topo: c.topo, errors: [], proxyMode: c.scenario.cluster.kubeProxyMode }
    : { text: '', draft: text, scenario: null, cluster: null, topo: EMPTY_TOPOLOGY, errors: c.errors, proxyMode: null };
}

/** The draft with the new mode too, when it can be edited; otherwise as it was. */
function draftWithMode(draft: string, mode: Parameters<typeof setProxyMode>[1]): string {
  try {
    return setProxyMode(draft, mode);
  } catch {
    return draft;
  }
}

export function createScenarioSlice(set: SetState, get: GetState, text: string): ScenarioSlice {
  const apply = (next: string): ApplyResult => {
    const c = compileText(next);
    if (!c.ok) {
      set({ errors: c.errors });
      return c;
    }
    const { source, destination } = get();
    set({
      text: next, draft: next, scenario: c.scenario, cluster: c.cluster, topo: c.topo, errors: [], proxyMode: c.scenario.cluster.kubeProxyMode,
      source: source && endpointAgain(c.topo, source), destination: destination && endpointAgain(c.topo, destination),
      trace: null, netState: EMPTY_STATE, steps: [], position: 0, sendError: null, playing: false, tablesPin: null,
    });
    return { ok: true };
  };
  return {
    ...initialScenario(text),
    setDraft: (draft) => set({ draft }),
    discardDraft: () => set({ draft: get().text, errors: [] }),
    applyDraft: () => apply(get().draft),
    loadScenario: (next) => {
      set({ draft: next });
      return apply(next);
    },
    switchProxyMode: (mode) => {
      const s = get();
      if (!s.scenario || s.proxyMode === mode) return { ok: true };
      const hadTrace = s.trace !== null;
      const edited = s.draft !== s.text ? draftWithMode(s.draft, mode) : null;
      const out = apply(setProxyMode(s.text, mode));
      if (!out.ok) return out;
      // Unapplied edits stay in the editor, with the new mode written into them too.
      if (edited !== null) set({ draft: edited });
      if (hadTrace) get().resend();
      return out;
    },
  };
}
