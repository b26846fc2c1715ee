// Chain and set names of kube-proxy's nftables mode: hashAndTruncate,
// servicePortChainNameBase and servicePortEndpointChainNameBase from
// pkg/proxy/nftables/proxier.go. The names double as documentation: the hash keeps them
// unique, the readable tail tells a learner which Service and endpoint a chain belongs to.
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { base32 } from '@scure/base';
import { protocolLower } from './ipvs-nft-endpoints';
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
 * 240 characters ending in "..." when longer. 8 base32 characters are exactly 40 bits,
 * so encoding the first 5 bytes of the digest gives the same 8 characters as encoding
 * all 32 and slicing.
 */
export function hashAndTruncate(name: string): string {
  let out = memo.get(name);
  if (out === undefined) {
    const full = `${base32.encode(sha256(asciiBytes(name)).subarray(0, 5))}-${name}`;
    out = full.length > CHAIN_NAME_BASE_LENGTH_MAX ? `${full.slice(0, CHAIN_NAME_BASE_LENGTH_MAX - 3)}...` : full;
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(name, out);
  }
  return out;
}

// Every node of a cluster names the same Services and endpoints, so names are remembered
// (a pure function's cache: it changes no result, only how fast the next node compiles).
const memo = new Map<string, string>();
const MEMO_LIMIT = 500_000;

/** UTF-8 bytes without TextEncoder's cost for the ASCII names Kubernetes allows. */
function asciiBytes(input: string): Uint8Array {
  const out = new Uint8Array(input.length);
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    if (c > 0x7f) return utf8ToBytes(input);
    out[i] = c;
  }
  return out;
}

/** "ns/name/proto/portName" (an unnamed port leaves the last part empty). */
export function servicePortBase(p: ProxyServicePort): string {
  return `${p.namespace}/${p.name}/${protocolLower(p)}/${p.portName}`;
}

/** The service base + "__" + endpoint IP (":" replaced by ".") + "/" + port. */
export function endpointBase(p: ProxyServicePort, ep: ProxyEndpoint): string {
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

export function endpointNames(p: ProxyServicePort, ep: ProxyEndpoint): EndpointNames {
  const base = hashAndTruncate(endpointBase(p, ep));
  return { chain: ENDPOINT_CHAIN_PREFIX + base, affinitySet: AFFINITY_SET_PREFIX + base };
}
