// Cilium's load-balancing state as its agent derives it from Services and EndpointSlices
// (pkg/loadbalancer): frontends (address:port/protocol with a service type) numbered by
// service ID in creation order, backends numbered by backend ID in first-seen order. With
// kube-proxy replacement a NodePort gets a surrogate frontend 0.0.0.0:port and one per node
// address; LoadBalancer and external addresses get their own. The datapath picks a backend
// at random (the default `random` algorithm), here from the seeded generator.
import type { Cluster, ClusterNode } from '../../cluster/types';
import type { ServiceModel } from '../../services/types';

export type FrontendType = 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalIPs';

export interface Backend {
  readonly id: number;
  readonly ip: string;
  readonly port: number;
  readonly proto: 'TCP' | 'UDP';
  /** The node the backend runs on, when known. */
  readonly node?: string;
}

export interface Frontend {
  /** Service ID: also the reverse-NAT ID of its entries. */
  readonly id: number;
  readonly ip: string;
  readonly port: number;
  readonly proto: 'TCP' | 'UDP';
  readonly type: FrontendType;
  readonly service: ServiceModel;
  /** externalTrafficPolicy / internalTrafficPolicy Local. */
  readonly local: boolean;
  readonly backends: readonly Backend[];
}

export interface LbState {
  readonly frontends: readonly Frontend[];
  /** Frontends by "ip:port/PROTO" (NodePorts also by "0.0.0.0:port/PROTO"). */
  readonly byKey: ReadonlyMap<string, Frontend>;
}

export const frontendKey = (ip: string, port: number, proto: string) => `${ip}:${port}/${proto.toUpperCase()}`;

/** The frontends of every Service, as a node's agent sees them (NodePort frontends carry that node's address). */
export function lbState(cluster: Cluster, node: ClusterNode): LbState {
  const frontends: Frontend[] = [];
  const backendIds = new Map<string, number>();
  const backendId = (k: string) => {
    let id = backendIds.get(k);
    if (id === undefined) { id = backendIds.size + 1; backendIds.set(k, id); }
    return id;
  };
  for (const svc of cluster.services) {
    if (svc.type === 'ExternalName' || !svc.clusterIP) continue;
    const eps = (cluster.endpoints.get(svc.key)?.endpoints ?? []).filter((e) => e.ready);
    for (const p of svc.ports) {
      if (p.protocol === 'SCTP') continue;
      const proto = p.protocol;
      const all = eps.flatMap((e): Backend[] => {
        const port = e.ports.get(p.name);
        return port === undefined ? [] : [{ id: backendId(`${e.ip}:${port}/${proto}`), ip: e.ip, port, proto, ...(e.nodeName ? { node: e.nodeName } : {}) }];
      });
      const add = (ip: string, port: number, type: FrontendType, local: boolean) => {
        const backends = local ? all.filter((b) => b.node === node.name) : all;
        frontends.push({ id: frontends.length + 1, ip, port, proto, type, service: svc, local, backends });
      };
      add(svc.clusterIP, p.port, 'ClusterIP', svc.internalTrafficPolicy === 'Local');
      const extLocal = svc.externalTrafficPolicy === 'Local';
      if (p.nodePort) {
        add('0.0.0.0', p.nodePort, 'NodePort', extLocal);
        add(node.ip, p.nodePort, 'NodePort', extLocal);
      }
      if (svc.loadBalancerIP) add(svc.loadBalancerIP, p.port, 'LoadBalancer', extLocal);
      for (const ip of svc.externalIPs) add(ip, p.port, 'ExternalIPs', extLocal);
    }
  }
  return { frontends, byKey: new Map(frontends.map((f) => [frontendKey(f.ip, f.port, f.proto), f])) };
}

/** The frontend a packet is addressed to (a NodePort through the node's surrogate 0.0.0.0 entry too). */
export function findFrontend(lb: LbState, dst: string, dport: number, proto: string, nodeAddress: (ip: string) => boolean): Frontend | undefined {
  const exact = lb.byKey.get(frontendKey(dst, dport, proto));
  if (exact) return exact;
  const np = lb.byKey.get(frontendKey('0.0.0.0', dport, proto));
  return np && nodeAddress(dst) ? np : undefined;
}

/** The service flags `cilium-dbg bpf lb list` prints in brackets (loadbalancer.ServiceFlags.String). */
export function flagsText(f: Frontend): string {
  const parts: string[] = [f.type];
  if (f.local) parts.push(f.type === 'ClusterIP' ? 'InternalLocal' : 'Local');
  if (f.service.affinitySeconds > 0) parts.push('sessionAffinity');
  // A ClusterIP is only reachable inside the cluster (bpf-lb-external-clusterip off).
  if (f.type === 'ClusterIP') parts.push('non-routable');
  return parts.join(', ');
}
