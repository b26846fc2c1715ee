// The state kube-proxy's IPVS proxier leaves on a node: the IPVS virtual servers and
// their real servers (what `ipvsadm -Ln` lists), the addresses bound to the kube-ipvs0
// dummy device, the ipsets (what `ipset list` shows) and the iptables rules IPVS mode
// still needs (the restore payload of writeIptablesRules plus the jump rules of
// createAndLinkKubeChain).

import type { Ipset } from '../ipset/types';

export type { Ipset, IpsetType } from '../ipset/types';

export type IpvsProtocol = 'TCP' | 'UDP' | 'SCTP';

/** Which Service address a virtual server stands for (for explanations). */
export type IpvsVirtualServerKind = 'ClusterIP' | 'ExternalIP' | 'LoadBalancer' | 'NodePort';

export interface IpvsRealServer {
  readonly address: string;
  readonly port: number;
  /** kube-proxy always uses weight 1. */
  readonly weight: number;
  /** kube-proxy always uses NAT forwarding, printed "Masq". */
  readonly forward: 'Masq';
}

export interface IpvsVirtualServer {
  /** "TCP/10.96.0.1:443": the lookup key (protocol, address, port). */
  readonly key: string;
  readonly protocol: IpvsProtocol;
  readonly address: string;
  readonly port: number;
  readonly scheduler: string;
  /** FlagPersistent + Timeout for ClientIP affinity; 0 when not persistent. */
  readonly persistentTimeout: number;
  /** FlagSourceHash, which kube-proxy sets for the "mh" scheduler. */
  readonly sourceHash: boolean;
  /**
   * Real servers in the order kube-proxy added them. The kernel keeps them in the reverse
   * order (list_add_rcu at the head of svc->destinations); schedulers walk that order.
   */
  readonly realServers: readonly IpvsRealServer[];
  readonly kind: IpvsVirtualServerKind;
  /** "ns/name:port" of the Service port it belongs to. */
  readonly servicePortName: string;
}


export interface IptablesJumpRule {
  readonly table: 'nat' | 'filter';
  /** The built-in chain the rule is in. */
  readonly chain: 'PREROUTING' | 'INPUT' | 'FORWARD' | 'OUTPUT' | 'POSTROUTING';
  /** The rule after "-A <chain> ", as iptables-save prints it. */
  readonly rule: string;
}

export interface IpvsState {
  /** Addresses bound to kube-ipvs0 as /32, in binding order. */
  readonly dummyAddresses: readonly string[];
  /** Keyed by IpvsVirtualServer.key. */
  readonly virtualServers: ReadonlyMap<string, IpvsVirtualServer>;
  /** In kube-proxy's ipsetInfo order. */
  readonly ipsets: ReadonlyMap<string, Ipset>;
  /** What kube-proxy pipes to `iptables-restore --noflush --counters`: *nat … COMMIT *filter … COMMIT. */
  readonly iptablesRestore: string;
  /** Rules kube-proxy prepends to the built-in chains, in the order they end up in each chain. */
  readonly iptablesJumps: readonly IptablesJumpRule[];
}

export function virtualServerKey(protocol: IpvsProtocol, address: string, port: number): string {
  return `${protocol}/${address}:${port}`;
}
