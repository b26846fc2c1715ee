// What kube-proxy sees on one node: the Service ports and their endpoints, already resolved
// from Services and EndpointSlices the way pkg/proxy's ServicePort / Endpoint interfaces
// present them to the proxiers. The rule writers in this folder turn one ProxyInput into the
// rules kube-proxy would write on that node, in each mode.

export type L4Protocol = 'TCP' | 'UDP' | 'SCTP';
export type TrafficPolicy = 'Cluster' | 'Local';
export type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer';

/** One port of one Service, as kube-proxy's ServicePort interface describes it. */
export interface ProxyServicePort {
  readonly namespace: string;
  readonly name: string;
  /** The Service port's name; '' when the port is unnamed. */
  readonly portName: string;
  readonly protocol: L4Protocol;
  readonly type: ServiceType;
  /** null for headless Services (kube-proxy writes nothing for them). */
  readonly clusterIP: string | null;
  readonly port: number;
  /** 0 when the Service has no node port. */
  readonly nodePort: number;
  readonly externalIPs: readonly string[];
  /** status.loadBalancer.ingress[].ip */
  readonly loadBalancerIPs: readonly string[];
  readonly loadBalancerSourceRanges: readonly string[];
  readonly externalTrafficPolicy: TrafficPolicy;
  readonly internalTrafficPolicy: TrafficPolicy;
  /** 0 when none. */
  readonly healthCheckNodePort: number;
  /** ClientIP affinity timeout in seconds; 0 means no affinity. */
  readonly stickyMaxAgeSeconds: number;
}

/** One endpoint of one Service port (EndpointSlice endpoint + the resolved target port). */
export interface ProxyEndpoint {
  readonly ip: string;
  readonly port: number;
  /** The node the endpoint runs on; undefined when the slice does not say. */
  readonly nodeName?: string;
  readonly ready: boolean;
  readonly serving: boolean;
  readonly terminating: boolean;
}

export interface ProxyServiceEntry {
  readonly port: ProxyServicePort;
  readonly endpoints: readonly ProxyEndpoint[];
}

/** How kube-proxy decides that a source is "local" (pkg/proxy/util/localdetector). */
export type LocalDetector =
  | { readonly mode: 'ClusterCIDR'; readonly cidr: string }
  | { readonly mode: 'NodeCIDR'; readonly cidr: string }
  | { readonly mode: 'None' };

export interface ProxyInput {
  readonly nodeName: string;
  /** The node's primary IP first. */
  readonly nodeIPs: readonly string[];
  readonly localDetector: LocalDetector;
  /** --masquerade-all */
  readonly masqueradeAll: boolean;
  /** --iptables-masquerade-bit, default 14 (mark 0x4000). */
  readonly masqueradeBit: number;
  /**
   * The mark text exactly as written into the rules. Real kube-proxy derives it from
   * masqueradeBit with Go's %#08x (bit 14 -> "0x00004000"); kube-proxy's NewFakeProxier sets
   * "0x4000" directly, which is what the upstream goldens contain. Absent: derived.
   */
  readonly masqueradeMark?: string;
  /** --iptables-localhost-nodeports, default true. */
  readonly localhostNodePorts: boolean;
  /** --nodeport-addresses; empty means all local addresses (the addrtype LOCAL form). */
  readonly nodePortAddresses: readonly string[];
  /** Recent kube-proxy writes nfacct counters; the ~v1.27 goldens do not have them. */
  readonly nfacct: boolean;
  /** iptables supports --random-fully for MASQUERADE. */
  readonly randomFully: boolean;
  /** nf_conntrack_tcp_be_liberal != 0 omits the INVALID drop rule. */
  readonly conntrackTcpBeLiberal: boolean;
  /** IPVS scheduler (ipvs mode only), default 'rr'. */
  readonly ipvsScheduler: string;
  /**
   * The cluster's ServiceCIDRs (nftables mode's cluster-ips-check drops traffic to
   * unallocated addresses inside them). Absent or empty: no such rule, as in kube-proxy.
   */
  readonly serviceCIDRs?: readonly string[];
  readonly services: readonly ProxyServiceEntry[];
}
