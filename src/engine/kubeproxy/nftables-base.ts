// The fixed part of the `ip kube-proxy` table: setupNFTables() of kube-proxy's nftables
// proxier (pkg/proxy/nftables/proxier.go) — base chains on the netfilter hooks, the jump
// rules into the helper chains, the masquerade chains, the dispatch sets and verdict maps.
// Matches the version of TestOverallNFTablesRules' baseRules (filter chains at -110 before
// DNAT and at 0 after it; cluster-ips-check rejecting unknown ports of ClusterIPs).
import type { NftTableBuilder } from './nftables-builder';
import type { NftBaseChainSpec, NftExpr } from '../netfilter/nft/types';

export const SERVICES_CHAIN = 'services';
export const SERVICE_IPS_MAP = 'service-ips';
export const SERVICE_NODEPORTS_MAP = 'service-nodeports';
export const NODEPORT_IPS_SET = 'nodeport-ips';
export const CLUSTER_IPS_SET = 'cluster-ips';
export const SERVICE_ENDPOINTS_CHECK_CHAIN = 'service-endpoints-check';
export const NODEPORT_ENDPOINTS_CHECK_CHAIN = 'nodeport-endpoints-check';
export const NO_ENDPOINT_SERVICES_MAP = 'no-endpoint-services';
export const NO_ENDPOINT_NODEPORTS_MAP = 'no-endpoint-nodeports';
export const REJECT_CHAIN = 'reject-chain';
export const CLUSTER_IPS_CHECK_CHAIN = 'cluster-ips-check';
export const FIREWALL_IPS_MAP = 'firewall-ips';
export const FIREWALL_CHECK_CHAIN = 'firewall-check';
export const MARK_MASQ_CHAIN = 'mark-for-masquerade';
export const MASQUERADING_CHAIN = 'masquerading';

const DNAT = -100;
const SNAT = 100;
const FILTER = 0;

/** nftablesBaseChains, in kube-proxy's order. */
export const NFTABLES_BASE_CHAINS: readonly (NftBaseChainSpec & { readonly name: string })[] = [
  { name: 'filter-prerouting-pre-dnat', type: 'filter', hook: 'prerouting', priority: DNAT - 10 },
  { name: 'filter-output-pre-dnat', type: 'filter', hook: 'output', priority: DNAT - 10 },
  { name: 'filter-input', type: 'filter', hook: 'input', priority: FILTER },
  { name: 'filter-forward', type: 'filter', hook: 'forward', priority: FILTER },
  { name: 'filter-output', type: 'filter', hook: 'output', priority: FILTER },
  { name: 'nat-prerouting', type: 'nat', hook: 'prerouting', priority: DNAT },
  { name: 'nat-output', type: 'nat', hook: 'output', priority: DNAT },
  { name: 'nat-postrouting', type: 'nat', hook: 'postrouting', priority: SNAT },
];

/** nftablesJumpChains: [destination, source base chain, ct state new?]. */
const JUMP_CHAINS: readonly (readonly [string, string, boolean])[] = [
  [NODEPORT_ENDPOINTS_CHECK_CHAIN, 'filter-input', true],
  [SERVICE_ENDPOINTS_CHECK_CHAIN, 'filter-input', true],
  [SERVICE_ENDPOINTS_CHECK_CHAIN, 'filter-forward', true],
  [SERVICE_ENDPOINTS_CHECK_CHAIN, 'filter-output', true],
  [FIREWALL_CHECK_CHAIN, 'filter-prerouting-pre-dnat', true],
  [FIREWALL_CHECK_CHAIN, 'filter-output-pre-dnat', true],
  [SERVICES_CHAIN, 'nat-output', false],
  [SERVICES_CHAIN, 'nat-prerouting', false],
  [MASQUERADING_CHAIN, 'nat-postrouting', false],
  [CLUSTER_IPS_CHECK_CHAIN, 'filter-forward', true],
  [CLUSTER_IPS_CHECK_CHAIN, 'filter-output', true],
];

const DEST_TUPLE_MAP_TYPE = 'ipv4_addr . inet_proto . inet_service : verdict';
const PORT_MAP_TYPE = 'inet_proto . inet_service : verdict';
const NO_LOCALHOST: NftExpr = { kind: 'addr', field: 'daddr', negate: true, value: '127.0.0.0/8' };

export interface BaseRulesInput {
  readonly mark: { readonly value: number; readonly text: string };
  /** IPv4 Service CIDRs; empty means no "drop unallocated ClusterIPs" rule. */
  readonly serviceCIDRs: readonly string[];
  /** null when every local address accepts NodePorts (nodeport-ips is then not created). */
  readonly nodePortIPs: readonly string[] | null;
}

export function writeBaseRules(tx: NftTableBuilder, input: BaseRulesInput): void {
  for (const bc of NFTABLES_BASE_CHAINS) {
    tx.chain(bc.name, { base: { type: bc.type, hook: bc.hook, priority: bc.priority } });
  }
  for (const [dst, src, ctNew] of JUMP_CHAINS) {
    tx.chain(dst);
    tx.rule(src, ctNew ? [{ kind: 'ctStateNew' }] : [], { kind: 'verdict', verdict: { kind: 'jump', chain: dst } });
  }
  for (const c of [SERVICES_CHAIN, CLUSTER_IPS_CHECK_CHAIN, MASQUERADING_CHAIN, MARK_MASQ_CHAIN]) tx.chain(c);

  const { value, text } = input.mark;
  tx.rule(MARK_MASQ_CHAIN, [], { kind: 'markOr', value, text });
  tx.rule(MASQUERADING_CHAIN, [{ kind: 'markMaskZero', mask: value, text }], {
    kind: 'verdict',
    verdict: { kind: 'return' },
  });
  tx.rule(MASQUERADING_CHAIN, [], { kind: 'markXor', value, text });
  tx.rule(MASQUERADING_CHAIN, [], { kind: 'masquerade', fullyRandom: true });

  tx.set({ name: CLUSTER_IPS_SET, type: 'ipv4_addr', comment: 'Active ClusterIPs' });
  tx.rule(
    CLUSTER_IPS_CHECK_CHAIN,
    [{ kind: 'addrInSet', field: 'daddr', set: CLUSTER_IPS_SET }],
    { kind: 'reject' },
    'Reject traffic to invalid ports of ClusterIPs',
  );
  if (input.serviceCIDRs.length > 0) {
    tx.rule(
      CLUSTER_IPS_CHECK_CHAIN,
      [{ kind: 'addrAnonSet', field: 'daddr', negate: false, values: input.serviceCIDRs, join: ',' }],
      { kind: 'verdict', verdict: { kind: 'drop' } },
      'Drop traffic to unallocated ClusterIPs',
    );
  }

  if (input.nodePortIPs !== null) {
    tx.set({ name: NODEPORT_IPS_SET, type: 'ipv4_addr', comment: 'IPs that accept NodePort traffic' });
    for (const ip of input.nodePortIPs) tx.setElement(NODEPORT_IPS_SET, [ip]);
  }

  tx.map({
    name: NO_ENDPOINT_SERVICES_MAP,
    type: DEST_TUPLE_MAP_TYPE,
    comment: 'vmap to drop or reject packets to services with no endpoints',
  });
  tx.map({
    name: NO_ENDPOINT_NODEPORTS_MAP,
    type: PORT_MAP_TYPE,
    comment: 'vmap to drop or reject packets to service nodeports with no endpoints',
  });
  tx.chain(REJECT_CHAIN, { comment: 'helper for @no-endpoint-services / @no-endpoint-nodeports' });
  tx.rule(REJECT_CHAIN, [], { kind: 'reject' });

  tx.rule(SERVICE_ENDPOINTS_CHECK_CHAIN, [], { kind: 'vmap', key: 'daddr.l4proto.dport', map: NO_ENDPOINT_SERVICES_MAP });
  const nodePortDst: NftExpr =
    input.nodePortIPs === null ? NO_LOCALHOST : { kind: 'addrInSet', field: 'daddr', set: NODEPORT_IPS_SET };
  tx.rule(NODEPORT_ENDPOINTS_CHECK_CHAIN, [nodePortDst], {
    kind: 'vmap',
    key: 'l4proto.dport',
    map: NO_ENDPOINT_NODEPORTS_MAP,
  });

  tx.map({
    name: FIREWALL_IPS_MAP,
    type: DEST_TUPLE_MAP_TYPE,
    comment: 'destinations that are subject to LoadBalancerSourceRanges',
  });
  tx.rule(FIREWALL_CHECK_CHAIN, [], { kind: 'vmap', key: 'daddr.l4proto.dport', map: FIREWALL_IPS_MAP });

  tx.map({ name: SERVICE_IPS_MAP, type: DEST_TUPLE_MAP_TYPE, comment: 'ClusterIP, ExternalIP and LoadBalancer IP traffic' });
  tx.map({ name: SERVICE_NODEPORTS_MAP, type: PORT_MAP_TYPE, comment: 'NodePort traffic' });
  tx.rule(SERVICES_CHAIN, [], { kind: 'vmap', key: 'daddr.l4proto.dport', map: SERVICE_IPS_MAP });
  const nodePortMatch: readonly NftExpr[] =
    input.nodePortIPs === null
      ? [{ kind: 'fibLocal', field: 'daddr' }, NO_LOCALHOST]
      : [{ kind: 'addrInSet', field: 'daddr', set: NODEPORT_IPS_SET }];
  tx.rule(SERVICES_CHAIN, nodePortMatch, { kind: 'vmap', key: 'l4proto.dport', map: SERVICE_NODEPORTS_MAP });
}
