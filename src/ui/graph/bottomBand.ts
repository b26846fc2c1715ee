// The band below the node network, left to right as a packet from outside meets it: the
// gateway (its node-network interface on its upper border, its internet interface on the
// right, the cloud's load-balancer device cloudlb0 above that), the cloud load balancers
// beside it, the gateway's outside link as an upright bar, the declared outside hosts on
// it with the internet router under them, then the internet itself as a bar and the hosts
// on it (every undeclared address, drawn as one). Pure.
import type { Topology } from '../../engine';
import type { NodeIndex, Put } from './nodeLayout';
import { M } from './metrics';

/** Lays the band out from `bandY`, starting at `x0`; returns its right edge. */
export function placeBottomBand(topo: Topology, ix: NodeIndex, nodeSegments: ReadonlySet<string>, bandY: number, put: Put, x0 = 0): number {
  const gateways = topo.elements.filter((e) => e.kind === 'gateway');
  // A router whose every wire leaves the node network is the internet router: it sits with the hosts.
  const routers = gateways.filter((g) => !(ix.children.get(g.id) ?? []).some((d) => nodeSegments.has(ix.wireTo.get(d.id) ?? '')));
  const edge = gateways.filter((g) => !routers.includes(g));
  const segments = topo.elements.filter((e) => e.kind === 'segment' && !nodeSegments.has(e.id));
  // The segment the edge gateway's outside interface plugs into; hosts on it are declared ones.
  const outsideLink = segments.find((sg) => edge.some((g) => (ix.children.get(g.id) ?? []).some((d) => ix.wireTo.get(d.id) === sg.id)));
  const farSegments = segments.filter((sg) => sg !== outsideLink);
  const hosts = topo.elements.filter((e) => e.kind === 'outside');
  const onLink = (h: typeof hosts[number]) => (ix.children.get(h.id) ?? []).some((d) => ix.wireTo.get(d.id) === outsideLink?.id) || !ix.wireTo.has(h.id);
  const near = hosts.filter(onLink);
  const far = hosts.filter((h) => !onLink(h));
  const lbs = topo.elements.filter((e) => e.kind === 'loadbalancer');
  const lbStack = lbs.length * (M.lbH + M.lbGap) - M.lbGap;
  const nearStack = near.length * (M.hostH + M.hostGap) + routers.length * (M.gatewayH + M.hostGap + M.rootDevH / 2) - M.hostGap;
  const bandH = Math.max(M.gatewayH, nearStack, lbStack);
  let x = x0;
  for (const g of edge) {
    // A VPC router has one interface per subnet on its upper border, side by side.
    const up = (ix.children.get(g.id) ?? []).filter((d) => nodeSegments.has(ix.wireTo.get(d.id) ?? ''));
    const w = Math.max(M.gatewayW, 16 + up.length * (M.rootDevW + 8) + M.rootDevW / 2);
    put(g.id, x, bandY, w, M.gatewayH, 'group');
    for (const d of ix.children.get(g.id) ?? []) {
      const wire = ix.wireTo.get(d.id);
      if (wire !== undefined && nodeSegments.has(wire)) put(d.id, x + 16 + up.indexOf(d) * (M.rootDevW + 8), bandY - M.rootDevH / 2, M.rootDevW, M.rootDevH, 'chip');
      else if (wire !== undefined) put(d.id, x + w - M.rootDevW / 2, bandY + M.gatewayH - M.rootDevH - 12, M.rootDevW, M.rootDevH, 'chip');
      else put(d.id, x + w - M.rootDevW / 2, bandY + 12, M.rootDevW, M.rootDevH, 'chip');
    }
    x += w + M.rootDevW / 2 + 48;
  }
  if (lbs.length > 0) {
    lbs.forEach((lb, i) => put(lb.id, x - 24, bandY + i * (M.lbH + M.lbGap), M.lbW, M.lbH, 'group'));
    x += M.lbW;
  }
  if (outsideLink) {
    put(outsideLink.id, x, bandY, M.barW, bandH, 'bar');
    x += M.barW + 48;
  }
  near.forEach((hst, i) => {
    const y = bandY + i * (M.hostH + M.hostGap);
    put(hst.id, x + M.rootDevW / 2, y, M.hostW, M.hostH, 'group');
    (ix.children.get(hst.id) ?? []).forEach((d, j) => put(d.id, x, y + (M.hostH - M.rootDevH) / 2 + j * 4, M.rootDevW, M.rootDevH, 'chip'));
  });
  routers.forEach((r, i) => {
    const y = bandY + near.length * (M.hostH + M.hostGap) + i * (M.gatewayH + M.hostGap);
    put(r.id, x + M.rootDevW / 2, y, M.hostW, M.gatewayH, 'group');
    for (const d of ix.children.get(r.id) ?? []) {
      const toNear = ix.wireTo.get(d.id) === outsideLink?.id;
      // Its link to the gateway's side on the lower border, its way into the internet on the right border.
      if (toNear) put(d.id, x + M.rootDevW / 2 + 16, y + M.gatewayH - M.rootDevH / 2, M.rootDevW, M.rootDevH, 'chip');
      else put(d.id, x + M.hostW, y + (M.gatewayH - M.rootDevH) / 2, M.rootDevW, M.rootDevH, 'chip');
    }
  });
  if (near.length || routers.length) x += M.rootDevW + M.hostW + 48;
  for (const sg of farSegments) {
    put(sg.id, x, bandY, M.barW, bandH, 'bar');
    x += M.barW + 48;
  }
  far.forEach((hst, i) => {
    const y = bandY + i * (M.hostH + M.hostGap);
    put(hst.id, x, y, M.hostW, M.hostH, 'group');
  });
  if (far.length) x += M.hostW;
  return x;
}
