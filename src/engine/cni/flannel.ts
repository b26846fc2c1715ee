// flannel (flannel-io/flannel). flanneld leases each node a /24 of the Network (the node's
// podCIDR), writes /run/flannel/subnet.env, and the flannel CNI plugin delegates the pod's side
// to the bridge plugin (cni0, hairpinMode and isDefaultGateway on, MTU = FLANNEL_MTU).
// Backends: vxlan (pkg/backend/vxlan) creates flannel.<VNI> (VNI 1, UDP 8472, no learning,
// MTU = the uplink's - 50, holding the lease's .0 as a /32) and for every other node's lease
// installs a permanent ARP entry for <its /24>.0, an FDB entry sending that VTEP MAC to the
// node's address, and the route "<its /24> via <its /24>.0 dev flannel.1 onlink"; with
// DirectRouting, nodes on the same subnet get a host-gw route instead. host-gw
// (pkg/backend/hostgw) routes every other lease via that node's address. Masquerading is
// FLANNEL-POSTRTG (text as a real kubeadm + flannel node shows it) and FLANNEL-FWD.
import { cidrContains, cidrText, ipToInt, nthAddress } from '../lib/ip';
import { hashedMac } from '../lib/mac';
import type { Device, Route, StaticFdb, StaticNeigh } from '../cluster/types';
import type { ClusterNode } from '../cluster/types';
import type { CniPlugin, NodeCtx } from './types';
import { bridgePod, bridgeWiring, BRIDGE, hostGwRoutes, type BridgeOptions } from './bridge';
import { hostLocal } from './ipam';
import { kindNetwork } from './underlay';
import { kindUplinks } from './uplink';

export interface FlannelConfig {
  readonly backend: 'vxlan' | 'host-gw';
  readonly vni: number;
  readonly port: number;
  readonly directRouting: boolean;
}

const UPLINK_MTU = 1500;
/** vxlan_network.go encapOverhead */
export const FLANNEL_VXLAN_OVERHEAD = 50;

export const vtepMac = (node: ClusterNode, vni: number) => hashedMac(`flannel.${vni}/${node.name}`);

function vxlanDevice(node: ClusterNode, cfg: FlannelConfig): Device {
  return {
    name: `flannel.${cfg.vni}`, ifindex: 3, kind: 'vxlan', mac: vtepMac(node, cfg.vni), mtu: UPLINK_MTU - FLANNEL_VXLAN_OVERHEAD, up: true,
    addrs: [{ ip: nthAddress(node.podCidr, 0), prefix: 32, scope: 'global' }],
    vxlan: { vni: cfg.vni, port: cfg.port, local: node.ip, dev: 'eth0', learning: false },
  };
}

/** Whether a peer gets a direct route (host-gw, or vxlan's DirectRouting on the same subnet). */
const direct = (cfg: FlannelConfig, self: ClusterNode, peer: ClusterNode) =>
  cfg.backend === 'host-gw' || (cfg.directRouting && cidrContains(self.subnet, ipToInt(peer.ip)));

function vxlanRoutes(ctx: NodeCtx, cfg: FlannelConfig): { routes: Route[]; neigh: StaticNeigh[]; fdb: StaticFdb[] } {
  const dev = `flannel.${cfg.vni}`;
  const routes: Route[] = [];
  const neigh: StaticNeigh[] = [];
  const fdb: StaticFdb[] = [];
  for (const peer of ctx.cluster.nodes) {
    if (peer.name === ctx.node.name) continue;
    if (direct(cfg, ctx.node, peer)) {
      routes.push({ table: 'main', type: 'unicast', dst: peer.podCidr, via: peer.ip, dev: 'eth0' });
      continue;
    }
    const gw = nthAddress(peer.podCidr, 0);
    routes.push({ table: 'main', type: 'unicast', dst: peer.podCidr, via: gw, dev, onlink: true });
    neigh.push({ ip: gw, dev, mac: vtepMac(peer, cfg.vni) });
    fdb.push({ mac: vtepMac(peer, cfg.vni), dev, dst: peer.ip });
  }
  return { routes, neigh, fdb };
}

/** FLANNEL-POSTRTG and FLANNEL-FWD as flanneld writes them (the nat rules in the order a real node's iptables-save lists them). */
export function flannelRestore(network: string, lease: string, ipMasq: boolean): string {
  const c = '-m comment --comment "flanneld masq"';
  const nat = ipMasq ? [
    '*nat',
    ':FLANNEL-POSTRTG - [0:0]',
    `-A POSTROUTING ${c} -j FLANNEL-POSTRTG`,
    `-A FLANNEL-POSTRTG -m mark --mark 0x4000/0x4000 ${c} -j RETURN`,
    `-A FLANNEL-POSTRTG -s ${network} -d ${network} ${c} -j RETURN`,
    `-A FLANNEL-POSTRTG -s ${network} ! -d 224.0.0.0/4 ${c} -j MASQUERADE --random-fully`,
    `-A FLANNEL-POSTRTG ! -s ${network} -d ${lease} ${c} -j RETURN`,
    `-A FLANNEL-POSTRTG ! -s ${network} -d ${network} ${c} -j MASQUERADE --random-fully`,
    'COMMIT',
  ] : [];
  const f = '-m comment --comment "flanneld forward"';
  return [
    ...nat,
    '*filter',
    ':FLANNEL-FWD - [0:0]',
    `-A FORWARD ${f} -j FLANNEL-FWD`,
    `-A FLANNEL-FWD -s ${network} ${f} -j ACCEPT`,
    `-A FLANNEL-FWD -d ${network} ${f} -j ACCEPT`,
    'COMMIT',
    '',
  ].join('\n');
}

export function flannelPlugin(cfg: FlannelConfig, nodeSubnet: string, podMtu?: number): CniPlugin {
  const backendMtu = cfg.backend === 'vxlan' ? UPLINK_MTU - FLANNEL_VXLAN_OVERHEAD : UPLINK_MTU;
  const mtu = podMtu ?? backendMtu;
  const vxlan = cfg.backend === 'vxlan';
  const br: BridgeOptions = { mtu, hairpinMode: true, promiscMode: false, firstIfindex: vxlan ? 4 : 3 };
  return {
    name: 'flannel', title: vxlan ? 'flannel (VXLAN)' : 'flannel (host-gw)',
    policy: { enforces: false, why: 'flannel only connects pods; it does not implement NetworkPolicy (canal pairs it with Calico for that)' },
    replacesKubeProxy: false, podMtu: mtu, underlay: kindNetwork(nodeSubnet),
    podSpace: (s) => s,
    ipam: (nodes, podSubnet) => hostLocal(podSubnet, nodes),
    uplinks: kindUplinks,
    nodeDevices: (ctx) => [...(vxlan ? [vxlanDevice(ctx.node, cfg)] : []), ...bridgeWiring(ctx, br).devices],
    nodeTables: (ctx) => {
      const b = bridgeWiring(ctx, br);
      if (!vxlan) return { routes: [...b.routes, ...hostGwRoutes(ctx)] };
      const v = vxlanRoutes(ctx, cfg);
      return { routes: [...b.routes, ...v.routes], neigh: v.neigh, fdb: v.fdb };
    },
    pod: (ctx) => bridgePod(ctx, br),
    netfilter: (ctx) => ({ restore: flannelRestore(ctx.cluster.scenario.cluster.podSubnet, cidrText(ctx.node.podCidr), ctx.cluster.scenario.settings.egressMasquerade) }),
    files: (ctx) => [{
      path: '/run/flannel/subnet.env',
      text: [
        `FLANNEL_NETWORK=${ctx.cluster.scenario.cluster.podSubnet}`,
        `FLANNEL_SUBNET=${nthAddress(ctx.node.podCidr, 1)}/${ctx.node.podCidr.prefix}`,
        `FLANNEL_MTU=${backendMtu}`,
        `FLANNEL_IPMASQ=${ctx.cluster.scenario.settings.egressMasquerade}`,
        '',
      ].join('\n'),
    }],
    deviceFor: (ctx, ip) => {
      if (ctx.pods.length > 0 && ip === nthAddress(ctx.node.podCidr, 1)) return BRIDGE;
      return vxlan && ip === nthAddress(ctx.node.podCidr, 0) ? `flannel.${cfg.vni}` : undefined;
    },
  };
}
