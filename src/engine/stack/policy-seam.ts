// The seam where NetworkPolicy plugs into the dataplane. A CNI says whether and where it
// enforces policy (CniPlugin.policy: a netfilter stage on a hook, or eBPF programs on the
// pod's veth); a policy model (Cluster.policy) decides each packet there. Without a policy
// model nothing is asked and every packet passes, as on a cluster without NetworkPolicies.
//
// - A `netfilter` point (Calico's cali-FORWARD in filter FORWARD, kindnet's
//   kube-network-policies nftables table at postrouting priority srcnat - 5) is registered as a hook stage
//   in every node namespace (cluster/netfilter-state.ts); the stage finds the pods behind the
//   packet's in and out devices and asks for the sender's egress and the receiver's ingress.
// - A `bpf` point (Cilium) is asked by the plugin's datapath itself: from-container for the
//   sender's egress, before local delivery (to-container) for the receiver's ingress.
// A policy model may also write the plugin's own rules (Calico's cali-pi-/cali-po- chains,
// kube-network-policies' nft rules) for the tables: PolicyEngine.netfilter.
import type { Cluster, ClusterPod, Netns } from '../cluster/types';
import type { NodeCtx, PluginNetfilter, PolicyPoint } from '../cni/types';
import type { DropCode } from '../trace/drops';
import type { PacketView } from '../trace/types';
import type { HookIo, StageResult } from './hook-run';
import type { StageSpec } from './hook-stages';
import { viewOf, type Pkt } from './packet';
import { drop, record, type Outcome, type Walk } from './walk';

export type PolicyDirection = 'ingress' | 'egress';

/** One question at a policy point: may this packet leave (egress) or reach (ingress) this pod? */
export interface PolicyQuery {
  readonly cluster: Cluster;
  readonly direction: PolicyDirection;
  /** The pod whose policies apply: the sender for egress, the receiver for ingress. */
  readonly pod: ClusterPod;
  /** The packet at the point, after any Service translation (so the peer is a pod, node or outside address). */
  readonly packet: PacketView;
  /** The plugin's policy point that asks, and the node it is on. */
  readonly point: PolicyPoint;
  readonly node: string;
  /** conntrack knows the connection already (an answer, or a later packet): enforcers let these pass. */
  readonly established: boolean;
  /** The walk records no hop the packet passes (a reachability matrix): an allowing decision may leave out its words. */
  readonly terse?: boolean;
}

/** What the policy model decided; `text` (and the rule in its tool's syntax) becomes the hop. */
export type PolicyDecision =
  | { readonly allow: true; readonly text?: string; readonly rule?: string; readonly table?: string }
  /** `code`: which direction denied it (policy-ingress, policy-egress), when the model says. */
  | { readonly allow: false; readonly text: string; readonly rule?: string; readonly table?: string; readonly code?: DropCode };

/** What a NetworkPolicy model gives the dataplane. */
export interface PolicyEngine {
  /** The decision at one point, or undefined when no policy selects the pod in that direction (the packet passes). */
  decide(q: PolicyQuery): PolicyDecision | undefined;
  /** Whether decide() has anything to say in this cluster (false: the plugin decided elsewhere, as Calico's chains do); asked before every query. */
  decides?(cluster: Cluster): boolean;
  /**
   * Rules the plugin's agent writes for the policies on a node: iptables-restore text (applied
   * with --noflush after the plugin's own), the jumps it keeps first in built-in chains, its ipsets.
   */
  netfilter?(ctx: NodeCtx): Pick<PluginNetfilter, 'restore' | 'insertFirst' | 'ipsets'> | undefined;
}

/** Asks the policy model at a point; a denial is the hop that ends the leg. */
export function policyCheck(
  w: Walk, ns: Netns, device: string, pkt: Pkt,
  q: { readonly direction: PolicyDirection; readonly pod: ClusterPod; readonly point: PolicyPoint },
): Outcome | undefined {
  const engine = w.cluster.policy;
  if (!engine || engine.decides?.(w.cluster) === false) return undefined;
  // Known to conntrack (the kernel's, or an eBPF datapath's own, which the walk does not keep):
  // a confirmed entry, an answer to what the walk sent, or an ICMP error about one of its packets.
  const established = (pkt.ct?.confirmed ?? false) || w.expect !== undefined || pkt.inner !== undefined;
  const query: PolicyQuery = { cluster: w.cluster, direction: q.direction, pod: q.pod, packet: viewOf(pkt), point: q.point, node: ns.machine, established, terse: w.terse === true };
  const d = engine.decide(query);
  if (!d) return undefined;
  const o = { ...(d.rule !== undefined ? { rule: d.rule } : {}), ...(d.table !== undefined ? { table: d.table } : {}) };
  if (!d.allow) return drop(w, ns, device, d.code ?? 'policy-denied', d.text, pkt, o);
  if (d.text) record(w, ns, device, 'policy', d.text, pkt, o);
  return undefined;
}

/** The pod behind a device of a node namespace (the host end of its veth), if any. */
export function podBehind(cluster: Cluster, ns: Netns, dev: string | undefined): ClusterPod | undefined {
  if (!dev) return undefined;
  const peer = ns.devices.find((d) => d.name === dev)?.peer;
  if (!peer) return undefined;
  return podsByNetns(cluster, ns.machine).get(peer.netns);
}

/** A node's pods by network namespace, built once per node of a compiled cluster (a hook asks at every packet). */
const BY_NETNS = new WeakMap<Cluster, Map<string, ReadonlyMap<string, ClusterPod>>>();

function podsByNetns(cluster: Cluster, node: string): ReadonlyMap<string, ClusterPod> {
  let nodes = BY_NETNS.get(cluster);
  if (!nodes) BY_NETNS.set(cluster, (nodes = new Map()));
  let m = nodes.get(node);
  if (!m) {
    const built = new Map<string, ClusterPod>();
    // The first pod of a namespace, as find() gave it.
    for (const p of cluster.pods) if (p.node === node && !built.has(p.netns)) built.set(p.netns, p);
    m = built;
    nodes.set(node, m);
  }
  return m;
}

/** The hook stage of a netfilter policy point: the sender's egress, then the receiver's ingress. */
export function policyStage(point: Extract<PolicyPoint, { readonly kind: 'netfilter' }>): StageSpec {
  return {
    name: point.stage, hook: point.hook, priority: point.priority,
    run: (w: Walk, ns: Netns, pkt: Pkt, io: HookIo): StageResult => {
      const engine = w.cluster.policy;
      if (!engine || engine.decides?.(w.cluster) === false) return undefined;
      const from = podBehind(w.cluster, ns, io.inDev);
      const out = from && policyCheck(w, ns, io.inDev ?? '', pkt, { direction: 'egress', pod: from, point });
      if (out) return { stop: out };
      const to = podBehind(w.cluster, ns, io.outDev);
      const inn = to && policyCheck(w, ns, io.outDev ?? '', pkt, { direction: 'ingress', pod: to, point });
      return inn ? { stop: inn } : undefined;
    },
  };
}
