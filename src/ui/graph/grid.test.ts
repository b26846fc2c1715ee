// The layout at scale: closed nodes as tiles in a grid, the node network as a trunk with a
// branch under each row, open nodes widening their column and heightening their row without
// reordering anyone, closed pods as chips grouped by namespace, and a thousand nodes in
// milliseconds.
import { describe, expect, it } from 'vitest';
import type { Topology } from '../../engine';
import { center, contains, type Box } from './geometry';
import { gridColumns, layoutView, NODE_NETWORK } from './layout';
import { M } from './metrics';
import { graphView } from './view';
import { bigTopology } from './testTopology.fixture';
import { frameOf, tileAt } from './viewport';
import { moveBetween } from './packetPath';
import { isPhysical } from './build';

const big = bigTopology();
const all = new Set(big.elements.filter((e) => e.kind === 'node').map((e) => e.label));
const overlap = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
const viewOf = (opened: Record<string, 'open' | 'closed'> = {}) =>
  graphView(big, { inside: all, opened, namespaces: null, hideSystem: false, pathOnly: false, follow: false, path: [], keep: [] });
const layoutOf = (v: ReturnType<typeof viewOf>) => layoutView({ topo: v.topo, tiles: v.tiles, chips: v.chips, moreServices: v.moreServices });
const nodeIds = big.elements.filter((e) => e.kind === 'node').map((e) => e.id);

function topLevelOverlaps(topo: Topology, boxes: ReadonlyMap<string, Box>): string[] {
  const tops = topo.elements.filter((e) => e.parent === undefined && e.id !== NODE_NETWORK).map((e) => e.id);
  const bad: string[] = [];
  tops.forEach((a, i) => tops.slice(i + 1).forEach((b) => { if (overlap(boxes.get(a)!, boxes.get(b)!)) bad.push(`${a} / ${b}`); }));
  return bad;
}

describe('the grid of nodes', () => {
  it('puts up to 8 nodes in one row and more in rows about as wide as a screen', () => {
    expect([1, 3, 8].map(gridColumns)).toEqual([1, 3, 8]);
    expect(gridColumns(10)).toBe(8);
    const cols = gridColumns(1000);
    expect(cols).toBeGreaterThan(20);
    expect(cols).toBeLessThan(50);
  });

  it('lays ten closed nodes out as tiles in two rows, in order, on a trunk with a branch under each row', () => {
    const v = viewOf();
    const { boxes, bus } = layoutOf(v);
    const tiles = nodeIds.map((id) => boxes.get(id)!);
    expect(tiles.every((b) => b.w === M.tileW && b.h === M.tileH)).toBe(true);
    expect(new Set(tiles.map((b) => b.y)).size).toBe(2);
    for (let i = 1; i < 8; i++) expect(tiles[i]!.x).toBeGreaterThan(tiles[i - 1]!.x);
    const trunk = boxes.get(NODE_NETWORK)!;
    expect(trunk.h).toBeGreaterThan(trunk.w);
    expect(tiles.every((b) => b.x > trunk.x + trunk.w)).toBe(true);
    // Each tile drops to its row's branch; each branch starts at the trunk.
    const drops = bus.filter((line) => line[0]!.x === line[1]!.x);
    expect(drops).toHaveLength(10);
    expect(bus.filter((line) => line[0]!.x === trunk.x + trunk.w)).toHaveLength(2);
    expect(topLevelOverlaps(v.topo, boxes)).toEqual([]);
  });

  it('opens a node in place: its column widens and its row grows, no other node changes row or column', () => {
    const closed = layoutOf(viewOf()).boxes;
    const v = viewOf({ 'node:kind-worker3': 'open' });
    const { boxes } = layoutOf(v);
    const open = boxes.get('node:kind-worker3')!;
    expect(open.w).toBeGreaterThanOrEqual(M.nodeW);
    expect(open.h).toBeGreaterThan(M.tileH);
    expect(open.x).toBe(closed.get('node:kind-worker3')!.x);
    const order = (m: ReadonlyMap<string, Box>) => nodeIds.map((id) => [m.get(id)!.x, m.get(id)!.y]);
    const before = order(closed);
    const after = order(boxes);
    // Same relative order along x within each row, and rows keep their order.
    for (let i = 1; i < nodeIds.length; i++) {
      expect(Math.sign(after[i]![0]! - after[i - 1]![0]!)).toBe(Math.sign(before[i]![0]! - before[i - 1]![0]!));
      expect(Math.sign(after[i]![1]! - after[i - 1]![1]!)).toBe(Math.sign(before[i]![1]! - before[i - 1]![1]!));
    }
    expect(topLevelOverlaps(v.topo, boxes)).toEqual([]);
  });

  it('draws an open node\'s wire down to its row\'s branch and along it to the trunk', () => {
    const v = viewOf({ 'node:kind-worker3': 'open' });
    const { boxes, routes } = layoutOf(v);
    const route = routes.get('wire:node/kind-worker3:eth0')!;
    const eth0 = boxes.get('dev:node/kind-worker3:eth0')!;
    const trunk = boxes.get(NODE_NETWORK)!;
    expect(route[0]).toEqual({ x: eth0.x + eth0.w / 2, y: eth0.y + eth0.h });
    expect(route.at(-1)!.x).toBe(trunk.x + trunk.w);
    expect(route[1]!.y).toBeGreaterThan(boxes.get('node:kind-worker3')!.y + boxes.get('node:kind-worker3')!.h);
  });

  it('puts an open node\'s closed pods as chips inside it, without overlaps, under their namespace\'s label', () => {
    const v = viewOf({ 'node:kind-worker3': 'open', 'pod:default/app-2-0': 'open' });
    const { boxes, labels } = layoutOf(v);
    const node = boxes.get('node:kind-worker3')!;
    const chips = [...v.chips].filter((id) => big.elements.find((e) => e.id === id)?.parent === 'node:kind-worker3').map((id) => boxes.get(id)!);
    expect(chips).toHaveLength(9);
    for (const c of chips) expect(contains(node, center(c))).toBe(true);
    chips.forEach((a, i) => chips.slice(i + 1).forEach((b) => expect(overlap(a, b)).toBe(false)));
    const label = labels.find((l) => l.text === 'default · 9 pods')!;
    expect(label.y).toBeLessThan(Math.min(...chips.map((c) => c.y)));
    // The open pod sits above the chips, its veth end under it.
    expect(boxes.get('pod:default/app-2-0')!.y).toBeLessThan(Math.min(...chips.map((c) => c.y)));
  });

  it('counts the Services left out of the band in a box at its end', () => {
    const v = viewOf();
    const { more, boxes } = layoutView({ topo: v.topo, tiles: v.tiles, moreServices: 120 });
    expect(more).toBeDefined();
    for (const s of v.topo.elements.filter((e) => e.kind === 'service')) expect(overlap(boxes.get(s.id)!, more!)).toBe(false);
  });

  it('lays out a thousand closed nodes, one box each', () => {
    const elements = Array.from({ length: 1000 }, (_, i) => ({ id: `node:n${i}`, kind: 'node' as const, label: `n${i}`, name: `node n${i}`, details: [] }));
    const topo: Topology = { elements: [...elements, { id: NODE_NETWORK, kind: 'segment', label: 'node network', name: 'node network', details: [] }], links: [] };
    const { boxes } = layoutView({ topo, tiles: new Set(elements.map((e) => e.id)) });
    expect(boxes.size).toBe(1001);
  });
});

describe('the packet in a grid', () => {
  it('crosses from one open node to another along the drawn wires: down to the branch, along the trunk, up again', () => {
    const v = viewOf({ 'node:kind-worker': 'open', 'node:kind-worker9': 'open' });
    const layout = layoutOf(v);
    const geo = { boxes: layout.boxes, links: v.topo.links.filter(isPhysical), routes: layout.routes };
    const from = center(layout.boxes.get('dev:node/kind-worker:eth0')!);
    const toSeg = moveBetween(geo, 'dev:node/kind-worker:eth0', from, NODE_NETWORK);
    expect(toSeg.points).toEqual(expect.arrayContaining(layout.routes.get('wire:node/kind-worker:eth0')!.map((p) => expect.objectContaining(p))));
    const across = moveBetween(geo, NODE_NETWORK, toSeg.end, 'dev:node/kind-worker9:eth0');
    const back = [...layout.routes.get('wire:node/kind-worker9:eth0')!].reverse();
    expect(across.points.slice(1, 1 + back.length)).toEqual(back);
    expect(across.links).toEqual(['wire:node/kind-worker9:eth0']);
  });
});

describe('the viewport arithmetic', () => {
  it('frames a box with room around it, zoomed in no further than asked', () => {
    const f = frameOf({ x: 100, y: 100, w: 200, h: 100 }, { w: 1000, h: 500 }, 0, 1.2);
    expect(f).toEqual({ x: 200, y: 150, zoom: 1.2 });
    const wide = frameOf({ x: 0, y: 0, w: 10_000, h: 100 }, { w: 1000, h: 500 }, 0, 1.2);
    expect(wide.zoom).toBeCloseTo(0.092);
  });

  it('finds the closed node under a point', () => {
    const v = viewOf();
    const layout = layoutOf(v);
    const b = layout.boxes.get('node:kind-worker2')!;
    expect(tileAt(layout, v.tiles, center(b))).toBe('node:kind-worker2');
    expect(tileAt(layout, v.tiles, { x: -50, y: -50 })).toBeUndefined();
  });
});
