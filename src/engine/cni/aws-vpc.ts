// The Amazon VPC CNI (aws/amazon-vpc-cni-k8s). Pods get real VPC addresses: secondary
// addresses of the node's ENIs, which ipamd attaches as it needs them (one spare ENI's worth,
// WARM_ENI_TARGET=1), up to the instance type's limit: max-pods = ENIs × (addresses per ENI −
// 1) + 2. No bridge and no overlay: each pod has a veth pair (node end eni<11 hex of
// sha1("<ns>.<pod>")>), a /32 address, the gateway 169.254.1.1 as a permanent neighbour
// pointing at the node end's MAC (driver.go), and the node routes the pod's /32 to its veth.
// Policy routing sends replies out of the ENI that owns the pod's address (network.go):
// 512 "to <pod> lookup main", 1024 "fwmark 0x80/0x80 lookup main" (connections the CNI
// CONNMARKed: outbound to outside the VPC, and NodePort traffic), 1536 "from <pod> lookup
// <ENI table>" for pods on secondary ENIs, 32765 "from <ENI address> lookup <ENI table>", and
// each secondary ENI's table holds its own default route. AWS-SNAT-CHAIN-0 masquerades what
// leaves the VPC to the primary address. The VPC itself is the underlay: subnets behind the
// VPC router, which delivers an address to the ENI that holds it.
import { ipToInt } from '../lib/ip';
import { hashedMac } from '../lib/mac';
import { EC2_LIMITS } from '../model/cni-config';
import { addr, nodeNetnsId } from '../cluster/netns-base';
import type { ClusterPod, Device, IpRule, Route } from '../cluster/types';
import type { CniPlugin, NodeCtx, PodCtx } from './types';
import { eniVethName, podAddress, vethPair } from './veth';
import { eniAddress, eniSecondaries } from './ipam';
import { vpcNetwork } from './underlay';
import { parseCidr } from '../lib/ip';

export const AWS_GATEWAY = '169.254.1.1';
/** The VPC's jumbo frames: AWS_VPC_ENI_MTU defaults to 9001. */
export const AWS_MTU = 9001;
/** The mark the CNI's CONNMARK rules use (AWS_VPC_K8S_CNI_CONNMARK, default 0x80). */
export const AWS_CONNMARK = 0x80;

export function awsVpcRestore(vpcCidr: string, primaryIp: string): string {
  return [
    '*mangle',
    '-A PREROUTING -i eth0 -m comment --comment "AWS, primary ENI" -m addrtype --dst-type LOCAL --limit-iface-in -j CONNMARK --set-xmark 0x80/0x80',
    '-A PREROUTING -i eni+ -m comment --comment "AWS, primary ENI" -j CONNMARK --restore-mark --mask 0x80',
    'COMMIT',
    '*nat',
    ':AWS-CONNMARK-CHAIN-0 - [0:0]',
    ':AWS-SNAT-CHAIN-0 - [0:0]',
    '-A PREROUTING -i eni+ -m comment --comment "AWS, outbound connections" -j AWS-CONNMARK-CHAIN-0',
    '-A PREROUTING -m comment --comment "AWS, CONNMARK" -j CONNMARK --restore-mark --mask 0x80',
    '-A POSTROUTING -m comment --comment "AWS SNAT CHAIN" -j AWS-SNAT-CHAIN-0',
    `-A AWS-CONNMARK-CHAIN-0 -d ${vpcCidr} -m comment --comment "AWS CONNMARK CHAIN" -j RETURN`,
    '-A AWS-CONNMARK-CHAIN-0 -m comment --comment "AWS, CONNMARK" -j CONNMARK --set-xmark 0x80/0x80',
    `-A AWS-SNAT-CHAIN-0 -d ${vpcCidr} -m comment --comment "AWS SNAT CHAIN" -j RETURN`,
    `-A AWS-SNAT-CHAIN-0 ! -o vlan+ -m comment --comment "AWS, SNAT" -m addrtype ! --dst-type LOCAL -j SNAT --to-source ${primaryIp} --random-fully`,
    'COMMIT',
    '',
  ].join('\n');
}

export function awsVpcPlugin(cfg: { readonly instanceType: string; readonly vpcCidr: string }, podMtu?: number): CniPlugin {
  const lim = EC2_LIMITS[cfg.instanceType]!;
  const perEni = lim.ipsPerEni - 1;
  const mtu = podMtu ?? AWS_MTU;
  const underlay = vpcNetwork(cfg.vpcCidr);
  const base = (ctx: NodeCtx) => ipToInt(ctx.node.ip);
  /** ipamd keeps one spare ENI attached beyond those its pods use. */
  const attached = (ctx: NodeCtx) => Math.min(lim.enis, Math.max(1, Math.ceil(ctx.pods.length / perEni)) + 1);
  const eniOf = (pod: ClusterPod) => Math.floor(pod.slot / perEni);
  const veth = (ctx: NodeCtx, pod: ClusterPod) => vethPair({
    pod, podNetns: pod.netns, nodeNetns: nodeNetnsId(ctx.node.name),
    hostName: eniVethName(pod), hostMac: hashedMac(`hostveth:${ctx.node.name}/${pod.key}`), hostIfindex: 2 + lim.enis + pod.slot,
    podMac: hashedMac(`pod:${pod.key}`), podAddr: podAddress(pod.ip), mtu,
  });
  const podsOf = (ctx: PodCtx): NodeCtx => ({ cluster: ctx.cluster, node: ctx.node, pods: [] });
  return {
    name: 'aws-vpc-cni', title: 'the Amazon VPC CNI',
    policy: { enforces: false, why: 'the VPC CNI enforces NetworkPolicy only with its eBPF network policy agent (enableNetworkPolicy), which is off by default' },
    replacesKubeProxy: false, podMtu: mtu, underlay,
    podSpace: () => parseCidr(cfg.vpcCidr),
    ipam: (nodes) => eniSecondaries(nodes.map((n) => ipToInt(n.placement.ip)), lim.enis, lim.ipsPerEni, cfg.instanceType),
    uplinks: (ctx) => Array.from({ length: attached(ctx) }, (_, k): Device => ({
      name: `eth${k}`, ifindex: 2 + k, kind: 'ether', mac: k === 0 ? ctx.node.mac : hashedMac(`eni${k}/${ctx.node.name}`), mtu: AWS_MTU, up: true,
      addrs: [addr(eniAddress(base(ctx), lim.ipsPerEni, k, 0), ctx.node.subnet.prefix)], segment: ctx.node.segment,
    })),
    nodeDevices: (ctx) => ctx.pods.map((p) => veth(ctx, p).host),
    nodeTables: (ctx) => {
      const enis = attached(ctx);
      const gw = ctx.node.gatewayIp;
      const routes: Route[] = ctx.pods.map((p) => ({ table: 'main', type: 'unicast', dst: parseCidr(`${p.ip}/32`), dev: eniVethName(p), scope: 'link' }));
      const rules: IpRule[] = [
        ...ctx.pods.map((p): IpRule => ({ priority: 512, to: parseCidr(`${p.ip}/32`), table: 'main' })),
        { priority: 1024, fwmark: { mark: AWS_CONNMARK, mask: AWS_CONNMARK }, table: 'main' },
        ...ctx.pods.filter((p) => eniOf(p) > 0).map((p): IpRule => ({ priority: 1536, from: parseCidr(`${p.ip}/32`), table: eniOf(p) + 1 })),
      ];
      for (let k = 1; k < enis; k++) {
        const dev = `eth${k}`;
        routes.push(
          { table: k + 1, type: 'unicast', dst: { net: 0, prefix: 0 }, via: gw, dev },
          { table: k + 1, type: 'unicast', dst: parseCidr(`${gw}/32`), dev, scope: 'link' },
        );
        rules.push({ priority: 32765, from: parseCidr(`${eniAddress(base(ctx), lim.ipsPerEni, k, 0)}/32`), table: k + 1 });
      }
      return { routes, rules };
    },
    pod: (ctx) => {
      const pair = veth(podsOf(ctx), ctx.pod);
      return {
        eth0: pair.pod,
        routes: [
          { table: 'main', type: 'unicast', dst: { net: 0, prefix: 0 }, via: AWS_GATEWAY, dev: 'eth0' },
          { table: 'main', type: 'unicast', dst: parseCidr(`${AWS_GATEWAY}/32`), dev: 'eth0', scope: 'link' },
        ],
        neigh: [{ ip: AWS_GATEWAY, dev: 'eth0', mac: pair.host.mac }],
      };
    },
    netfilter: (ctx) => (ctx.cluster.scenario.settings.egressMasquerade ? { restore: awsVpcRestore(cfg.vpcCidr, ctx.node.ip) } : {}),
    files: () => [],
    underlayAddresses: (ctx) => [
      ...Array.from({ length: attached(ctx) - 1 }, (_, i) => ({ ip: eniAddress(base(ctx), lim.ipsPerEni, i + 1, 0), device: `eth${i + 1}` })),
      ...ctx.pods.map((p) => ({ ip: p.ip, device: `eth${eniOf(p)}` })),
    ],
  };
}
