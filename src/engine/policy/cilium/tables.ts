// What the Cilium plugin shows of policy on a node, from the policy model: each pod's security
// identity (the datapath's ipcache lines and hops use it), and the policy views as Cilium's
// tools print them: the repository's rules and each local endpoint's policy map.
import type { Cluster } from '../../cluster/types';
import { policyWorld } from '../world';
import { formatBpfPolicyGet, formatPolicyGet } from './format';
import { endpointId } from './identity';
import { ciliumPolicyOf } from './policymap';

/** A pod's security identity (host-network pods have none: they are the host). */
export function ciliumIdentity(cluster: Cluster, podKey: string): number | undefined {
  return ciliumPolicyOf(policyWorld(cluster)).ids.ofPod(podKey)?.id;
}

export function ciliumPolicyTables(cluster: Cluster, node: string): { readonly id: 'cilium-policy' | 'cilium-bpf-policy'; readonly command: string; readonly text: string }[] {
  const world = policyWorld(cluster);
  const p = ciliumPolicyOf(world);
  const local = world.pods.filter((x) => !x.hostNetwork && x.node === node);
  return [
    { id: 'cilium-policy', command: 'cilium-dbg policy get', text: formatPolicyGet(p) },
    { id: 'cilium-bpf-policy', command: 'cilium-dbg bpf policy get --all', text: local.map((x) => formatBpfPolicyGet(p, x.key, endpointId(x.key))).join('\n') },
  ];
}
