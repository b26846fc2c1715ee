// The ipsets of kube-proxy's IPVS mode (pkg/proxy/ipvs/ipset.go constants and the
// ipsetInfo table of proxier.go), the entry spelling of its Entry.String(), and
// `-m set --match-set NAME dst,dst` membership tests as the kernel's xt_set does them —
// the helper the iptables evaluator calls through NfEnv.ipsetTest.
import { assertNever } from '../lib/assert';
import { cidrContains, ipToInt, parseCidr } from '../lib/ip';
import type { NfPacket } from '../netfilter/eval-types';
import type { Ipset, IpsetType } from './ipvs-types';

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

/** Entry.String() of a hash:ip,port entry: "10.96.0.10,udp:53". */
export function ipPortEntry(ip: string, proto: string, port: number): string {
  return `${ip},${proto}:${port}`;
}

/** Entry.String() of hash:ip,port,ip and hash:ip,port,net entries. */
export function ipPortIpEntry(ip: string, proto: string, port: number, third: string): string {
  return `${ip},${proto}:${port},${third}`;
}

type Field = 'src' | 'dst';

function addrOf(pkt: NfPacket, f: string | undefined): string {
  return f === 'src' ? pkt.src : pkt.dst;
}

function portOf(pkt: NfPacket, f: string | undefined): number {
  return f === 'src' ? pkt.sport : pkt.dport;
}

const PORT_PROTOS: ReadonlySet<string> = new Set(['tcp', 'udp', 'sctp']);

/** "ip,proto:port" heads of hash:ip,port,net entries, with their nets (built once per set). */
const netIndex = new WeakMap<Ipset, Map<string, string[]>>();

function netsOf(set: Ipset, head: string): readonly string[] {
  let index = netIndex.get(set);
  if (index === undefined) {
    index = new Map();
    for (const e of set.entries) {
      const at = e.lastIndexOf(',');
      const k = e.slice(0, at);
      index.set(k, [...(index.get(k) ?? []), e.slice(at + 1)]);
    }
    netIndex.set(set, index);
  }
  return index.get(head) ?? [];
}

/**
 * `-m set --match-set <name> <flags>`: is the packet in the set? flags are the
 * comma-separated directions of the match ("dst,dst" → ['dst', 'dst']), one per set
 * dimension. Port dimensions only match TCP, UDP and SCTP packets.
 */
export function ipsetTest(
  sets: ReadonlyMap<string, Ipset>,
  name: string,
  flags: readonly string[],
  pkt: NfPacket,
): boolean {
  const set = sets.get(name);
  if (set === undefined) return false;
  const [f1, f2, f3] = flags as readonly (Field | undefined)[];
  switch (set.type) {
    case 'hash:ip':
      return set.entries.has(addrOf(pkt, f1));
    case 'bitmap:port':
      return PORT_PROTOS.has(pkt.proto) && set.entries.has(String(portOf(pkt, f1)));
    case 'hash:ip,port':
      return PORT_PROTOS.has(pkt.proto) && set.entries.has(ipPortEntry(addrOf(pkt, f1), pkt.proto, portOf(pkt, f2)));
    case 'hash:ip,port,ip':
      return (
        PORT_PROTOS.has(pkt.proto) &&
        set.entries.has(ipPortIpEntry(addrOf(pkt, f1), pkt.proto, portOf(pkt, f2), addrOf(pkt, f3)))
      );
    case 'hash:ip,port,net': {
      if (!PORT_PROTOS.has(pkt.proto)) return false;
      const ip = ipToInt(addrOf(pkt, f3));
      return netsOf(set, ipPortEntry(addrOf(pkt, f1), pkt.proto, portOf(pkt, f2))).some((n) =>
        cidrContains(parseCidr(n), ip),
      );
    }
    default:
      return assertNever(set.type, 'ipset type');
  }
}
