// How kube-proxy reads one Service port before any of its proxiers writes rules for it
// (pkg/proxy/serviceport.go newBaseServiceInfo and BaseServicePortInfo, pkg/api/v1/service/
// util.go): addresses filtered to the proxier's IP family and printed as Go's net.IP.String()
// does, source ranges trimmed and parsed as MapCIDRsByIPFamily does, the traffic policies, the
// health check node port, and the predicates CategorizeEndpoints asks. Every mode uses it.
import { familyOf, formatIpNet, formatIpWords, parseIpNet, parseIpWords, type IpFamily } from '../netfilter/addr';
import { lowerProtocol, servicePortNameString } from './names';
import type { ProxyServicePort } from './types';

/** One Service port as the proxier reads it (BaseServicePortInfo), computed once. */
export interface ServiceInfo {
  readonly port: ProxyServicePort;
  /** `ns/name:port` (ServicePortName.String()). */
  readonly nameString: string;
  readonly protocol: 'tcp' | 'udp' | 'sctp';
  readonly clusterIP: string;
  readonly externalIPs: readonly string[];
  /** status.loadBalancer.ingress IPs of this family (LoadBalancerVIPs()). */
  readonly loadBalancerVIPs: readonly string[];
  /** The ranges of this family as net.IPNet.String() prints them; unparseable ones dropped. */
  readonly loadBalancerSourceRanges: readonly string[];
  /** apiservice.ExternalPolicyLocal: LoadBalancer, NodePort, or ClusterIP with externalIPs, and ETP=Local. */
  readonly externalPolicyLocal: boolean;
  readonly internalPolicyLocal: boolean;
  /** Only for LoadBalancer Services with externalTrafficPolicy=Local (NeedsHealthCheck). */
  readonly healthCheckNodePort: number;
  /** ClientIP session affinity timeout; 0 for none. */
  readonly stickySeconds: number;
  /** A node port, a load balancer IP or an external IP of this family. */
  readonly externallyAccessible: boolean;
  /** ITP=Cluster, or any external destination (the ETP=Local short-circuit needs cluster endpoints). */
  readonly usesClusterEndpoints: boolean;
  readonly usesLocalEndpoints: boolean;
}

function canonicalIp(ip: string): string {
  const words = parseIpWords(ip);
  return words === null ? ip : formatIpWords(words);
}

/** MapIPsByIPFamily: the valid addresses of this family (ParseIPSloppy reads leading zeros as decimal). */
function ofFamily(ips: readonly string[], family: IpFamily): string[] {
  return ips.filter((ip) => parseIpWords(ip) !== null && familyOf(ip) === family).map(canonicalIp);
}

/**
 * MapCIDRsByIPFamily: each range trimmed (the API lets padding through) and parsed as
 * ParseCIDRSloppy does, "address/prefix-length" only (no bare address, no dotted mask), then
 * printed with its host bits cleared. kube-proxy logs and ignores a range it cannot parse.
 */
function sourceRanges(ranges: readonly string[], family: IpFamily): string[] {
  const out: string[] = [];
  for (const raw of ranges) {
    const text = raw.trim();
    const slash = text.indexOf('/');
    if (slash < 0 || !/^\d+$/.test(text.slice(slash + 1))) continue;
    try {
      const net = parseIpNet(text);
      if (net.family === family) out.push(formatIpNet(net));
    } catch {
      // not a CIDR
    }
  }
  return out;
}

/** null when kube-proxy skips the port on this family (headless, or a ClusterIP of the other family). */
export function serviceInfo(port: ProxyServicePort, family: IpFamily): ServiceInfo | null {
  if (port.clusterIP === null || parseIpWords(port.clusterIP) === null || familyOf(port.clusterIP) !== family) return null;
  const externalIPs = ofFamily(port.externalIPs, family);
  const loadBalancerVIPs = ofFamily(port.loadBalancerIPs, family);
  // apiservice.ExternallyAccessible / ExternalPolicyLocal / NeedsHealthCheck (Service level).
  const serviceExternallyAccessible =
    port.type === 'LoadBalancer' || port.type === 'NodePort' || (port.type === 'ClusterIP' && port.externalIPs.length > 0);
  const externalPolicyLocal = serviceExternallyAccessible && port.externalTrafficPolicy === 'Local';
  const internalPolicyLocal = port.internalTrafficPolicy === 'Local';
  // BaseServicePortInfo.ExternallyAccessible / UsesClusterEndpoints / UsesLocalEndpoints (port level).
  const externallyAccessible = port.nodePort !== 0 || loadBalancerVIPs.length > 0 || externalIPs.length > 0;
  return {
    port,
    nameString: servicePortNameString(port),
    protocol: lowerProtocol(port.protocol),
    clusterIP: canonicalIp(port.clusterIP),
    externalIPs,
    loadBalancerVIPs,
    loadBalancerSourceRanges: port.loadBalancerSourceRanges.length === 0 ? [] : sourceRanges(port.loadBalancerSourceRanges, family),
    externalPolicyLocal,
    internalPolicyLocal,
    healthCheckNodePort: port.type === 'LoadBalancer' && externalPolicyLocal ? port.healthCheckNodePort : 0,
    stickySeconds: port.stickyMaxAgeSeconds,
    externallyAccessible,
    usesClusterEndpoints: !internalPolicyLocal || externallyAccessible,
    usesLocalEndpoints: internalPolicyLocal || (externalPolicyLocal && externallyAccessible),
  };
}
