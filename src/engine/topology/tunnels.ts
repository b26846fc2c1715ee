// The overlay's tunnels drawn between nodes: each pair of nodes whose tunnel devices talk to
// each other (flannel.1 to flannel.1, tunl0 to tunl0, cilium_vxlan to cilium_vxlan) gets a
// tunnel link, the way a whiteboard draws an overlay over the node network. Only for small
// clusters (the pairs grow with the square of the nodes); a big one shows the tunnel device's
// link to the interface that carries it.
import { nodeNetnsId } from '../cluster/netns';
import type { Cluster, ClusterNode } from '../cluster/types';
import { deviceId, tunnelPeerId } from './ids';
import type { TopologyBuilder } from './topology';

/** Up to this many nodes, every pair of tunnel devices is drawn as a tunnel. */
export const TUNNEL_MESH_NODES = 8;

export function tunnelPeers(cluster: Cluster, nodes: readonly ClusterNode[], out: TopologyBuilder): void {
  if (cluster.nodes.length > TUNNEL_MESH_NODES) return;
  const ends = nodes.map((n) => {
    const ns = cluster.shape(nodeNetnsId(n.name));
    return ns.devices.filter((d) => d.kind === 'vxlan' || d.kind === 'ipip').map((d) => ({ name: d.name, id: deviceId(ns.id, d.name) }));
  });
  for (let i = 0; i < ends.length; i++) {
    for (let j = i + 1; j < ends.length; j++) {
      for (const a of ends[i]!) {
        const b = ends[j]!.find((d) => d.name === a.name);
        if (b) out.links.push({ id: tunnelPeerId(a.id, b.id), kind: 'tunnel', source: a.id, target: b.id });
      }
    }
  }
}
