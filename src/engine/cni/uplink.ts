// A node's interface on the node network. In kind it is docker's veth into the network "kind"
// (so `ip addr` shows eth0@ifN with its peer's index in the host's namespace); on a cloud VM it
// is a NIC (AWS: the primary ENI, and the secondary ENIs the VPC CNI attaches).
import { addr } from '../cluster/netns-base';
import type { Device } from '../cluster/types';
import type { NodeCtx } from './types';

/** A kind node's eth0: a veth whose peer is a port of docker's bridge, on the host. */
export function kindUplinks(ctx: NodeCtx): readonly Device[] {
  const n = ctx.node;
  return [{
    name: 'eth0', ifindex: 2, kind: 'ether', mac: n.mac, mtu: 1500, addrs: [addr(n.ip, n.subnet.prefix)], segment: n.segment, up: true,
    // docker creates the pair on the host: the host end's index there, stable per node here.
    linkPeerIfindex: 7 + 2 * n.index,
  }];
}
