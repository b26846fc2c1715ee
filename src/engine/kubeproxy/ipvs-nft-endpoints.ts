// The parts of kube-proxy's pkg/proxy that both the nftables and the IPVS proxier share:
// newBaseServiceInfo and BaseServicePortInfo's policy predicates (serviceport.go,
// pkg/api/v1/service/util.go), proxy.CategorizeEndpoints (topology.go), NodePortAddresses
// (util/nodeport_addresses.go) and the masquerade mark.
//
// Simplifications: topology hints are not modelled (CategorizeEndpoints behaves as if no
// endpoint had hints), and only IPv4 is handled (kube-proxy runs one proxier per family;
// this one is the IPv4 proxier, so IPv6 addresses in the input are ignored).
import { assertNever } from '../lib/assert';
import { cidrContains, cidrText, ipToInt, parseCidr } from '../lib/ip';
import type { ProxyEndpoint, ProxyInput, ProxyServiceEntry, ProxyServicePort } from './types';

/** The IPv4 proxier's family test (addresses in a ProxyInput are already valid). */
const isV4 = (ip: string): boolean => !ip.includes(':');

/** ServicePortName.String(): "ns/name:port", or "ns/name" when the port is unnamed. */
export function servicePortNameString(p: ProxyServicePort): string {
  return p.portName === '' ? `${p.namespace}/${p.name}` : `${p.namespace}/${p.name}:${p.portName}`;
}

export function protocolLower(p: ProxyServicePort): 'tcp' | 'udp' | 'sctp' {
  return p.protocol === 'TCP' ? 'tcp' : p.protocol === 'UDP' ? 'udp' : 'sctp';
}

/** One Service port as the proxier reads it (BaseServicePortInfo), computed once. */
export interface ServicePortView {
  readonly port: ProxyServicePort;
  /** "ns/name:port" */
  readonly nameString: string;
  readonly protocol: 'tcp' | 'udp' | 'sctp';
  readonly clusterIP: string;
  readonly externalIPs: readonly string[];
  /** status.loadBalancer.ingress IPs of this family (LoadBalancerVIPs()). */
  readonly loadBalancerVIPs: readonly string[];
  /** Trimmed and printed as net.IPNet.String() does; unparseable ranges dropped. */
  readonly loadBalancerSourceRanges: readonly string[];
  /** apiservice.ExternalPolicyLocal: LoadBalancer, NodePort, or ClusterIP with externalIPs, and ETP=Local. */
  readonly externalPolicyLocal: boolean;
  readonly internalPolicyLocal: boolean;
  readonly externallyAccessible: boolean;
  /** ITP=Cluster, or any external destination (the ETP=Local short-circuit needs cluster endpoints). */
  readonly usesClusterEndpoints: boolean;
  readonly usesLocalEndpoints: boolean;
  readonly stickySeconds: number;
}

function sourceRanges(p: ProxyServicePort): string[] {
  const out: string[] = [];
  for (const raw of p.loadBalancerSourceRanges) {
    const text = raw.trim();
    if (!text.includes('/') || !isV4(text)) continue;
    try {
      out.push(cidrText(parseCidr(text)));
    } catch {
      // kube-proxy logs and ignores unparseable ranges
    }
  }
  return out;
}

export function servicePortView(p: ProxyServicePort): ServicePortView {
  const externalIPs = p.externalIPs.filter(isV4);
  const loadBalancerVIPs = p.loadBalancerIPs.filter(isV4);
  const serviceExternal = p.type === 'LoadBalancer' || p.type === 'NodePort' || p.externalIPs.length > 0;
  const externalPolicyLocal = serviceExternal && p.externalTrafficPolicy === 'Local';
  const internalPolicyLocal = p.internalTrafficPolicy === 'Local';
  const externallyAccessible = p.nodePort !== 0 || loadBalancerVIPs.length > 0 || externalIPs.length > 0;
  return {
    port: p,
    nameString: servicePortNameString(p),
    protocol: protocolLower(p),
    clusterIP: p.clusterIP ?? '',
    externalIPs,
    loadBalancerVIPs,
    loadBalancerSourceRanges: p.loadBalancerSourceRanges.length === 0 ? [] : sourceRanges(p),
    externalPolicyLocal,
    internalPolicyLocal,
    externallyAccessible,
    usesClusterEndpoints: !internalPolicyLocal || externallyAccessible,
    usesLocalEndpoints: internalPolicyLocal || (externalPolicyLocal && externallyAccessible),
    stickySeconds: p.stickyMaxAgeSeconds,
  };
}

export function isLocalEndpoint(ep: ProxyEndpoint, nodeName: string): boolean {
  return ep.nodeName !== undefined && ep.nodeName === nodeName;
}

/** BaseEndpointInfo.String(): "IP:port" (IPv4 only here). */
export function endpointString(ep: ProxyEndpoint): string {
  return `${ep.ip}:${ep.port}`;
}

export interface CategorizedEndpoints {
  readonly cluster: readonly ProxyEndpoint[];
  readonly local: readonly ProxyEndpoint[];
  readonly allReachable: readonly ProxyEndpoint[];
  readonly hasAny: boolean;
}

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** proxy.CategorizeEndpoints without topology hints. */
export function categorizeEndpoints(
  endpoints: readonly ProxyEndpoint[],
  svc: ServicePortView,
  nodeName: string,
): CategorizedEndpoints {
  let cluster: readonly ProxyEndpoint[] = [];
  let local: readonly ProxyEndpoint[] = [];
  let hasAny = false;
  if (svc.usesClusterEndpoints) {
    cluster = endpoints.filter((ep) => ep.ready);
    if (cluster.length === 0) cluster = endpoints.filter((ep) => ep.serving && ep.terminating);
    if (cluster.length > 0) hasAny = true;
  }
  if (!svc.usesLocalEndpoints) return { cluster, local, allReachable: cluster, hasAny };

  let hasLocalReady = false;
  let hasLocalServingTerminating = false;
  for (const ep of endpoints) {
    if (ep.ready) {
      hasAny = true;
      if (isLocalEndpoint(ep, nodeName)) hasLocalReady = true;
    } else if (ep.serving && ep.terminating) {
      hasAny = true;
      if (isLocalEndpoint(ep, nodeName)) hasLocalServingTerminating = true;
    }
  }
  if (hasLocalReady) local = endpoints.filter((ep) => isLocalEndpoint(ep, nodeName) && ep.ready);
  else if (hasLocalServingTerminating) {
    local = endpoints.filter((ep) => isLocalEndpoint(ep, nodeName) && ep.serving && ep.terminating);
  }
  if (!svc.usesClusterEndpoints) return { cluster, local, allReachable: local, hasAny };
  // Ready local endpoints are already among the cluster ones.
  if (!hasLocalServingTerminating || hasLocalReady) return { cluster, local, allReachable: cluster, hasAny };
  // kube-proxy merges the two lists through a Go map; we keep "IP:port" order.
  const merged = new Map([...cluster, ...local].map((ep) => [endpointString(ep), ep] as const));
  const allReachable = [...merged.entries()].sort((a, b) => byString(a[0], b[0])).map(([, ep]) => ep);
  return { cluster, local, allReachable, hasAny };
}

/** Endpoints as EndpointsMap holds them: IPv4 only, one per "IP:port", sorted by that string. */
export function proxyEndpoints(entry: ProxyServiceEntry): readonly ProxyEndpoint[] {
  const byKey = new Map<string, ProxyEndpoint>();
  let sorted = true;
  let last = '';
  for (const ep of entry.endpoints) {
    if (!isV4(ep.ip)) continue;
    const key = endpointString(ep);
    if (byKey.has(key)) continue;
    if (key < last) sorted = false;
    last = key;
    byKey.set(key, ep);
  }
  if (sorted) return [...byKey.values()];
  return [...byKey.entries()].sort((a, b) => byString(a[0], b[0])).map(([, ep]) => ep);
}

export interface ProxyService {
  readonly svc: ServicePortView;
  readonly endpoints: readonly ProxyEndpoint[];
}

/**
 * The Service ports kube-proxy programs (IPv4 ClusterIP, not headless), in the order this
 * model visits them. SIMPLIFICATION: kube-proxy ranges over svcPortMap, a Go map, so the
 * real order is random per sync; we sort by "ns/name:port/PROTO" so the same input always
 * gives the same output. Only the order of lines differs; the set of rules is the same.
 */
export function proxyServices(input: ProxyInput): readonly ProxyService[] {
  return input.services
    .filter((s) => s.port.clusterIP !== null && isV4(s.port.clusterIP))
    .map((s) => ({ s, view: servicePortView(s.port) }))
    .map((x) => ({ ...x, key: `${x.view.nameString}/${x.s.port.protocol}` }))
    .sort((a, b) => byString(a.key, b.key))
    .map((x) => ({ svc: x.view, endpoints: proxyEndpoints(x.s) }));
}

export interface NodePortAddresses {
  /** No CIDR of this family was given (or 0.0.0.0/0): every local address accepts NodePorts. */
  readonly matchAll: boolean;
  /** The node IPs inside --nodeport-addresses, loopback excluded (GetNodeIPs). */
  readonly nodeIPs: readonly string[];
}

/** proxyutil.NewNodePortAddresses(IPv4, ...) + GetNodeIPs over the node's addresses. */
export function nodePortAddresses(input: ProxyInput): NodePortAddresses {
  const cidrs = input.nodePortAddresses.filter(isV4).map((c) => parseCidr(c));
  const v4NodeIPs = input.nodeIPs.filter(isV4);
  const notLoopback = (ip: string): boolean => !ip.startsWith('127.');
  if (cidrs.length === 0 || cidrs.some((c) => c.prefix === 0)) {
    return { matchAll: true, nodeIPs: v4NodeIPs.filter(notLoopback) };
  }
  const nodeIPs = v4NodeIPs.filter((ip) => notLoopback(ip) && cidrs.some((c) => cidrContains(c, ipToInt(ip))));
  return { matchAll: false, nodeIPs };
}

/** fmt.Sprintf("%#08x", 1<<bit): what real kube-proxy writes, e.g. "0x00004000". */
export function goMasqueradeMark(bit: number): string {
  return `0x${(2 ** bit).toString(16).padStart(8, '0')}`;
}

/** The local detector's "is local" CIDR, or null when no detector is implemented. */
export function localDetectorCidr(input: ProxyInput): string | null {
  const d = input.localDetector;
  switch (d.mode) {
    case 'ClusterCIDR':
    case 'NodeCIDR':
      return d.cidr;
    case 'None':
      return null;
    default:
      return assertNever(d, 'local detector');
  }
}
