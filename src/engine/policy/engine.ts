// The NetworkPolicy model behind the dataplane's policy seam (stack/policy-seam.ts): what each
// enforcing plugin decides at its own policy point, in its own way, and the rules its agent
// writes. The plugin decides; the words come from the policy catalogue.
// - Calico: felix's filter chains and IP sets (calico/) are written into every node's filter
//   table and the iptables evaluator walks them; a DROP at a workload's endpoint chain is the
//   denial (stack/hook-run.ts asks enforce.ts for its words). Asked at its point, the model has
//   nothing to add: the chains have decided.
// - Cilium: the endpoint's policy map, looked up by its eBPF programs (cilium/check.ts).
import type { NodeCtx } from '../cni/types';
import { modeOf } from '../cni/calico';
import type { PolicyDecision, PolicyEngine, PolicyQuery } from '../stack/policy-seam';
import { calicoPolicyNetfilter } from './calico/plugin';
import { ciliumCheck } from './cilium/check';
import { policyWorld } from './world';

function cilium(q: PolicyQuery): PolicyDecision | undefined {
  if (q.established) return undefined;
  const check = ciliumCheck(policyWorld(q.cluster), q.pod.key, q.direction, q.packet);
  if (!check) return undefined;
  return check.allowed
    ? { allow: true, text: check.text, rule: check.rule, table: 'cilium-policy' }
    : { allow: false, text: check.text, rule: check.rule, table: 'cilium-policy', code: check.code! };
}

export const POLICY_ENGINE: PolicyEngine = {
  decide(q) {
    switch (q.cluster.cni.name) {
      case 'cilium': return cilium(q);
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
