// The NetworkPolicy model behind the dataplane's policy seam (stack/policy-seam.ts): what each
// enforcing plugin decides at its own policy point, in its own way, and the rules its agent
// writes. The plugin decides; the words come from the policy catalogue.
// - Calico: felix's filter chains and IP sets (calico/) are written into every node's filter
//   table and the iptables evaluator walks them; a DROP at a workload's endpoint chain is the
//   denial (stack/hook-run.ts asks enforce.ts for its words). Asked at its point, the model has
//   nothing to add: the chains have decided.
// - Cilium: the endpoint's policy map, looked up by its eBPF programs (cilium/check.ts).
// - kindnet: kube-network-policies' postrouting chain queues a new connection from or to a
//   local pod some policy selects to NFQUEUE 100, once per node, and the controller's
//   userspace verdict covers both directions (kindnet/queue.ts).
import type { NodeCtx } from '../cni/types';
import { modeOf } from '../cni/calico';
import type { PolicyDecision, PolicyEngine, PolicyQuery } from '../stack/policy-seam';
import { policyDropCode } from './enforce';
import { calicoPolicyNetfilter } from './calico/plugin';
import { ciliumAllows, ciliumCheck } from './cilium/check';
import { passes } from './evaluate';
import { podIpsOf, queueAccepts, queueVerdict } from './kindnet/queue';
import { RULES, TABLE } from './kindnet/table';
import { connectionOf } from './observe';
import { policyWorld } from './world';

function cilium(q: PolicyQuery): PolicyDecision | undefined {
  if (q.established) return undefined;
  if (q.terse) {
    const allowed = ciliumAllows(policyWorld(q.cluster), q.pod.key, q.direction, q.packet);
    if (allowed === undefined) return undefined;
    if (allowed) return { allow: true };
  }
  const check = ciliumCheck(policyWorld(q.cluster), q.pod.key, q.direction, q.packet);
  if (!check) return undefined;
  return check.allowed
    ? { allow: true, text: check.text, rule: check.rule, table: 'cilium-policy' }
    : { allow: false, text: check.text, rule: check.rule, table: 'cilium-policy', code: check.code! };
}

function kindnet(q: PolicyQuery): PolicyDecision | undefined {
  const p = q.packet;
  if (q.established) return undefined;
  const ips = podIpsOf(q.cluster, q.node);
  const rule = ips.has(p.src) ? RULES.saddr : ips.has(p.dst) ? RULES.daddr : undefined;
  if (!rule) return undefined;
  const world = policyWorld(q.cluster);
  // The kernel queues the packet once on this node; the egress question, asked first when the
  // sender is a local pod, carries the controller's whole verdict.
  if (q.direction === 'ingress' && world.endpoint(p.src).pod?.node === q.node) return undefined;
  const c = connectionOf(q, p);
  if (q.terse && queueAccepts(world, c)) return { allow: true };
  const v = queueVerdict(world, c);
  const why = `the connection is new and ${ips.has(p.src) ? `its source ${p.src}` : `its destination ${p.dst}`} is in @podips-v4 (a local pod a NetworkPolicy selects), so the kernel queues the packet to NFQUEUE 100 and waits for kindnetd's verdict. ${v.text}.`;
  const text = `nft inet ${TABLE} postrouting (priority srcnat - 5, before any SNAT): ${why}`;
  if (v.accept) return { allow: true, text, rule, table: 'nft-netpol' };
  return { allow: false, text: `${text} The packet is dropped: the sender hears nothing and will time out.`, rule, table: 'nft-netpol', code: policyDropCode(passes(v.decision.egress) ? 'ingress' : 'egress') };
}

export const POLICY_ENGINE: PolicyEngine = {
  decides: (cluster) => cluster.cni.name === 'cilium' || cluster.cni.name === 'kindnet',
  decide(q) {
    switch (q.cluster.cni.name) {
      case 'cilium': return cilium(q);
      case 'kindnet': return kindnet(q);
      // Calico's chains have decided in the walk; other plugins are not asked.
      default: return undefined;
    }
  },
  netfilter(ctx: NodeCtx) {
    const { cluster } = ctx;
    if (cluster.cni.name !== 'calico') return undefined;
    const cfg = cluster.scenario.settings.cniConfig;
    const encap = cfg.name === 'calico' && cfg.pools[0] ? modeOf(cfg.pools[0]).encap : 'ipip';
    return calicoPolicyNetfilter(cluster, ctx.node.name, encap === 'ipip' ? 'IPIP' : encap === 'vxlan' ? 'VXLAN' : 'None');
  },
};
