// A networking.k8s.io/v1 NetworkPolicy as the scenario keeps it: validated as the API server
// validates it, with the API's defaults filled in (policyTypes, the TCP protocol). Empty and
// missing lists mean the same here, as they do in the API ("if this field is empty or missing,
// this rule matches all sources"); a rule list that is empty allows nothing.
import type { Protocol, SourceRef } from './types';

export type SelectorOperator = 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';

export interface SelectorRequirement {
  readonly key: string;
  readonly operator: SelectorOperator;
  readonly values: readonly string[];
}

/** metav1.LabelSelector: every matchLabels pair and every expression must hold; empty selects everything. */
export interface LabelSelectorSpec {
  readonly matchLabels: Readonly<Record<string, string>>;
  readonly matchExpressions: readonly SelectorRequirement[];
}

/** NetworkPolicyPeer: pods and namespaces by label (one peer with both is their AND), or an IP block. */
export type PolicyPeer =
  | { readonly kind: 'pods'; readonly podSelector?: LabelSelectorSpec; readonly namespaceSelector?: LabelSelectorSpec }
  | {
    readonly kind: 'ipBlock';
    /** As written: host bits may be set (the e2e suite writes `<pod IP>/4`); they are ignored. */
    readonly cidr: string;
    readonly except: readonly string[];
  };

/** NetworkPolicyPort: a protocol, and a port by number or by name, or a range port..endPort. */
export interface PolicyPort {
  readonly protocol: Protocol;
  /** Absent: every port of the protocol. */
  readonly port?: number | string;
  readonly endPort?: number;
}

export interface PolicyRule {
  /** from (ingress) or to (egress); empty means every peer, including outside the cluster. */
  readonly peers: readonly PolicyPeer[];
  /** Empty means every port and protocol. */
  readonly ports: readonly PolicyPort[];
}

export type PolicyType = 'Ingress' | 'Egress';

export interface NetworkPolicySpec {
  readonly namespace: string;
  readonly name: string;
  readonly podSelector: LabelSelectorSpec;
  /** After the API server's defaulting: Ingress always, Egress when there are egress rules. */
  readonly policyTypes: readonly PolicyType[];
  readonly ingress: readonly PolicyRule[];
  readonly egress: readonly PolicyRule[];
  readonly source: SourceRef;
}
