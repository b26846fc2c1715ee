// Builds one network namespace on demand: a node's root namespace, a pod's namespace, the
// gateway between the node network and the internet, or an outside host. Devices and
// routes come from the CNI module; the kernel's local table is derived from the addresses,
// as the kernel derives it; then the scenario's route edits are applied.
import { parseCidr } from '../lib/ip';
import { hashedMac } from '../lib/mac';
import { bridgeDevice, hostVeth, nodePodRoutes, podEth0, podRoutes } from '../cni/bridge';
import { INTERNET_ROUTER_IP, INTERNET_ROUTER_NETNS, internetRouterMain, internetRouterShape, virtualHostMain, virtualHostShape } from './internet';
import { addr, connected, finish, GATEWAY_INTERNET_IP, GATEWAY_NETNS, INTERNET_SEGMENT, LO, NODE_SEGMENT, nodeNetnsId } from './netns-base';
import type { Address, Cluster, Device, Listener, Netns, NetnsId, NetnsShape, Route } from './types';
import type { Protocol } from '../model/types';

export { NODE_SEGMENT, INTERNET_SEGMENT, GATEWAY_NETNS, GATEWAY_INTERNET_IP, nodeNetnsId, podNetnsId, outsideNetnsId, localTable } from './netns-base';

/** The first address of one of the shape's devices (the one its connected route is for). */
function addrOf(shape: NetnsShape, dev: string): Address {
  const a = shape.devices.find((d) => d.name === dev)?.addrs[0];
  if (!a) throw new Error(`${shape.id} has no address on ${dev}`);
  return a;
}

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

/** A socket's protocol for a declared port (agnhost's porter serves SCTP the way the e2e suite runs it). */
function listenerProto(p: Protocol): Listener['proto'] {
  return p === 'UDP' ? 'udp' : p === 'SCTP' ? 'sctp' : 'tcp';
}

function containerListeners(cluster: Cluster, podKeys: readonly string[]): Listener[] {
  const out: Listener[] = [];
  for (const key of podKeys) {
    const pod = cluster.pod(key);
    if (!pod) continue;
    for (const c of pod.spec.containers) {
      for (const p of c.ports) {
        out.push({ proto: listenerProto(p.protocol), port: p.containerPort, addr: '0.0.0.0', owner: pod.slot < 0 ? `${key}/${c.name}` : c.name });
      }
    }
  }
  return out;
}

function nodeOf(cluster: Cluster, name: string) {
  const node = cluster.node(name);
  if (!node) throw new Error(`no node ${name}`);
  return node;
}

/** What listens in a node's root namespace: kubelet, kube-proxy, the control plane, host-network pods. */
export function nodeListeners(cluster: Cluster, name: string): Listener[] {
  const node = nodeOf(cluster, name);
  const hostNetPods = node.pods.filter((k) => cluster.pod(k)?.slot === -1);
  return [...NODE_PROCESSES, ...(node.role === 'control-plane' ? CONTROL_PLANE_PROCESSES : []), ...containerListeners(cluster, hostNetPods)];
}

function nodeShape(cluster: Cluster, id: NetnsId, name: string): NetnsShape {
  const node = nodeOf(cluster, name);
  const pods = node.pods.map((k) => cluster.pod(k)!).filter((p) => p && p.slot >= 0);
  const eth0Addr = addr(node.ip, cluster.nodeSubnet.prefix);
  const eth0: Device = { name: 'eth0', ifindex: 2, kind: 'ether', mac: node.mac, mtu: 1500, addrs: [eth0Addr], segment: NODE_SEGMENT, up: true };
  const devices: Device[] = [LO, eth0];
  if (node.bridged) devices.push(bridgeDevice(node));
  for (const p of pods) devices.push(hostVeth(p, node, p.netns));
  const ipvs = cluster.scenario.cluster.kubeProxyMode === 'ipvs' ? cluster.netfilter(id)?.ipvs : undefined;
  if (ipvs) {
    // kube-proxy's dummy device holding every Service address, so IPVS sees them as local.
    devices.push({
      name: 'kube-ipvs0', ifindex: 4 + pods.length, kind: 'dummy', mac: hashedMac(`kube-ipvs0/${node.name}`), mtu: 1500, up: false,
      addrs: ipvs.dummyAddresses.map((ip) => ({ ip, prefix: 32, scope: 'global' as const })),
    });
  }
  return { id, kind: 'node', machine: node.name, name: 'root', devices, forwarding: true, listeners: nodeListeners(cluster, name) };
}

/** A node's main table: the default route, the node network, and a route to every other node's pods (so a cluster's routes grow with the square of its nodes). */
function nodeMain(cluster: Cluster, shape: NetnsShape, name: string): Route[] {
  const node = nodeOf(cluster, name);
  return [
    { table: 'main', type: 'unicast', dst: { net: 0, prefix: 0 }, via: cluster.gateway.ip, dev: 'eth0' },
    connected('eth0', addrOf(shape, 'eth0')),
    ...nodePodRoutes(node, cluster.nodes, node.bridged),
  ];
}

function podOf(cluster: Cluster, key: string) {
  const pod = cluster.pod(key);
  if (!pod || pod.slot < 0) throw new Error(`no pod namespace ${key}`);
  return { pod, node: cluster.node(pod.node)! };
}

function podShape(cluster: Cluster, id: NetnsId, key: string): NetnsShape {
  const { pod, node } = podOf(cluster, key);
  const devices = [LO, podEth0(pod, node, nodeNetnsId(node.name))];
  return { id, kind: 'pod', machine: node.name, name: key, devices, forwarding: false, listeners: containerListeners(cluster, [key]) };
}

function podMain(cluster: Cluster, key: string): Route[] {
  const { pod, node } = podOf(cluster, key);
  return podRoutes(pod, node);
}

function gatewayShape(cluster: Cluster): NetnsShape {
  const eth0Addr = addr(cluster.gateway.ip, cluster.nodeSubnet.prefix);
  const eth1Addr = addr(GATEWAY_INTERNET_IP, 24);
  const devices: Device[] = [
    LO,
    { name: 'eth0', ifindex: 2, kind: 'ether', mac: hashedMac('gateway/eth0'), mtu: 1500, addrs: [eth0Addr], segment: NODE_SEGMENT, up: true },
    { name: 'eth1', ifindex: 3, kind: 'ether', mac: hashedMac('gateway/eth1'), mtu: 1500, addrs: [eth1Addr], segment: INTERNET_SEGMENT, up: true },
  ];
  const lbIps = cluster.services.flatMap((s) => (s.loadBalancerIP ? [s.loadBalancerIP] : []));
  if (lbIps.length > 0) {
    // The cloud load balancers' addresses, owned by the cloud network.
    devices.push({ name: 'cloudlb0', ifindex: 4, kind: 'dummy', mac: hashedMac('gateway/cloudlb0'), mtu: 1500, up: true, addrs: lbIps.map((ip) => ({ ip, prefix: 32, scope: 'global' as const })) });
  }
  // Docker's embedded DNS, which kind points every node at (it answers the nodes' names and forwards the rest).
  const dns: Listener[] = [
    { proto: 'udp', port: 53, addr: cluster.gateway.ip, owner: 'dockerd (embedded DNS)' },
    { proto: 'tcp', port: 53, addr: cluster.gateway.ip, owner: 'dockerd (embedded DNS)' },
  ];
  return { id: GATEWAY_NETNS, kind: 'router', machine: 'gateway', name: 'root', devices, forwarding: true, listeners: dns };
}

function gatewayMain(cluster: Cluster, shape: NetnsShape): Route[] {
  // Beyond its two links and the declared outside hosts, everything goes to the internet.
  const main: Route[] = [
    { table: 'main', type: 'unicast', dst: { net: 0, prefix: 0 }, via: INTERNET_ROUTER_IP, dev: 'eth1' },
    connected('eth0', addrOf(shape, 'eth0')), connected('eth1', addrOf(shape, 'eth1')),
  ];
  for (const h of cluster.outside) main.push({ table: 'main', type: 'unicast', dst: parseCidr(`${h.ip}/32`), dev: 'eth1', scope: 'link' });
  return main;
}

function outsideOf(cluster: Cluster, name: string) {
  const h = cluster.outside.find((x) => x.name === name);
  if (!h) throw new Error(`no outside host ${name}`);
  return h;
}

function outsideShape(cluster: Cluster, id: NetnsId, name: string): NetnsShape {
  const h = outsideOf(cluster, name);
  const a = addr(h.ip, 24);
  const devices: Device[] = [LO, { name: 'eth0', ifindex: 2, kind: 'ether', mac: hashedMac(`outside/${name}`), mtu: 1500, addrs: [a], segment: INTERNET_SEGMENT, up: true }];
  const listeners: Listener[] = h.ports.map((p) => ({ proto: listenerProto(p.protocol), port: p.port, addr: '0.0.0.0', owner: name }));
  return { id, kind: 'outside', machine: name, name: 'root', devices, forwarding: false, listeners };
}

function outsideMain(shape: NetnsShape): Route[] {
  return [
    { table: 'main', type: 'unicast', dst: { net: 0, prefix: 0 }, via: GATEWAY_INTERNET_IP, dev: 'eth0', onlink: true },
    connected('eth0', addrOf(shape, 'eth0')),
  ];
}

function split(id: NetnsId): { kind: string; rest: string } {
  const slash = id.indexOf('/');
  return { kind: id.slice(0, slash), rest: id.slice(slash + 1) };
}

/** A namespace's devices and listeners without its routes (what the topology needs). */
export function buildNetnsShape(cluster: Cluster, id: NetnsId): NetnsShape {
  const { kind, rest } = split(id);
  switch (kind) {
    case 'node': return nodeShape(cluster, id, rest);
    case 'pod': return podShape(cluster, id, rest);
    case 'router': return id === INTERNET_ROUTER_NETNS ? internetRouterShape() : gatewayShape(cluster);
    case 'host': return rest.startsWith('@') ? virtualHostShape(cluster, rest.slice(1)) : outsideShape(cluster, id, rest);
    default: throw new Error(`unknown network namespace ${id}`);
  }
}

export function buildNetns(cluster: Cluster, id: NetnsId): Netns {
  const shape = buildNetnsShape(cluster, id);
  const { kind, rest } = split(id);
  switch (kind) {
    case 'node': return finish(cluster, shape, nodeMain(cluster, shape, rest));
    case 'pod': return finish(cluster, shape, podMain(cluster, rest));
    case 'router': return finish(cluster, shape, id === INTERNET_ROUTER_NETNS ? internetRouterMain(cluster, shape) : gatewayMain(cluster, shape));
    default: return finish(cluster, shape, rest.startsWith('@') ? virtualHostMain() : outsideMain(shape));
  }
}
