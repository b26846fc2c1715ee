// Cilium (cilium/cilium) with kube-proxy replacement, IPAM mode kubernetes (the node's
// podCIDR), BPF host routing and BPF masquerading. Devices on a node: the veth pair
// cilium_host / cilium_net (cilium_host holds the router address), cilium_vxlan in tunnel
// mode (a collect-metadata VXLAN device on UDP 8472 whose tunnel key the programs set; MTU
// 1500, the routes carry mtu 1450), and one lxc<hash> veth per pod whose tc ingress runs
// cil_from_container and which answers the pod's ARP itself. A pod's eth0 holds a /32 (MTU
// 1450 in tunnel mode) and routes everything via the router address. The node routes every
// pod CIDR via cilium_host (proto kernel, the remote ones with mtu 1450); in native routing
// mode (autoDirectNodeRoutes) remote pod CIDRs go via the nodes' addresses instead. Services
// are translated at the socket (cgroup/connect4) and, for traffic from outside, in
// cil_from_netdev; kube-proxy is not deployed, so no KUBE-* chains exist.
import { nthAddress, parseCidr } from '../../lib/ip';
import { hashedMac } from '../../lib/mac';
import type { Device, Route } from '../../cluster/types';
import { nodeNetnsId } from '../../cluster/netns-base';
import type { CniPlugin, NodeCtx, PodCtx } from '../types';
import { lxcName, podAddress, vethPair } from '../veth';
import { hostLocal } from '../ipam';
import { kindNetwork } from '../underlay';
import { kindUplinks } from '../uplink';
import { CILIUM_VXLAN, ciliumDatapath } from './datapath';
import { bpfLbList, serviceList } from './dbg';
import { ciliumPolicyTables } from '../../policy/cilium/tables';
import { lbState } from './lb';

export interface CiliumConfig {
  readonly kubeProxyReplacement: boolean;
  readonly routingMode: 'tunnel' | 'native';
}

/** The router address: the first of the node's podCIDR here (Cilium's IPAM hands it out like a pod's). */
export const routerIp = (ctx: { node: { podCidr: NodeCtx['node']['podCidr'] } }) => nthAddress(ctx.node.podCidr, 1);

export function ciliumPlugin(cfg: CiliumConfig, nodeSubnet: string, masquerade: boolean, podMtu?: number): CniPlugin {
  const tunnel = cfg.routingMode === 'tunnel';
  const mtu = podMtu ?? (tunnel ? 1450 : 1500);
  const firstLxc = tunnel ? 6 : 5;
  const veth = (ctx: NodeCtx | PodCtx, pod: PodCtx['pod']) => vethPair({
    pod, podNetns: pod.netns, nodeNetns: nodeNetnsId(ctx.node.name),
    hostName: lxcName(pod), hostMac: hashedMac(`lxc:${pod.key}`), hostIfindex: firstLxc + pod.slot,
    podMac: hashedMac(`pod:${pod.key}`), podAddr: podAddress(pod.ip), mtu,
    host: { bpfArp: true, tc: { ingress: 'cil_from_container' } },
  });
  const bpf = ciliumDatapath({ tunnel, masquerade, kubeProxyReplacement: cfg.kubeProxyReplacement });
  return {
    name: 'cilium', title: `Cilium (${tunnel ? 'VXLAN tunnel' : 'native routing'}${cfg.kubeProxyReplacement ? ', kube-proxy replacement' : ''})`,
    policy: { enforces: true, where: { kind: 'bpf', egress: 'cil_from_container (from-container)', ingress: 'cil_lxc_policy (to-container)' } },
    replacesKubeProxy: cfg.kubeProxyReplacement, podMtu: mtu, underlay: kindNetwork(nodeSubnet),
    podSpace: (s) => s,
    ipam: (nodes, podSubnet) => hostLocal(podSubnet, nodes),
    uplinks: (ctx) => kindUplinks(ctx).map((d) => ({ ...d, tc: { ingress: 'cil_from_netdev', egress: 'cil_to_netdev' } })),
    nodeDevices: (ctx) => {
      const node = ctx.node;
      const router = routerIp(ctx);
      const ns = nodeNetnsId(node.name);
      const net: Device = {
        name: 'cilium_net', ifindex: 3, kind: 'veth', mac: hashedMac(`cilium_net/${node.name}`), mtu: 1500, addrs: [], up: true, noarp: true, txqlen: 1000,
        peer: { netns: ns, device: 'cilium_host', ifindex: 4 },
      };
      const host: Device = {
        name: 'cilium_host', ifindex: 4, kind: 'veth', mac: hashedMac(`cilium_host/${node.name}`), mtu: 1500, up: true, noarp: true, txqlen: 1000,
        addrs: [{ ip: router, prefix: 32, scope: 'global' }], peer: { netns: ns, device: 'cilium_net', ifindex: 3 }, tc: { egress: 'cil_from_host' },
      };
      const devices: Device[] = [net, host];
      if (tunnel) {
        devices.push({
          name: CILIUM_VXLAN, ifindex: 5, kind: 'vxlan', mac: hashedMac(`cilium_vxlan/${node.name}`), mtu: 1500, addrs: [], up: true, txqlen: 1000,
          vxlan: { vni: 'external', port: 8472, learning: false }, tc: { ingress: 'cil_from_overlay', egress: 'cil_to_overlay' },
        });
      }
      devices.push(...ctx.pods.map((p) => veth(ctx, p).host));
      return devices;
    },
    nodeTables: (ctx) => {
      const node = ctx.node;
      const router = routerIp(ctx);
      const routes: Route[] = [
        { table: 'main', type: 'unicast', dst: parseCidr(`${router}/32`), dev: 'cilium_host', proto: 'kernel', scope: 'link' },
        { table: 'main', type: 'unicast', dst: node.podCidr, via: router, dev: 'cilium_host', proto: 'kernel', src: router },
      ];
      for (const peer of ctx.cluster.nodes) {
        if (peer.name === node.name) continue;
        routes.push(tunnel
          ? { table: 'main', type: 'unicast', dst: peer.podCidr, via: router, dev: 'cilium_host', proto: 'kernel', src: router, mtu }
          : { table: 'main', type: 'unicast', dst: peer.podCidr, via: peer.ip, dev: 'eth0', proto: 'kernel' });
      }
      return { routes };
    },
    pod: (ctx) => ({
      eth0: veth(ctx, ctx.pod).pod,
      routes: [
        { table: 'main', type: 'unicast', dst: { net: 0, prefix: 0 }, via: routerIp(ctx), dev: 'eth0' },
        { table: 'main', type: 'unicast', dst: parseCidr(`${routerIp(ctx)}/32`), dev: 'eth0', scope: 'link' },
      ],
    }),
    netfilter: () => ({}),
    files: () => [],
    deviceFor: (ctx, ip) => (ip === routerIp(ctx) ? 'cilium_host' : undefined),
    extraTables: (ctx) => {
      const policy = ciliumPolicyTables(ctx.cluster, ctx.node.name);
      if (!cfg.kubeProxyReplacement) return policy;
      const lb = lbState(ctx.cluster, ctx.node);
      return [
        { id: 'cilium-services', command: 'cilium-dbg service list', text: serviceList(lb) },
        { id: 'cilium-bpf-lb', command: 'cilium-dbg bpf lb list', text: bpfLbList(lb) },
        ...policy,
      ];
    },
    bpf,
  };
}
