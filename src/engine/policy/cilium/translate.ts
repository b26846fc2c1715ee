// A Kubernetes NetworkPolicy as Cilium's agent stores it in its policy repository
// (pkg/k8s/network_policy.go ParseNetworkPolicy, modelled on Cilium v1.16): one api.Rule whose
// endpointSelector is the podSelector plus the policy's namespace; each peer becomes its own
// ingress or egress entry (fromEndpoints / toEndpoints, or fromCIDRSet / toCIDRSet for an
// ipBlock) carrying the rule's ports; a peer with only a podSelector is confined to the
// policy's namespace; namespace labels are matched as io.cilium.k8s.namespace.labels.<key>;
// "from anywhere" is the wildcard selector {}; an isolated direction without rules gets an
// empty entry (its default deny). Labels name the policy (derived-from, name, namespace, uid).
import { sha256Hex } from '../../lib/hash';
import type { LabelSelectorSpec, NetworkPolicySpec, PolicyPeer, PolicyPort, PolicyRule } from '../../model/netpol-types';

export const POD_NAMESPACE_LABEL = 'io.kubernetes.pod.namespace';
export const NAMESPACE_LABELS_PREFIX = 'io.cilium.k8s.namespace.labels.';

/** api.EndpointSelector's JSON: matchLabels keyed source:key (keys sorted as Go prints maps), expressions as given. */
export interface CiliumSelector {
  readonly matchLabels?: Readonly<Record<string, string>>;
  readonly matchExpressions?: readonly { readonly key: string; readonly operator: string; readonly values?: readonly string[] }[];
}

export interface CiliumPortRule {
  readonly ports: readonly { readonly port: string; readonly endPort?: number; readonly protocol: string }[];
}

export interface CiliumPeerRule {
  readonly endpoints?: readonly CiliumSelector[];
  readonly cidrSet?: readonly { readonly cidr: string; readonly except?: readonly string[] }[];
  readonly toPorts?: readonly CiliumPortRule[];
}

export interface CiliumRule {
  readonly endpointSelector: CiliumSelector;
  readonly ingress: readonly CiliumPeerRule[];
  readonly egress: readonly CiliumPeerRule[];
  readonly labels: readonly { readonly key: string; readonly value: string; readonly source: 'k8s' }[];
  /** The NetworkPolicy it came from. */
  readonly policy: NetworkPolicySpec;
}

/** A stable stand-in for the object's metadata.uid (a random v4 UUID on a real cluster). */
export function policyUid(p: NetworkPolicySpec): string {
  const h = sha256Hex(`uid:networkpolicy/${p.namespace}/${p.name}`);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[parseInt(h[16]!, 16) & 3]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** NewESFromK8sLabelSelector: every key gets the source prefix; several selectors are merged into one. */
function selector(parts: readonly (LabelSelectorSpec | undefined)[], extra: Record<string, string> = {}, extraExpr: CiliumSelector['matchExpressions'] = []): CiliumSelector {
  const labels: Record<string, string> = {};
  const exprs: { key: string; operator: string; values?: readonly string[] }[] = [...(extraExpr ?? [])];
  for (const [k, v] of Object.entries(extra)) labels[`k8s:${k}`] = v;
  for (const s of parts) {
    if (!s) continue;
    for (const [k, v] of Object.entries(s.matchLabels)) labels[`k8s:${k}`] = v;
    for (const e of s.matchExpressions) exprs.push({ key: `k8s:${e.key}`, operator: e.operator, ...(e.values.length > 0 ? { values: e.values } : {}) });
  }
  const sorted = Object.fromEntries(Object.keys(labels).sort().map((k) => [k, labels[k]!]));
  return { ...(Object.keys(sorted).length > 0 ? { matchLabels: sorted } : {}), ...(exprs.length > 0 ? { matchExpressions: exprs } : {}) };
}

const prefixed = (s: LabelSelectorSpec): LabelSelectorSpec => ({
  matchLabels: Object.fromEntries(Object.entries(s.matchLabels).map(([k, v]) => [`${NAMESPACE_LABELS_PREFIX}${k}`, v])),
  matchExpressions: s.matchExpressions.map((e) => ({ ...e, key: `${NAMESPACE_LABELS_PREFIX}${e.key}` })),
});

/** parseNetworkPolicyPeer */
function peerSelector(ns: string, peer: Extract<PolicyPeer, { kind: 'pods' }>): CiliumSelector {
  if (peer.namespaceSelector) {
    const nsSel = prefixed(peer.namespaceSelector);
    const empty = Object.keys(nsSel.matchLabels).length === 0 && nsSel.matchExpressions.length === 0;
    return selector([nsSel, peer.podSelector], {}, empty ? [{ key: `k8s:${POD_NAMESPACE_LABEL}`, operator: 'Exists' }] : []);
  }
  return selector([peer.podSelector], { [POD_NAMESPACE_LABEL]: ns });
}

/** parsePorts: one port rule per port, TCP by default, "0" for every port. */
function ports(list: readonly PolicyPort[]): CiliumPortRule[] {
  return list.map((p) => ({ ports: [{ port: p.port === undefined ? '0' : String(p.port), ...(p.endPort !== undefined ? { endPort: p.endPort } : {}), protocol: p.protocol }] }));
}

function entries(ns: string, rules: readonly PolicyRule[]): CiliumPeerRule[] {
  return rules.flatMap((r) => {
    const toPorts = r.ports.length > 0 ? { toPorts: ports(r.ports) } : {};
    if (r.peers.length === 0) return [{ endpoints: [{}], ...toPorts }];
    return r.peers.map((p) => (p.kind === 'ipBlock'
      ? { cidrSet: [{ cidr: p.cidr, ...(p.except.length > 0 ? { except: p.except } : {}) }], ...toPorts }
      : { endpoints: [peerSelector(ns, p)], ...toPorts }));
  });
}

export function ciliumRule(p: NetworkPolicySpec): CiliumRule {
  let ingress = entries(p.namespace, p.ingress);
  let egress = entries(p.namespace, p.egress);
  // The k8s default-deny model in Cilium's: an isolated direction without rules gets one empty rule.
  if (ingress.length === 0 && (p.policyTypes.includes('Ingress') || !p.policyTypes.includes('Egress'))) ingress = [{}];
  if (egress.length === 0 && p.policyTypes.includes('Egress')) egress = [{}];
  return {
    endpointSelector: selector([p.podSelector], { [POD_NAMESPACE_LABEL]: p.namespace }),
    ingress, egress,
    labels: [
      { key: 'io.cilium.k8s.policy.derived-from', value: 'NetworkPolicy', source: 'k8s' },
      { key: 'io.cilium.k8s.policy.name', value: p.name, source: 'k8s' },
      { key: 'io.cilium.k8s.policy.namespace', value: p.namespace, source: 'k8s' },
      { key: 'io.cilium.k8s.policy.uid', value: policyUid(p), source: 'k8s' },
    ],
    policy: p,
  };
}
