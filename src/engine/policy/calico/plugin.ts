// Calico's NetworkPolicy on a node, in the shape the Calico plugin hands to the node's netfilter
// state: the filter table's chains (restore input), the jumps felix keeps first in FORWARD,
// INPUT and OUTPUT, and the IP sets, computed from the whole cluster's workload endpoints.
import type { Cluster } from '../../cluster/types';
import type { PluginNetfilter } from '../../cni/types';
import { policyWorld, worldOf } from '../world';
import type { Encapsulation } from './chains';
import { calicoEndpoints } from './endpoints';
import { calicoNodePolicy } from './node';
import { MARKS } from './rules';

/** The per-cluster part (endpoints) is computed once; each node then renders its own chains. */
const endpointsOf = new WeakMap<Cluster, ReturnType<typeof calicoEndpoints>>();

export function calicoPolicyNetfilter(cluster: Cluster, node: string, encapsulation: Encapsulation): Required<Pick<PluginNetfilter, 'restore' | 'insertFirst' | 'ipsets'>> {
  // Without a NetworkPolicy there is no IP set to fill, so a node needs only its own workloads
  // (a 30,000-pod cluster's first trace no longer converts every pod in the cluster).
  const policies = cluster.scenario.networkPolicies;
  let endpoints = policies.length === 0 ? calicoEndpoints(worldOf(cluster, cluster.pods.filter((p) => p.node === node))) : endpointsOf.get(cluster);
  if (!endpoints) endpointsOf.set(cluster, (endpoints = calicoEndpoints(policyWorld(cluster))));
  const p = calicoNodePolicy(endpoints, policies, cluster.nodes.map((n) => n.ip), node, { encapsulation, marks: MARKS });
  return { restore: p.restore, insertFirst: p.insertFirst, ipsets: p.ipsets };
}
