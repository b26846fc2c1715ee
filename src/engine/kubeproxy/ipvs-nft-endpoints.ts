// What the nftables and the IPVS proxier visit on one node: the Service ports and their
// endpoints (read by service-info.ts and endpoints.ts, like iptables mode) in this model's
// order, and the node addresses that accept NodePorts (util/nodeport_addresses.go).
//
// Simplification: only IPv4 is handled (kube-proxy runs one proxier per family; this one is
// the IPv4 proxier, so IPv6 addresses in the input are ignored).
import { cidrContains, ipToInt, parseCidr } from '../lib/ip';
import { endpointInfos, type EndpointInfo } from './endpoints';
import { serviceInfo, type ServiceInfo } from './service-info';
import type { ProxyInput } from './types';

/** The IPv4 proxier's family test (addresses in a ProxyInput are already valid). */
const isV4 = (ip: string): boolean => !ip.includes(':');

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export interface ProxyService {
  readonly svc: ServiceInfo;
  readonly endpoints: readonly EndpointInfo[];
}

/**
 * The Service ports kube-proxy programs (IPv4 ClusterIP, not headless), in the order this
 * model visits them. SIMPLIFICATION: kube-proxy ranges over svcPortMap, a Go map, so the
 * real order is random per sync; we sort by "ns/name:port/PROTO" so the same input always
 * gives the same output. Only the order of lines differs; the set of rules is the same.
 */
export function proxyServices(input: ProxyInput): readonly ProxyService[] {
  const out: { key: string; svc: ServiceInfo; endpoints: readonly EndpointInfo[] }[] = [];
  for (const s of input.services) {
    const svc = serviceInfo(s.port, 4);
    if (svc === null) continue;
    out.push({ key: `${svc.nameString}/${s.port.protocol}`, svc, endpoints: endpointInfos(s.endpoints, input.nodeName, 4) });
  }
  return out.sort((a, b) => byString(a.key, b.key)).map(({ svc, endpoints }) => ({ svc, endpoints }));
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
