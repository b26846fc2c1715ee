// The ipsets of kube-proxy's IPVS mode (pkg/proxy/ipvs/ipset.go constants and the
// ipsetInfo table of proxier.go). The sets themselves and their matching are the kernel's
// (netfilter/ipset); the entry spelling of Entry.String() is re-exported from there.
import type { IpsetType } from '../netfilter/ipset/types';

export { ipPortEntry, ipPortIpEntry } from '../netfilter/ipset/match';

export const KUBE_LOOP_BACK = 'KUBE-LOOP-BACK';
export const KUBE_CLUSTER_IP = 'KUBE-CLUSTER-IP';
export const KUBE_EXTERNAL_IP = 'KUBE-EXTERNAL-IP';
export const KUBE_EXTERNAL_IP_LOCAL = 'KUBE-EXTERNAL-IP-LOCAL';
export const KUBE_LOAD_BALANCER = 'KUBE-LOAD-BALANCER';
export const KUBE_LOAD_BALANCER_FW = 'KUBE-LOAD-BALANCER-FW';
export const KUBE_LOAD_BALANCER_LOCAL = 'KUBE-LOAD-BALANCER-LOCAL';
export const KUBE_LOAD_BALANCER_SOURCE_IP = 'KUBE-LOAD-BALANCER-SOURCE-IP';
export const KUBE_LOAD_BALANCER_SOURCE_CIDR = 'KUBE-LOAD-BALANCER-SOURCE-CIDR';
export const KUBE_NODE_PORT_TCP = 'KUBE-NODE-PORT-TCP';
export const KUBE_NODE_PORT_LOCAL_TCP = 'KUBE-NODE-PORT-LOCAL-TCP';
export const KUBE_NODE_PORT_UDP = 'KUBE-NODE-PORT-UDP';
export const KUBE_NODE_PORT_LOCAL_UDP = 'KUBE-NODE-PORT-LOCAL-UDP';
export const KUBE_NODE_PORT_SCTP = 'KUBE-NODE-PORT-SCTP-HASH';
export const KUBE_NODE_PORT_LOCAL_SCTP = 'KUBE-NODE-PORT-LOCAL-SCTP-HASH';
export const KUBE_HEALTH_CHECK_NODE_PORT = 'KUBE-HEALTH-CHECK-NODE-PORT';
export const KUBE_IPVS_IPS = 'KUBE-IPVS-IPS';

/** ipsetInfo: name, type, comment — in kube-proxy's order. */
export const IPSET_INFO: readonly (readonly [string, IpsetType, string])[] = [
  [KUBE_LOOP_BACK, 'hash:ip,port,ip', 'Kubernetes endpoints dst ip:port, source ip for solving hairpin purpose'],
  [KUBE_CLUSTER_IP, 'hash:ip,port', 'Kubernetes service cluster ip + port for masquerade purpose'],
  [KUBE_EXTERNAL_IP, 'hash:ip,port', 'Kubernetes service external ip + port for masquerade and filter purpose'],
  [KUBE_EXTERNAL_IP_LOCAL, 'hash:ip,port', 'Kubernetes service external ip + port with externalTrafficPolicy=local'],
  [KUBE_LOAD_BALANCER, 'hash:ip,port', 'Kubernetes service lb portal'],
  [KUBE_LOAD_BALANCER_FW, 'hash:ip,port', 'Kubernetes service load balancer ip + port for load balancer with sourceRange'],
  [KUBE_LOAD_BALANCER_LOCAL, 'hash:ip,port', 'Kubernetes service load balancer ip + port with externalTrafficPolicy=local'],
  [
    KUBE_LOAD_BALANCER_SOURCE_IP,
    'hash:ip,port,ip',
    'Kubernetes service load balancer ip + port + source IP for packet filter purpose',
  ],
  [
    KUBE_LOAD_BALANCER_SOURCE_CIDR,
    'hash:ip,port,net',
    'Kubernetes service load balancer ip + port + source cidr for packet filter purpose',
  ],
  [KUBE_NODE_PORT_TCP, 'bitmap:port', 'Kubernetes nodeport TCP port for masquerade purpose'],
  [KUBE_NODE_PORT_LOCAL_TCP, 'bitmap:port', 'Kubernetes nodeport TCP port with externalTrafficPolicy=local'],
  [KUBE_NODE_PORT_UDP, 'bitmap:port', 'Kubernetes nodeport UDP port for masquerade purpose'],
  [KUBE_NODE_PORT_LOCAL_UDP, 'bitmap:port', 'Kubernetes nodeport UDP port with externalTrafficPolicy=local'],
  [KUBE_NODE_PORT_SCTP, 'hash:ip,port', "Kubernetes nodeport SCTP port for masquerade purpose with type 'hash ip:port'"],
  [
    KUBE_NODE_PORT_LOCAL_SCTP,
    'hash:ip,port',
    "Kubernetes nodeport SCTP port with externalTrafficPolicy=local with type 'hash ip:port'",
  ],
  [KUBE_HEALTH_CHECK_NODE_PORT, 'bitmap:port', 'Kubernetes health check node port'],
  [KUBE_IPVS_IPS, 'hash:ip', 'Addresses on the ipvs interface'],
];

