// Positions the learner dragged, laid over the computed layout: a moved box takes its saved
// place (top-left corner, in the layout's coordinates) and everything inside it moves along;
// the drawn routes of links whose ends moved are dropped, so they are drawn straight between
// the boxes' new places. A bar (the node network, a subnet) stretches to stay beside every
// device wired to it, so a moved node's wire still drops straight onto it, and a closed
// node's drop to the bus follows the node. Pure, so it is unit-tested without a browser.
import type { Topology } from '../../engine';
import type { Placed } from './geometry';
import type { Layout } from './layout';

export type Positions = Readonly<Record<string, { readonly x: number; readonly y: number }>>;

/** A bar made long enough to reach from `from` to `to`, along its length (across, or down for an upright one). */
function stretchAcross(b: Placed, from: number, to: number): Placed {
  const x = Math.min(b.x, from);
  return { ...b, x, w: Math.max(b.x + b.w, to) - x };
}
function stretchDown(b: Placed, from: number, to: number): Placed {
  const y = Math.min(b.y, from);
  return { ...b, y, h: Math.max(b.y + b.h, to) - y };
}

export function withPositions(layout: Layout, topo: Topology, positions: Positions): Layout {
  const ids = Object.keys(positions).filter((id) => layout.boxes.has(id));
  if (ids.length === 0) return layout;
  const children = new Map<string, string[]>();
  for (const e of topo.elements) if (e.parent) children.set(e.parent, [...(children.get(e.parent) ?? []), e.id]);
  const depth = (id: string) => { let d = 0; for (let p = topo.elements.find((e) => e.id === id)?.parent; p; p = topo.elements.find((e) => e.id === p)?.parent) d++; return d; };
  const boxes = new Map<string, Placed>(layout.boxes);
  const moved = new Set<string>();
  // Outer boxes first: a pod's saved place is where it was dragged to inside its node's saved place.
  for (const id of ids.sort((a, b) => depth(a) - depth(b))) {
    const box = boxes.get(id)!;
    const dx = positions[id]!.x - box.x;
    const dy = positions[id]!.y - box.y;
    if (dx === 0 && dy === 0) continue;
    const stack = [id];
    while (stack.length > 0) {
      const cur = stack.pop()!;
      const b = boxes.get(cur);
      if (b) { boxes.set(cur, { ...b, x: b.x + dx, y: b.y + dy }); moved.add(cur); }
      stack.push(...(children.get(cur) ?? []));
    }
  }
  const routes = new Map([...layout.routes].filter(([linkId]) => {
    const link = topo.links.find((l) => l.id === linkId);
    return !link || (!moved.has(link.source) && !moved.has(link.target));
  }));
  for (const link of topo.links) {
    if (!moved.has(link.source) && !moved.has(link.target)) continue;
    const barId = boxes.get(link.target)?.shape === 'bar' ? link.target : boxes.get(link.source)?.shape === 'bar' ? link.source : undefined;
    const dev = boxes.get(barId === link.target ? link.source : link.target);
    if (barId === undefined || !dev) continue;
    const bar = boxes.get(barId)!;
    if (bar.w >= bar.h) {
      boxes.set(barId, stretchAcross(bar, dev.x, dev.x + dev.w));
    } else {
      boxes.set(barId, stretchDown(bar, dev.y, dev.y + dev.h));
    }
  }
  // A closed node's drop to the bus starts at the middle of its bottom edge: it moves with the node.
  const drops = new Map<string, { dx: number; dy: number }>();
  for (const id of moved) {
    const was = layout.boxes.get(id)!;
    const now = boxes.get(id)!;
    drops.set(`${was.x + was.w / 2},${was.y + was.h}`, { dx: now.x - was.x, dy: now.y - was.y });
  }
  const moves = layout.bus.map((line) => (line.length === 2 ? drops.get(`${line[0]!.x},${line[0]!.y}`) : undefined));
  let bus = layout.bus.map((line, i) => {
    const d = moves[i];
    return d ? [{ x: line[0]!.x + d.dx, y: line[0]!.y + d.dy }, { x: line[1]!.x + d.dx, y: line[1]!.y }] : line;
  });
  // What a moved drop lands on reaches under it: the bar at its foot, or the row's branch of the bus.
  bus.forEach((line, i) => {
    if (!moves[i]) return;
    const { x, y } = line[1]!;
    for (const [id, b] of boxes) {
      if (b.shape !== 'bar' || b.w < b.h || b.y !== y) continue;
      boxes.set(id, stretchAcross(b, x - 10, x + 10));
    }
    bus = bus.map((l, j) => (j !== i && l.length === 2 && l[0]!.y === y && l[1]!.y === y
      ? [{ x: Math.min(l[0]!.x, x), y }, { x: Math.max(l[1]!.x, x), y }] : l));
  });
  const all = [...boxes.values()];
  return { ...layout, boxes, routes, bus, width: Math.max(layout.width, ...all.map((b) => b.x + b.w)), height: Math.max(layout.height, ...all.map((b) => b.y + b.h)) };
}

/** The absolute place of a node React Flow moved: its position is relative to its parent's box. */
export function absolutePosition(layout: Layout, parentId: string | undefined, position: { x: number; y: number }): { x: number; y: number } {
  const parent = parentId ? layout.boxes.get(parentId) : undefined;
  return parent ? { x: parent.x + position.x, y: parent.y + position.y } : position;
}
