// The CNI `bridge` plugin with host-local IPAM, plus host-gw routing between nodes (the
// kubenet / flannel host-gw layout): each node has a Linux bridge cni0 holding .1 of its
// pod /24; each pod's eth0 is one end of a veth pair whose other end (veth…) is a port
// of cni0; the pod's default route points at cni0; every node routes each other node's
// pod /24 via that node's IP on the node network.
import { nthAddress, type Cidr } from '../lib/ip';
import { cniMac, hashedMac, vethName } from '../lib/mac';
import type { Address, ClusterNode, ClusterPod, Device, Route } from '../cluster/types';

export const BRIDGE = 'cni0';
export const POD_MTU = 1500;

const broadcastOf = (c: Cidr) => nthAddress(c, 2 ** (32 - c.prefix) - 1);

export function podAddress(pod: ClusterPod, node: ClusterNode): Address {
  return { ip: pod.ip, prefix: 24, scope: 'global', brd: broadcastOf(node.podCidr) };
}

/** The host end of a pod's veth pair. */
export function hostVeth(pod: ClusterPod, node: ClusterNode, podNetns: string): Device {
  return {
    name: vethName(`${node.name}/${pod.key}`),
    ifindex: 4 + pod.slot,
    kind: 'veth',
    mac: hashedMac(`hostveth:${node.name}/${pod.key}`),
    mtu: POD_MTU,
    addrs: [],
    peer: { netns: podNetns, device: 'eth0', ifindex: 2 },
    master: BRIDGE,
    up: true,
  };
}

/** The pod's eth0: its end of the veth pair, holding the pod IP. */
export function podEth0(pod: ClusterPod, node: ClusterNode, nodeNetns: string): Device {
  return {
    name: 'eth0', ifindex: 2, kind: 'veth', mac: cniMac(pod.ip), mtu: POD_MTU,
    addrs: [podAddress(pod, node)],
    peer: { netns: nodeNetns, device: vethName(`${node.name}/${pod.key}`), ifindex: 4 + pod.slot },
    up: true,
  };
}

export function bridgeDevice(node: ClusterNode): Device {
  const gw = nthAddress(node.podCidr, 1);
  return {
    name: BRIDGE, ifindex: 3, kind: 'bridge', mac: cniMac(gw), mtu: POD_MTU,
    addrs: [{ ip: gw, prefix: 24, scope: 'global', brd: broadcastOf(node.podCidr) }],
    up: true,
  };
}

/** Routes the bridge plugin writes in the pod's namespace (isDefaultGateway: true). */
export function podRoutes(pod: ClusterPod, node: ClusterNode): Route[] {
  return [
    { table: 'main', type: 'unicast', dst: { net: 0, prefix: 0 }, via: nthAddress(node.podCidr, 1), dev: 'eth0' },
    { table: 'main', type: 'unicast', dst: node.podCidr, dev: 'eth0', proto: 'kernel', scope: 'link', src: pod.ip },
  ];
}

/** The node's routes towards pods: its own /24 on cni0, every other node's /24 via that node. */
export function nodePodRoutes(node: ClusterNode, all: readonly ClusterNode[], bridged: boolean): Route[] {
  const out: Route[] = [];
  if (bridged) {
    out.push({ table: 'main', type: 'unicast', dst: node.podCidr, dev: BRIDGE, proto: 'kernel', scope: 'link', src: nthAddress(node.podCidr, 1) });
  }
  for (const other of all) {
    if (other.name === node.name) continue;
    out.push({ table: 'main', type: 'unicast', dst: other.podCidr, via: other.ip, dev: 'eth0' });
  }
  return out;
}

