// The cloud's load balancer, as podpath models it: the cloud network (the gateway) owns
// each LoadBalancer Service's external address and DNATs connections to it onto the
// Service's NodePort on a healthy node, keeping the client's address (like a pass-through
// network load balancer). Because the nodes' replies go back through the gateway, its
// conntrack undoes that DNAT. Health checks: with externalTrafficPolicy Cluster every
// worker answers kube-proxy's /healthz; with Local only nodes with a ready local endpoint
// answer 200 on the health check node port. Control-plane nodes carry kubeadm's
// node.kubernetes.io/exclude-from-external-load-balancers label and are left out.
// The rules are written in iptables syntax so the same machinery runs and prints them.
import type { Cluster, ClusterNode } from '../cluster/types';
import { hash16 } from '../kubeproxy/names';
import type { ServiceModel } from '../services/types';

export interface LbBackend { readonly node: ClusterNode; readonly healthy: boolean; readonly why: string }

export function lbBackends(cluster: Cluster, svc: ServiceModel): LbBackend[] {
  const eligible = cluster.nodes.filter((n) => n.role === 'worker' || !cluster.nodes.some((m) => m.role === 'worker'));
  const eps = cluster.endpoints.get(svc.key)?.endpoints ?? [];
  return eligible.map((node) => {
    if (svc.externalTrafficPolicy === 'Cluster') return { node, healthy: true, why: 'kube-proxy /healthz on 10256 answers 200' };
    const local = eps.filter((e) => e.nodeName === node.name && e.ready).length;
    return local > 0
      ? { node, healthy: true, why: `health check node port ${svc.healthCheckNodePort} answers 200 ("localEndpoints": ${local})` }
      : { node, healthy: false, why: `health check node port ${svc.healthCheckNodePort} answers 503 (no local endpoint)` };
  });
}

const probability = (n: number) => (1 / n).toFixed(10);

export function cloudLbChain(svc: ServiceModel, portName: string, protocol: string): string {
  return `CLOUD-LB-${hash16(`${svc.key}${portName ? `:${portName}` : ''}${protocol.toLowerCase()}`)}`;
}

/** The gateway's nat rules for every LoadBalancer Service, as iptables-restore input. */
export function cloudLbRestore(cluster: Cluster): string {
  const chains: string[] = [];
  const rules: string[] = [];
  for (const svc of cluster.services) {
    if (svc.type !== 'LoadBalancer' || !svc.loadBalancerIP) continue;
    const healthy = lbBackends(cluster, svc).filter((b) => b.healthy);
    for (const p of svc.ports) {
      const name = `${svc.key}${p.name ? `:${p.name}` : ''}`;
      const chain = cloudLbChain(svc, p.name, p.protocol);
      const proto = p.protocol.toLowerCase();
      chains.push(`:${chain} - [0:0]`);
      const ranges = svc.loadBalancerSourceRanges;
      if (ranges.length > 0) {
        for (const r of ranges) rules.push(`-A PREROUTING -s ${r} -d ${svc.loadBalancerIP}/32 -p ${proto} -m comment --comment "cloud load balancer for ${name}" -m ${proto} --dport ${p.port} -j ${chain}`);
      } else {
        rules.push(`-A PREROUTING -d ${svc.loadBalancerIP}/32 -p ${proto} -m comment --comment "cloud load balancer for ${name}" -m ${proto} --dport ${p.port} -j ${chain}`);
      }
      if (healthy.length === 0) {
        rules.push(`-A ${chain} -m comment --comment "${name} has no healthy node" -j DROP`);
        continue;
      }
      healthy.forEach((b, i) => {
        const stat = i < healthy.length - 1 ? ` -m statistic --mode random --probability ${probability(healthy.length - i)}` : '';
        rules.push(`-A ${chain} -m comment --comment "${name} -> ${b.node.name}"${stat} -j DNAT --to-destination ${b.node.ip}:${p.nodePort}`);
      });
    }
  }
  const filter = cluster.services.filter((s) => s.type === 'LoadBalancer' && s.loadBalancerIP && s.loadBalancerSourceRanges.length > 0)
    .flatMap((s) => s.ports.map((p) => `-A INPUT -d ${s.loadBalancerIP}/32 -p ${p.protocol.toLowerCase()} -m comment --comment "cloud firewall: ${s.key} accepts only its loadBalancerSourceRanges" -m ${p.protocol.toLowerCase()} --dport ${p.port} -j DROP`));
  return ['*nat', ...chains, ...rules, 'COMMIT', '*filter', ...filter, 'COMMIT', ''].join('\n');
}
