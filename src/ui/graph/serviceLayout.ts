// The Services band: Services are virtual (rules in every node's kernel, no machine of their
// own), so they sit in a row above the node columns, each over the columns of its endpoints,
// the cluster's own (kubernetes, kube-dns) smaller; too many for one row wrap into several,
// and those left out are counted in a box at the end. Their links get drawn routes: an
// endpoint link runs down a lane of the street under the band, then down the left margin of
// the endpoint's node (in a grid of rows: down the gap left of its column) and into the pod's
// side, so it never crosses another pod; a load balancer's link climbs from the band below
// through the gap between two node columns (in a grid: up the street left of the nodes).
// Pure: it moves the boxes already placed down and adds the Services and the routes.
import type { Topology, TopoElement, TopoLink } from '../../engine';
import { center, type Box, type Placed, type Point } from './geometry';
import { M } from './metrics';

const LANES = 5;
const LANE_STEP = 6;

function sizeOf(svc: TopoElement): { w: number; h: number } {
  return svc.builtIn ? { w: M.quietW, h: M.quietH } : { w: M.svcW, h: M.svcH };
}

/** Drops repeated points and the middle of three points on one straight line. */
export function tidy(points: readonly Point[]): Point[] {
  const out: Point[] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (last && last.x === p.x && last.y === p.y) continue;
    const before = out[out.length - 2];
    if (before && last && ((before.x === last.x && last.x === p.x) || (before.y === last.y && last.y === p.y))) out.pop();
    out.push(p);
  }
  return out;
}

/** Where each Service wants to be: above the mean x of its endpoints (none: at the end). */
function wantedX(services: readonly TopoElement[], links: readonly TopoLink[], boxes: ReadonlyMap<string, Placed>): Map<string, number> {
  const sums = new Map<string, { x: number; n: number }>();
  for (const l of links) {
    if (l.kind !== 'endpoint') continue;
    const b = boxes.get(l.target);
    if (!b) continue;
    const s = sums.get(l.source) ?? { x: 0, n: 0 };
    sums.set(l.source, { x: s.x + center(b).x, n: s.n + 1 });
  }
  return new Map(services.map((s) => {
    const sum = sums.get(s.id);
    return [s.id, sum ? sum.x / sum.n : Number.POSITIVE_INFINITY];
  }));
}

/** Service order and place: each as close as it fits above its endpoints; too many for `width` wrap into rows, in that order. */
function placeRows(services: readonly TopoElement[], wanted: ReadonlyMap<string, number>, width: number, extra: number): { at: Map<string, { x: number; row: number }>; rows: number; end: { x: number; row: number } } {
  const order = services.map((s, i) => ({ s, i })).sort((a, b) => wanted.get(a.s.id)! - wanted.get(b.s.id)! || a.i - b.i);
  const total = order.reduce((sum, { s }) => sum + sizeOf(s).w + M.svcGap, extra);
  const at = new Map<string, { x: number; row: number }>();
  let right = -M.svcGap;
  let row = 0;
  for (const { s } of order) {
    const { w } = sizeOf(s);
    const want = wanted.get(s.id)!;
    if (total > width && right + M.svcGap + w > width && right > 0) { row++; right = -M.svcGap; }
    const x = total > width ? right + M.svcGap : Math.max(Number.isFinite(want) ? want - w / 2 : 0, right + M.svcGap, 0);
    at.set(s.id, { x, row });
    right = x + w;
  }
  if (extra > 0 && right + M.svcGap + extra > width && right > 0) { row++; right = -M.svcGap; }
  return { at, rows: row + 1, end: { x: right + M.svcGap, row } };
}

function endpointRoute(svc: Placed, lane: number, target: Placed, targetKind: TopoElement['kind'], column: Placed | undefined, corridor: number | undefined): Point[] {
  const sx = svc.x + svc.w / 2;
  const start = [{ x: sx, y: svc.y + svc.h }, { x: sx, y: lane }];
  if (corridor !== undefined) {
    const ty = target.y + (targetKind === 'pod' ? 22 : 20);
    return tidy([...start, { x: corridor, y: lane }, { x: corridor, y: ty }, { x: target.x, y: ty }]);
  }
  if (targetKind !== 'pod' || !column) {
    const tx = Math.max(target.x + 16, Math.min(sx, target.x + target.w - 16));
    return tidy([...start, { x: tx, y: lane }, { x: tx, y: target.y }]);
  }
  const gx = column.x + M.pad / 2;
  const ty = target.y + 22;
  return tidy([...start, { x: gx, y: lane }, { x: gx, y: ty }, { x: target.x, y: ty }]);
}

function lbRoute(lb: Placed, svc: Placed, climb: { gutters: readonly number[]; leftStreet?: number }, belowNet: number, lane: number): Point[] {
  const lx = lb.x + lb.w / 2;
  const { gutters } = climb;
  const gx = climb.leftStreet ?? gutters.reduce((best, g) => (Math.abs(g - lx) < Math.abs(best - lx) ? g : best), gutters[0] ?? lx);
  const sx = svc.x + svc.w * 0.8;
  return tidy([{ x: lx, y: lb.y }, { x: lx, y: belowNet }, { x: gx, y: belowNet }, { x: gx, y: lane }, { x: sx, y: lane }, { x: sx, y: svc.y + svc.h }]);
}

export interface BandOptions {
  /** Rows of the node grid: one row keeps the whiteboard routes, more use the gaps between columns. */
  readonly rows: number;
  /** How wide the band may grow before it wraps. */
  readonly width: number;
  /** In a grid of rows, the x of the street between the node network's trunk and the nodes. */
  readonly leftStreet?: number;
  /** Services left out of the band, counted in a box at its end. */
  readonly more: number;
  /** In a grid of rows, how far above the band below a load balancer's link turns towards the street. */
  readonly lbTurnY?: number;
}

export interface Band {
  /** How far everything else moved down. */
  readonly dy: number;
  readonly routes: Map<string, Point[]>;
  readonly more?: Box;
}

/** Moves `boxes` down, places the Services above them, and returns the routes of their links. */
export function placeServices(topo: Topology, boxes: Map<string, Placed>, nodes: readonly TopoElement[], opts: BandOptions = { rows: 1, width: Number.POSITIVE_INFINITY, more: 0 }): Band {
  const routes = new Map<string, Point[]>();
  const services = topo.elements.filter((e) => e.kind === 'service');
  if (services.length === 0 && opts.more === 0) return { dy: 0, routes };
  const placed = placeRows(services, wantedX(services, topo.links, boxes), opts.width, opts.more > 0 ? M.moreW : 0);
  const bandH = placed.rows * (M.svcH + M.svcGap) - M.svcGap;
  const dy = bandH + M.street;
  for (const [id, b] of boxes) boxes.set(id, { ...b, y: b.y + dy });
  for (const s of services) {
    const { w, h } = sizeOf(s);
    const { x, row } = placed.at.get(s.id)!;
    boxes.set(s.id, { x, y: row * (M.svcH + M.svcGap) + M.svcH - h, w, h, shape: 'group' });
  }
  const more = opts.more > 0 ? { x: placed.end.x, y: placed.end.row * (M.svcH + M.svcGap), w: M.moreW, h: M.svcH } : undefined;

  const byId = new Map(topo.elements.map((e) => [e.id, e]));
  const sorted = [...placed.at.entries()].sort((a, b) => a[1].x - b[1].x || a[1].row - b[1].row);
  const lanes = new Map(sorted.map(([id], i) => [id, bandH + 10 + (i % LANES) * LANE_STEP]));
  const cols = nodes.map((n) => boxes.get(n.id)).filter((b) => b !== undefined).sort((a, b) => a.x - b.x);
  const gutters = cols.slice(1).map((b, i) => (cols[i]!.x + cols[i]!.w + b.x) / 2);
  if (gutters.length === 0 && cols[0]) gutters.push(cols[0].x + cols[0].w + M.gapX / 2);
  const colBottom = Math.max(0, ...cols.map((c) => c.y + c.h));
  const grid = opts.rows > 1;
  const belowNet = grid && opts.lbTurnY !== undefined ? opts.lbTurnY + dy : colBottom + M.bandGap + M.netBarH + M.bandGap / 2;
  for (const link of topo.links) {
    const a = boxes.get(link.source);
    const b = boxes.get(link.target);
    if (!a || !b) continue;
    if (link.kind === 'endpoint') {
      const target = byId.get(link.target);
      const column = target?.parent !== undefined ? boxes.get(target.parent) : undefined;
      const owner = target?.kind === 'node' ? b : column;
      const corridor = grid && owner ? owner.x - M.gapX / 2 : undefined;
      routes.set(link.id, endpointRoute(a, lanes.get(link.source) ?? bandH + 10, b, target?.kind ?? 'node', column, corridor));
    }
    if (link.kind === 'lb') routes.set(link.id, lbRoute(a, b, { gutters, ...(grid && opts.leftStreet !== undefined ? { leftStreet: opts.leftStreet } : {}) }, belowNet, dy - 12));
  }
  return { dy, routes, ...(more ? { more } : {}) };
}
