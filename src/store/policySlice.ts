// The policy slice: the scenario's NetworkPolicies as the engine reads them (the pods each
// selects, whether the plugin enforces them), the policy whose pods the graph highlights, edits
// of a policy's YAML (applied like any scenario edit: a bad one keeps the working scenario),
// and the reachability matrix, each cell a real send, a click on one showing its trace.
import { defaultDenyYaml, type ReachProto } from '../engine';
import type { Answer, EngineClient } from './engineClient';
import type { DocumentEdit } from './engineProtocol';
import { engineProblem } from './scenarioSlice';
import type { ApplyResult, GetState, PoliciesView, PolicySlice, ReachView, SetState } from './types';
import type { Work } from './work';

export const NO_POLICIES: PoliciesView = { status: 'idle', panel: null, error: null, for: null };
export const NO_REACH: ReachView = { status: 'idle', matrix: null, error: null, proto: 'tcp', port: 80, for: null };

/** The element id of a pod in the topology (see src/engine/topology/ids.ts). */
export const podElementId = (podKey: string) => `pod:${podKey}`;

export function createPolicySlice(set: SetState, get: GetState, engine: EngineClient, work: Work): PolicySlice {
  const edit = async (e: Omit<DocumentEdit, 'text'>): Promise<ApplyResult> => {
    const out: Answer<string> = await work.track('Editing the scenario', engine.editDocument({ text: get().text, ...e }));
    if (out.status === 'superseded') return { ok: false, errors: [], superseded: true };
    if (out.status === 'failed') return { ok: false, errors: [engineProblem(out.error)] };
    return get().loadScenario(out.value);
  };

  return {
    policies: NO_POLICIES,
    policyFocus: null,
    reach: NO_REACH,
    showPolicies: async () => {
      const summary = get().summary;
      if (!summary) return;
      set((s) => ({ policies: { ...s.policies, status: 'loading', error: null } }));
      const out = await work.track('Reading the policies', engine.policies(get().text));
      if (out.status === 'superseded') return;
      if (out.status === 'failed') set({ policies: { status: 'failed', panel: null, error: out.error, for: summary } });
      else set({ policies: { status: 'ready', panel: out.value, error: null, for: summary } });
    },
    focusPolicy: (key) => set({ policyFocus: key }),
    savePolicy: (doc, yaml) => edit({ doc, yaml }),
    deletePolicy: (doc) => edit({ doc, yaml: null }),
    addDefaultDeny: (namespace) => edit({ doc: null, yaml: defaultDenyYaml(namespace) }),
    setReachProbe: (proto: ReachProto, port: number) => set((s) => ({ reach: { ...s.reach, proto, port } })),
    computeReach: async () => {
      const { summary, reach } = get();
      if (!summary) return;
      set({ reach: { ...reach, status: 'loading', error: null } });
      const out = await work.track('Sending every pod to every pod', engine.reach(reach.proto, reach.port));
      if (out.status === 'superseded') return;
      if (out.status === 'done' && out.value.ok) {
        const { matrix } = out.value;
        set((s) => ({ reach: { ...s.reach, status: 'ready', matrix, error: null, for: summary } }));
        return;
      }
      const error = out.status === 'failed' ? `the engine failed: ${out.error}` : out.value.ok ? '' : out.value.error;
      set((s) => ({ reach: { ...s.reach, status: 'failed', matrix: null, error, for: summary } }));
    },
    openReachCell: async (from, to) => {
      const m = get().reach.matrix;
      if (!m) return { ok: false, error: 'compute the matrix first' };
      const out = await get().sendRequest({ from, to, proto: m.proto, port: m.port });
      if (out.ok) get().setPanel('trace');
      return out;
    },
  };
}

/** The pods the graph highlights: those the focused policy selects. */
export function highlightedPods(s: { readonly policies: PoliciesView; readonly policyFocus: string | null }): ReadonlySet<string> {
  const p = s.policies.panel?.policies.find((x) => x.key === s.policyFocus);
  return new Set((p?.selects ?? []).map(podElementId));
}

/** Whether graph element `elementId` is a pod the focused policy selects (cheap: the graph asks for every element). */
export function selectedByFocusedPolicy(s: { readonly policies: PoliciesView; readonly policyFocus: string | null }, elementId: string): boolean {
  if (s.policyFocus === null || !elementId.startsWith('pod:')) return false;
  const p = s.policies.panel?.policies.find((x) => x.key === s.policyFocus);
  return p !== undefined && p.selects.includes(elementId.slice(4));
}
