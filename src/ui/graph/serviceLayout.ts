// The Services band: Services are virtual (rules in every node's kernel, no machine of their
// own), so they sit in a row above the node columns, each over the columns of its endpoints,
// the cluster's own (kubernetes, kube-dns) smaller. Their links get drawn routes: an
// endpoint link runs down a lane of the street under the band, then down the left margin of
// the endpoint's node and into the pod's side, so it never crosses another pod; a load
// balancer's link climbs from the band below through the gap between two node columns.
// Pure: it moves the boxes already placed down and adds the Services and the routes.
import type { Topology, TopoElement, TopoLink } from '../../engine';
import { center, type Placed, type Point } from './geometry';
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

/** Service order and x: each as close as it fits above the mean x of its endpoints. */
function placeRow(services: readonly TopoElement[], links: readonly TopoLink[], boxes: ReadonlyMap<string, Placed>): Map<string, number> {
  const wanted = new Map<string, number>();
  for (const s of services) {
    const xs = links.filter((l) => l.kind === 'endpoint' && l.source === s.id).map((l) => boxes.get(l.target)).filter((b) => b !== undefined).map((b) => center(b).x);
    wanted.set(s.id, xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : Number.POSITIVE_INFINITY);
  }
  const order = services.map((s, i) => ({ s, i })).sort((a, b) => wanted.get(a.s.id)! - wanted.get(b.s.id)! || a.i - b.i);
  const xs = new Map<string, number>();
  let right = -M.svcGap;
  for (const { s } of order) {
    const { w } = sizeOf(s);
    const want = wanted.get(s.id)!;
    const x = Math.max(Number.isFinite(want) ? want - w / 2 : 0, right + M.svcGap, 0);
    xs.set(s.id, x);
    right = x + w;
  }
  return xs;
}

function endpointRoute(svc: Placed, lane: number, target: Placed, targetKind: TopoElement['kind'], column: Placed | undefined): Point[] {
  const sx = svc.x + svc.w / 2;
  const start = [{ x: sx, y: svc.y + svc.h }, { x: sx, y: lane }];
  if (targetKind !== 'pod' || !column) {
    const tx = Math.max(target.x + 16, Math.min(sx, target.x + target.w - 16));
    return tidy([...start, { x: tx, y: lane }, { x: tx, y: target.y }]);
  }
  const gx = column.x + M.pad / 2;
  const ty = target.y + 22;
  return tidy([...start, { x: gx, y: lane }, { x: gx, y: ty }, { x: target.x, y: ty }]);
}

function lbRoute(lb: Placed, svc: Placed, gutters: readonly number[], belowNet: number, lane: number): Point[] {
  const lx = lb.x + lb.w / 2;
  const gx = gutters.reduce((best, g) => (Math.abs(g - lx) < Math.abs(best - lx) ? g : best), gutters[0] ?? lx);
  const sx = svc.x + svc.w * 0.8;
  return tidy([{ x: lx, y: lb.y }, { x: lx, y: belowNet }, { x: gx, y: belowNet }, { x: gx, y: lane }, { x: sx, y: lane }, { x: sx, y: svc.y + svc.h }]);
}

/** Moves `boxes` down, places the Services above them, and returns the routes of their links. */
export function placeServices(topo: Topology, boxes: Map<string, Placed>, nodes: readonly TopoElement[]): Map<string, Point[]> {
  const routes = new Map<string, Point[]>();
  const services = topo.elements.filter((e) => e.kind === 'service');
  if (services.length === 0) return routes;
  const dy = M.svcH + M.street;
  for (const [id, b] of boxes) boxes.set(id, { ...b, y: b.y + dy });
  const xs = placeRow(services, topo.links, boxes);
  for (const s of services) {
    const { w, h } = sizeOf(s);
    boxes.set(s.id, { x: xs.get(s.id)!, y: M.svcH - h, w, h, shape: 'group' });
  }

  const byId = new Map(topo.elements.map((e) => [e.id, e]));
  const lanes = new Map([...xs.entries()].sort((a, b) => a[1] - b[1]).map(([id], i) => [id, M.svcH + 10 + (i % LANES) * LANE_STEP]));
  const cols = nodes.map((n) => boxes.get(n.id)).filter((b) => b !== undefined).sort((a, b) => a.x - b.x);
  const gutters = cols.slice(1).map((b, i) => (cols[i]!.x + cols[i]!.w + b.x) / 2);
  if (gutters.length === 0 && cols[0]) gutters.push(cols[0].x + cols[0].w + M.gapX / 2);
  const colBottom = Math.max(0, ...cols.map((c) => c.y + c.h));
  const belowNet = colBottom + M.bandGap + M.netBarH + M.bandGap / 2;
  for (const link of topo.links) {
    const a = boxes.get(link.source);
    const b = boxes.get(link.target);
    if (!a || !b) continue;
    if (link.kind === 'endpoint') {
      const target = byId.get(link.target);
      const column = target?.parent !== undefined ? boxes.get(target.parent) : undefined;
      routes.set(link.id, endpointRoute(a, lanes.get(link.source) ?? M.svcH + 10, b, target?.kind ?? 'node', column));
    }
    if (link.kind === 'lb') routes.set(link.id, lbRoute(a, b, gutters, belowNet, dy - 12));
  }
  return routes;
}
