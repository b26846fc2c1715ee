// Calico (projectcalico/calico). No bridge: the CNI plugin (cni-plugin/pkg/dataplane/linux)
// gives each pod a veth pair whose node end is cali<11 hex of sha1("<ns>.<pod>")>, MAC
// ee:ee:ee:ee:ee:ee and proxy_arp on; in the pod, the address is a /32 and the routes are
// "169.254.1.1 dev eth0 scope link" and "default via 169.254.1.1 dev eth0", so the pod ARPs
// for a gateway nobody holds and the node's proxy ARP answers. The node routes each local pod
// with "<pod IP> dev caliX scope link". IPAM cuts the IPPool into blocks (/26): a node owns its
// blocks, has a blackhole route for each, and every other node reaches them by a route to the
// owner: through tunl0 (IP-in-IP, MTU 1480, written by BIRD: proto bird, onlink), through
// vxlan.calico (VNI 4096, UDP 4789, MTU 1450, written by felix with permanent ARP and FDB
// entries for the remote VTEPs), or directly on eth0 (no encapsulation, proto bird). The
// pool's ipipMode / vxlanMode choose: Always, CrossSubnet (encapsulate only to nodes in another
// subnet) or Never. The tunnel device holds the node's first block address. Felix's NAT chains
// and ipsets come from calico-rules.ts; NetworkPolicy lives in its filter chains, written by
// src/engine/policy/calico (felix's filter table, its IP sets).
import { cidrContains, ipToInt, nthAddress, parseCidr } from '../lib/ip';
import { hashedMac } from '../lib/mac';
import type { CalicoPool } from '../model/cni-config';
import type { ClusterNode, Device, Route, StaticFdb, StaticNeigh } from '../cluster/types';
import { nodeNetnsId } from '../cluster/netns-base';
import type { CniPlugin, NodeCtx, PodCtx } from './types';
import { caliName, podAddress, vethPair } from './veth';
import { calicoBlocks } from './ipam';
import { kindNetwork } from './underlay';
import { kindUplinks } from './uplink';
import { calicoIpsets, calicoNat } from './calico-rules';

export const CALICO_GATEWAY = '169.254.1.1';
export const CALICO_HOST_MAC = 'ee:ee:ee:ee:ee:ee';
/** felix's defaults: VXLANVNI 4096, VXLANPort 4789 (felix/config/config_params.go). */
export const CALICO_VXLAN = { vni: 4096, port: 4789 } as const;
/** felix's DefaultRouteProto for routes it writes itself (dataplanedefs.DefaultRouteProto). */
export const FELIX_PROTO = 80;

type Encap = 'ipip' | 'vxlan' | 'none';

export interface Mode {
  readonly encap: Encap;
  readonly crossSubnet: boolean;
  /** BIRD programs the routes (IPIP and unencapsulated pools); felix does for VXLAN. */
  readonly bird: boolean;
}

/** How a pool carries pods' traffic between nodes. */
export function modeOf(pool: CalicoPool): Mode {
  if (pool.ipipMode !== 'Never') return { encap: 'ipip', crossSubnet: pool.ipipMode === 'CrossSubnet', bird: true };
  if (pool.vxlanMode !== 'Never') return { encap: 'vxlan', crossSubnet: pool.vxlanMode === 'CrossSubnet', bird: false };
  return { encap: 'none', crossSubnet: false, bird: true };
}

const tunnelIp = (n: ClusterNode) => nthAddress(n.podRanges[0]!, 0);
const vtepMac = (n: ClusterNode) => hashedMac(`vxlan.calico/${n.name}`);

function tunnelDevice(node: ClusterNode, mode: Mode): Device | undefined {
  const addrs = [{ ip: tunnelIp(node), prefix: 32, scope: 'global' as const }];
  switch (mode.encap) {
    case 'ipip': return { name: 'tunl0', ifindex: 3, kind: 'ipip', mac: '', mtu: 1480, addrs, up: true };
    case 'vxlan': return {
      name: 'vxlan.calico', ifindex: 3, kind: 'vxlan', mac: vtepMac(node), mtu: 1450, addrs, up: true,
      vxlan: { vni: CALICO_VXLAN.vni, port: CALICO_VXLAN.port, local: node.ip, dev: 'eth0', learning: false },
    };
    case 'none': return undefined;
  }
}

function remoteRoutes(ctx: NodeCtx, mode: Mode): { routes: Route[]; neigh: StaticNeigh[]; fdb: StaticFdb[] } {
  const routes: Route[] = [];
  const neigh: StaticNeigh[] = [];
  const fdb: StaticFdb[] = [];
  for (const peer of ctx.cluster.nodes) {
    if (peer.name === ctx.node.name) continue;
    const tunnel = mode.encap !== 'none' && (!mode.crossSubnet || !cidrContains(ctx.node.subnet, ipToInt(peer.ip)));
    for (const block of peer.podRanges) {
      if (!tunnel) routes.push({ table: 'main', type: 'unicast', dst: block, via: peer.ip, dev: 'eth0', proto: mode.bird ? 'bird' : FELIX_PROTO });
      else if (mode.encap === 'ipip') routes.push({ table: 'main', type: 'unicast', dst: block, via: peer.ip, dev: 'tunl0', proto: 'bird', onlink: true });
      else routes.push({ table: 'main', type: 'unicast', dst: block, via: tunnelIp(peer), dev: 'vxlan.calico', onlink: true });
    }
    if (tunnel && mode.encap === 'vxlan') {
      neigh.push({ ip: tunnelIp(peer), dev: 'vxlan.calico', mac: vtepMac(peer) });
      fdb.push({ mac: vtepMac(peer), dev: 'vxlan.calico', dst: peer.ip });
    }
  }
  return { routes, neigh, fdb };
}

export function calicoPlugin(pools: readonly CalicoPool[], nodeSubnet: string, podMtu?: number): CniPlugin {
  const pool = pools[0]!;
  const mode = modeOf(pool);
  const mtu = podMtu ?? (mode.encap === 'ipip' ? 1480 : mode.encap === 'vxlan' ? 1450 : 1500);
  const first = mode.encap === 'none' ? 3 : 4;
  const veth = (ctx: NodeCtx | PodCtx, pod: PodCtx['pod']) => vethPair({
    pod, podNetns: pod.netns, nodeNetns: nodeNetnsId(ctx.node.name),
    hostName: caliName(pod), hostMac: CALICO_HOST_MAC, hostIfindex: first + pod.slot,
    podMac: hashedMac(`pod:${pod.key}`), podAddr: podAddress(pod.ip), mtu, host: { proxyArp: true },
  });
  const title = mode.encap === 'ipip' ? 'Calico (IP-in-IP)' : mode.encap === 'vxlan' ? 'Calico (VXLAN)' : 'Calico (BGP, no encapsulation)';
  return {
    name: 'calico', title: mode.crossSubnet ? `${title.slice(0, -1)}, cross-subnet)` : title,
    policy: {
      enforces: true,
      where: {
        kind: 'netfilter', stage: 'calico policy (cali-FORWARD)', hook: 'FORWARD', priority: 0, table: 'iptables filter',
        chains: ['cali-FORWARD', 'cali-from-wl-dispatch', 'cali-to-wl-dispatch', 'cali-fw-<interface>', 'cali-tw-<interface>'],
      },
    },
    replacesKubeProxy: false, podMtu: mtu, underlay: kindNetwork(nodeSubnet),
    podSpace: () => parseCidr(pool.cidr),
    ipam: (_nodes, _podSubnet, counts) => calicoBlocks(parseCidr(pool.cidr), pool.blockSize, counts, mode.encap === 'none' ? 0 : 1),
    uplinks: kindUplinks,
    nodeDevices: (ctx) => {
      const tunnel = tunnelDevice(ctx.node, mode);
      return [...(tunnel ? [tunnel] : []), ...ctx.pods.map((p) => veth(ctx, p).host)];
    },
    nodeTables: (ctx) => {
      const remote = remoteRoutes(ctx, mode);
      const own: Route[] = [
        ...(mode.encap === 'none' && ctx.pods.length === 0 ? [] : ctx.node.podRanges.map((b): Route => ({ table: 'main', type: 'blackhole', dst: b, proto: mode.bird ? 'bird' : FELIX_PROTO }))),
        ...ctx.pods.map((p): Route => ({ table: 'main', type: 'unicast', dst: parseCidr(`${p.ip}/32`), dev: caliName(p), scope: 'link' })),
      ];
      return { routes: [...own, ...remote.routes], ...(remote.neigh.length ? { neigh: remote.neigh, fdb: remote.fdb } : {}) };
    },
    pod: (ctx) => ({
      eth0: veth(ctx, ctx.pod).pod,
      routes: [
        { table: 'main', type: 'unicast', dst: { net: 0, prefix: 0 }, via: CALICO_GATEWAY, dev: 'eth0' },
        { table: 'main', type: 'unicast', dst: parseCidr(`${CALICO_GATEWAY}/32`), dev: 'eth0', scope: 'link' },
      ],
    }),
    netfilter: (ctx) => {
      const nat = calicoNat({
        ...(mode.encap === 'ipip' ? { tunnel: 'tunl0' as const } : mode.encap === 'vxlan' ? { tunnel: 'vxlan.calico' as const } : {}),
        natOutgoing: ctx.cluster.scenario.settings.egressMasquerade && pools.some((p) => p.natOutgoing),
      });
      return { restore: nat.restore, insertFirst: nat.jumps, ipsets: calicoIpsets(pools) };
    },
    files: () => [],
    deviceFor: (ctx, ip) => (mode.encap !== 'none' && ip === tunnelIp(ctx.node) ? (mode.encap === 'ipip' ? 'tunl0' : 'vxlan.calico') : undefined),
  };
}
