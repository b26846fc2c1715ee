// The policy slice: the scenario's NetworkPolicies as the engine reads them (the pods each
// selects, whether the plugin enforces them), the policy whose pods the graph highlights, edits
// of a policy (its YAML, a default-deny added, a policy deleted) made through the edit slice
// like every other edit (one undo step each; a bad one keeps the working scenario), and the
// reachability matrix, each cell a real send, a click on one showing its trace.
import type { ObjectRef, ReachProto } from '../engine';
import type { EngineClient } from './engineClient';
import type { GetState, PoliciesView, PolicySlice, ReachView, SetState } from './types';
import type { Work } from './work';

export const NO_POLICIES: PoliciesView = { status: 'idle', panel: null, error: null, for: null };
export const NO_REACH: ReachView = { status: 'idle', matrix: null, error: null, proto: 'tcp', port: 80, for: null };

/** The element id of a pod in the topology (see src/engine/topology/ids.ts). */
export const podElementId = (podKey: string) => `pod:${podKey}`;

/** The policy NAMESPACE/NAME as an edit's target. */
function policyRef(key: string): ObjectRef {
  const [namespace = 'default', name = ''] = key.split('/');
  return { kind: 'NetworkPolicy', namespace, name };
}

/** The first of default-deny-ingress, default-deny-ingress-2 ... not taken in `namespace`. */
function freeName(taken: readonly string[], namespace: string): string {
  const base = 'default-deny-ingress';
  const has = (n: string) => taken.includes(`${namespace}/${n}`);
  if (!has(base)) return base;
  let i = 2;
  while (has(`${base}-${i}`)) i++;
  return `${base}-${i}`;
}

export function createPolicySlice(set: SetState, get: GetState, engine: EngineClient, work: Work): PolicySlice {
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
    savePolicy: (key, yaml) => get().edit([{ op: 'setYaml', target: policyRef(key), yaml }], `edit NetworkPolicy ${key}`),
    deletePolicy: (key) => get().edit([{ op: 'remove', target: policyRef(key) }], `delete NetworkPolicy ${key}`),
    addDefaultDeny: (namespace) => {
      const taken = (get().policies.panel?.policies ?? []).map((p) => p.key);
      const name = freeName(taken, namespace);
      return get().edit([{ op: 'add', object: { kind: 'NetworkPolicy', namespace, name } }], `add NetworkPolicy ${namespace}/${name} (default-deny ingress)`);
    },
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
