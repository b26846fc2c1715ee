// kube-proxy's nftables proxier, syncProxyRules(): turns what kube-proxy sees on one node
// (ProxyInput) into the `ip kube-proxy` table — per Service port the service-, local-,
// external-, endpoint- and firewall- chains, the affinity sets, and the elements of the
// service-ips / service-nodeports / no-endpoint-* / firewall-ips maps and cluster-ips set.
// Follows pkg/proxy/nftables/proxier.go (full sync of a fresh node: no stale chains).
import { cidrContains, ipToInt, parseCidr } from '../lib/ip';
import { categorizeEndpoints, type EndpointInfo } from './endpoints';
import { nodePortAddresses, proxyServices } from './ipvs-nft-endpoints';
import {
  CLUSTER_IPS_SET,
  FIREWALL_IPS_MAP,
  MARK_MASQ_CHAIN,
  NO_ENDPOINT_NODEPORTS_MAP,
  NO_ENDPOINT_SERVICES_MAP,
  REJECT_CHAIN,
  SERVICE_IPS_MAP,
  SERVICE_NODEPORTS_MAP,
  writeBaseRules,
} from './nftables-base';
import { NftTableBuilder } from './nftables-builder';
import { endpointNames, serviceChainNames, type EndpointNames } from './nftables-names';
import type { NftExpr, NftTable, NftVerdict } from '../netfilter/nft/types';
import { goMasqueradeMark, localDetectorCidr } from './proxier-config';
import type { ServiceInfo } from './service-info';
import type { ProxyInput } from './types';

export interface NftablesWriteOptions {
  /**
   * How the masquerade mark is spelled in rules. Real kube-proxy writes Go's "%#08x"
   * ("0x00004000"); the upstream unit tests' fake proxier uses "0x4000".
   */
  readonly masqueradeMarkText?: string;
}

const JUMP_MASQ = { kind: 'verdict', verdict: { kind: 'jump', chain: MARK_MASQ_CHAIN } } as const;
const goto = (chain: string): NftVerdict => ({ kind: 'goto', chain });

export function writeNftablesRules(input: ProxyInput, options: NftablesWriteOptions = {}): NftTable {
  const tx = new NftTableBuilder('kube-proxy', 'rules for kube-proxy');
  const npa = nodePortAddresses(input);
  writeBaseRules(tx, {
    mark: { value: 2 ** input.masqueradeBit, text: options.masqueradeMarkText ?? goMasqueradeMark(input.masqueradeBit) },
    serviceCIDRs: (input.serviceCIDRs ?? []).filter((c) => !c.includes(':')),
    nodePortIPs: npa.matchAll ? null : npa.nodeIPs,
  });
  for (const { svc, endpoints } of proxyServices(input)) writeService(tx, input, svc, endpoints);
  return tx.build();
}

function writeService(tx: NftTableBuilder, input: ProxyInput, svc: ServiceInfo, eps: readonly EndpointInfo[]): void {
  const proto = svc.protocol;
  const port = String(svc.port.port);
  const nameString = svc.nameString;
  const names = serviceChainNames(svc.port);
  const { cluster, local, allReachable, hasAny } = categorizeEndpoints(eps, svc);
  const affinity = svc.stickySeconds > 0;

  const epNames = new Map(allReachable.map((ep) => [ep, endpointNames(svc.port, ep)] as const));
  const namesOf = (ep: EndpointInfo): EndpointNames => epNames.get(ep) ?? endpointNames(svc.port, ep);

  for (const ep of allReachable) tx.chain(namesOf(ep).chain);
  const usesClusterChain = cluster.length > 0 && svc.usesClusterEndpoints;
  if (usesClusterChain) tx.chain(names.cluster);
  const usesLocalChain = local.length > 0 && svc.usesLocalEndpoints;
  if (usesLocalChain) tx.chain(names.local);

  const internalChain = svc.internalPolicyLocal ? names.local : names.cluster;
  const hasInternal = hasAny && (!svc.internalPolicyLocal || local.length > 0);
  const externalPolicyChain = svc.externalPolicyLocal ? names.local : names.cluster;
  const hasExternal = hasAny && (!svc.externalPolicyLocal || local.length > 0);
  const usesExternalChain = hasAny && svc.externallyAccessible;
  if (usesExternalChain) tx.chain(names.external);

  const reject: NftVerdict = goto(REJECT_CHAIN);
  const internalFilter: NftVerdict = hasAny ? { kind: 'drop' } : reject;
  const externalFilter: NftVerdict = hasAny ? { kind: 'drop' } : reject;
  const clusterIP = svc.clusterIP;

  tx.setElement(CLUSTER_IPS_SET, [clusterIP]);
  if (hasInternal) tx.mapElement(SERVICE_IPS_MAP, [clusterIP, proto, port], goto(internalChain));
  else tx.mapElement(NO_ENDPOINT_SERVICES_MAP, [clusterIP, proto, port], internalFilter, nameString);

  for (const ip of svc.externalIPs) {
    if (hasAny) tx.mapElement(SERVICE_IPS_MAP, [ip, proto, port], goto(names.external));
    if (!hasExternal) tx.mapElement(NO_ENDPOINT_SERVICES_MAP, [ip, proto, port], externalFilter, nameString);
  }

  const lbIPs = svc.loadBalancerVIPs;
  const ranges = svc.loadBalancerSourceRanges;
  const usesFW = lbIPs.length > 0 && ranges.length > 0;
  if (usesFW) tx.chain(names.firewall);
  for (const ip of lbIPs) {
    if (hasAny) tx.mapElement(SERVICE_IPS_MAP, [ip, proto, port], goto(names.external));
    if (usesFW) tx.mapElement(FIREWALL_IPS_MAP, [ip, proto, port], goto(names.firewall));
  }
  if (!hasExternal) {
    for (const ip of lbIPs) tx.mapElement(NO_ENDPOINT_SERVICES_MAP, [ip, proto, port], externalFilter, nameString);
  }

  if (svc.port.nodePort !== 0) {
    const np = String(svc.port.nodePort);
    if (hasAny) tx.mapElement(SERVICE_NODEPORTS_MAP, [proto, np], goto(names.external));
    if (!hasExternal) tx.mapElement(NO_ENDPOINT_NODEPORTS_MAP, [proto, np], externalFilter, nameString);
  }

  // Internal traffic: masquerade what does not come from a local pod.
  const localCidr = localDetectorCidr(input);
  if (hasInternal) {
    const dst: NftExpr = { kind: 'addr', field: 'daddr', negate: false, value: clusterIP };
    if (input.masqueradeAll) tx.rule(internalChain, [dst], JUMP_MASQ);
    else if (localCidr !== null) {
      tx.rule(internalChain, [dst, { kind: 'addr', field: 'saddr', negate: true, value: localCidr }], JUMP_MASQ);
    }
  }

  if (usesExternalChain) {
    if (!svc.externalPolicyLocal) {
      tx.rule(names.external, [], JUMP_MASQ);
    } else {
      if (localCidr !== null) {
        tx.rule(
          names.external,
          [{ kind: 'addr', field: 'saddr', negate: false, value: localCidr }],
          { kind: 'verdict', verdict: goto(names.cluster) },
          'short-circuit pod traffic',
        );
      }
      tx.rule(names.external, [{ kind: 'fibLocal', field: 'saddr' }], JUMP_MASQ, 'masquerade local traffic');
      tx.rule(
        names.external,
        [{ kind: 'fibLocal', field: 'saddr' }],
        { kind: 'verdict', verdict: goto(names.cluster) },
        'short-circuit local traffic',
      );
    }
    if (hasExternal) tx.rule(names.external, [], { kind: 'verdict', verdict: goto(externalPolicyChain) });
  }

  if (usesFW) {
    const sources = [...ranges];
    const nodeIP = input.nodeIPs[0];
    if (nodeIP !== undefined && ranges.some((r) => cidrContains(parseCidr(r), ipToInt(nodeIP)))) sources.push(...lbIPs);
    tx.rule(
      names.firewall,
      [{ kind: 'addrAnonSet', field: 'saddr', negate: true, values: sources, join: ' , ' }],
      { kind: 'verdict', verdict: { kind: 'drop' } },
    );
  }

  if (affinity) {
    for (const ep of allReachable) {
      tx.set({
        name: namesOf(ep).affinitySet,
        type: 'ipv4_addr',
        flags: ['dynamic', 'timeout'],
        timeoutSeconds: svc.stickySeconds,
      });
    }
  }

  if (usesClusterChain) writeServiceToEndpointRules(tx, affinity, names.cluster, cluster.map(namesOf));
  if (usesLocalChain) writeServiceToEndpointRules(tx, affinity, names.local, local.map(namesOf));

  for (const ep of allReachable) {
    const n = namesOf(ep);
    tx.rule(n.chain, [{ kind: 'addr', field: 'saddr', negate: false, value: ep.ip }], JUMP_MASQ);
    if (affinity) tx.rule(n.chain, [], { kind: 'setUpdate', set: n.affinitySet, field: 'saddr' });
    tx.rule(n.chain, [{ kind: 'l4proto', proto }], { kind: 'dnat', addr: ep.ip, port: ep.port });
  }
}

/** writeServiceToEndpointRules: affinity lookups first, then one numgen vmap. */
function writeServiceToEndpointRules(
  tx: NftTableBuilder,
  affinity: boolean,
  chain: string,
  eps: readonly EndpointNames[],
): void {
  if (affinity) {
    for (const n of eps) {
      tx.rule(chain, [{ kind: 'addrInSet', field: 'saddr', set: n.affinitySet }], {
        kind: 'verdict',
        verdict: goto(n.chain),
      });
    }
  }
  tx.rule(chain, [], { kind: 'numgen', targets: eps.map((n) => n.chain) });
}
