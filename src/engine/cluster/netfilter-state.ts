// The netfilter state of a network namespace, built the way the programs on a kind node
// build it: kubelet's canary chains, the CNI's egress masquerade, then kube-proxy in the
// chosen mode (its iptables rules, or its nftables table, or IPVS virtual servers with the
// iptables rules IPVS mode keeps). The gateway holds the cloud load balancer's rules.
// Pods and outside hosts have no rules (and no conntrack).
import { applyRestore, emptyRuleset, ensureChain, ensureRule } from '../netfilter/ruleset';
import { prepareRuleset } from '../netfilter/evaluate';
import { tokenize } from '../netfilter/tokenize';
import type { Ruleset } from '../netfilter/rule-types';
import { installKubeProxyIptables } from '../kubeproxy/iptables-jumps';
import { writeNftablesRules } from '../kubeproxy/nftables-writer';
import type { NftTable } from '../netfilter/nft/types';
import { writeIpvsState } from '../kubeproxy/ipvs-writer';
import type { IpvsState } from '../netfilter/ipvs/types';
import { nodeCtx } from './netns';
import { cloudLbRestore } from '../cloud/loadbalancer';
import type { Ipset } from '../netfilter/ipset/types';
import type { StageSpec } from '../stack/hook-stages';
import { policyStage } from '../stack/policy-seam';
import type { Cluster } from './types';

export interface NetfilterState {
  readonly iptables: Ruleset;
  readonly nft?: NftTable;
  readonly ipvs?: IpvsState;
  /** The namespace's ipsets (IPVS mode's, a CNI's), for `-m set` matches. */
  readonly ipsets?: ReadonlyMap<string, Ipset>;
  /** Stages a CNI registers on the hooks (a policy point). */
  readonly stages?: readonly StageSpec[];
}

/** The tables iptables-save lists on a kind node, in the order it lists them. */
const NODE_TABLES = ['mangle', 'filter', 'nat'];

function kubelet(rs: Ruleset): Ruleset {
  let out = rs;
  for (const table of ['mangle', 'nat', 'filter']) out = ensureChain(out, table, 'KUBE-KUBELET-CANARY');
  return out;
}

function ipvsIptables(rs: Ruleset, ipvs: IpvsState): Ruleset {
  let out = applyRestore(rs, ipvs.iptablesRestore, { noflush: true });
  for (const j of ipvs.iptablesJumps) {
    const args = tokenize(j.rule);
    const target = args[args.indexOf('-j') + 1];
    if (target) out = ensureChain(out, j.table, target);
    out = ensureRule(out, j.table, j.chain, args, 'prepend');
  }
  return out;
}


/** Rules an agent inserts at the top of built-in chains after kube-proxy has synced (Calico's felix keeps its jumps first). */
function insertFirst(rs: Ruleset, jumps: readonly { readonly table: string; readonly chain: string; readonly rule: string }[]): Ruleset {
  let out = rs;
  for (const j of [...jumps].reverse()) {
    const args = tokenize(j.rule);
    const target = args[args.indexOf('-j') + 1];
    if (target) out = ensureChain(out, j.table, target);
    out = ensureRule(out, j.table, j.chain, args, 'prepend');
  }
  return out;
}

export function nodeNetfilter(cluster: Cluster, nodeName: string): NetfilterState {
  const node = cluster.node(nodeName);
  if (!node) throw new Error(`no node ${nodeName}`);
  const plugin = cluster.cni.netfilter(nodeCtx(cluster, node));
  let rs = kubelet(emptyRuleset(4, NODE_TABLES));
  // The CNI's agent writes its rules once; kube-proxy later inserts its jumps above them
  // (as on a real node: KUBE-POSTROUTING comes before KIND-MASQ-AGENT in POSTROUTING).
  if (plugin.restore) rs = applyRestore(rs, plugin.restore, { noflush: true });
  // A policy model writes its rules through the plugin's agent (Calico's felix: cali-pi-/cali-po- chains).
  const policy = cluster.policy?.netfilter?.(nodeCtx(cluster, node));
  if (policy?.restore) rs = applyRestore(rs, policy.restore, { noflush: true });
  let nft: NftTable | undefined;
  let ipvs: IpvsState | undefined;
  // Cilium's kube-proxy replacement: kube-proxy is not deployed at all.
  const mode = cluster.cni.replacesKubeProxy ? 'none' : cluster.scenario.cluster.kubeProxyMode;
  switch (mode) {
    case 'iptables':
      rs = installKubeProxyIptables(rs, cluster.proxyInput(nodeName));
      break;
    case 'ipvs':
      ipvs = writeIpvsState(cluster.proxyInput(nodeName));
      rs = ipvsIptables(rs, ipvs);
      break;
    case 'nftables':
      nft = writeNftablesRules(cluster.proxyInput(nodeName));
      break;
    case 'none':
      break;
  }
  const first = [...(plugin.insertFirst ?? []), ...(policy?.insertFirst ?? [])];
  if (first.length) rs = insertFirst(rs, first);
  prepareRuleset(rs);
  // The plugin's policy point, when it is a netfilter stage, is registered on its hook.
  const where = cluster.cni.policy.enforces ? cluster.cni.policy.where : undefined;
  const stages = [...(plugin.stages ?? []), ...(where?.kind === 'netfilter' ? [policyStage(where)] : [])];
  const ipsets = new Map([...(ipvs?.ipsets ?? []), ...[...(plugin.ipsets ?? []), ...(policy?.ipsets ?? [])].map((s) => [s.name, s] as const)]);
  return {
    iptables: rs, ...(nft ? { nft } : {}), ...(ipvs ? { ipvs } : {}), ...(ipsets.size ? { ipsets } : {}),
    ...(stages.length ? { stages } : {}),
  };
}

export function gatewayNetfilter(cluster: Cluster): NetfilterState {
  const rs = applyRestore(emptyRuleset(4, ['filter', 'nat']), cloudLbRestore(cluster), { noflush: true });
  prepareRuleset(rs);
  return { iptables: rs };
}
