// How kube-proxy reads one Service port before writing rules for it (pkg/proxy/serviceport.go
// newBaseServiceInfo, pkg/api/v1/service/util.go): addresses filtered to the proxier's IP
// family and printed as Go's net.IP.String() does, source ranges trimmed of the whitespace the
// API lets through, traffic policies and the health check node port decided.
import { familyOf, formatIpNet, formatIpWords, parseIpNet, parseIpWords, type IpFamily } from '../netfilter/addr';
import { lowerProtocol, serviceChainNames, servicePortNameString, type ServiceChainNames } from './names';
import type { ProxyServicePort } from './types';

export interface ServiceInfo {
  readonly port: ProxyServicePort;
  /** `ns/name:port` (ServicePortName.String()). */
  readonly nameString: string;
  readonly protocol: 'tcp' | 'udp' | 'sctp';
  readonly chains: ServiceChainNames;
  readonly clusterIP: string;
  readonly externalIPs: readonly string[];
  readonly loadBalancerVIPs: readonly string[];
  readonly loadBalancerSourceRanges: readonly string[];
  readonly externalPolicyLocal: boolean;
  readonly internalPolicyLocal: boolean;
  /** Only for LoadBalancer Services with externalTrafficPolicy=Local (NeedsHealthCheck). */
  readonly healthCheckNodePort: number;
  /** ClientIP session affinity timeout; 0 for none. */
  readonly stickySeconds: number;
  readonly externallyAccessible: boolean;
  readonly usesClusterEndpoints: boolean;
  readonly usesLocalEndpoints: boolean;
}

function canonicalIp(ip: string): string {
  const words = parseIpWords(ip);
  return words === null ? ip : formatIpWords(words);
}

function ofFamily(ips: readonly string[], family: IpFamily): string[] {
  return ips.filter((ip) => parseIpWords(ip) !== null && familyOf(ip) === family).map(canonicalIp);
}

/** null when kube-proxy skips the port on this family (headless, or a ClusterIP of the other family). */
export function serviceInfo(port: ProxyServicePort, family: IpFamily): ServiceInfo | null {
  if (port.clusterIP === null || parseIpWords(port.clusterIP) === null || familyOf(port.clusterIP) !== family) return null;
  const nameString = servicePortNameString(port);
  const protocol = lowerProtocol(port.protocol);
  const externalIPs = ofFamily(port.externalIPs, family);
  const loadBalancerVIPs = ofFamily(port.loadBalancerIPs, family);
  const loadBalancerSourceRanges = port.loadBalancerSourceRanges
    .map((r) => r.trim())
    .filter((r) => familyOf(r) === family)
    .flatMap((r) => {
      try {
        return [formatIpNet(parseIpNet(r))];
      } catch {
        return [];
      }
    });
  // apiservice.ExternallyAccessible / ExternalPolicyLocal / NeedsHealthCheck (Service level).
  const serviceExternallyAccessible =
    port.type === 'LoadBalancer' || port.type === 'NodePort' || (port.type === 'ClusterIP' && port.externalIPs.length > 0);
  const externalPolicyLocal = serviceExternallyAccessible && port.externalTrafficPolicy === 'Local';
  const internalPolicyLocal = port.internalTrafficPolicy === 'Local';
  const healthCheckNodePort = port.type === 'LoadBalancer' && externalPolicyLocal ? port.healthCheckNodePort : 0;
  // BaseServicePortInfo.ExternallyAccessible / UsesClusterEndpoints / UsesLocalEndpoints (port level).
  const externallyAccessible = port.nodePort !== 0 || loadBalancerVIPs.length > 0 || externalIPs.length > 0;
  return {
    port,
    nameString,
    protocol,
    chains: serviceChainNames(nameString, protocol),
    clusterIP: canonicalIp(port.clusterIP),
    externalIPs,
    loadBalancerVIPs,
    loadBalancerSourceRanges,
    externalPolicyLocal,
    internalPolicyLocal,
    healthCheckNodePort,
    stickySeconds: port.stickyMaxAgeSeconds,
    externallyAccessible,
    usesClusterEndpoints: !internalPolicyLocal || externallyAccessible,
    usesLocalEndpoints: internalPolicyLocal || (externalPolicyLocal && externallyAccessible),
  };
}
