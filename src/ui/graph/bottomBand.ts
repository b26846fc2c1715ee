// The band below the node network, left to right as a packet from outside meets it: the
// gateway (its node-network interface on its upper border, its internet interface on the
// right, the cloud's load-balancer device cloudlb0 above that), the cloud load balancers
// beside it, the internet as an upright bar, then the outside hosts. Pure.
import type { Topology } from '../../engine';
import type { NodeIndex, Put } from './nodeLayout';
import { M } from './metrics';

/** Lays the band out from `bandY`, starting at `x0`; returns its right edge. */
export function placeBottomBand(topo: Topology, ix: NodeIndex, nodeSegments: ReadonlySet<string>, bandY: number, put: Put, x0 = 0): number {
  const hosts = topo.elements.filter((e) => e.kind === 'outside');
  const lbs = topo.elements.filter((e) => e.kind === 'loadbalancer');
  const lbStack = lbs.length * (M.lbH + M.lbGap) - M.lbGap;
  const bandH = Math.max(M.gatewayH, hosts.length * (M.hostH + M.hostGap) - M.hostGap, lbStack);
  const segments = topo.elements.filter((e) => e.kind === 'segment' && !nodeSegments.has(e.id));
  let x = x0;
  for (const g of topo.elements.filter((e) => e.kind === 'gateway')) {
    put(g.id, x, bandY, M.gatewayW, M.gatewayH, 'group');
    for (const d of ix.children.get(g.id) ?? []) {
      const wire = ix.wireTo.get(d.id);
      if (wire !== undefined && nodeSegments.has(wire)) put(d.id, x + 16, bandY - M.rootDevH / 2, M.rootDevW, M.rootDevH, 'chip');
      else if (wire !== undefined) put(d.id, x + M.gatewayW - M.rootDevW / 2, bandY + M.gatewayH - M.rootDevH - 12, M.rootDevW, M.rootDevH, 'chip');
      else put(d.id, x + M.gatewayW - M.rootDevW / 2, bandY + 12, M.rootDevW, M.rootDevH, 'chip');
    }
    x += M.gatewayW + M.rootDevW / 2 + 48;
  }
  if (lbs.length > 0) {
    lbs.forEach((lb, i) => put(lb.id, x - 24, bandY + i * (M.lbH + M.lbGap), M.lbW, M.lbH, 'group'));
    x += M.lbW;
  }
  for (const s of segments) {
    put(s.id, x, bandY, M.barW, bandH, 'bar');
    x += M.barW + 48;
  }
  hosts.forEach((hst, i) => {
    const y = bandY + i * (M.hostH + M.hostGap);
    put(hst.id, x + M.rootDevW / 2, y, M.hostW, M.hostH, 'group');
    (ix.children.get(hst.id) ?? []).forEach((d, j) => put(d.id, x, y + (M.hostH - M.rootDevH) / 2 + j * 4, M.rootDevW, M.rootDevH, 'chip'));
  });
  if (hosts.length) x += M.rootDevW / 2 + M.hostW;
  return x;
}
