// Which network namespace a hop happened in, and the namespaces a learner can open in the
// tables panel (nodes, the gateway, pods, outside hosts), named as the graph names them.
import { GATEWAY_NETNS, nodeNetnsId, outsideNetnsId, podNetnsId, type Hop, type Topology } from '../engine';

export interface NamespaceChoice {
  /** The engine's namespace id: "node/kind-worker", "pod/default/web", "router/gateway". */
  readonly id: string;
  /** As the graph names the machine: "node kind-worker", "pod default/web", "gateway". */
  readonly name: string;
  readonly group: 'Nodes' | 'Pods' | 'Outside the cluster';
}

/** The names of the cluster's nodes, which tell a node's hop from an outside host's. */
export function nodeNamesOf(topo: Topology): ReadonlySet<string> {
  return new Set(topo.elements.filter((e) => e.kind === 'node').map((e) => e.label));
}

/** The namespace a hop happened in: a pod's own, or the root namespace of its machine. */
export function netnsOfHop(hop: Hop, nodeNames: ReadonlySet<string>): string {
  if (hop.netns !== 'root') return podNetnsId(hop.netns);
  if (nodeNames.has(hop.node)) return nodeNetnsId(hop.node);
  if (hop.node === 'gateway') return GATEWAY_NETNS;
  return outsideNetnsId(hop.node);
}

/** Every namespace with tables, nodes first, then pods, then the gateway and outside hosts. */
export function namespacesOf(topo: Topology): NamespaceChoice[] {
  const out: NamespaceChoice[] = [];
  for (const e of topo.elements) {
    if (e.kind === 'node') out.push({ id: nodeNetnsId(e.label), name: e.name, group: 'Nodes' });
  }
  for (const e of topo.elements) {
    if (e.kind === 'pod' && e.sendRef) out.push({ id: podNetnsId(e.sendRef), name: e.name, group: 'Pods' });
  }
  for (const e of topo.elements) {
    if (e.kind === 'gateway') out.push({ id: GATEWAY_NETNS, name: e.name, group: 'Outside the cluster' });
    if (e.kind === 'outside') out.push({ id: outsideNetnsId(e.label), name: e.name, group: 'Outside the cluster' });
  }
  return out;
}
