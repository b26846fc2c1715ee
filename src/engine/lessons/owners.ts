// Who holds an address, in words a learner reads next to it: "pod default/web", "node
// kind-worker", "Service default/api (ClusterIP)", "cni0 of node kind-worker". The lessons
// label the addresses they offer as answers with it, and fill it into their feedback.
import type { Cluster } from '../cluster/types';
import { cidrContains, ipToInt, isIPv4, nthAddress } from '../lib/ip';

export function addressOwner(cluster: Cluster, ip: string): string | undefined {
  if (!isIPv4(ip)) return undefined;
  if (ip.startsWith('127.')) return 'loopback: the machine itself';
  const pod = cluster.pods.find((p) => p.ip === ip && p.netns.startsWith('pod/'));
  if (pod) return `pod ${pod.key}`;
  const node = cluster.nodes.find((n) => n.ip === ip);
  if (node) return `node ${node.name}`;
  const bridge = cluster.nodes.find((n) => nthAddress(n.podCidr, 1) === ip);
  if (bridge) return `cni0 of node ${bridge.name}`;
  const svc = cluster.services.find((s) => s.clusterIP === ip);
  if (svc) return `Service ${svc.key} (ClusterIP)`;
  const lb = cluster.services.find((s) => s.loadBalancerIP === ip);
  if (lb) return `load balancer of Service ${lb.key}`;
  if (cluster.gateway.ip === ip) return 'the gateway';
  const host = cluster.outside.find((h) => h.ip === ip);
  if (host) return `outside host ${host.name}`;
  const n = ipToInt(ip);
  if (cidrContains(cluster.podSubnet, n)) return 'an address of the pod network';
  if (cidrContains(cluster.serviceSubnet, n)) return 'an address of the Service range';
  if (ip === cluster.scenario.settings.upstreamDNS) return 'the public DNS resolver';
  const owner = cluster.ownerOf(ip);
  if (owner?.netns.startsWith('router/')) return `router ${owner.netns.slice(7)}`;
  if (owner && !owner.netns.startsWith('host/@')) return `host ${owner.netns.slice(5)}`;
  return 'a host on the internet';
}

/** "10.244.1.2 (pod default/web)", or the address alone when nobody is known to hold it. */
export function labelAddress(cluster: Cluster, ip: string): string {
  const who = addressOwner(cluster, ip);
  return who ? `${ip} (${who})` : ip;
}
