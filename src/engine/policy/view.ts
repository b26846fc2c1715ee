// What a view shows of the scenario's NetworkPolicies: each policy with the pods it selects,
// its rules in the catalogue's words, and the document it came from (to edit it as YAML);
// whether the cluster's plugin enforces them; and a starting point for a new policy.
import type { Cluster } from '../cluster/types';
import { documentText } from '../model/documents';
import type { NetworkPolicySpec, PolicyType } from '../model/netpol-types';
import { policyKey, ruleText } from './reasons';
import { capitalised, ENFORCING_PLUGINS, policyEnforcement } from './support';
import { selectorMatches } from './selector';
import { policyWorld } from './world';

export interface PolicyView {
  /** NAMESPACE/NAME */
  readonly key: string;
  readonly namespace: string;
  readonly name: string;
  /** The YAML document it is (1-based), for editing. */
  readonly doc: number;
  readonly policyTypes: readonly PolicyType[];
  /** The pods it selects (NAMESPACE/NAME), host-network pods left out. */
  readonly selects: readonly string[];
  /** One line per direction it isolates: "Ingress: from namespace y on any port". */
  readonly rules: readonly string[];
}

function rulesLines(p: NetworkPolicySpec): string[] {
  return p.policyTypes.map((t) => {
    const dir = t === 'Ingress' ? 'ingress' : 'egress';
    const list = dir === 'ingress' ? p.ingress : p.egress;
    return `${t}: ${list.length === 0 ? 'nothing allowed' : list.map((r) => ruleText(p.namespace, r, dir)).join('; or ')}`;
  });
}

export function policyViews(cluster: Cluster): PolicyView[] {
  const world = policyWorld(cluster);
  return cluster.scenario.networkPolicies.map((p) => ({
    key: policyKey(p), namespace: p.namespace, name: p.name, doc: p.source.doc, policyTypes: p.policyTypes,
    selects: world.pods.filter((x) => !x.hostNetwork && x.namespace === p.namespace && selectorMatches(p.podSelector, x.labels)).map((x) => x.key),
    rules: rulesLines(p),
  }));
}

/** Whether the cluster's plugin enforces NetworkPolicy, in a sentence. */
export function enforcementNote(cluster: Cluster): { readonly enforced: boolean; readonly text: string } {
  const e = policyEnforcement(cluster);
  if (!e.policy.enforces) {
    return { enforced: false, text: `${capitalised(e.plugin)} does not implement NetworkPolicy (${e.policy.why}): policies are drawn and explained, not enforced. ${ENFORCING_PLUGINS} would enforce them.` };
  }
  const w = e.policy.where;
  const where = w.kind === 'bpf' ? `in its eBPF programs on each pod's veth (${w.egress} for egress, ${w.ingress} for ingress)` : `in ${w.table}, reached from the ${w.hook} hook`;
  return { enforced: true, text: `${capitalised(e.plugin)} enforces NetworkPolicy ${where}.` };
}

export interface PolicyPanelItem extends PolicyView {
  /** Its document as written, to edit and apply again. */
  readonly yaml: string;
}

/** What the policies panel shows: the plugin's stance, and each policy with its own YAML. */
export interface PolicyPanel {
  readonly enforcement: { readonly enforced: boolean; readonly text: string };
  readonly policies: readonly PolicyPanelItem[];
}

/** The panel for a compiled cluster and the scenario text it was compiled from. */
export function policyPanel(cluster: Cluster, text: string): PolicyPanel {
  return {
    enforcement: enforcementNote(cluster),
    policies: policyViews(cluster).map((v) => ({ ...v, yaml: documentText(text, v.doc) ?? '' })),
  };
}
