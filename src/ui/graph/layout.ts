// A small deterministic layout for the cluster's very regular shape: one column per node
// with its pods stacked (containers inside, interfaces on the pod's lower border, each veth
// end under its pod), the bridge as a bar on the column's right, the node's own interfaces
// at the bottom; the node network as a bar below every column; below it the gateway, the
// load balancers, the internet as a bar, and the outside hosts; the Services in a band above
// the nodes. Pure: same topology, same boxes.
import type { Topology, TopoElement } from '../../engine';
import { placeBottomBand } from './bottomBand';
import type { Placed, Point } from './geometry';
import { M } from './metrics';
import { placeServices } from './serviceLayout';

export { M } from './metrics';

export interface Layout {
  readonly boxes: ReadonlyMap<string, Placed>;
  /** Drawn routes of the links that do not run straight between their boxes (a Service's). */
  readonly routes: ReadonlyMap<string, readonly Point[]>;
  readonly width: number;
  readonly height: number;
}

const podW = M.nodeW - 2 * M.pad - M.barW - 16;

export interface Index {
  readonly children: ReadonlyMap<string, readonly TopoElement[]>;
  /** node-side veth end -> the pod whose eth0 it pairs with */
  readonly vethOwner: ReadonlyMap<string, string>;
  /** device -> the segment its wire goes to */
  readonly wireTo: ReadonlyMap<string, string>;
}

function index(topo: Topology): Index {
  const byId = new Map(topo.elements.map((e) => [e.id, e]));
  const children = new Map<string, TopoElement[]>();
  for (const e of topo.elements) if (e.parent) children.set(e.parent, [...(children.get(e.parent) ?? []), e]);
  const vethOwner = new Map<string, string>();
  const wireTo = new Map<string, string>();
  for (const l of topo.links) {
    if (l.kind === 'wire') wireTo.set(l.source, l.target);
    if (l.kind !== 'veth') continue;
    const [a, b] = [byId.get(l.source), byId.get(l.target)];
    const podSide = [a, b].find((d) => d?.parent && byId.get(d.parent)?.kind === 'pod');
    const rootSide = podSide === a ? b : a;
    if (podSide?.parent && rootSide) vethOwner.set(rootSide.id, podSide.parent);
  }
  return { children, vethOwner, wireTo };
}

export type Put = (id: string, x: number, y: number, w: number, h: number, shape: Placed['shape']) => void;

/** Lays out one pod at (x, y); returns its height including the interfaces below its border. */
function placePod(pod: TopoElement, x: number, y: number, ix: Index, put: Put): { bottom: number; eth0X: number } {
  const kids = ix.children.get(pod.id) ?? [];
  const containers = kids.filter((k) => k.kind === 'container');
  const rows = Math.max(1, Math.ceil(containers.length / 2));
  const h = M.podHeader + rows * (M.chipH + M.chipGap) - M.chipGap + M.podPadBottom;
  put(pod.id, x, y, podW, h, 'group');
  containers.forEach((c, i) => put(c.id, x + 10 + (i % 2) * (M.chipW + M.chipGap), y + M.podHeader + Math.floor(i / 2) * (M.chipH + M.chipGap), M.chipW, M.chipH, 'chip'));
  // Interfaces sit on the lower border: the veth end (eth0) on the right, above its peer; others from the left.
  const eth0X = x + podW - M.vethW / 2;
  let left = x + 10;
  for (const d of kids.filter((k) => k.kind === 'device')) {
    const devY = y + h - M.podDevH / 2;
    if (d.deviceKind === 'veth') put(d.id, eth0X - M.podDevW / 2, devY, M.podDevW, M.podDevH, 'chip');
    else { put(d.id, left, devY, 44, M.podDevH, 'chip'); left += 52; }
  }
  return { bottom: y + h + M.podDevH / 2, eth0X };
}

/** Lays out a node's column above `bottomRowY`; returns the height its pods need. */
function placeNode(node: TopoElement, x: number, ix: Index, put: Put, height?: number): number {
  const kids = ix.children.get(node.id) ?? [];
  let y: number = M.header;
  const hostNet = kids.filter((k) => k.kind === 'container');
  hostNet.forEach((c, i) => put(c.id, x + M.pad + (i % 2) * (M.chipW + M.chipGap), y + Math.floor(i / 2) * (M.chipH + M.chipGap), M.chipW, M.chipH, 'chip'));
  if (hostNet.length) y += Math.ceil(hostNet.length / 2) * (M.chipH + M.chipGap) + 8;
  const podsTop = y;
  const placed = new Set<string>();
  for (const pod of kids.filter((k) => k.kind === 'pod')) {
    const { bottom, eth0X } = placePod(pod, x + M.pad, y, ix, put);
    y = bottom;
    const veth = kids.find((k) => ix.vethOwner.get(k.id) === pod.id);
    if (veth) {
      put(veth.id, eth0X - M.vethW / 2, y + M.vethGap, M.vethW, M.vethH, 'chip');
      placed.add(veth.id);
      y += M.vethGap + M.vethH;
    }
    y += M.podGap;
  }
  const devices = kids.filter((k) => k.kind === 'device' && !placed.has(k.id));
  const bridge = devices.find((d) => d.deviceKind === 'bridge');
  if (bridge) put(bridge.id, x + M.nodeW - M.pad - M.barW, podsTop, M.barW, Math.max(y - M.podGap - podsTop, 60), 'bar');
  const needed = Math.max(y, podsTop + 60) + 24 + M.rootDevH + M.pad;
  const h = height ?? needed;
  put(node.id, x, 0, M.nodeW, h, 'group');
  // The node's other interfaces share the bottom row, eth0 (its wire) rightmost, under the bridge.
  const rest = devices.filter((d) => d !== bridge).sort((a, b) => Number(ix.wireTo.has(a.id)) - Number(ix.wireTo.has(b.id)));
  let right = x + M.nodeW - M.pad;
  for (const d of rest.reverse()) {
    put(d.id, right - M.rootDevW, h - M.pad - M.rootDevH, M.rootDevW, M.rootDevH, 'chip');
    right -= M.rootDevW + 8;
  }
  return needed;
}

export function layoutTopology(topo: Topology): Layout {
  const boxes = new Map<string, Placed>();
  const put: Put = (id, x, y, w, h, shape) => { boxes.set(id, { x, y, w, h, shape }); };
  const ix = index(topo);
  const nodes = topo.elements.filter((e) => e.kind === 'node');
  const colX = (i: number) => i * (M.nodeW + M.gapX);
  // Two passes: find the tallest column, then give every column that height so the bottoms line up.
  const tallest = Math.max(0, ...nodes.map((n, i) => placeNode(n, colX(i), ix, () => {})));
  nodes.forEach((n, i) => placeNode(n, colX(i), ix, put, tallest));
  const clusterW = Math.max(nodes.length * (M.nodeW + M.gapX) - M.gapX, M.gatewayW);

  const nodeSegments = new Set(nodes.flatMap((n) => (ix.children.get(n.id) ?? []).map((d) => ix.wireTo.get(d.id)).filter((s) => s !== undefined)));
  const segments = topo.elements.filter((e) => e.kind === 'segment');
  const netY = tallest + M.bandGap;
  // The underlay apart from the pods: one bar per node network segment (a VPC's subnets stack).
  const underlay = segments.filter((s) => nodeSegments.has(s.id));
  underlay.forEach((s, k) => put(s.id, 0, netY + k * (M.netBarH + M.segmentGap), clusterW, M.netBarH, 'bar'));

  // The band below: the gateway, the load balancers, the internet and the outside hosts.
  const bandY = netY + Math.max(1, underlay.length) * (M.netBarH + M.segmentGap) - M.segmentGap + M.bandGap;
  const x = placeBottomBand(topo, ix, nodeSegments, bandY, put);
  // The Services above the nodes, everything else moved down to make room.
  const routes = placeServices(topo, boxes, nodes);

  // Anything the rules above did not place (a kind this layout does not know yet) goes in a last row.
  let spareX = 0;
  const spareY = Math.max(0, ...[...boxes.values()].map((b) => b.y + b.h)) + M.bandGap;
  for (const e of topo.elements) {
    if (boxes.has(e.id)) continue;
    put(e.id, spareX, spareY, M.rootDevW, M.rootDevH, 'chip');
    spareX += M.rootDevW + 8;
  }
  const all = [...boxes.values()];
  return {
    boxes,
    routes,
    width: Math.max(clusterW, x, ...all.map((b) => b.x + b.w)),
    height: Math.max(...all.map((b) => b.y + b.h), 0),
  };
}
