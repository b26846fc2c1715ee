// What Calico writes on one node for NetworkPolicy: the filter table's chains as
// iptables-restore input (felix's spelling, with its rule hashes), the rules it inserts into
// and appends to the built-in chains, and the IP sets with their members, computed from
// the endpoints of the whole cluster as felix's calculation graph does. `-m set` matches
// read those sets (netfilter/ipset/match); selector sets are hash:net, named-port sets hash:ip,port.
import type { NetworkPolicySpec } from '../../model/netpol-types';
import type { Ipset } from '../../netfilter/ipset/types';
import { restoreLines, type FelixChain } from './render';
import { ALL_HOSTS_NET, ALL_VXLAN_NET, calicoFilterTable, DEFAULT_CALICO, type CalicoConfig } from './chains';
import type { IpsetDef } from './rules';
import { selectorEvaluate } from './selector';
import type { CalicoEndpoint } from './endpoints';

export interface CalicoNodePolicy {
  /** iptables-restore input for the filter table (applied with --noflush over what is there): Calico's chains and the rules it appends to FORWARD. */
  readonly restore: string;
  /** The jumps felix keeps at the top of the built-in chains (ChainInsertMode "insert"), each as the arguments after `-A <chain>`. */
  readonly insertFirst: readonly { readonly table: 'filter'; readonly chain: string; readonly rule: string }[];
  readonly ipsets: readonly Ipset[];
}

function members(def: IpsetDef, endpoints: readonly CalicoEndpoint[]): Ipset {
  const picked = endpoints.filter((e) => selectorEvaluate(def.selector, e.labels));
  if (def.kind === 'selector') return { name: def.name, type: 'hash:net', comment: '', entries: new Set(picked.map((e) => e.ip)) };
  const entries = new Set<string>();
  for (const e of picked) {
    for (const p of e.namedPorts) if (p.name === def.port && (def.protocol === 'any' || p.protocol === def.protocol)) entries.add(`${e.ip},${p.protocol}:${p.port}`);
  }
  return { name: def.name, type: 'hash:ip,port', comment: '', entries };
}

export function calicoNodePolicy(endpoints: readonly CalicoEndpoint[], policies: readonly NetworkPolicySpec[], nodeIps: readonly string[], node: string, cfg: CalicoConfig = DEFAULT_CALICO): CalicoNodePolicy {
  const t = calicoFilterTable(endpoints, policies, node, cfg);
  const encap = cfg.encapsulation;
  const lines = ['*filter', ...t.chains.map((c) => `:${c.name} - [0:0]`)];
  for (const c of t.chains) lines.push(...restoreLines(c));
  // Appended rules are hashed under "<chain>*appends*", inserted ones as a chain of their own (the built-in chain's name).
  const appends: FelixChain = { name: 'FORWARD', rules: t.appends };
  lines.push(...restoreLines(appends, 'FORWARD*appends*'), 'COMMIT');
  const insertFirst = t.inserts.map((i) => ({
    table: 'filter' as const, chain: i.chain,
    rule: restoreLines({ name: i.chain, rules: [i.rule] })[0]!.slice(`-A ${i.chain} `.length).replace('--jump ', '-j '),
  }));
  const hosts = new Set(nodeIps);
  const sets: Ipset[] = t.ipsets.map((d) => members(d, endpoints));
  if (encap === 'IPIP') sets.push({ name: ALL_HOSTS_NET, type: 'hash:net', comment: '', entries: hosts });
  if (encap === 'VXLAN') sets.push({ name: ALL_VXLAN_NET, type: 'hash:net', comment: '', entries: hosts });
  return { restore: `${lines.join('\n')}\n`, insertFirst, ipsets: sets };
}
