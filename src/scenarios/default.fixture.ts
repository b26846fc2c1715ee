// For tests: the names the default scenario's controllers generate. The "api" Deployment's
// pods are named by the ReplicaSet controller (api-<hash>-<suffix>), so tests ask the
// compiled cluster which replica runs where instead of spelling the names out.
import type { Cluster, Topology } from '../engine';

/** The key (NAMESPACE/NAME) of the api replica scheduled on `node`. */
export function apiPodOn(cluster: Cluster, node: 'kind-worker' | 'kind-worker2'): string {
  const key = cluster.node(node)?.pods.find((k) => k.startsWith('default/api-'));
  if (!key) throw new Error(`the default scenario has no api replica on ${node}`);
  return key;
}

/** The same, read from a topology (what the store keeps): the api pod drawn inside `node`. */
export function apiPodIn(topo: Topology, node: 'kind-worker' | 'kind-worker2'): string {
  const pod = topo.elements.find((e) => e.kind === 'pod' && e.parent === `node:${node}` && e.sendRef?.startsWith('default/api-'));
  if (!pod?.sendRef) throw new Error(`the default scenario has no api replica on ${node}`);
  return pod.sendRef;
}
