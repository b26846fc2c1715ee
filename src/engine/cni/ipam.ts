// IPAM as the plugins do it. host-local (bridge, kindnet, flannel, Cilium's kubernetes mode):
// each node's podCIDR is the next /24 of the pod subnet (kube-controller-manager's
// --node-cidr-mask-size=24), .1 is the gateway, pods get .2, .3, ... Calico: the pool is cut
// into blocks (/26 by default); a node claims a block when it needs one (node i's first block
// is block i here; more blocks come after every node's first), the tunnel device takes the
// block's first address, pods the next ones. AWS VPC CNI: pods get the secondary addresses of
// the node's ENIs, filling one ENI before the next.
import { cidrSize, cidrText, intToIp, nthAddress, nthSubnet, type Cidr } from '../lib/ip';
import { HostLocal } from '../cluster/ipam';
import type { IpamNode, IpamPlan } from './types';

/** host-local on the node's podCIDR: .1 the gateway (bridge, ptp's host end, cilium_host), pods from .2; reported addresses kept. */
export function hostLocal(podSubnet: Cidr, nodes: readonly IpamNode[]): IpamPlan & { readonly overflow?: string } {
  const perNode = 2 ** (24 - podSubnet.prefix);
  const overflow = podSubnet.prefix > 24 || nodes.length > perNode
    ? `the pod subnet ${cidrText(podSubnet)} has room for ${podSubnet.prefix > 24 ? 0 : perNode} node podCIDRs of /24, but the cluster has ${nodes.length} nodes`
    : undefined;
  const leases = nodes.map((n) => new HostLocal(n.podCidr));
  return {
    ...(overflow ? { overflow } : {}),
    ranges: (i) => [nodes[i]!.podCidr],
    keep: (i, ip, nodeName) => leases[i]!.reserve(ip, nodeName),
    assign: (i) => {
      const ip = leases[i]!.allocate();
      return ip === null ? { full: `node podCIDR ${cidrText(nodes[i]!.podCidr)} is full: host-local IPAM has no address left for this pod` } : { ip };
    },
  };
}

/** Calico's block IPAM: `reserved` addresses at the start of a node's first block (its tunnel address). */
export function calicoBlocks(pool: Cidr, blockSize: number, podCounts: readonly number[], reserved: number): IpamPlan & { readonly overflow?: string } {
  const perBlock = 2 ** (32 - blockSize);
  const n = podCounts.length;
  const blocks: number[][] = podCounts.map((_, i) => [i]);
  let next = n;
  podCounts.forEach((count, i) => {
    for (let have = perBlock - reserved; have < count; have += perBlock) blocks[i]!.push(next++);
  });
  const total = cidrSize(pool) / perBlock;
  const overflow = next > total ? `the IPPool ${cidrText(pool)} has ${total} blocks of /${blockSize}, but the cluster needs ${next}` : undefined;
  return {
    ...(overflow ? { overflow } : {}),
    ranges: (i) => blocks[i]!.map((b) => nthSubnet(pool, blockSize, b)),
    assign: (i, slot) => {
      const k = slot + reserved;
      const block = blocks[i]![Math.floor(k / perBlock)];
      if (block === undefined) return { full: 'no free address in the node\'s blocks' };
      return { ip: nthAddress(nthSubnet(pool, blockSize, block), k % perBlock) };
    },
  };
}

/** The address of ENI `eni`'s `k`-th address (0 its primary) of a node whose primary ENI address is `base`. */
export function eniAddress(base: number, ipsPerEni: number, eni: number, k: number): string {
  return intToIp((base + eni * ipsPerEni + k) >>> 0);
}

/** AWS VPC CNI: the secondary addresses of the node's ENIs, ENI after ENI (each ENI's first address is its own). */
export function eniSecondaries(bases: readonly number[], enis: number, ipsPerEni: number, instanceType: string): IpamPlan {
  const perEni = ipsPerEni - 1;
  return {
    ranges: (i) => [{ net: bases[i]!, prefix: 32 }],
    assign: (i, slot) => {
      const eni = Math.floor(slot / perEni);
      if (eni >= enis) {
        return { full: `no free address: a ${instanceType} takes ${enis} ENIs of ${ipsPerEni} addresses, so ${enis * perEni} pod addresses (max-pods ${enis * perEni + 2} with the two host-network pods)` };
      }
      return { ip: eniAddress(bases[i]!, ipsPerEni, eni, (slot % perEni) + 1) };
    },
  };
}
