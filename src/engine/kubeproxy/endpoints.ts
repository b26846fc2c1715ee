// Which endpoints kube-proxy uses for one Service port on this node, in every mode: the
// EndpointSliceCache's list (this family only, one entry per "IP:port", sorted by that string
// as byEndpoint does) and proxy.CategorizeEndpoints (pkg/proxy/topology.go): Ready endpoints,
// falling back to Serving+Terminating ones separately for Cluster and Local policy when none
// is ready. Topology hints are not modelled (every Service behaves as if it had none).
import { familyOf, type IpFamily } from '../netfilter/addr';
import { joinHostPort } from './names';
import type { ServiceInfo } from './service-info';
import type { ProxyEndpoint } from './types';

/** One endpoint as the proxier reads it (BaseEndpointInfo). */
export interface EndpointInfo {
  readonly ip: string;
  readonly port: number;
  /** "IP:port" (BaseEndpointInfo.String()). */
  readonly str: string;
  readonly isLocal: boolean;
  readonly ready: boolean;
  readonly serving: boolean;
  readonly terminating: boolean;
}

const byStr = (a: EndpointInfo, b: EndpointInfo): number => (a.str < b.str ? -1 : a.str > b.str ? 1 : 0);

/** The endpoints of one Service port as EndpointsMap holds them for this family. */
export function endpointInfos(endpoints: readonly ProxyEndpoint[], nodeName: string, family: IpFamily): EndpointInfo[] {
  const seen = new Map<string, EndpointInfo>();
  let sorted = true;
  let last = '';
  for (const ep of endpoints) {
    if (familyOf(ep.ip) !== family) continue;
    const str = joinHostPort(ep.ip, ep.port);
    if (seen.has(str)) continue;
    if (str < last) sorted = false;
    last = str;
    seen.set(str, {
      ip: ep.ip,
      port: ep.port,
      str,
      isLocal: ep.nodeName !== undefined && ep.nodeName === nodeName,
      ready: ep.ready,
      serving: ep.serving,
      terminating: ep.terminating,
    });
  }
  const list = [...seen.values()];
  return sorted ? list : list.sort(byStr);
}

export interface CategorizedEndpoints<E extends EndpointInfo> {
  /** Usable for Cluster policy; empty when the Service never uses Cluster policy. */
  readonly cluster: readonly E[];
  /** Usable for Local policy; empty when the Service never uses Local policy. */
  readonly local: readonly E[];
  /** Every endpoint this node may send to (one endpoint chain each). */
  readonly allReachable: readonly E[];
  /** Some usable endpoint exists somewhere in the cluster. */
  readonly hasAny: boolean;
}

type Policies = Pick<ServiceInfo, 'usesClusterEndpoints' | 'usesLocalEndpoints'>;

/** proxy.CategorizeEndpoints without topology hints. */
export function categorizeEndpoints<E extends EndpointInfo>(eps: readonly E[], svc: Policies): CategorizedEndpoints<E> {
  let cluster: readonly E[] = [];
  let hasAny = false;
  if (svc.usesClusterEndpoints) {
    cluster = eps.filter((ep) => ep.ready);
    if (cluster.length === 0) cluster = eps.filter((ep) => ep.serving && ep.terminating);
    if (cluster.length > 0) hasAny = true;
  }
  if (!svc.usesLocalEndpoints) return { cluster, local: [], allReachable: cluster, hasAny };

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
  let local: readonly E[] = [];
  let useServingTerminating = false;
  if (hasLocalReady) local = eps.filter((ep) => ep.isLocal && ep.ready);
  else if (hasLocalServingTerminating) {
    useServingTerminating = true;
    local = eps.filter((ep) => ep.isLocal && ep.serving && ep.terminating);
  }
  if (!svc.usesClusterEndpoints) return { cluster, local, allReachable: local, hasAny };
  // Only Ready local endpoints: they are already among the cluster ones.
  if (!useServingTerminating) return { cluster, local, allReachable: cluster, hasAny };
  // kube-proxy merges the two lists through a Go map (random order); we keep "IP:port" order.
  const merged = new Map<string, E>();
  for (const ep of [...cluster, ...local]) merged.set(ep.str, ep);
  return { cluster, local, allReachable: [...merged.values()].sort(byStr), hasAny };
}
