// The scenario slice: the YAML text, the parsed scenario, the compiled cluster and its
// topology. A bad edit lands in `errors` and the draft; the working scenario is untouched.
import { compile, parseScenario, topology, type Cluster, type Scenario, type Topology } from '../engine';
import { endpointOfRef, type Endpoint } from './endpoints';
import type { ApplyResult, AppState, GetState, ScenarioSlice, SetState } from './types';

type Compiled = { ok: true; scenario: Scenario; cluster: Cluster; topo: Topology } | Extract<ApplyResult, { ok: false }>;

export function compileText(text: string): Compiled {
  const parsed = parseScenario(text);
  if (!parsed.ok) return parsed;
  const compiled = compile(parsed.scenario);
  if (!compiled.ok) return { ok: false, errors: compiled.errors };
  return { ok: true, scenario: parsed.scenario, cluster: compiled.cluster, topo: topology(compiled.cluster) };
}

/** Keeps an endpoint across a scenario change only if the new topology still has it. */
function carry(ep: Endpoint | null, topo: Topology): Endpoint | null {
  if (!ep) return null;
  if (ep.elementId === undefined) return ep;
  const again = endpointOfRef(topo, ep.ref, ep.container);
  return again.elementId === ep.elementId ? again : null;
}

export const EMPTY_TOPOLOGY: Topology = { elements: [], links: [] };

export function initialScenario(text: string): Pick<AppState, 'text' | 'draft' | 'scenario' | 'cluster' | 'topo' | 'errors'> {
  const c = compileText(text);
  return c.ok
    ? { text, draft: text, scenario: c.scenario, cluster: c.cluster, topo: c.topo, errors: [] }
    : { text: '', draft: text, scenario: null, cluster: null, topo: EMPTY_TOPOLOGY, errors: c.errors };
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
      text: next, draft: next, scenario: c.scenario, cluster: c.cluster, topo: c.topo, errors: [],
      source: carry(source, c.topo), destination: carry(destination, c.topo),
      trace: null, steps: [], position: 0, sendError: null, playing: false,
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
  };
}
