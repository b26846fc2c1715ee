// What kube-proxy does to the built-in chains on a full sync (pkg/proxy/iptables/proxier.go):
// for each entry of iptablesJumpChains and iptablesKubeletJumpChains, EnsureChain(dst) and
// EnsureRule(Prepend, table, builtin, args…, -j dst), i.e. `iptables -C` then `iptables -I`,
// so the last one added ends up first. Its iptables.Monitor also keeps an empty
// KUBE-PROXY-CANARY chain in mangle, nat and filter. installKubeProxyIptables() replays all of
// that and then the restore payload (--noflush) onto a node's ruleset; run again on its own
// result it is a later full sync (stale Service chains are deleted, jump rules not doubled).
import { applyRestoreLines, ensureChain, ensureRule, findTable } from '../netfilter/ruleset';
import type { Ruleset } from '../netfilter/rule-types';
import { iptablesRestoreLines } from './iptables';
import type { ProxyInput } from './types';

export interface IptablesJumpRule {
  readonly table: 'filter' | 'nat';
  /** The built-in chain the rule goes into. */
  readonly chain: string;
  /** The kube-proxy chain it jumps to. */
  readonly target: string;
  /** The rule as kube-proxy passes it to `iptables -I <chain>` (exec words, so no quoting). */
  readonly args: readonly string[];
}

const NEW = ['-m', 'conntrack', '--ctstate', 'NEW'] as const;

const JUMPS: readonly (readonly [IptablesJumpRule['table'], string, string, string, readonly string[]])[] = [
  ['filter', 'KUBE-EXTERNAL-SERVICES', 'INPUT', 'kubernetes externally-visible service portals', NEW],
  ['filter', 'KUBE-EXTERNAL-SERVICES', 'FORWARD', 'kubernetes externally-visible service portals', NEW],
  ['filter', 'KUBE-NODEPORTS', 'INPUT', 'kubernetes health check service ports', []],
  ['filter', 'KUBE-SERVICES', 'FORWARD', 'kubernetes service portals', NEW],
  ['filter', 'KUBE-SERVICES', 'OUTPUT', 'kubernetes service portals', NEW],
  ['filter', 'KUBE-FORWARD', 'FORWARD', 'kubernetes forwarding rules', []],
  ['filter', 'KUBE-PROXY-FIREWALL', 'INPUT', 'kubernetes load balancer firewall', NEW],
  ['filter', 'KUBE-PROXY-FIREWALL', 'OUTPUT', 'kubernetes load balancer firewall', NEW],
  ['filter', 'KUBE-PROXY-FIREWALL', 'FORWARD', 'kubernetes load balancer firewall', NEW],
  ['nat', 'KUBE-SERVICES', 'OUTPUT', 'kubernetes service portals', []],
  ['nat', 'KUBE-SERVICES', 'PREROUTING', 'kubernetes service portals', []],
  ['nat', 'KUBE-POSTROUTING', 'POSTROUTING', 'kubernetes postrouting rules', []],
  // iptablesKubeletJumpChains: kube-proxy's copy of kubelet's KUBE-FIREWALL jumps (no comment).
  ['filter', 'KUBE-FIREWALL', 'INPUT', '', []],
  ['filter', 'KUBE-FIREWALL', 'OUTPUT', '', []],
];

/** The jump rules in the order kube-proxy ensures them; each is inserted at position 1. */
export function kubeProxyJumpRules(): readonly IptablesJumpRule[] {
  return JUMPS.map(([table, target, chain, comment, extra]) => ({
    table,
    chain,
    target,
    args: [...extra, ...(comment === '' ? [] : ['-m', 'comment', '--comment', comment]), '-j', target],
  }));
}

export const KUBE_PROXY_CANARY_CHAIN = 'KUBE-PROXY-CANARY';

/**
 * The node's ruleset after kube-proxy started and ran one full sync on top of `rs`. The
 * payload is this writer's own output, so by default its rules are parsed when first read.
 */
export function installKubeProxyIptables(rs: Ruleset, input: ProxyInput, opts: { readonly lazy?: boolean } = {}): Ruleset {
  let out = rs;
  for (const table of ['mangle', 'nat', 'filter']) out = ensureChain(out, table, KUBE_PROXY_CANARY_CHAIN);
  for (const j of kubeProxyJumpRules()) {
    out = ensureChain(out, j.table, j.target);
    out = ensureRule(out, j.table, j.chain, j.args, 'prepend');
  }
  const natChains = findTable(out, 'nat')?.chains.map((c) => c.name) ?? [];
  return applyRestoreLines(out, iptablesRestoreLines(input, natChains), { noflush: true, lazy: opts.lazy ?? true });
}
