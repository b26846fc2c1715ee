// The netfilter hooks as the kernel runs them: each hook (PREROUTING, INPUT, FORWARD, OUTPUT,
// POSTROUTING) is an ordered list of registered functions, called in priority order
// (include/uapi/linux/netfilter_ipv4.h: conntrack -200, mangle -150, nat dst -100, filter 0,
// nat src +100, confirm last). Whoever owns a piece of the node registers into it: the
// kernel's conntrack and NAT core, iptables tables, nftables base chains (kube-proxy's), IPVS
// (configured by kube-proxy), and a CNI's policy point. Equal priorities keep registration
// order. A namespace's stages are built once, from its netfilter state.
import type { Netns } from '../cluster/types';
import type { NetfilterState } from '../cluster/netfilter-state';
import type { NfHook, NfTableName } from '../netfilter/eval-types';
import { findChain } from '../netfilter/ruleset';
import { nftablesBaseChains } from '../netfilter/nft/eval';
import { IPVS_HOOK_PRIORITIES } from '../netfilter/ipvs/schedule';
import type { NftChain } from '../netfilter/nft/types';
import type { HookIo, StageRun } from './hook-run';
import { confirmStage, conntrackInStage, ipvsStage, iptablesStage, natStage, nftStage } from './hook-run';
import type { Pkt } from './packet';
import type { Walk } from './walk';

/** Kernel priorities (NF_IP_PRI_*). */
export const NF_PRI = {
  RAW: -300, CONNTRACK: -200, MANGLE: -150, NAT_DST: -100, FILTER: 0, NAT_SRC: 100, CONFIRM: 2147483647,
} as const;

/** Who registered a stage: the kernel itself, a table or program of kube-proxy, the CNI, the cloud. */
export type StageOwner = 'kernel' | 'iptables' | 'kube-proxy' | 'cni' | 'cloud';

export interface HookStage {
  /** What it is, in the words `nft list hooks` would use: "nf_conntrack_in", "iptables filter", "nft ip kube-proxy filter-forward". */
  readonly name: string;
  readonly owner: StageOwner;
  readonly hook: NfHook;
  readonly priority: number;
  readonly run: StageRun;
}

/** A stage a CNI adds to a namespace's hooks (a policy point, an eBPF-assisted step). */
export interface StageSpec {
  readonly name: string;
  readonly hook: NfHook;
  readonly priority: number;
  readonly run: (w: Walk, ns: Netns, pkt: Pkt, io: HookIo) => ReturnType<StageRun>;
}

const HOOKS: readonly NfHook[] = ['PREROUTING', 'INPUT', 'FORWARD', 'OUTPUT', 'POSTROUTING'];

/** Which iptables tables attach to which hooks, and where (iptable_*.c). */
const TABLE_HOOKS: readonly { table: NfTableName; priority: number; hooks: readonly NfHook[] }[] = [
  { table: 'raw', priority: NF_PRI.RAW, hooks: ['PREROUTING', 'OUTPUT'] },
  { table: 'mangle', priority: NF_PRI.MANGLE, hooks: HOOKS },
  { table: 'filter', priority: NF_PRI.FILTER, hooks: ['INPUT', 'FORWARD', 'OUTPUT'] },
];

const NAT_HOOKS: readonly { hook: NfHook; priority: number }[] = [
  { hook: 'PREROUTING', priority: NF_PRI.NAT_DST }, { hook: 'OUTPUT', priority: NF_PRI.NAT_DST },
  { hook: 'INPUT', priority: NF_PRI.NAT_SRC }, { hook: 'POSTROUTING', priority: NF_PRI.NAT_SRC },
];

function hookOfNft(chain: NftChain): NfHook {
  switch (chain.base!.hook) {
    case 'prerouting': return 'PREROUTING';
    case 'input': return 'INPUT';
    case 'forward': return 'FORWARD';
    case 'output': return 'OUTPUT';
    case 'postrouting': return 'POSTROUTING';
  }
}

/** A table's chain for a hook holds rules worth running (an empty built-in chain with policy ACCEPT does nothing). */
function hasRules(nf: NetfilterState, table: NfTableName, hook: NfHook): boolean {
  const c = findChain(nf.iptables, table, hook);
  return c !== undefined && (c.rules.length > 0 || c.policy === 'DROP');
}

/** Every stage of a namespace, by hook, in the order the kernel calls them. */
export function buildStages(nf: NetfilterState, extra: readonly StageSpec[] = []): ReadonlyMap<NfHook, readonly HookStage[]> {
  const all: HookStage[] = [];
  for (const hook of ['PREROUTING', 'OUTPUT'] as const) all.push({ name: 'nf_conntrack_in', owner: 'kernel', hook, priority: NF_PRI.CONNTRACK, run: conntrackInStage });
  for (const t of TABLE_HOOKS) {
    for (const hook of t.hooks) {
      if (hasRules(nf, t.table, hook)) all.push({ name: `iptables ${t.table}`, owner: 'iptables', hook, priority: t.priority, run: iptablesStage(t.table) });
    }
  }
  // nf_nat: for a connection's first packet, the nat chains at this hook in priority order until
  // one of them sets up a binding; for later packets, the binding stored in conntrack.
  for (const { hook, priority } of NAT_HOOKS) {
    const nftNat = nf.nft ? nftablesBaseChains(nf.nft, hook).filter((c) => c.base!.type === 'nat' && c.base!.priority === priority) : [];
    all.push({ name: 'nf_nat', owner: 'kernel', hook, priority, run: natStage(hook, findChain(nf.iptables, 'nat', hook) !== undefined, nftNat) });
  }
  if (nf.nft) {
    for (const hook of HOOKS) {
      for (const chain of nftablesBaseChains(nf.nft, hook)) {
        if (chain.base!.type === 'nat') continue;
        all.push({ name: `nft ip ${nf.nft.name} ${chain.name}`, owner: 'kube-proxy', hook: hookOfNft(chain), priority: chain.base!.priority, run: nftStage(chain) });
      }
    }
  }
  if (nf.ipvs) {
    all.push({ name: 'ip_vs_remote_request4', owner: 'kube-proxy', hook: 'INPUT', priority: IPVS_HOOK_PRIORITIES.request.INPUT, run: ipvsStage });
    all.push({ name: 'ip_vs_local_request4', owner: 'kube-proxy', hook: 'OUTPUT', priority: IPVS_HOOK_PRIORITIES.request.OUTPUT, run: ipvsStage });
  }
  for (const s of extra) all.push({ name: s.name, owner: 'cni', hook: s.hook, priority: s.priority, run: (w, ns, _nf, pkt, io) => s.run(w, ns, pkt, io) });
  for (const hook of ['INPUT', 'POSTROUTING'] as const) all.push({ name: 'nf_conntrack_confirm', owner: 'kernel', hook, priority: NF_PRI.CONFIRM, run: confirmStage });
  const byHook = new Map<NfHook, HookStage[]>(HOOKS.map((h) => [h, []]));
  // A stable sort: equal priorities keep the order they were registered in.
  for (const s of all.map((s, i) => ({ s, i })).sort((a, b) => a.s.priority - b.s.priority || a.i - b.i)) byHook.get(s.s.hook)!.push(s.s);
  return byHook;
}
