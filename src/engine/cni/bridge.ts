// The CNI `bridge` plugin with host-local IPAM (containernetworking/plugins
// plugins/main/bridge), plus host-gw routing between nodes (the kubenet / flannel host-gw
// layout): each node has a Linux bridge cni0 holding .1 of its pod /24 (isGateway), created
// with the first pod; each pod's eth0 is one end of a veth pair whose other end (veth…) is a
// port of cni0 (with hairpin mode when the config asks); the pod's default route points at
// cni0 (isDefaultGateway); every node routes each other node's pod /24 via that node's IP.
// flannel delegates to this plugin for the pods' side (bridgeWiring).
import { nthAddress } from '../lib/ip';
import { cniMac, hashedMac, vethName } from '../lib/mac';
import type { Device, Route } from '../cluster/types';
import { nodeNetnsId } from '../cluster/netns-base';
import type { CniPlugin, NodeCtx, NodeWiring, PodCtx, PodWiring } from './types';
import { podAddress, vethPair } from './veth';
import { hostLocal } from './ipam';
import { kindNetwork } from './underlay';
import { masqAgentRestore } from './masq-agent';
import { kindUplinks } from './uplink';

export const BRIDGE = 'cni0';
export const BRIDGE_IFINDEX = 3;

export interface BridgeOptions {
  readonly mtu: number;
  readonly hairpinMode: boolean;
  readonly promiscMode: boolean;
  /** The first interface index the bridge and its ports take (flannel.1 comes first on a flannel node). */
  readonly firstIfindex: number;
}

function hostVethOf(ctx: PodCtx | NodeCtx, pod: PodCtx['pod'], o: BridgeOptions) {
  const { node } = ctx;
  return vethPair({
    pod, podNetns: pod.netns, nodeNetns: nodeNetnsId(node.name),
    hostName: vethName(`${node.name}/${pod.key}`), hostMac: hashedMac(`hostveth:${node.name}/${pod.key}`), hostIfindex: o.firstIfindex + 1 + pod.slot,
    podMac: cniMac(pod.ip), podAddr: podAddress(pod.ip, node.podCidr), mtu: o.mtu,
    host: { master: BRIDGE, ...(o.hairpinMode ? { hairpin: true } : {}) },
  });
}

export function bridgeDevice(ctx: NodeCtx, o: BridgeOptions): Device {
  const gw = nthAddress(ctx.node.podCidr, 1);
  return {
    name: BRIDGE, ifindex: o.firstIfindex, kind: 'bridge', mac: cniMac(gw), mtu: o.mtu,
    addrs: [podAddress(gw, ctx.node.podCidr)], up: true, ...(o.promiscMode ? { promisc: true } : {}),
  };
}

/** The bridge, its ports, and the bridge's connected route; none of them before the first pod. */
export function bridgeWiring(ctx: NodeCtx, o: BridgeOptions): { devices: Device[]; routes: Route[] } {
  if (ctx.pods.length === 0) return { devices: [], routes: [] };
  const gw = nthAddress(ctx.node.podCidr, 1);
  return {
    devices: [bridgeDevice(ctx, o), ...ctx.pods.map((p) => hostVethOf(ctx, p, o).host)],
    routes: [{ table: 'main', type: 'unicast', dst: ctx.node.podCidr, dev: BRIDGE, proto: 'kernel', scope: 'link', src: gw }],
  };
}

/** The pod's side: eth0 and the routes the plugin writes with isDefaultGateway: true. */
export function bridgePod(ctx: PodCtx, o: BridgeOptions): PodWiring {
  const { pod, node } = ctx;
  return {
    eth0: hostVethOf(ctx, pod, o).pod,
    routes: [
      { table: 'main', type: 'unicast', dst: { net: 0, prefix: 0 }, via: nthAddress(node.podCidr, 1), dev: 'eth0' },
      { table: 'main', type: 'unicast', dst: node.podCidr, dev: 'eth0', proto: 'kernel', scope: 'link', src: pod.ip },
    ],
  };
}

/** host-gw: every other node's pod /24 through that node's address on the node network. */
export function hostGwRoutes(ctx: NodeCtx): Route[] {
  return ctx.cluster.nodes.filter((n) => n.name !== ctx.node.name).map((n) => ({ table: 'main', type: 'unicast', dst: n.podCidr, via: n.ip, dev: 'eth0' }));
}

export function bridgePlugin(cfg: { readonly hairpinMode: boolean; readonly promiscMode: boolean }, nodeSubnet: string, podMtu?: number): CniPlugin {
  const o: BridgeOptions = { mtu: podMtu ?? 1500, hairpinMode: cfg.hairpinMode, promiscMode: cfg.promiscMode, firstIfindex: BRIDGE_IFINDEX };
  return {
    name: 'bridge', title: 'the bridge plugin',
    policy: { enforces: false, why: 'the bridge plugin wires pods to a Linux bridge; it has no NetworkPolicy engine' },
    replacesKubeProxy: false, podMtu: o.mtu, underlay: kindNetwork(nodeSubnet),
    podSpace: (s) => s,
    ipam: (nodes, podSubnet) => hostLocal(podSubnet, nodes),
    uplinks: kindUplinks,
    nodeDevices: (ctx) => bridgeWiring(ctx, o).devices,
    nodeTables: (ctx): NodeWiring => ({ routes: [...bridgeWiring(ctx, o).routes, ...hostGwRoutes(ctx)] }),
    pod: (ctx) => bridgePod(ctx, o),
    netfilter: (ctx) => (ctx.cluster.scenario.settings.egressMasquerade ? { restore: masqAgentRestore(ctx.cluster.scenario.cluster.podSubnet) } : {}),
    files: () => [],
    deviceFor: (ctx, ip) => (ctx.pods.length > 0 && ip === nthAddress(ctx.node.podCidr, 1) ? BRIDGE : undefined),
  };
}
