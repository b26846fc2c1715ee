// The nftables table kube-network-policies v0.5.1 programs on every node (syncNFTablesRules,
// pkg/networkpolicy/controller.go), printed as `nft list table inet kube-network-policies`
// prints it: the sets of local pod addresses some policy selects, and one postrouting chain at
// srcnat - 5 (before any SNAT; it catches IPVS traffic too, kube-network-policies#46) that
// accepts IPv6 neighbour discovery, root's own sockets (kubelet probes, #65) and established or
// related packets, and sends the rest to or from those pods to NFQUEUE 100 (bypass: kindnetd
// runs it with FailOpen, so with no listener the kernel accepts).
import { ipToInt } from '../../lib/ip';

export const QUEUE_ID = 100;
export const TABLE = 'kube-network-policies';
export const CHAIN = 'postrouting';
export const SET_V4 = 'podips-v4';
export const SET_V6 = 'podips-v6';
const QUEUE = `queue flags bypass to ${QUEUE_ID}`;
const V4_COMMENT = 'process IPv4 traffic with network policy enforcement';
const V6_COMMENT = 'process IPv6 traffic with network policy enforcement';

/** The chain's rules as nft lists them, in order. */
export const RULES = {
  nd: 'icmpv6 type { nd-neighbor-solicit, nd-neighbor-advert } accept',
  root: 'meta skuid 0 accept',
  established: 'ct state established,related accept',
  saddr: `ip saddr @${SET_V4} ${QUEUE} comment "${V4_COMMENT}"`,
  daddr: `ip daddr @${SET_V4} ${QUEUE} comment "${V4_COMMENT}"`,
  saddr6: `ip6 saddr @${SET_V6} ${QUEUE} comment "${V6_COMMENT}"`,
  daddr6: `ip6 daddr @${SET_V6} ${QUEUE} comment "${V6_COMMENT}"`,
} as const;

export function formatKubeNetworkPoliciesTable(podIps: readonly string[]): string {
  const elements = [...podIps].sort((a, b) => ipToInt(a) - ipToInt(b));
  return [
    `table inet ${TABLE} {`,
    '\tcomment "rules for kubernetes NetworkPolicy"',
    `\tset ${SET_V4} {`,
    '\t\ttype ipv4_addr',
    '\t\tcomment "Local V4 Pod IPs with Network Policies"',
    ...(elements.length ? [`\t\telements = { ${elements.join(', ')} }`] : []),
    '\t}',
    '',
    `\tset ${SET_V6} {`,
    '\t\ttype ipv6_addr',
    '\t\tcomment "Local V6 Pod IPs with Network Policies"',
    '\t}',
    '',
    `\tchain ${CHAIN} {`,
    '\t\ttype filter hook postrouting priority srcnat - 5; policy accept;',
    ...Object.values(RULES).map((r) => `\t\t${r}`),
    '\t}',
    '}',
    '',
  ].join('\n');
}
