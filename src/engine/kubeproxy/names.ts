// kube-proxy's per-service and per-endpoint chain names (pkg/proxy/iptables/proxier.go,
// portProtoHash and servicePortEndpointChainName): SHA-256 of the UTF-8 string, standard
// base32 (RFC 4648), the first 16 characters, after a prefix. The first 10 bytes of the hash
// encode to exactly those 16 characters, so only they are encoded.
import { memoized, sha256Base32 } from '../lib/hash';
import type { L4Protocol, ProxyServicePort } from './types';

/** The first 16 base32 characters of SHA-256(input), remembered across nodes. */
export const hash16: (input: string) => string = memoized((input) => sha256Base32(input, 10));

/** ServicePortName.String(): `ns/name:port`, or `ns/name` for an unnamed port. */
export function servicePortNameString(p: Pick<ProxyServicePort, 'namespace' | 'name' | 'portName'>): string {
  return p.portName === '' ? `${p.namespace}/${p.name}` : `${p.namespace}/${p.name}:${p.portName}`;
}

export function lowerProtocol(p: L4Protocol): 'tcp' | 'udp' | 'sctp' {
  return p === 'TCP' ? 'tcp' : p === 'UDP' ? 'udp' : 'sctp';
}

/** net.JoinHostPort(ip, port): IPv6 addresses in brackets. */
export function joinHostPort(ip: string, port: number): string {
  return ip.indexOf(':') >= 0 ? `[${ip}]:${port}` : `${ip}:${port}`;
}

export interface ServiceChainNames {
  /** KUBE-SVC-…: the Cluster-policy endpoints. */
  readonly cluster: string;
  /** KUBE-SVL-…: the Local-policy endpoints. */
  readonly local: string;
  /** KUBE-FW-…: loadBalancerSourceRanges. */
  readonly firewall: string;
  /** KUBE-EXT-…: NodePort, externalIP and LoadBalancer destinations. */
  readonly external: string;
}

export function serviceChainNames(svcPortName: string, protocol: string): ServiceChainNames {
  const h = hash16(svcPortName + protocol);
  return { cluster: `KUBE-SVC-${h}`, local: `KUBE-SVL-${h}`, firewall: `KUBE-FW-${h}`, external: `KUBE-EXT-${h}` };
}

/** KUBE-SEP-…: one endpoint (`endpoint` is the "IP:port" string). */
export function endpointChainName(svcPortName: string, protocol: string, endpoint: string): string {
  return `KUBE-SEP-${hash16(svcPortName + protocol + endpoint)}`;
}
