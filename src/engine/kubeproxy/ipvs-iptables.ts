// The iptables rules kube-proxy's IPVS mode keeps: writeIptablesRules() and
// acceptIPVSTraffic() of pkg/proxy/ipvs/proxier.go, written the way kube-proxy feeds them
// to `iptables-restore --noflush --counters` (natChains, natRules, filterChains,
// filterRules: so *nat comes first), plus the jump rules createAndLinkKubeChain()
// prepends to the built-in chains with EnsureRule(Prepend).
import * as S from './ipvs-ipsets';
import type { IptablesJumpRule } from '../netfilter/ipvs/types';

export interface IpvsIptablesInput {
  /** Entries per ipset: only emptiness matters here. */
  readonly sets: ReadonlyMap<string, ReadonlySet<string>>;
  readonly masqueradeAll: boolean;
  /** The local detector's CIDR, or null when none is implemented. */
  readonly localCidr: string | null;
  /** "0x00004000" as kube-proxy spells it. */
  readonly markText: string;
  readonly randomFully: boolean;
  /** LoadBalancer ip/proto/port the node itself may not reach (issue 119656). */
  readonly lbNoNodeAccess: readonly { readonly ip: string; readonly proto: string; readonly port: number }[];
}

const NAT_CHAINS = ['KUBE-SERVICES', 'KUBE-POSTROUTING', 'KUBE-NODE-PORT', 'KUBE-LOAD-BALANCER', 'KUBE-MARK-MASQ'];
const FILTER_CHAINS = [
  'KUBE-FORWARD',
  'KUBE-NODE-PORT',
  'KUBE-PROXY-FIREWALL',
  'KUBE-SOURCE-RANGES-FIREWALL',
  'KUBE-IPVS-FILTER',
  'KUBE-IPVS-OUT-FILTER',
];

/** ipsetWithIptablesChain: set, table, from, to, match type, protocol match. */
const IPSET_CHAINS: readonly (readonly [string, 'nat' | 'filter', string, string, string, string])[] = [
  [S.KUBE_LOOP_BACK, 'nat', 'KUBE-POSTROUTING', 'MASQUERADE', 'dst,dst,src', ''],
  [S.KUBE_LOAD_BALANCER, 'nat', 'KUBE-SERVICES', 'KUBE-LOAD-BALANCER', 'dst,dst', ''],
  [S.KUBE_LOAD_BALANCER_LOCAL, 'nat', 'KUBE-LOAD-BALANCER', 'RETURN', 'dst,dst', ''],
  [S.KUBE_NODE_PORT_LOCAL_TCP, 'nat', 'KUBE-NODE-PORT', 'RETURN', 'dst', 'tcp'],
  [S.KUBE_NODE_PORT_TCP, 'nat', 'KUBE-NODE-PORT', 'KUBE-MARK-MASQ', 'dst', 'tcp'],
  [S.KUBE_NODE_PORT_LOCAL_UDP, 'nat', 'KUBE-NODE-PORT', 'RETURN', 'dst', 'udp'],
  [S.KUBE_NODE_PORT_UDP, 'nat', 'KUBE-NODE-PORT', 'KUBE-MARK-MASQ', 'dst', 'udp'],
  [S.KUBE_NODE_PORT_LOCAL_SCTP, 'nat', 'KUBE-NODE-PORT', 'RETURN', 'dst,dst', 'sctp'],
  [S.KUBE_NODE_PORT_SCTP, 'nat', 'KUBE-NODE-PORT', 'KUBE-MARK-MASQ', 'dst,dst', 'sctp'],
  [S.KUBE_LOAD_BALANCER_FW, 'filter', 'KUBE-PROXY-FIREWALL', 'KUBE-SOURCE-RANGES-FIREWALL', 'dst,dst', ''],
  [S.KUBE_LOAD_BALANCER_SOURCE_CIDR, 'filter', 'KUBE-SOURCE-RANGES-FIREWALL', 'RETURN', 'dst,dst,src', ''],
  [S.KUBE_LOAD_BALANCER_SOURCE_IP, 'filter', 'KUBE-SOURCE-RANGES-FIREWALL', 'RETURN', 'dst,dst,src', ''],
];

const COMMENTS = new Map(S.IPSET_INFO.map(([name, , comment]) => [name, `"${comment}"`] as const));

export function writeIpvsIptables(input: IpvsIptablesInput): string {
  const nonEmpty = (set: string): boolean => (input.sets.get(set)?.size ?? 0) > 0;
  const comment = (set: string): string => COMMENTS.get(set) ?? '""';
  const nat: string[] = ['*nat', ...NAT_CHAINS.map((c) => `:${c} - [0:0]`)];
  const filter: string[] = ['*filter', ...FILTER_CHAINS.map((c) => `:${c} - [0:0]`)];

  nat.push('-A KUBE-SERVICES -s 127.0.0.0/8 -j RETURN');
  for (const [set, table, from, to, match, proto] of IPSET_CHAINS) {
    if (!nonEmpty(set)) continue;
    const p = proto === '' ? '' : ` -p ${proto}`;
    (table === 'nat' ? nat : filter).push(
      `-A ${from}${p} -m comment --comment ${comment(set)} -m set --match-set ${set} ${match} -j ${to}`,
    );
  }

  if (nonEmpty(S.KUBE_CLUSTER_IP)) {
    const head = `-A KUBE-SERVICES -m comment --comment ${comment(S.KUBE_CLUSTER_IP)} -m set --match-set ${S.KUBE_CLUSTER_IP}`;
    if (input.masqueradeAll) nat.push(`${head} dst,dst -j KUBE-MARK-MASQ`);
    else if (input.localCidr !== null) nat.push(`${head} dst,dst ! -s ${input.localCidr} -j KUBE-MARK-MASQ`);
    else nat.push(`${head} src,dst -j KUBE-MARK-MASQ`);
  }

  const externalIPRules = (head: string): void => {
    nat.push(`${head} -m physdev ! --physdev-is-in -m addrtype ! --src-type LOCAL -j ACCEPT`);
    nat.push(`${head} -m addrtype --dst-type LOCAL -j ACCEPT`);
  };
  for (const set of [S.KUBE_EXTERNAL_IP, S.KUBE_EXTERNAL_IP_LOCAL]) {
    if (!nonEmpty(set)) continue;
    const head = `-A KUBE-SERVICES -m comment --comment ${comment(set)} -m set --match-set ${set} dst,dst`;
    if (set === S.KUBE_EXTERNAL_IP) nat.push(`${head} -j KUBE-MARK-MASQ`);
    externalIPRules(head);
  }

  nat.push('-A KUBE-SERVICES -m addrtype --dst-type LOCAL -j KUBE-NODE-PORT');
  nat.push('-A KUBE-LOAD-BALANCER -j KUBE-MARK-MASQ');
  filter.push('-A KUBE-SOURCE-RANGES-FIREWALL -j DROP');
  for (const e of input.lbNoNodeAccess) {
    filter.push(`-A KUBE-IPVS-OUT-FILTER -s ${e.ip} -m ipvs --vaddr ${e.ip} --vproto ${e.proto} --vport ${e.port} -j DROP`);
  }

  // acceptIPVSTraffic: must stay at the end of KUBE-SERVICES.
  for (const set of [S.KUBE_CLUSTER_IP, S.KUBE_LOAD_BALANCER]) {
    if (nonEmpty(set)) nat.push(`-A KUBE-SERVICES -m set --match-set ${set} dst,dst -j ACCEPT`);
  }

  const mark = `${input.markText}/${input.markText}`;
  filter.push(`-A KUBE-FORWARD -m comment --comment "kubernetes forwarding rules" -m mark --mark ${mark} -j ACCEPT`);
  filter.push(
    '-A KUBE-FORWARD -m comment --comment "kubernetes forwarding conntrack rule" -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT',
  );
  filter.push(
    `-A KUBE-NODE-PORT -m comment --comment ${comment(S.KUBE_HEALTH_CHECK_NODE_PORT)} -m set --match-set ${S.KUBE_HEALTH_CHECK_NODE_PORT} dst -j ACCEPT`,
  );
  for (const [set, match] of [
    [S.KUBE_LOAD_BALANCER, 'dst,dst'],
    [S.KUBE_CLUSTER_IP, 'dst,dst'],
    [S.KUBE_EXTERNAL_IP, 'dst,dst'],
    [S.KUBE_EXTERNAL_IP_LOCAL, 'dst,dst'],
    [S.KUBE_HEALTH_CHECK_NODE_PORT, 'dst'],
  ] as const) {
    filter.push(`-A KUBE-IPVS-FILTER -m set --match-set ${set} ${match} -j RETURN`);
  }
  filter.push(`-A KUBE-IPVS-FILTER -m conntrack --ctstate NEW -m set --match-set ${S.KUBE_IPVS_IPS} dst -j REJECT`);

  nat.push(`-A KUBE-POSTROUTING -m mark ! --mark ${mark} -j RETURN`);
  nat.push(`-A KUBE-POSTROUTING -j MARK --xor-mark ${input.markText}`);
  nat.push(
    `-A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE${input.randomFully ? ' --random-fully' : ''}`,
  );
  nat.push(`-A KUBE-MARK-MASQ -j MARK --or-mark ${input.markText}`);
  filter.push('COMMIT');
  nat.push('COMMIT');
  return `${[...nat, ...filter].join('\n')}\n`;
}

/** iptablesJumpChain, applied with EnsureRule(Prepend): the later a rule, the higher it sits. */
const JUMPS: readonly (readonly [IptablesJumpRule['table'], IptablesJumpRule['chain'], string, string])[] = [
  ['nat', 'OUTPUT', 'KUBE-SERVICES', 'kubernetes service portals'],
  ['nat', 'PREROUTING', 'KUBE-SERVICES', 'kubernetes service portals'],
  ['nat', 'POSTROUTING', 'KUBE-POSTROUTING', 'kubernetes postrouting rules'],
  ['filter', 'FORWARD', 'KUBE-FORWARD', 'kubernetes forwarding rules'],
  ['filter', 'INPUT', 'KUBE-NODE-PORT', 'kubernetes health check rules'],
  ['filter', 'INPUT', 'KUBE-PROXY-FIREWALL', 'kube-proxy firewall rules'],
  ['filter', 'FORWARD', 'KUBE-PROXY-FIREWALL', 'kube-proxy firewall rules'],
  ['filter', 'INPUT', 'KUBE-IPVS-FILTER', 'kubernetes ipvs access filter'],
  ['filter', 'OUTPUT', 'KUBE-IPVS-OUT-FILTER', 'kubernetes ipvs access filter'],
];

/** The jump rules in their final position: per (table, chain), last prepended first. */
export function ipvsJumpRules(): readonly IptablesJumpRule[] {
  return [...JUMPS]
    .reverse()
    .map(([table, chain, to, text]) => ({ table, chain, rule: `-m comment --comment "${text}" -j ${to}` }));
}
