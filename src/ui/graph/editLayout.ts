// Positions the learner dragged, laid over the computed layout: a moved box takes its saved
// place (top-left corner, in the layout's coordinates) and everything inside it moves along;
// the drawn routes of links whose ends moved are dropped, so they are drawn straight between
// the boxes' new places. Pure, so it is unit-tested without a browser.
import type { Topology } from '../../engine';
import type { Placed } from './geometry';
import type { Layout } from './layout';

export type Positions = Readonly<Record<string, { readonly x: number; readonly y: number }>>;

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
  const all = [...boxes.values()];
  return { ...layout, boxes, routes, width: Math.max(layout.width, ...all.map((b) => b.x + b.w)), height: Math.max(layout.height, ...all.map((b) => b.y + b.h)) };
}

/** The absolute place of a node React Flow moved: its position is relative to its parent's box. */
export function absolutePosition(layout: Layout, parentId: string | undefined, position: { x: number; y: number }): { x: number; y: number } {
  const parent = parentId ? layout.boxes.get(parentId) : undefined;
  return parent ? { x: parent.x + position.x, y: parent.y + position.y } : position;
}
