// The Services part of a topology: each Service (ExternalName ones have no address and are
// left out), its links to its endpoints (pods, or nodes for host-network pods and the API
// server), and the cloud's load balancer in front of a LoadBalancer Service.
import type { Cluster } from '../cluster/types';
import { nodeNetnsId } from '../cluster/netns';
import { loadBalancerId, machineId, serviceId } from './ids';
import type { TopologyBuilder } from './topology';

/**
 * Adds the Services and the endpoint links `keep` accepts: it is told the node the target
 * sits in when the target is a pod (undefined when the endpoint is a node itself).
 */
export function servicesPart(cluster: Cluster, out: TopologyBuilder, keep: (podNode: string | undefined, toPod: boolean) => boolean): void {
  const { elements, links } = out;
  for (const svc of cluster.services) {
    if (svc.type === 'ExternalName') continue;
    const id = serviceId(svc.key);
    const ports = svc.ports.map((p) => `${p.name ? `${p.name} ` : ''}${p.port}/${p.protocol} → ${p.targetPort}${p.nodePort ? ` (node port ${p.nodePort})` : ''}`);
    const addresses = [...(svc.clusterIP ? [svc.clusterIP] : []), ...svc.externalIPs];
    elements.push({
      id, kind: 'service', label: svc.name, name: `service ${svc.key}`, sendRef: `svc:${svc.key}`, serviceType: svc.type, builtIn: svc.builtIn,
      details: [`${svc.type}${svc.clusterIP ? ` ${svc.clusterIP}` : ' (headless)'}`, ...ports, ...(svc.externalTrafficPolicy === 'Local' ? ['externalTrafficPolicy: Local'] : [])],
      addresses, ports: svc.ports.map((p) => ({ port: p.port, protocol: p.protocol, name: p.name, targetPort: p.targetPort, nodePort: p.nodePort })),
    });
    for (const e of cluster.endpoints.get(svc.key)?.endpoints ?? []) {
      const pod = e.podKey ? cluster.pod(e.podKey) : undefined;
      // A pod (host-network pods sit in their node), or a node itself (the API server's endpoints).
      const nodeName = pod ? (pod.slot >= 0 ? undefined : pod.node) : cluster.nodes.find((n) => n.ip === e.ip)?.name;
      const target = pod && pod.slot >= 0 ? machineId(pod.netns) : nodeName !== undefined ? machineId(nodeNetnsId(nodeName)) : undefined;
      const toPod = pod !== undefined && pod.slot >= 0;
      if (target && keep(toPod ? pod.node : undefined, toPod)) links.push({ id: `endpoint:${svc.key}:${e.ip}`, kind: 'endpoint', source: id, target });
    }
    if (svc.loadBalancerIP) {
      const lb = loadBalancerId(svc.key);
      elements.push({
        id: lb, kind: 'loadbalancer', label: `${svc.name} LB`, name: `load balancer of service ${svc.key}`, sendRef: `lb:${svc.key}`,
        details: [svc.loadBalancerIP, ...svc.ports.map((p) => `${p.port}/${p.protocol} → node port ${p.nodePort}`)],
        addresses: [svc.loadBalancerIP], ports: svc.ports.map((p) => ({ port: p.port, protocol: p.protocol })),
      });
      links.push({ id: `lb:${svc.key}`, kind: 'lb', source: lb, target: id });
    }
  }
}
