// What kube-proxy on one node is told: every Service port with a ClusterIP and its
// endpoints (of the Services its informers select), and kind's kube-proxy configuration
// (local traffic detected by the cluster CIDR, masquerade bit 14, NodePorts on all local
// addresses, --random-fully available).
import type { ClusterNode } from '../cluster/types';
import type { ProxyEndpoint, ProxyInput, ProxyServiceEntry } from '../kubeproxy/types';
import type { ServiceEndpoints, ServiceModel } from './types';

/**
 * kube-proxy's Service and EndpointSlice informers select only objects without these labels
 * (cmd/kube-proxy/app/server.go): service-proxy-name hands a Service to another proxy,
 * headless marks the endpoints of headless Services.
 */
export const PROXY_IGNORED_LABELS = ['service.kubernetes.io/service-proxy-name', 'service.kubernetes.io/headless'] as const;

export function proxiedByKubeProxy(svc: ServiceModel): boolean {
  return PROXY_IGNORED_LABELS.every((l) => !(l in svc.labels));
}

export function serviceEntries(services: readonly ServiceModel[], endpoints: ReadonlyMap<string, ServiceEndpoints>): ProxyServiceEntry[] {
  const out: ProxyServiceEntry[] = [];
  for (const svc of services) {
    if (svc.clusterIP === null || svc.type === 'ExternalName' || !proxiedByKubeProxy(svc)) continue;
    const eps = endpoints.get(svc.key)?.endpoints ?? [];
    for (const p of svc.ports) {
      const list: ProxyEndpoint[] = [];
      for (const e of eps) {
        const port = e.ports.get(p.name);
        if (port === undefined) continue;
        list.push({ ip: e.ip, port, nodeName: e.nodeName, ready: e.ready, serving: e.serving, terminating: e.terminating });
      }
      out.push({
        port: {
          namespace: svc.namespace, name: svc.name, portName: p.name, protocol: p.protocol,
          type: svc.type, clusterIP: svc.clusterIP, port: p.port, nodePort: p.nodePort,
          externalIPs: svc.externalIPs, loadBalancerIPs: svc.loadBalancerIP ? [svc.loadBalancerIP] : [],
          loadBalancerSourceRanges: svc.loadBalancerSourceRanges, externalTrafficPolicy: svc.externalTrafficPolicy,
          internalTrafficPolicy: svc.internalTrafficPolicy, healthCheckNodePort: svc.healthCheckNodePort,
          stickyMaxAgeSeconds: svc.affinitySeconds,
        },
        endpoints: list,
      });
    }
  }
  return out;
}

export function proxyInputFor(node: ClusterNode, podSubnet: string, serviceSubnet: string, entries: readonly ProxyServiceEntry[], ipvsScheduler = 'rr'): ProxyInput {
  return {
    nodeName: node.name,
    nodeIPs: [node.ip],
    localDetector: { mode: 'ClusterCIDR', cidr: podSubnet },
    masqueradeAll: false,
    masqueradeBit: 14,
    localhostNodePorts: true,
    nodePortAddresses: [],
    nfacct: true,
    randomFully: true,
    conntrackTcpBeLiberal: false,
    ipvsScheduler,
    serviceCIDRs: [serviceSubnet],
    services: entries,
  };
}
