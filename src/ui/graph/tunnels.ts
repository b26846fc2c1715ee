// Where the overlay's tunnels run between nodes in one row: from each tunnel device down below
// its node, along under the row, and up into the other node's tunnel device; pairs farther
// apart run a little lower, so the lines stay apart. Pure geometry for the layout.
import type { Topology } from '../../engine';
import type { Placed, Point } from './geometry';

/** Routes for the tunnel links between devices of different nodes, under the row at `y`. */
export function tunnelRoutes(topo: Topology, boxes: ReadonlyMap<string, Placed>, parentOf: (id: string) => string | undefined, y: number): Map<string, Point[]> {
  const routes = new Map<string, Point[]>();
  const tunnels = topo.links.filter((l) => l.kind === 'tunnel' && parentOf(l.source) !== parentOf(l.target));
  const nodeX = [...new Set(tunnels.flatMap((l) => [parentOf(l.source)!, parentOf(l.target)!]))].sort((a, b) => (boxes.get(a)?.x ?? 0) - (boxes.get(b)?.x ?? 0));
  for (const l of tunnels) {
    const a = boxes.get(l.source);
    const b = boxes.get(l.target);
    if (!a || !b) continue;
    const apart = Math.abs(nodeX.indexOf(parentOf(l.source)!) - nodeX.indexOf(parentOf(l.target)!));
    const under = y + (apart - 1) * 7;
    const [ax, bx] = [a.x + a.w / 2, b.x + b.w / 2];
    routes.set(l.id, [{ x: ax, y: a.y + a.h }, { x: ax, y: under }, { x: bx, y: under }, { x: bx, y: b.y + b.h }]);
  }
  return routes;
}
