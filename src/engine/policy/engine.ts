// The NetworkPolicy model behind the dataplane's policy seam (stack/policy-seam.ts): what each
// enforcing plugin decides at its own policy point, in its own way, and the rules its agent
// writes. The plugin decides; the words come from the policy catalogue.
// - Calico: felix's filter chains and IP sets (calico/) are written into every node's filter
//   table and the iptables evaluator walks them; a DROP at a workload's endpoint chain is the
//   denial (stack/hook-run.ts asks enforce.ts for its words). Asked at its point, the model has
//   nothing to add: the chains have decided.
import type { NodeCtx } from '../cni/types';
import { modeOf } from '../cni/calico';
import type { PolicyEngine } from '../stack/policy-seam';
import { calicoPolicyNetfilter } from './calico/plugin';

export const POLICY_ENGINE: PolicyEngine = {
  // Calico's chains decide in the walk: asked at its point, the model has nothing to add.
  decide: () => undefined,
  netfilter(ctx: NodeCtx) {
    const { cluster } = ctx;
    if (cluster.cni.name !== 'calico') return undefined;
    const cfg = cluster.scenario.settings.cniConfig;
    const encap = cfg.name === 'calico' && cfg.pools[0] ? modeOf(cfg.pools[0]).encap : 'ipip';
    return calicoPolicyNetfilter(cluster, ctx.node.name, encap === 'ipip' ? 'IPIP' : encap === 'vxlan' ? 'VXLAN' : 'None');
  },
};
