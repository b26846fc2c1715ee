// kindnet, kind's own CNI (sigs.k8s.io/kind images/kindnetd): kindnetd writes a CNI config for
// the `ptp` plugin with host-local IPAM on the node's podCIDR (cni.go) and MTU = eth0's MTU;
// ptp (containernetworking/plugins plugins/main/ptp) gives each pod a veth pair with no
// bridge: the pod gets its address on eth0 as a /24 but ptp replaces the connected route by
// "<podCIDR> via <gateway>" and a /32 route to the gateway, so everything goes to the
// gateway; the node's end holds the gateway address as a /32 and the node routes the pod's
// /32 to it with scope host. kindnetd adds a route to every other node's podCIDR through that
// node (routes.go) and runs kind-masq-agent (masq.go). NetworkPolicy is kube-network-policies
// (v0.5.1 in kind v0.24.0), embedded in kindnetd: an nftables table whose postrouting chain
// (priority srcnat - 5) sends new connections to the userspace evaluator through NFQUEUE 100
// (src/engine/policy/kindnet).
import { nthAddress, parseCidr } from '../lib/ip';
import { hashedMac, vethName } from '../lib/mac';
import type { Route } from '../cluster/types';
import { nodeNetnsId } from '../cluster/netns-base';
import type { CniPlugin, NodeCtx, PodCtx } from './types';
import { podAddress, vethPair } from './veth';
import { hostLocal } from './ipam';
import { kindNetwork } from './underlay';
import { masqAgentRestore } from './masq-agent';
import { kindUplinks } from './uplink';
import { hostGwRoutes } from './bridge';
import { podIpsOf } from '../policy/kindnet/queue';
import { formatKubeNetworkPoliciesTable } from '../policy/kindnet/table';

function veth(ctx: NodeCtx | PodCtx, pod: PodCtx['pod'], mtu: number) {
  const { node } = ctx;
  return vethPair({
    pod, podNetns: pod.netns, nodeNetns: nodeNetnsId(node.name),
    hostName: vethName(`${node.name}/${pod.key}`), hostMac: hashedMac(`hostveth:${node.name}/${pod.key}`), hostIfindex: 3 + pod.slot,
    podMac: hashedMac(`pod:${pod.key}`), podAddr: podAddress(pod.ip, node.podCidr), mtu,
    host: { addrs: [{ ip: nthAddress(node.podCidr, 1), prefix: 32, scope: 'global' }] },
  });
}

export function kindnetPlugin(nodeSubnet: string, podMtu?: number): CniPlugin {
  const mtu = podMtu ?? 1500;
  return {
    name: 'kindnet', title: 'kindnet (the ptp plugin)',
    policy: {
      enforces: true,
      // kube-network-policies (v0.5.1 to v1.x) hooks postrouting at srcnat - 5, before any SNAT, so IPVS traffic is seen too.
      where: { kind: 'netfilter', stage: 'nft inet kube-network-policies postrouting', hook: 'POSTROUTING', priority: 95, table: 'nft inet kube-network-policies', chains: ['postrouting'] },
    },
    replacesKubeProxy: false, podMtu: mtu, underlay: kindNetwork(nodeSubnet),
    podSpace: (s) => s,
    ipam: (nodes, podSubnet) => hostLocal(podSubnet, nodes),
    uplinks: kindUplinks,
    nodeDevices: (ctx) => ctx.pods.map((p) => veth(ctx, p, mtu).host),
    nodeTables: (ctx) => ({
      routes: [
        ...ctx.pods.map((p): Route => ({ table: 'main', type: 'unicast', dst: parseCidr(`${p.ip}/32`), dev: veth(ctx, p, mtu).host.name, scope: 'host' })),
        ...hostGwRoutes(ctx),
      ],
    }),
    pod: (ctx) => {
      const gw = nthAddress(ctx.node.podCidr, 1);
      return {
        eth0: veth(ctx, ctx.pod, mtu).pod,
        routes: [
          { table: 'main', type: 'unicast', dst: { net: 0, prefix: 0 }, via: gw, dev: 'eth0' },
          { table: 'main', type: 'unicast', dst: ctx.node.podCidr, via: gw, dev: 'eth0', src: ctx.pod.ip },
          { table: 'main', type: 'unicast', dst: parseCidr(`${gw}/32`), dev: 'eth0', scope: 'link', src: ctx.pod.ip },
        ],
      };
    },
    netfilter: (ctx) => (ctx.cluster.scenario.settings.egressMasquerade ? { restore: masqAgentRestore(ctx.cluster.scenario.cluster.podSubnet) } : {}),
    extraTables: (ctx) => [{ id: 'nft-netpol', command: 'nft list table inet kube-network-policies', text: formatKubeNetworkPoliciesTable([...podIpsOf(ctx.cluster, ctx.node.name)]) }],
    files: () => [],
    deviceFor: (ctx, ip) => (ctx.pods.length > 0 && ip === nthAddress(ctx.node.podCidr, 1) ? veth(ctx, ctx.pods[0]!, mtu).host.name : undefined),
  };
}
