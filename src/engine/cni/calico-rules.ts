// The iptables rules and ipsets Calico's felix programs for NAT (felix/rules/static.go
// StaticNATTableChains), with its rule IDs: every rule carries the comment "cali:<id>", where
// the id is a chain of SHA-224 hashes (felix/generictables/rules.go RuleHashes: start from the
// hash of the chain's name, then hash the previous hash with the rule rendered as
// "-A <chain> HASH <match> <action>"; base64url, first 16 characters). The rendering and the
// ids were checked against a real Calico node's iptables-save. Felix keeps its jumps at the
// top of the built-in chains. The filter table's policy chains are not written here.
import { ruleHashes } from '../policy/calico/ids';
import type { Ipset } from '../netfilter/ipset/types';


/** One felix rule: its match and action as felix renders them for hashing (long options), and in iptables-restore's short form. */
interface FelixRule {
  readonly hashed: string;
  readonly match: string;
  readonly action: string;
}

/** RuleHashes of a chain's rules, each rendered without the "-A <chain> HASH" felix hashes it under. */
export const felixRuleIds = (chain: string, rendered: readonly string[]): string[] => ruleHashes(chain, rendered.map((r) => `-A ${chain} HASH ${r}`));

const jump = (chain: string): FelixRule => ({ hashed: `--jump ${chain}`, match: '', action: `-j ${chain}` });

/** The rules as felix feeds them to iptables-restore: the id comment first, then the match, then the action. */
function chainLines(name: string, rules: readonly FelixRule[]): string[] {
  const ids = felixRuleIds(name, rules.map((r) => r.hashed));
  return rules.map((r, i) => `-A ${name} -m comment --comment "cali:${ids[i]}"${r.match ? ` ${r.match}` : ''} ${r.action}`);
}

export const CALI_MASQ_POOLS = 'cali40masq-ipam-pools';
export const CALI_ALL_POOLS = 'cali40all-ipam-pools';

export interface CalicoNatOptions {
  /** The tunnel device felix masquerades the node's own traffic into (tunl0, vxlan.calico), if any. */
  readonly tunnel?: 'tunl0' | 'vxlan.calico';
  /** Whether some pool has natOutgoing. */
  readonly natOutgoing: boolean;
}

/** The nat table part felix writes, as iptables-restore input; `jumps` are the rules felix inserts first in the built-in chains. */
export function calicoNat(o: CalicoNatOptions): { restore: string; jumps: { table: string; chain: string; rule: string }[] } {
  const post: FelixRule[] = [jump('cali-fip-snat'), jump('cali-nat-outgoing')];
  if (o.tunnel) {
    // Packets into the tunnel from a local address that is not the tunnel's own: use the tunnel address.
    post.push({
      hashed: `--out-interface ${o.tunnel} -m addrtype ! --src-type LOCAL --limit-iface-out -m addrtype --src-type LOCAL --jump MASQUERADE --random-fully`,
      match: `-o ${o.tunnel} -m addrtype ! --src-type LOCAL --limit-iface-out -m addrtype --src-type LOCAL`, action: '-j MASQUERADE --random-fully',
    });
  }
  const natOut: FelixRule[] = o.natOutgoing ? [{
    hashed: `-m set --match-set ${CALI_MASQ_POOLS} src -m set ! --match-set ${CALI_ALL_POOLS} dst --jump MASQUERADE --random-fully`,
    match: `-m set --match-set ${CALI_MASQ_POOLS} src -m set ! --match-set ${CALI_ALL_POOLS} dst`, action: '-j MASQUERADE --random-fully',
  }] : [];
  const chains: [string, FelixRule[]][] = [
    ['cali-OUTPUT', [jump('cali-fip-dnat')]],
    ['cali-POSTROUTING', post],
    ['cali-PREROUTING', [jump('cali-fip-dnat')]],
    ['cali-fip-dnat', []],
    ['cali-fip-snat', []],
    ['cali-nat-outgoing', natOut],
  ];
  const restore = ['*nat', ...chains.map(([n]) => `:${n} - [0:0]`), ...chains.flatMap(([n, r]) => chainLines(n, r)), 'COMMIT', ''].join('\n');
  const top = (chain: string, to: string) => ({ table: 'nat', chain, rule: chainLines(chain, [jump(to)])[0]!.replace(`-A ${chain} `, '') });
  return { restore, jumps: [top('PREROUTING', 'cali-PREROUTING'), top('OUTPUT', 'cali-OUTPUT'), top('POSTROUTING', 'cali-POSTROUTING')] };
}

/** felix's IP pool sets: pools that masquerade outgoing traffic, and every pool. */
export function calicoIpsets(pools: readonly { readonly cidr: string; readonly natOutgoing: boolean }[]): Ipset[] {
  const set = (name: string, cidrs: string[]): Ipset => ({ name, type: 'hash:net', comment: '', entries: new Set(cidrs) });
  return [set(CALI_MASQ_POOLS, pools.filter((p) => p.natOutgoing).map((p) => p.cidr)), set(CALI_ALL_POOLS, pools.map((p) => p.cidr))];
}
