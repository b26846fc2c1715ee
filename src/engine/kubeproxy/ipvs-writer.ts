// kube-proxy's IPVS proxier, syncProxyRules() (pkg/proxy/ipvs/proxier.go): for every
// Service port a virtual server per ClusterIP, externalIP, LoadBalancer IP and node IP
// (NodePort), real servers chosen by syncEndpoint(), the kube-ipvs0 addresses, the ipset
// entries, and the iptables rules that IPVS mode still writes.
import { cidrContains, ipToInt, parseCidr } from '../lib/ip';
import { categorizeEndpoints, type EndpointInfo } from './endpoints';
import { nodePortAddresses, proxyServices } from './ipvs-nft-endpoints';
import { ipvsJumpRules, writeIpvsIptables } from './ipvs-iptables';
import * as S from './ipvs-ipsets';
import type { Ipset, IpvsRealServer, IpvsState, IpvsVirtualServer, IpvsVirtualServerKind } from '../netfilter/ipvs/types';
import { virtualServerKey } from '../netfilter/ipvs/types';
import { goMasqueradeMark, localDetectorCidr } from './proxier-config';
import type { ServiceInfo } from './service-info';
import type { ProxyInput } from './types';

export interface IpvsWriteOptions {
  /** Mark spelling in the iptables rules; default Go's "%#08x" ("0x00004000"). */
  readonly masqueradeMarkText?: string;
}

export function writeIpvsState(input: ProxyInput, options: IpvsWriteOptions = {}): IpvsState {
  const scheduler = input.ipvsScheduler === '' ? 'rr' : input.ipvsScheduler;
  const entries = new Map(S.IPSET_INFO.map(([name]) => [name, new Set<string>()] as const));
  const add = (set: string, entry: string): void => void entries.get(set)!.add(entry);
  const virtualServers = new Map<string, IpvsVirtualServer>();
  const bound: string[] = [];
  const boundSet = new Set<string>();
  const bind = (ip: string): void => {
    if (!boundSet.has(ip)) {
      boundSet.add(ip);
      bound.push(ip);
    }
  };
  const nodeAddresses = new Set(input.nodeIPs);
  const npa = nodePortAddresses(input);
  const primaryNodeIP = input.nodeIPs[0];
  const lbNoNodeAccess: { ip: string; proto: string; port: number }[] = [];

  for (const { svc, endpoints: eps } of proxyServices(input)) {
    const proto = svc.protocol;
    const servicePort = svc.port.port;
    const vs = (kind: IpvsVirtualServerKind, address: string, port: number, onlyLocal: boolean): void => {
      const v = virtualServer(svc, kind, address, port, scheduler, realServers(svc, eps, onlyLocal));
      virtualServers.set(v.key, v);
    };

    for (const ep of eps) {
      if (ep.isLocal) add(S.KUBE_LOOP_BACK, S.ipPortIpEntry(ep.ip, proto, ep.port, ep.ip));
    }

    const clusterIP = svc.clusterIP;
    add(S.KUBE_CLUSTER_IP, S.ipPortEntry(clusterIP, proto, servicePort));
    vs('ClusterIP', clusterIP, servicePort, svc.internalPolicyLocal);
    bind(clusterIP);

    const local = svc.externalPolicyLocal;
    for (const ip of svc.externalIPs) {
      add(local ? S.KUBE_EXTERNAL_IP_LOCAL : S.KUBE_EXTERNAL_IP, S.ipPortEntry(ip, proto, servicePort));
      vs('ExternalIP', ip, servicePort, local);
      if (!nodeAddresses.has(ip)) bind(ip);
    }

    const ranges = svc.loadBalancerSourceRanges;
    for (const ip of svc.loadBalancerVIPs) {
      const e = S.ipPortEntry(ip, proto, servicePort);
      add(S.KUBE_LOAD_BALANCER, e);
      if (local) add(S.KUBE_LOAD_BALANCER_LOCAL, e);
      if (ranges.length > 0) {
        add(S.KUBE_LOAD_BALANCER_FW, e);
        for (const cidr of ranges) add(S.KUBE_LOAD_BALANCER_SOURCE_CIDR, S.ipPortIpEntry(ip, proto, servicePort, cidr));
        const allowFromNode =
          primaryNodeIP !== undefined && ranges.some((r) => cidrContains(parseCidr(r), ipToInt(primaryNodeIP)));
        if (allowFromNode) add(S.KUBE_LOAD_BALANCER_SOURCE_IP, S.ipPortIpEntry(ip, proto, servicePort, ip));
        else lbNoNodeAccess.push({ ip, proto, port: servicePort });
      }
      vs('LoadBalancer', ip, servicePort, local);
      if (!nodeAddresses.has(ip)) bind(ip);
    }

    const nodePort = svc.port.nodePort;
    if (nodePort !== 0 && npa.nodeIPs.length > 0) {
      if (proto === 'sctp') {
        for (const ip of npa.nodeIPs) {
          add(S.KUBE_NODE_PORT_SCTP, S.ipPortEntry(ip, proto, nodePort));
          if (local) add(S.KUBE_NODE_PORT_LOCAL_SCTP, S.ipPortEntry(ip, proto, nodePort));
        }
      } else {
        add(proto === 'tcp' ? S.KUBE_NODE_PORT_TCP : S.KUBE_NODE_PORT_UDP, String(nodePort));
        if (local) add(proto === 'tcp' ? S.KUBE_NODE_PORT_LOCAL_TCP : S.KUBE_NODE_PORT_LOCAL_UDP, String(nodePort));
      }
      for (const ip of npa.nodeIPs) vs('NodePort', ip, nodePort, local);
    }

    // The Service's health check node port (apiservice.NeedsHealthCheck: LoadBalancer + ETP=Local).
    if (svc.healthCheckNodePort !== 0) add(S.KUBE_HEALTH_CHECK_NODE_PORT, String(svc.healthCheckNodePort));
  }
  for (const ip of bound) add(S.KUBE_IPVS_IPS, ip);

  const ipsets = new Map<string, Ipset>(
    S.IPSET_INFO.map(([name, type, comment]) => [name, { name, type, comment, entries: sortedEntries(type, entries.get(name)!) }]),
  );
  return {
    dummyAddresses: bound,
    virtualServers,
    ipsets,
    iptablesRestore: writeIpvsIptables({
      sets: entries,
      masqueradeAll: input.masqueradeAll,
      localCidr: localDetectorCidr(input),
      markText: options.masqueradeMarkText ?? goMasqueradeMark(input.masqueradeBit),
      randomFully: input.randomFully,
      lbNoNodeAccess,
    }),
    iptablesJumps: ipvsJumpRules(),
  };
}

/** syncEndpoint(): local endpoints when only local ones may be used, falling back to all (PR 97081). */
function realServers(svc: ServiceInfo, eps: readonly EndpointInfo[], onlyNodeLocal: boolean): readonly IpvsRealServer[] {
  const { cluster, local } = categorizeEndpoints(eps, svc);
  const chosen = onlyNodeLocal && local.length > 0 ? local : cluster;
  const seen = new Set<string>();
  const out: IpvsRealServer[] = [];
  for (const ep of chosen) {
    if (seen.has(ep.str)) continue;
    seen.add(ep.str);
    out.push({ address: ep.ip, port: ep.port, weight: 1, forward: 'Masq' });
  }
  return out;
}

function virtualServer(
  svc: ServiceInfo,
  kind: IpvsVirtualServerKind,
  address: string,
  port: number,
  scheduler: string,
  realServers: readonly IpvsRealServer[],
): IpvsVirtualServer {
  return {
    key: virtualServerKey(svc.port.protocol, address, port),
    protocol: svc.port.protocol,
    address,
    port,
    scheduler,
    persistentTimeout: svc.stickySeconds,
    sourceHash: scheduler === 'mh',
    realServers,
    kind,
    servicePortName: svc.nameString,
  };
}

/**
 * kube-proxy adds entries in sets.String.List() order (sorted strings); a bitmap lists
 * its ports in numeric order. (A hash set lists in kernel hash-bucket order, which
 * depends on a random initval; we keep the order they were added in.)
 */
function sortedEntries(type: Ipset['type'], entries: ReadonlySet<string>): ReadonlySet<string> {
  const list = [...entries];
  if (type === 'bitmap:port') list.sort((a, b) => Number(a) - Number(b));
  else list.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return new Set(list);
}
