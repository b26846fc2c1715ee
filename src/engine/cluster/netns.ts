// Builds one network namespace on demand: a node's root namespace, a pod's namespace, the
// router between the node network and the internet, or an outside host. A node's and a
// pod's devices, routes, rules, neighbour and FDB entries come from the CNI plugin; the
// router has one link per node network segment; the kernel's local table is derived from
// the addresses, as the kernel derives it; then the scenario's route edits are applied.
import { parseCidr } from '../lib/ip';
import { hashedMac } from '../lib/mac';
import { DEFAULT_RULES } from '../stack/fib';
import type { NodeCtx } from '../cni/types';
import { buildInternetRouter, buildVirtualHost, INTERNET_ROUTER_IP, INTERNET_ROUTER_NETNS } from './internet';
import { addr, connected, finish, GATEWAY_INTERNET_IP, GATEWAY_NETNS, INTERNET_SEGMENT, LO } from './netns-base';
import type { Cluster, ClusterNode, Device, Listener, Netns, NetnsId, Route } from './types';

export { NODE_SEGMENT, INTERNET_SEGMENT, GATEWAY_NETNS, GATEWAY_INTERNET_IP, nodeNetnsId, podNetnsId, outsideNetnsId } from './netns-base';

const NODE_PROCESSES: readonly Listener[] = [
  { proto: 'tcp', port: 10250, addr: '0.0.0.0', owner: 'kubelet' },
  { proto: 'tcp', port: 10256, addr: '0.0.0.0', owner: 'kube-proxy' },
  { proto: 'tcp', port: 10249, addr: '0.0.0.0', owner: 'kube-proxy' },
];
const CONTROL_PLANE_PROCESSES: readonly Listener[] = [
  { proto: 'tcp', port: 6443, addr: '0.0.0.0', owner: 'kube-apiserver' },
  { proto: 'tcp', port: 2379, addr: '0.0.0.0', owner: 'etcd' },
  { proto: 'tcp', port: 2380, addr: '0.0.0.0', owner: 'etcd' },
  { proto: 'tcp', port: 10257, addr: '127.0.0.1', owner: 'kube-controller-manager' },
  { proto: 'tcp', port: 10259, addr: '127.0.0.1', owner: 'kube-scheduler' },
];

function containerListeners(cluster: Cluster, podKeys: readonly string[]): Listener[] {
  const out: Listener[] = [];
  for (const key of podKeys) {
    const pod = cluster.pod(key);
    if (!pod) continue;
    for (const c of pod.spec.containers) {
      for (const p of c.ports) {
        if (p.protocol === 'SCTP') continue;
        out.push({ proto: p.protocol === 'UDP' ? 'udp' : 'tcp', port: p.containerPort, addr: '0.0.0.0', owner: pod.slot < 0 ? `${key}/${c.name}` : c.name });
      }
    }
  }
  return out;
}

function kubeIpvs0(cluster: Cluster, id: NetnsId, node: ClusterNode, after: readonly Device[]): Device[] {
  const ipvs = cluster.scenario.cluster.kubeProxyMode === 'ipvs' && !cluster.cni.replacesKubeProxy ? cluster.netfilter(id)?.ipvs : undefined;
  if (!ipvs) return [];
  // kube-proxy's dummy device holding every Service address, so IPVS sees them as local.
  return [{
    name: 'kube-ipvs0', ifindex: Math.max(...after.map((d) => d.ifindex)) + 1, kind: 'dummy', mac: hashedMac(`kube-ipvs0/${node.name}`), mtu: 1500, up: false,
    addrs: ipvs.dummyAddresses.map((ip) => ({ ip, prefix: 32, scope: 'global' as const })),
  }];
}

/** The context a plugin builds a node from: the node and its pods with their own namespaces, in slot order. */
export function nodeCtx(cluster: Cluster, node: ClusterNode): NodeCtx {
  return { cluster, node, pods: node.pods.map((k) => cluster.pod(k)!).filter((p) => p && p.slot >= 0) };
}

function buildNode(cluster: Cluster, id: NetnsId, name: string): Netns {
  const node = cluster.node(name);
  if (!node) throw new Error(`no node ${name}`);
  const ctx = nodeCtx(cluster, node);
  const uplinks = cluster.cni.uplinks(ctx);
  const wiring = cluster.cni.node(ctx);
  const devices: Device[] = [LO, ...uplinks, ...wiring.devices];
  devices.push(...kubeIpvs0(cluster, id, node, devices));
  const eth0 = uplinks[0]!;
  const main: Route[] = [
    { table: 'main', type: 'unicast', dst: { net: 0, prefix: 0 }, via: node.gatewayIp, dev: eth0.name },
    connected(eth0.name, eth0.addrs[0]!),
    ...wiring.routes,
  ];
  const hostNetPods = node.pods.filter((k) => cluster.pod(k)?.slot === -1);
  const listeners = [...NODE_PROCESSES, ...(node.role === 'control-plane' ? CONTROL_PLANE_PROCESSES : []), ...containerListeners(cluster, hostNetPods)];
  return finish(cluster, {
    id, kind: 'node', machine: node.name, name: 'root', devices, main, forwarding: true, listeners,
    ...(wiring.rules ? { rules: [...DEFAULT_RULES, ...wiring.rules].sort((a, b) => a.priority - b.priority) } : {}),
    ...(wiring.neigh ? { neigh: wiring.neigh } : {}), ...(wiring.fdb ? { fdb: wiring.fdb } : {}),
  });
}

function buildPod(cluster: Cluster, id: NetnsId, key: string): Netns {
  const pod = cluster.pod(key);
  if (!pod || pod.slot < 0) throw new Error(`no pod namespace ${key}`);
  const node = cluster.node(pod.node)!;
  const w = cluster.cni.pod({ cluster, node, pod });
  return finish(cluster, {
    id, kind: 'pod', machine: node.name, name: key, devices: [LO, w.eth0], main: [...w.routes], forwarding: false,
    listeners: containerListeners(cluster, [key]), ...(w.neigh ? { neigh: w.neigh } : {}),
  });
}

function buildGateway(cluster: Cluster): Netns {
  const u = cluster.underlay;
  const devices: Device[] = [LO];
  const main: Route[] = [{ table: 'main', type: 'unicast', dst: { net: 0, prefix: 0 }, via: INTERNET_ROUTER_IP, dev: u.internetDev }];
  u.segments.forEach((seg, i) => {
    const a = addr(seg.gatewayIp, seg.cidr.prefix);
    devices.push({ name: seg.gatewayDev, ifindex: 2 + i, kind: 'ether', mac: hashedMac(`gateway/${seg.gatewayDev}`), mtu: u.kind === 'vpc' ? 9001 : 1500, addrs: [a], segment: seg.id, up: true });
    main.push(connected(seg.gatewayDev, a));
  });
  const inetAddr = addr(GATEWAY_INTERNET_IP, 24);
  devices.push({ name: u.internetDev, ifindex: 2 + u.segments.length, kind: 'ether', mac: hashedMac(`gateway/${u.internetDev}`), mtu: 1500, addrs: [inetAddr], segment: INTERNET_SEGMENT, up: true });
  main.push(connected(u.internetDev, inetAddr));
  const lbIps = cluster.services.flatMap((s) => (s.loadBalancerIP ? [s.loadBalancerIP] : []));
  if (lbIps.length > 0) {
    // The cloud load balancers' addresses, owned by the cloud network.
    devices.push({ name: 'cloudlb0', ifindex: 3 + u.segments.length, kind: 'dummy', mac: hashedMac('gateway/cloudlb0'), mtu: 1500, up: true, addrs: lbIps.map((ip) => ({ ip, prefix: 32, scope: 'global' as const })) });
  }
  // Beyond its links and the declared outside hosts, everything goes to the internet.
  for (const h of cluster.outside) main.push({ table: 'main', type: 'unicast', dst: parseCidr(`${h.ip}/32`), dev: u.internetDev, scope: 'link' });
  return finish(cluster, {
    id: GATEWAY_NETNS, kind: 'router', machine: 'gateway', name: 'root', devices, main, forwarding: true, listeners: [],
    ...(u.kind === 'vpc' ? { label: `the ${u.routerLabel}` } : {}),
  });
}

function buildOutside(cluster: Cluster, id: NetnsId, name: string): Netns {
  const h = cluster.outside.find((x) => x.name === name);
  if (!h) throw new Error(`no outside host ${name}`);
  const a = addr(h.ip, 24);
  const devices: Device[] = [LO, { name: 'eth0', ifindex: 2, kind: 'ether', mac: hashedMac(`outside/${name}`), mtu: 1500, addrs: [a], segment: INTERNET_SEGMENT, up: true }];
  const main: Route[] = [
    { table: 'main', type: 'unicast', dst: { net: 0, prefix: 0 }, via: GATEWAY_INTERNET_IP, dev: 'eth0', onlink: true },
    connected('eth0', a),
  ];
  const listeners: Listener[] = h.ports.filter((p) => p.protocol !== 'SCTP').map((p) => ({ proto: p.protocol === 'UDP' ? 'udp' : 'tcp', port: p.port, addr: '0.0.0.0', owner: name }));
  return finish(cluster, { id, kind: 'outside', machine: name, name: 'root', devices, main, forwarding: false, listeners });
}

export function buildNetns(cluster: Cluster, id: NetnsId): Netns {
  const slash = id.indexOf('/');
  const kind = id.slice(0, slash);
  const rest = id.slice(slash + 1);
  switch (kind) {
    case 'node': return buildNode(cluster, id, rest);
    case 'pod': return buildPod(cluster, id, rest);
    case 'router': return id === INTERNET_ROUTER_NETNS ? buildInternetRouter(cluster) : buildGateway(cluster);
    case 'host': return rest.startsWith('@') ? buildVirtualHost(cluster, rest.slice(1)) : buildOutside(cluster, id, rest);
    default: throw new Error(`unknown network namespace ${id}`);
  }
}

