// kindnet's NetworkPolicy, since kind v0.24.0: kindnetd runs kube-network-policies (v0.5.1 in
// that release; pkg/networkpolicy). Its nftables table sends the first packet of every
// connection to or from a local pod that some policy selects to NFQUEUE 100, and the
// controller answers in userspace: it evaluates the source pod's egress policies, then the
// destination pod's ingress policies (evaluatePacket), exactly the API's rules, and tells the
// kernel to accept or drop. Established and related packets never reach the queue.
import type { Cluster } from '../../cluster/types';
import { policyWorld, type PolicyWorld } from '../world';
import { decide, passes, type Connection, type PolicyDecision } from '../evaluate';
import { deniedText, directionText } from '../reasons';

/** getLocalPodsForNetworkPolicy over every policy: the addresses of the node's pods some policy selects (the podips-v4 set). */
export function localPolicyPodIps(world: PolicyWorld, node: string): string[] {
  const ips = new Set<string>();
  for (const p of world.pods) {
    if (p.hostNetwork || p.node !== node) continue;
    if (world.selecting(p, 'Ingress').length > 0 || world.selecting(p, 'Egress').length > 0) ips.add(p.ip);
  }
  return [...ips].sort();
}

/** The podips-v4 set of each node, computed once per cluster. */
const sets = new WeakMap<Cluster, Map<string, ReadonlySet<string>>>();

export function podIpsOf(cluster: Cluster, node: string): ReadonlySet<string> {
  let byNode = sets.get(cluster);
  if (!byNode) sets.set(cluster, (byNode = new Map()));
  let s = byNode.get(node);
  if (!s) byNode.set(node, (s = new Set(localPolicyPodIps(policyWorld(cluster), node))));
  return s;
}

/** A pod some policy selects at all, whatever its policyTypes (what the podips set holds). */
export interface QueueVerdict {
  readonly accept: boolean;
  readonly decision: PolicyDecision;
  /** The controller's reasoning, in the catalogue's words. */
  readonly text: string;
}

/** queueVerdict's answer alone, without the controller's words. */
export function queueAccepts(world: PolicyWorld, c: Connection): boolean {
  return decide(world, c).allowed;
}

/** The userspace verdict kube-network-policies gives a queued packet. */
export function queueVerdict(world: PolicyWorld, c: Connection): QueueVerdict {
  const d = decide(world, c);
  const denied = [d.egress, d.ingress].find((x) => !passes(x));
  const text = denied
    ? `kube-network-policies answers NF_DROP: ${deniedText(denied, c)}`
    : `kube-network-policies answers NF_ACCEPT: ${[d.egress, d.ingress].map((x) => directionText(x, c)).join('; ')}`;
  return { accept: d.allowed, decision: d, text };
}
