// Chain and set names of kube-proxy's nftables mode: hashAndTruncate,
// servicePortChainNameBase and servicePortEndpointChainNameBase from
// pkg/proxy/nftables/proxier.go. The names double as documentation: the hash keeps them
// unique, the readable tail tells a learner which Service and endpoint a chain belongs to.
import { memoized, sha256Base32 } from '../lib/hash';
import { lowerProtocol } from './names';
import type { ProxyEndpoint, ProxyServicePort } from './types';

/** knftables.NameLengthMax (256) minus chainNamePrefixLengthMax (16). */
export const CHAIN_NAME_BASE_LENGTH_MAX = 240;

export const SERVICE_CHAIN_PREFIX = 'service-';
export const LOCAL_CHAIN_PREFIX = 'local-';
export const EXTERNAL_CHAIN_PREFIX = 'external-';
export const ENDPOINT_CHAIN_PREFIX = 'endpoint-';
export const AFFINITY_SET_PREFIX = 'affinity-';
export const FIREWALL_CHAIN_PREFIX = 'firewall-';

/**
 * SHA-256 of the name, standard base32, first 8 characters, "-", then the name; cut to
 * 240 characters ending in "..." when longer. Remembered across nodes, like hash16.
 */
export const hashAndTruncate: (name: string) => string = memoized((name) => {
  const full = `${sha256Base32(name, 5)}-${name}`;
  return full.length > CHAIN_NAME_BASE_LENGTH_MAX ? `${full.slice(0, CHAIN_NAME_BASE_LENGTH_MAX - 3)}...` : full;
});

/** "ns/name/proto/portName" (an unnamed port leaves the last part empty). */
export function servicePortBase(p: ProxyServicePort): string {
  return `${p.namespace}/${p.name}/${lowerProtocol(p.protocol)}/${p.portName}`;
}

/** The service base + "__" + endpoint IP (":" replaced by ".") + "/" + port. */
export function endpointBase(p: ProxyServicePort, ep: Pick<ProxyEndpoint, 'ip' | 'port'>): string {
  return `${servicePortBase(p)}__${ep.ip.replaceAll(':', '.')}/${ep.port}`;
}

export interface ServiceChainNames {
  /** service-…: endpoints for Cluster traffic policy. */
  readonly cluster: string;
  /** local-…: node-local endpoints for Local traffic policy. */
  readonly local: string;
  /** external-…: NodePort, externalIP and LoadBalancer traffic lands here first. */
  readonly external: string;
  /** firewall-…: loadBalancerSourceRanges. */
  readonly firewall: string;
}

export function serviceChainNames(p: ProxyServicePort): ServiceChainNames {
  const base = hashAndTruncate(servicePortBase(p));
  return {
    cluster: SERVICE_CHAIN_PREFIX + base,
    local: LOCAL_CHAIN_PREFIX + base,
    external: EXTERNAL_CHAIN_PREFIX + base,
    firewall: FIREWALL_CHAIN_PREFIX + base,
  };
}

export interface EndpointNames {
  readonly chain: string;
  readonly affinitySet: string;
}

export function endpointNames(p: ProxyServicePort, ep: Pick<ProxyEndpoint, 'ip' | 'port'>): EndpointNames {
  const base = hashAndTruncate(endpointBase(p, ep));
  return { chain: ENDPOINT_CHAIN_PREFIX + base, affinitySet: AFFINITY_SET_PREFIX + base };
}
