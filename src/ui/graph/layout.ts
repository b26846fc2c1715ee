// A small deterministic layout for the cluster's very regular shape, at any level of detail.
// The nodes sit in a grid (one row up to 8 nodes, else about as many columns as rows fit a
// wide screen), each cell a closed node's tile or an open node (see nodeLayout.ts); a column
// is as wide as its widest cell and a row as tall as its tallest, so opening a node moves
// its neighbours but never reorders them. One row: the node network is a bar under it, as on
// a whiteboard (a VPC's subnets, one bar each, stacked). More rows: the node network is an
// upright trunk on the left (one per subnet) with a branch under each row, each node's wire
// dropping to its row's branch. Below: the gateway, the
// load balancers, the internet as a bar, and the outside hosts; above: the Services band.
// Our own layout rather than a general one (elkjs): the shape is known, so a grid gives
// stable, readable positions in linear time, and the layout worker runs it in milliseconds.
// Pure: same input, same boxes.
import { NODE_SEGMENT, segmentId } from '../../engine/lite';
import type { Topology, TopoElement } from '../../engine';
import { placeBottomBand } from './bottomBand';
import type { Box, Placed, Point } from './geometry';
import { M } from './metrics';
import { nodeWidth, placeNode, type GroupLabel, type NodeIndex, type Put } from './nodeLayout';
import { placeServices } from './serviceLayout';
import { tunnelRoutes } from './tunnels';

export { M } from './metrics';
export type { Put } from './nodeLayout';

export interface Layout {
  readonly boxes: ReadonlyMap<string, Placed>;
  /** Drawn routes of the links that do not run straight between their boxes (a Service's, a wire to the trunk). */
  readonly routes: ReadonlyMap<string, readonly Point[]>;
  readonly width: number;
  readonly height: number;
  /** Lines of the node network's bus that belong to no link: the branches, and closed nodes' drops to them. */
  readonly bus: readonly (readonly Point[])[];
  /** Namespace labels over the chips of open nodes. */
  readonly labels: readonly GroupLabel[];
  /** Where the count of Services left out of the band goes, when some are. */
  readonly more?: Box;
}

export interface LayoutInput {
  /** What is drawn. */
  readonly topo: Topology;
  /** Nodes drawn closed, as tiles. */
  readonly tiles?: ReadonlySet<string>;
  /** Pods drawn closed, as chips. */
  readonly chips?: ReadonlySet<string>;
  /** Services left out of the band. */
  readonly moreServices?: number;
}

export interface Index extends NodeIndex {
  readonly tiles: ReadonlySet<string>;
  /** device -> the id of its wire link */
  readonly wireLink: ReadonlyMap<string, string>;
}

const NONE: ReadonlySet<string> = new Set();
export const NODE_NETWORK = segmentId(NODE_SEGMENT);

function index(input: LayoutInput): Index {
  const { topo } = input;
  const byId = new Map(topo.elements.map((e) => [e.id, e]));
  const children = new Map<string, TopoElement[]>();
  for (const e of topo.elements) {
    if (!e.parent) continue;
    const list = children.get(e.parent);
    if (list) list.push(e);
    else children.set(e.parent, [e]);
  }
  const vethOwner = new Map<string, string>();
  const wireTo = new Map<string, string>();
  const wireLink = new Map<string, string>();
  for (const l of topo.links) {
    if (l.kind === 'wire') { wireTo.set(l.source, l.target); wireLink.set(l.source, l.id); }
    if (l.kind !== 'veth') continue;
    const [a, b] = [byId.get(l.source), byId.get(l.target)];
    const podSide = [a, b].find((d) => d?.parent && byId.get(d.parent)?.kind === 'pod');
    const rootSide = podSide === a ? b : a;
    if (podSide?.parent && rootSide) vethOwner.set(rootSide.id, podSide.parent);
  }
  return { children, vethOwner, wireTo, wireLink, chips: input.chips ?? NONE, tiles: input.tiles ?? NONE };
}

/** How many nodes go in a row: all of them up to 8, else about as many columns as rows fit a 16:9 screen. */
export function gridColumns(nodes: number): number {
  if (nodes <= 8) return Math.max(1, nodes);
  const pitch = (M.tileW + M.gapX) / (M.tileH + M.rowGap);
  return Math.min(nodes, Math.max(8, Math.round(Math.sqrt((nodes * 1.7) / pitch))));
}

interface Grid {
  readonly rows: number;
  readonly x0: number;
  /** Each row's top, height and the y of its branch of the node network. */
  readonly rowTop: readonly number[];
  readonly rowH: readonly number[];
  readonly branchY: readonly number[];
  readonly right: number;
  readonly bottom: number;
}

/** How far the grid starts right of the node network's trunks, when it has rows. */
const trunksWidth = (trunks: number) => trunks * M.barW + (trunks - 1) * M.segmentGap;

function placeGrid(nodes: readonly TopoElement[], ix: Index, put: Put, labels: GroupLabel[], trunks: number): Grid {
  const cols = gridColumns(nodes.length);
  const rows = Math.ceil(nodes.length / cols);
  // Sizes first (a dry run for open nodes), then the columns' widths and the rows' heights.
  const sizes = nodes.map((n) => (ix.tiles.has(n.id) ? { w: M.tileW, h: M.tileH } : placeNode(n, 0, 0, ix, () => {})));
  const colW = Array.from({ length: cols }, (_, c) => Math.max(...sizes.filter((_, i) => i % cols === c).map((s) => s.w)));
  const rowH = Array.from({ length: rows }, (_, r) => Math.max(...sizes.slice(r * cols, (r + 1) * cols).map((s) => s.h)));
  const x0 = rows > 1 ? trunksWidth(trunks) + M.trunkStreet : 0;
  const colX: number[] = [];
  colW.reduce((x, w, c) => { colX[c] = x; return x + w + M.gapX; }, x0);
  const rowTop: number[] = [];
  rowH.reduce((y, h, r) => { rowTop[r] = y; return y + h + M.rowGap; }, 0);
  nodes.forEach((n, i) => {
    const [r, c] = [Math.floor(i / cols), i % cols];
    if (ix.tiles.has(n.id)) put(n.id, colX[c]!, rowTop[r]!, M.tileW, M.tileH, 'group');
    else placeNode(n, colX[c]!, rowTop[r]!, ix, put, rowH[r], labels);
  });
  const right = colX[cols - 1]! + colW[cols - 1]!;
  const bottom = rowTop[rows - 1]! + rowH[rows - 1]!;
  return { rows, x0, rowTop, rowH, branchY: rowTop.map((t, r) => t + rowH[r]! + M.rowGap / 2), right, bottom };
}

/** The node network: a bar under a single row, else a trunk on the left with a branch under each row; a bar or trunk per underlay segment. */
function placeNodeNetwork(
  nodes: readonly TopoElement[], grid: Grid, bandY: number, boxes: Map<string, Placed>, ix: Index, put: Put, segments: readonly string[],
): { routes: Map<string, Point[]>; bus: Point[][] } {
  const routes = new Map<string, Point[]>();
  const bus: Point[][] = [];
  const cols = gridColumns(nodes.length);
  const single = grid.rows === 1;
  const bars = new Map(segments.map((id, k) => [id, single
    ? { x: 0, y: grid.bottom + M.bandGap + k * (M.netBarH + M.segmentGap), w: Math.max(grid.right, M.gatewayW), h: M.netBarH }
    : { x: k * (M.barW + M.segmentGap), y: 0, w: M.barW, h: bandY + M.rootDevH / 2 + 12 }]));
  for (const [id, b] of bars) put(id, b.x, b.y, b.w, b.h, 'bar');
  const bar = bars.get(segments[0]!)!;
  if (!single) {
    grid.branchY.forEach((y, r) => {
      const last = nodes.slice(r * cols, (r + 1) * cols).map((n) => boxes.get(n.id)!).reduce((m, b) => Math.max(m, b.x + b.w), 0);
      bus.push([{ x: bar.w, y }, { x: last, y }]);
    });
  }
  nodes.forEach((n, i) => {
    const b = boxes.get(n.id)!;
    const r = Math.floor(i / cols);
    const dropTo = single ? bar.y : grid.branchY[r]!;
    if (ix.tiles.has(n.id)) {
      bus.push([{ x: b.x + b.w / 2, y: b.y + b.h }, { x: b.x + b.w / 2, y: dropTo }]);
      return;
    }
    if (single) return;
    // An open node's wire: down from its eth0 to the row's branch, along it to the trunk.
    for (const d of ix.children.get(n.id) ?? []) {
      const link = ix.wireLink.get(d.id);
      const dev = boxes.get(d.id);
      const trunk = bars.get(ix.wireTo.get(d.id) ?? '');
      if (!trunk || !link || !dev) continue;
      const x = dev.x + dev.w / 2;
      routes.set(link, [{ x, y: dev.y + dev.h }, { x, y: dropTo }, { x: trunk.x + trunk.w, y: dropTo }]);
    }
  });
  return { routes, bus };
}

export function layoutView(input: LayoutInput): Layout {
  const { topo } = input;
  const boxes = new Map<string, Placed>();
  const put: Put = (id, x, y, w, h, shape) => { boxes.set(id, { x, y, w, h, shape }); };
  const ix = index(input);
  const labels: GroupLabel[] = [];
  const nodes = topo.elements.filter((e) => e.kind === 'node');
  // The underlay: kind's node network, or each subnet of a VPC (the plugin shapes it).
  const underlay = topo.elements.filter((e) => e.kind === 'segment' && (e.underlay || e.id === NODE_NETWORK)).map((e) => e.id);
  const grid = nodes.length > 0 ? placeGrid(nodes, ix, put, labels, Math.max(1, underlay.length)) : { rows: 1, x0: 0, rowTop: [0], rowH: [0], branchY: [0], right: 0, bottom: 0 };
  const single = grid.rows === 1;
  const hasNet = underlay.length > 0;
  const nodeSegments = new Set(underlay);

  // The band below: the gateway, the load balancers, the internet and the outside hosts.
  // (In a grid of rows, the last branch and a load balancer's link to the street pass above the band.)
  const bars = hasNet ? underlay.length * M.netBarH + (underlay.length - 1) * M.segmentGap : 0;
  const bandY = (single ? grid.bottom + M.bandGap + bars : grid.bottom + M.rowGap) + M.bandGap;
  const bandRight = placeBottomBand(topo, ix, nodeSegments, bandY, put, grid.x0);
  const net = hasNet ? placeNodeNetwork(nodes, grid, bandY, boxes, ix, put, underlay) : { routes: new Map<string, Point[]>(), bus: [] };
  // The overlay's tunnels between nodes, under a single row (tunnels.ts).
  if (single) {
    const parent = new Map(topo.elements.map((e) => [e.id, e.parent]));
    for (const [id, pts] of tunnelRoutes(topo, boxes, (d) => parent.get(d), grid.bottom + M.bandGap * 0.4)) net.routes.set(id, pts);
  }

  // The Services above the nodes, everything else moved down to make room.
  const shift = placeServices(topo, boxes, nodes, {
    rows: grid.rows, width: Math.max(grid.right, 4 * M.svcW), more: input.moreServices ?? 0,
    ...(single ? {} : { leftStreet: trunksWidth(Math.max(1, underlay.length)) + M.trunkStreet / 2, lbTurnY: bandY - 30 }),
  });
  const move = (p: Point) => ({ x: p.x, y: p.y + shift.dy });
  const routes = new Map([...[...net.routes].map(([id, pts]) => [id, pts.map(move)] as const), ...shift.routes]);
  const bus = net.bus.map((line) => line.map(move));
  const movedLabels = labels.map((l) => ({ ...l, y: l.y + shift.dy }));

  // Anything the rules above did not place (a kind this layout does not know yet) goes in a last row.
  let spareX = 0;
  const lowest = (list: Iterable<Box>) => { let m = 0; for (const b of list) m = Math.max(m, b.y + b.h); return m; };
  const spareY = lowest(boxes.values()) + M.bandGap;
  for (const e of topo.elements) {
    if (boxes.has(e.id)) continue;
    put(e.id, spareX, spareY, M.rootDevW, M.rootDevH, 'chip');
    spareX += M.rootDevW + 8;
  }
  const all = [...boxes.values(), ...(shift.more ? [shift.more] : [])];
  let width = Math.max(grid.right, bandRight);
  for (const b of all) width = Math.max(width, b.x + b.w);
  return { boxes, routes, bus, labels: movedLabels, ...(shift.more ? { more: shift.more } : {}), width, height: lowest(all) };
}

/** Everything open: the layout of a whole topology. */
export function layoutTopology(topo: Topology): Layout {
  return layoutView({ topo });
}

export { nodeWidth };
