// compile(scenario) → Cluster. Does what kind, the scheduler and the CNI's IPAM do for a
// new cluster: names and addresses the nodes, gives each node a /24 of the pod subnet,
// places the pods and hands each one the next free address of its node's range
// (host-local IPAM: .1 is the bridge, pods from .2). Namespaces are built lazily.
import { cidrContains, ipToInt, nthAddress, nthSubnet, parseCidr } from '../lib/ip';
import { dockerMac } from '../lib/mac';
import type { Scenario } from '../model/types';
import { schedule } from './schedule';
import { buildNetns, buildNetnsShape, GATEWAY_INTERNET_IP, GATEWAY_NETNS, outsideNetnsId, podNetnsId, nodeNetnsId, INTERNET_SEGMENT, NODE_SEGMENT } from './netns';
import { INTERNET_ROUTER_IP, INTERNET_ROUTER_NETNS, internetHost, WAN_SEGMENT, wanOwner } from './internet';
import { checkRouteEdits } from './route-edits';
import { buildServices } from '../services/allocate';
import { buildEndpoints } from '../services/endpoints';
import { proxyInputFor, serviceEntries } from '../services/proxy-input';
import type { ProxyInput, ProxyServiceEntry } from '../kubeproxy/types';
import { gatewayNetfilter, nodeNetfilter, type NetfilterState } from './netfilter-state';
import type { AddressOwner, Cluster, ClusterNode, ClusterPod, CompileResult, Netns, NetnsId, OutsideHost, PendingPod } from './types';


export function compile(scenario: Scenario): CompileResult {
  const podSubnet = parseCidr(scenario.cluster.podSubnet);
  const serviceSubnet = parseCidr(scenario.cluster.serviceSubnet);
  const nodeSubnet = parseCidr(scenario.cluster.nodeSubnet);
  const hasWorkers = scenario.cluster.nodes.some((n) => n.role === 'worker');

  const nodeList = scenario.cluster.nodes.map((n, i) => {
    const ip = nthAddress(nodeSubnet, i + 2);
    const labels: Record<string, string> = {
      'kubernetes.io/hostname': n.name, 'kubernetes.io/os': 'linux', 'kubernetes.io/arch': 'amd64', ...n.labels,
    };
    if (n.role === 'control-plane') labels['node-role.kubernetes.io/control-plane'] = '';
    return {
      name: n.name, index: i, role: n.role, ip, mac: dockerMac(ip), podCidr: nthSubnet(podSubnet, 24, i), labels,
      // kubeadm taints control-plane nodes; kind removes the taint when there are no workers.
      tainted: n.role === 'control-plane' && hasWorkers, pods: [] as string[], bridged: false,
    };
  });

  const placements = schedule(scenario.pods, nodeList);
  const pods: ClusterPod[] = [];
  const pending: PendingPod[] = [];
  const slots = new Int32Array(nodeList.length);
  const errors: { doc: number; line: number; object?: string; field?: string; message: string }[] = [];
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
    if (slot + 2 > 254) {
      errors.push({ doc: spec.source.doc, line: spec.source.line, object: `Pod ${key}`, message: `node ${node.name}'s pod range ${nthAddress(node.podCidr, 0)}/24 is full: host-local IPAM has no address left for this pod` });
      return;
    }
    pods.push({ key, spec, node: node.name, ip: nthAddress(node.podCidr, slot + 2), slot, netns: podNetnsId(key) });
  });

  nodeList.forEach((n, i) => { n.bridged = slots[i]! > 0; });
  const outside: OutsideHost[] = scenario.settings.outsideHosts.map((h) => ({ ...h, netns: outsideNetnsId(h.name) }));

  const nodesByName = new Map<string, ClusterNode>(nodeList.map((n) => [n.name, n]));
  const podsByKey = new Map(pods.map((p) => [p.key, p]));
  const podsByIp = new Map<number, ClusterPod>();
  for (const p of pods) if (p.slot >= 0) podsByIp.set(ipToInt(p.ip), p);
  const nodeSegment = new Map<number, AddressOwner>();
  for (const n of nodeList) nodeSegment.set(ipToInt(n.ip), { netns: nodeNetnsId(n.name), device: 'eth0' });
  const gatewayNodeIp = nthAddress(nodeSubnet, 1);
  nodeSegment.set(ipToInt(gatewayNodeIp), { netns: GATEWAY_NETNS, device: 'eth0' });
  const internetSegment = new Map<number, AddressOwner>();
  internetSegment.set(ipToInt(GATEWAY_INTERNET_IP), { netns: GATEWAY_NETNS, device: 'eth1' });
  internetSegment.set(ipToInt(INTERNET_ROUTER_IP), { netns: INTERNET_ROUTER_NETNS, device: 'eth0' });
  for (const h of outside) internetSegment.set(ipToInt(h.ip), { netns: h.netns, device: 'eth0' });

  const svc = buildServices(scenario, serviceSubnet);
  errors.push(...svc.errors);
  const endpoints = buildEndpoints(svc.services, pods, nodeList, scenario.endpointSlices);
  const servicesByKey = new Map(svc.services.map((x) => [x.key, x]));
  let entries: ProxyServiceEntry[] | undefined;
  const proxyInputs = new Map<string, ProxyInput>();

  for (const s of svc.services) if (s.loadBalancerIP) internetSegment.set(ipToInt(s.loadBalancerIP), { netns: GATEWAY_NETNS, device: 'eth1' });

  const cache = new Map<NetnsId, Netns>();
  const nfCache = new Map<NetnsId, NetfilterState | undefined>();
  const cluster: Cluster = {
    scenario, seed: scenario.settings.seed, nodes: nodeList, pods, pending, outside,
    gateway: { ip: gatewayNodeIp, netns: GATEWAY_NETNS },
    podSubnet, serviceSubnet, nodeSubnet,
    services: svc.services, endpoints,
    service: (key) => servicesByKey.get(key),
    proxyInput(name) {
      let input = proxyInputs.get(name);
      if (!input) {
        const node = nodesByName.get(name);
        if (!node) throw new Error(`no node ${name}`);
        entries ??= serviceEntries(svc.services, endpoints);
        input = proxyInputFor(node, scenario.cluster.podSubnet, scenario.cluster.serviceSubnet, entries, scenario.settings.ipvsScheduler);
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
      if (segment === NODE_SEGMENT) return nodeSegment.get(n);
      if (segment === INTERNET_SEGMENT) return internetSegment.get(n);
      if (segment === WAN_SEGMENT) return wanOwner(cluster, ip);
      return undefined;
    },
    ownerOf(ip) {
      const n = ipToInt(ip);
      const pod = podsByIp.get(n);
      if (pod) return { netns: pod.netns, device: 'eth0' };
      if (cidrContains(podSubnet, n)) {
        const node = nodeList[(n - podSubnet.net) >>> 8];
        if (node && n === node.podCidr.net + 1 && node.bridged) return { netns: nodeNetnsId(node.name), device: 'cni0' };
      }
      return nodeSegment.get(n) ?? internetSegment.get(n) ?? wanOwner(cluster, ip);
    },
    outsideHost(ref) {
      return outside.find((h) => h.ip === ref || h.name === ref) ?? internetHost(cluster, ref);
    },
  };
  errors.push(...checkRouteEdits(cluster));
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, cluster };
}
