// Which endpoints kube-proxy uses for one Service port on this node: the EndpointSliceCache's
// list (this family only, one entry per "IP:port", sorted by that string as byEndpoint does)
// and proxy.CategorizeEndpoints (pkg/proxy/topology.go): Ready endpoints, falling back to
// Serving+Terminating ones separately for Cluster and Local policy when none is ready.
// Topology hints are not modelled (every Service behaves as if it had none).
import { familyOf, type IpFamily } from '../netfilter/addr';
import { endpointChainName, joinHostPort } from './names';
import type { ServiceInfo } from './service-info';
import type { ProxyEndpoint } from './types';

export interface EndpointInfo {
  readonly ip: string;
  readonly port: number;
  /** "IP:port" (BaseEndpointInfo.String()). */
  readonly str: string;
  readonly isLocal: boolean;
  readonly ready: boolean;
  readonly serving: boolean;
  readonly terminating: boolean;
  /** KUBE-SEP-… */
  readonly chain: string;
}

export function endpointInfos(svc: ServiceInfo, endpoints: readonly ProxyEndpoint[], nodeName: string, family: IpFamily): EndpointInfo[] {
  const seen = new Map<string, EndpointInfo>();
  for (const ep of endpoints) {
    if (familyOf(ep.ip) !== family) continue;
    const str = joinHostPort(ep.ip, ep.port);
    if (seen.has(str)) continue;
    seen.set(str, {
      ip: ep.ip,
      port: ep.port,
      str,
      isLocal: ep.nodeName !== undefined && ep.nodeName === nodeName,
      ready: ep.ready,
      serving: ep.serving,
      terminating: ep.terminating,
      chain: endpointChainName(svc.nameString, svc.protocol, str),
    });
  }
  return [...seen.values()].sort((a, b) => (a.str < b.str ? -1 : a.str > b.str ? 1 : 0));
}

export interface CategorizedEndpoints {
  /** null when the Service never uses Cluster policy. */
  readonly cluster: readonly EndpointInfo[] | null;
  /** null when the Service never uses Local policy. */
  readonly local: readonly EndpointInfo[] | null;
  /** Every endpoint this node may send to (one KUBE-SEP chain each). */
  readonly allReachable: readonly EndpointInfo[];
  /** Some usable endpoint exists somewhere in the cluster. */
  readonly hasAny: boolean;
}

export function categorizeEndpoints(eps: readonly EndpointInfo[], svc: ServiceInfo): CategorizedEndpoints {
  let cluster: EndpointInfo[] | null = null;
  let hasAny = false;
  if (svc.usesClusterEndpoints) {
    cluster = eps.filter((ep) => ep.ready);
    if (cluster.length === 0) cluster = eps.filter((ep) => ep.serving && ep.terminating);
    if (cluster.length > 0) hasAny = true;
  }
  if (!svc.usesLocalEndpoints) return { cluster, local: null, allReachable: cluster ?? [], hasAny };

  let hasLocalReady = false;
  let hasLocalServingTerminating = false;
  for (const ep of eps) {
    if (ep.ready) {
      hasAny = true;
      if (ep.isLocal) hasLocalReady = true;
    } else if (ep.serving && ep.terminating) {
      hasAny = true;
      if (ep.isLocal) hasLocalServingTerminating = true;
    }
  }
  let local: EndpointInfo[] = [];
  let useServingTerminating = false;
  if (hasLocalReady) local = eps.filter((ep) => ep.isLocal && ep.ready);
  else if (hasLocalServingTerminating) {
    useServingTerminating = true;
    local = eps.filter((ep) => ep.isLocal && ep.serving && ep.terminating);
  }
  if (!svc.usesClusterEndpoints || cluster === null) return { cluster, local, allReachable: local, hasAny };
  if (!useServingTerminating) return { cluster, local, allReachable: cluster, hasAny };
  // kube-proxy merges the two lists through a Go map (random order); we keep "IP:port" order.
  const merged = new Map<string, EndpointInfo>();
  for (const ep of [...cluster, ...local]) merged.set(ep.str, ep);
  const allReachable = [...merged.values()].sort((a, b) => (a.str < b.str ? -1 : a.str > b.str ? 1 : 0));
  return { cluster, local, allReachable, hasAny };
}
