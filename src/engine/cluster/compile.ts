// compile(scenario) → Cluster. Does what kind (or the cloud), the scheduler and the CNI do
// for a new cluster: places the nodes on the node network the CNI runs on, places the pods,
// and hands each pod an address from the CNI's IPAM. An observed cluster keeps the node
// addresses, podCIDRs and pod addresses it reported where the plugin's IPAM is kind's
// host-local (ipam.ts). Namespaces are built lazily.
import { POLICY_ENGINE } from '../policy/engine';
import { cidrContains, cidrText, ipToInt, parseCidr, type Cidr } from '../lib/ip';
import { dockerMac, hashedMac } from '../lib/mac';
import { nodeAddresses, reportedIP } from './ipam';
import type { Scenario } from '../model/types';
import { schedule } from './schedule';
import { buildNetns, buildNetnsShape, GATEWAY_INTERNET_IP, GATEWAY_NETNS, outsideNetnsId, podNetnsId, nodeNetnsId, INTERNET_SEGMENT, nodeCtx } from './netns';
import { INTERNET_ROUTER_IP, INTERNET_ROUTER_NETNS, internetHost, WAN_SEGMENT, wanOwner } from './internet';
import { checkRouteEdits } from './route-edits';
import { buildServices } from '../services/allocate';
import { buildEndpoints } from '../services/endpoints';
import { proxyInputFor, serviceEntries } from '../services/proxy-input';
import type { ProxyInput, ProxyServiceEntry } from '../kubeproxy/types';
import { gatewayNetfilter, nodeNetfilter, type NetfilterState } from './netfilter-state';
import { cniPlugin } from '../cni/registry';
import type { AddressOwner, Cluster, ClusterNode, ClusterPod, CompileError, CompileResult, Netns, NetnsId, OutsideHost, PendingPod } from './types';

type MutableNode = { -readonly [K in keyof ClusterNode]: ClusterNode[K] } & { pods: string[] };

/** Finds the node whose pod ranges hold an address (ranges of a few prefix lengths, looked up by network). */
function rangeIndex(nodes: readonly ClusterNode[]): (n: number) => ClusterNode | undefined {
  const byNet = new Map<string, ClusterNode>();
  const prefixes = new Set<number>();
  for (const node of nodes) {
    for (const r of node.podRanges) {
      if (r.prefix === 32) continue;
      byNet.set(`${r.net}/${r.prefix}`, node);
      prefixes.add(r.prefix);
    }
  }
  const sorted = [...prefixes].sort((a, b) => b - a);
  return (n) => {
    for (const p of sorted) {
      const hit = byNet.get(`${(n & (p === 0 ? 0 : (0xffffffff << (32 - p)) >>> 0)) >>> 0}/${p}`);
      if (hit) return hit;
    }
    return undefined;
  };
}

export function compile(scenario: Scenario): CompileResult {
  const podSubnetCidr = parseCidr(scenario.cluster.podSubnet);
  const serviceSubnet = parseCidr(scenario.cluster.serviceSubnet);
  const cni = cniPlugin(scenario);
  const underlay = cni.underlay;
  const hasWorkers = scenario.cluster.nodes.some((n) => n.role === 'worker');
  const errors: CompileError[] = [];

  // kind's node network: reported node addresses and podCIDRs kept, the rest allocated as kind would.
  const addresses = nodeAddresses(scenario.cluster.nodes, parseCidr(scenario.cluster.nodeSubnet), podSubnetCidr, errors);
  const nodeList: MutableNode[] = scenario.cluster.nodes.map((n, i) => {
    const place = underlay.kind === 'l2' ? { ...underlay.place(i), ip: addresses[i]!.ip } : underlay.place(i);
    const labels: Record<string, string> = {
      'kubernetes.io/hostname': n.name, 'kubernetes.io/os': 'linux', 'kubernetes.io/arch': 'amd64', ...n.labels,
    };
    if (n.role === 'control-plane') labels['node-role.kubernetes.io/control-plane'] = '';
    if (!cidrContains(place.subnet, ipToInt(place.ip))) errors.push({ doc: 0, line: 0, message: `the node network has no room for node ${n.name}: ${place.ip} is outside ${cidrText(place.subnet)}` });
    return {
      name: n.name, index: i, role: n.role, ip: place.ip, mac: underlay.kind === 'l2' ? dockerMac(place.ip) : hashedMac(`eni0/${n.name}`),
      segment: place.segment, subnet: place.subnet, gatewayIp: place.gatewayIp, podCidr: place.subnet, podRanges: [], labels,
      // kubeadm taints control-plane nodes; kind removes the taint when there are no workers.
      tainted: n.observed ? n.observed.tainted : n.role === 'control-plane' && hasWorkers, pods: [] as string[],
    };
  });

  const placements = schedule(scenario.pods, nodeList);
  const counts = new Array<number>(nodeList.length).fill(0);
  for (let i = 0; i < scenario.pods.length; i++) {
    const p = placements[i]!;
    if (!('pending' in p) && !scenario.pods[i]!.hostNetwork) counts[p.node]! += 1;
  }
  const plan = cni.ipam(nodeList.map((n, i) => ({ placement: { ip: n.ip, segment: n.segment, subnet: n.subnet, gatewayIp: n.gatewayIp }, index: n.index, podCidr: addresses[i]!.podCidr })), podSubnetCidr, counts);
  const overflow = (plan as { overflow?: string }).overflow;
  if (overflow) errors.push({ doc: 0, line: 0, message: overflow });
  nodeList.forEach((n, i) => {
    n.podRanges = plan.ranges(i);
    n.podCidr = n.podRanges[0] ?? n.subnet;
  });

  const pods: ClusterPod[] = [];
  const pending: PendingPod[] = [];
  const slots = new Int32Array(nodeList.length);
  // Reported pod addresses first, so allocation leaves them alone (only host-local IPAM keeps them).
  const kept = scenario.pods.map((spec, i) => {
    const p = placements[i]!;
    const ip = reportedIP(spec);
    if ('pending' in p || ip === undefined || !plan.keep) return undefined;
    const refused = plan.keep(p.node, ip, nodeList[p.node]!.name);
    if (refused === null) return ip;
    errors.push({ doc: spec.source.doc, line: spec.source.line, object: `Pod ${spec.namespace}/${spec.name}`, field: 'status.podIP', message: refused });
    return undefined;
  });
  scenario.pods.forEach((spec, i) => {
    const p = placements[i]!;
    if ('pending' in p) { pending.push({ spec, reason: p.pending }); return; }
    const node = nodeList[p.node]!;
    const key = `${spec.namespace}/${spec.name}`;
    node.pods.push(key);
    if (spec.hostNetwork) {
      pods.push({ key, spec, node: node.name, ip: node.ip, slot: -1, netns: nodeNetnsId(node.name) });
      return;
    }
    const slot = slots[p.node]!;
    slots[p.node] = slot + 1;
    const reported = kept[i];
    const got = reported !== undefined ? { ip: reported } : plan.assign(p.node, slot);
    if ('full' in got) {
      errors.push({ doc: spec.source.doc, line: spec.source.line, object: `Pod ${key}`, message: `node ${node.name}: ${got.full}` });
      return;
    }
    pods.push({ key, spec, node: node.name, ip: got.ip, slot, netns: podNetnsId(key) });
  });

  const outside: OutsideHost[] = scenario.settings.outsideHosts.map((h) => ({ ...h, netns: outsideNetnsId(h.name) }));
  const nodesByName = new Map<string, ClusterNode>(nodeList.map((n) => [n.name, n]));
  const podsByKey = new Map(pods.map((p) => [p.key, p]));
  const podsByIp = new Map<number, ClusterPod>();
  for (const p of pods) if (p.slot >= 0) podsByIp.set(ipToInt(p.ip), p);
  const inRange = rangeIndex(nodeList);

  // Who answers ARP on each wire: the nodes' interfaces (and on a VPC every address an ENI holds), and the router.
  const segments = new Map<string, Map<number, AddressOwner>>(underlay.segments.map((s) => [s.id, new Map()]));
  for (const n of nodeList) {
    const seg = segments.get(n.segment)!;
    seg.set(ipToInt(n.ip), { netns: nodeNetnsId(n.name), device: 'eth0' });
  }
  for (const s of underlay.segments) segments.get(s.id)!.set(ipToInt(s.gatewayIp), { netns: GATEWAY_NETNS, device: s.gatewayDev });
  const internetSegment = new Map<number, AddressOwner>();
  internetSegment.set(ipToInt(GATEWAY_INTERNET_IP), { netns: GATEWAY_NETNS, device: underlay.internetDev });
  internetSegment.set(ipToInt(INTERNET_ROUTER_IP), { netns: INTERNET_ROUTER_NETNS, device: 'eth0' });
  for (const h of outside) internetSegment.set(ipToInt(h.ip), { netns: h.netns, device: 'eth0' });

  const svc = buildServices(scenario, serviceSubnet);
  errors.push(...svc.errors);
  const endpoints = buildEndpoints(svc.services, pods, nodeList, scenario.endpointSlices);
  const servicesByKey = new Map(svc.services.map((x) => [x.key, x]));
  let entries: ProxyServiceEntry[] | undefined;
  const proxyInputs = new Map<string, ProxyInput>();
  const podSpace: Cidr = cni.podSpace(podSubnetCidr);

  for (const s of svc.services) if (s.loadBalancerIP) internetSegment.set(ipToInt(s.loadBalancerIP), { netns: GATEWAY_NETNS, device: underlay.internetDev });

  const cache = new Map<NetnsId, Netns>();
  const nfCache = new Map<NetnsId, NetfilterState | undefined>();
  // Addresses the plugin puts on the node network besides the nodes' own (a VPC's ENI addresses), built on first use.
  let extra: Map<string, Map<number, AddressOwner>> | undefined;
  const extraOwners = () => {
    if (!extra) {
      extra = new Map();
      if (cni.underlayAddresses) {
        for (const node of nodeList) {
          const seg = extra.get(node.segment) ?? new Map<number, AddressOwner>();
          for (const o of cni.underlayAddresses(nodeCtx(cluster, node))) seg.set(ipToInt(o.ip), { netns: nodeNetnsId(node.name), device: o.device });
          extra.set(node.segment, seg);
        }
      }
    }
    return extra;
  };
  const cluster: Cluster = {
    scenario, seed: scenario.settings.seed, nodes: nodeList, pods, pending, outside, cni, underlay, policy: POLICY_ENGINE,
    gateway: { ip: underlay.segments[0]!.gatewayIp, netns: GATEWAY_NETNS },
    podSubnet: podSpace, serviceSubnet, nodeSubnet: underlay.cidr,
    services: svc.services, endpoints,
    service: (key) => servicesByKey.get(key),
    proxyInput(name) {
      let input = proxyInputs.get(name);
      if (!input) {
        const node = nodesByName.get(name);
        if (!node) throw new Error(`no node ${name}`);
        entries ??= serviceEntries(svc.services, endpoints);
        input = proxyInputFor(node, cidrText(podSpace), scenario.cluster.serviceSubnet, entries, scenario.settings.ipvsScheduler);
        proxyInputs.set(name, input);
      }
      return input;
    },
    node: (name) => nodesByName.get(name),
    pod: (key) => podsByKey.get(key),
    netns(id) {
      let ns = cache.get(id);
      if (!ns) {
        ns = buildNetns(cluster, id);
        cache.set(id, ns);
      }
      return ns;
    },
    shape: (id) => cache.get(id) ?? buildNetnsShape(cluster, id),
    netfilter(id) {
      if (!nfCache.has(id)) {
        const nf = id.startsWith('node/') ? nodeNetfilter(cluster, id.slice(5)) : id === GATEWAY_NETNS ? gatewayNetfilter(cluster) : undefined;
        nfCache.set(id, nf);
      }
      return nfCache.get(id);
    },
    onSegment(segment, ip) {
      const n = ipToInt(ip);
      if (segment === INTERNET_SEGMENT) return internetSegment.get(n);
      if (segment === WAN_SEGMENT) return wanOwner(cluster, ip);
      const seg = segments.get(segment);
      if (!seg) return undefined;
      return seg.get(n) ?? extraOwners().get(segment)?.get(n);
    },
    ownerOf(ip) {
      const n = ipToInt(ip);
      const pod = podsByIp.get(n);
      if (pod) return { netns: pod.netns, device: 'eth0' };
      const node = inRange(n);
      if (node) {
        const dev = cni.deviceFor?.(nodeCtx(cluster, node), ip);
        if (dev) return { netns: nodeNetnsId(node.name), device: dev };
      }
      for (const seg of segments.values()) {
        const hit = seg.get(n);
        if (hit) return hit;
      }
      return internetSegment.get(n) ?? wanOwner(cluster, ip);
    },
    outsideHost(ref) {
      return outside.find((h) => h.ip === ref || h.name === ref) ?? internetHost(cluster, ref);
    },
  };
  errors.push(...checkRouteEdits(cluster));
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, cluster };
}

