// A validated NetworkPolicy document turned into the scenario's form, with the defaults the
// API server fills in on create (pkg/apis/networking/v1 defaults.go): a port's protocol is
// TCP; without policyTypes a policy is an Ingress policy, and an Egress one too when it has
// egress rules. null and empty lists read as missing, as they do in the API.
import type { NetworkPolicyDoc } from './netpol-schema';
import type { LabelSelectorSpec, NetworkPolicySpec, PolicyPeer, PolicyPort, PolicyRule, PolicyType, SelectorOperator } from './netpol-types';
import type { Protocol, ScenarioError, SourceRef } from './types';

type SelectorDoc = { matchLabels?: Record<string, string> | null; matchExpressions?: { key: string; operator: string; values?: string[] | null }[] | null } | null | undefined;
type PeerDoc = { podSelector?: SelectorDoc; namespaceSelector?: SelectorDoc; ipBlock?: { cidr: string; except?: string[] | null } | null };
type PortDoc = { protocol?: string | null; port?: number | string | null; endPort?: number | null };

export function selectorOf(s: SelectorDoc): LabelSelectorSpec {
  return {
    matchLabels: { ...(s?.matchLabels ?? {}) },
    matchExpressions: (s?.matchExpressions ?? []).map((r) => ({ key: r.key, operator: r.operator as SelectorOperator, values: [...(r.values ?? [])] })),
  };
}

function peerOf(p: PeerDoc): PolicyPeer {
  if (p.ipBlock) return { kind: 'ipBlock', cidr: p.ipBlock.cidr, except: [...(p.ipBlock.except ?? [])] };
  return {
    kind: 'pods',
    ...(p.podSelector != null ? { podSelector: selectorOf(p.podSelector) } : {}),
    ...(p.namespaceSelector != null ? { namespaceSelector: selectorOf(p.namespaceSelector) } : {}),
  };
}

function portOf(p: PortDoc): PolicyPort {
  return {
    protocol: (p.protocol ?? 'TCP') as Protocol,
    ...(p.port != null ? { port: p.port } : {}),
    ...(p.endPort != null ? { endPort: p.endPort } : {}),
  };
}

function ruleOf(peers: readonly PeerDoc[] | null | undefined, ports: readonly PortDoc[] | null | undefined): PolicyRule {
  return { peers: (peers ?? []).map(peerOf), ports: (ports ?? []).map(portOf) };
}

export function networkPolicyOf(doc: NetworkPolicyDoc, source: SourceRef): NetworkPolicySpec {
  const s = doc.spec;
  const egress = (s.egress ?? []).map((r) => ruleOf(r.to, r.ports));
  const given = (s.policyTypes ?? []) as PolicyType[];
  const policyTypes: PolicyType[] = given.length > 0 ? [...given] : egress.length > 0 ? ['Ingress', 'Egress'] : ['Ingress'];
  return {
    namespace: doc.metadata.namespace ?? 'default',
    name: doc.metadata.name,
    podSelector: selectorOf(s.podSelector),
    policyTypes,
    ingress: (s.ingress ?? []).map((r) => ruleOf(r.from, r.ports)),
    egress,
    source,
  };
}

/** Two policies of one name in one namespace are refused, as the API server refuses the second create. */
export function checkNetworkPolicies(policies: readonly NetworkPolicySpec[], namespaces: ReadonlySet<string>): { errors: ScenarioError[]; warnings: ScenarioError[] } {
  const errors: ScenarioError[] = [];
  const warnings: ScenarioError[] = [];
  const seen = new Map<string, number>();
  for (const p of policies) {
    const key = `${p.namespace}/${p.name}`;
    const at = { doc: p.source.doc, object: `NetworkPolicy ${key}`, line: p.source.line };
    const first = seen.get(key);
    if (first !== undefined) errors.push({ ...at, field: 'metadata.name', message: `a NetworkPolicy named ${key} already exists (document ${first})` });
    else seen.set(key, p.source.doc);
    if (!namespaces.has(p.namespace)) warnings.push({ ...at, field: 'metadata.namespace', message: `namespace "${p.namespace}" is not declared; podpath creates it` });
  }
  return { errors, warnings };
}
