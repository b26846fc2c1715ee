// Finding things in a cluster by what a learner knows: a pod's name (or NAMESPACE/NAME), a
// Service's, a node's or an outside host's, or any of their addresses (a pod IP, a
// ClusterIP, an external or load-balancer IP, a node IP). Answers with the graph element to
// fly to and the node a pod runs on, so a view can open that node first.
import type { Cluster } from '../cluster/types';
import { nodeNetnsId } from '../cluster/netns';
import { loadBalancerId, machineId, serviceId } from './ids';

export interface SearchHit {
  /** The graph element: "pod:default/web", "svc:default/api", "node:kind-worker" ... */
  readonly id: string;
  readonly kind: 'pod' | 'service' | 'loadbalancer' | 'node' | 'outside';
  /** Its accessible name, as the graph names it. */
  readonly name: string;
  /** What matched: the name or the address. */
  readonly matched: string;
  /** For a pod: the node it runs on. */
  readonly node?: string;
}

export interface SearchResult {
  readonly hits: readonly SearchHit[];
  /** Every match, of which `hits` are the best. */
  readonly total: number;
}

/** 0 exact, 1 prefix, 2 anywhere (names only), -1 no match. */
function rank(text: string, q: string, anywhere: boolean): number {
  const t = text.toLowerCase();
  if (t === q) return 0;
  if (t.startsWith(q)) return 1;
  // "web" finds "default/web": a name after its namespace counts as a prefix.
  if (t.includes(`/${q}`)) return 1;
  return anywhere && t.includes(q) ? 2 : -1;
}

export function searchCluster(cluster: Cluster, query: string, limit = 12): SearchResult {
  const q = query.trim().toLowerCase();
  if (q === '') return { hits: [], total: 0 };
  const byRank: SearchHit[][] = [[], [], []];
  const offer = (hit: Omit<SearchHit, 'matched'>, texts: readonly (string | undefined)[], anywhere: readonly boolean[]) => {
    let best = -1;
    let matched = '';
    texts.forEach((t, i) => {
      if (!t) return;
      const r = rank(t, q, anywhere[i] ?? false);
      if (r >= 0 && (best < 0 || r < best)) { best = r; matched = t; }
    });
    if (best >= 0) byRank[best]!.push({ ...hit, matched });
  };
  for (const n of cluster.nodes) offer({ id: machineId(nodeNetnsId(n.name)), kind: 'node', name: `node ${n.name}` }, [n.name, n.ip], [true, false]);
  for (const s of cluster.services) {
    if (s.type === 'ExternalName') continue;
    offer({ id: serviceId(s.key), kind: 'service', name: `service ${s.key}` }, [s.key, s.clusterIP ?? undefined, ...s.externalIPs], [true]);
    if (s.loadBalancerIP) offer({ id: loadBalancerId(s.key), kind: 'loadbalancer', name: `load balancer of service ${s.key}` }, [s.loadBalancerIP], [false]);
  }
  for (const p of cluster.pods) {
    // A host-network pod has no element of its own: it is found as its node.
    const id = p.slot >= 0 ? machineId(p.netns) : machineId(nodeNetnsId(p.node));
    offer({ id, kind: p.slot >= 0 ? 'pod' : 'node', name: p.slot >= 0 ? `pod ${p.key}` : `node ${p.node}`, node: p.node }, [p.key, p.slot >= 0 ? p.ip : undefined], [true, false]);
  }
  for (const h of cluster.outside) offer({ id: machineId(h.netns), kind: 'outside', name: `outside host ${h.name}` }, [h.name, h.ip], [true, false]);
  const all = byRank.flat();
  return { hits: all.slice(0, limit), total: all.length };
}
