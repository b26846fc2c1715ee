// The namespaces a learner can open in the tables panel (nodes, pods, the routers, outside
// hosts), named as the graph names them. A hop names its own namespace (hop.nsId).
import type { Topology } from '../engine';

export interface NamespaceChoice {
  /** The engine's namespace id: "node/kind-worker", "pod/default/web", "router/gateway". */
  readonly id: string;
  /** As the graph names the machine: "node kind-worker", "pod default/web", "gateway". */
  readonly name: string;
  readonly group: 'Nodes' | 'Pods' | 'Outside the cluster';
}

const GROUP = { node: 'Nodes', pod: 'Pods' } as const;

/** Every namespace with tables, nodes first, then pods, then the routers and outside hosts. */
export function namespacesOf(topo: Topology): NamespaceChoice[] {
  const out: NamespaceChoice[] = [];
  const order = ['node', 'pod', 'outside the cluster'] as const;
  for (const want of order) {
    for (const e of topo.elements) {
      if (!e.netns) continue;
      const group = e.kind === 'node' || e.kind === 'pod' ? e.kind : 'outside the cluster';
      if (group === want) out.push({ id: e.netns, name: e.name, group: group === 'outside the cluster' ? 'Outside the cluster' : GROUP[group] });
    }
  }
  return out;
}
