// Dragged positions over the computed layout: the box and what it holds move together, and
// links whose ends moved lose their precomputed route.
import { describe, expect, it } from 'vitest';
import type { Topology } from '../../engine';
import { absolutePosition, withPositions } from './editLayout';
import type { Layout } from './layout';

const topo = {
  elements: [{ id: 'n', kind: 'node' }, { id: 'p', kind: 'pod', parent: 'n' }, { id: 'c', kind: 'container', parent: 'p' }, { id: 's', kind: 'service' }],
  links: [{ id: 'e', kind: 'endpoint', source: 's', target: 'p' }, { id: 'f', kind: 'endpoint', source: 's', target: 'x' }],
} as unknown as Topology;
const layout: Layout = {
  boxes: new Map([['n', { x: 0, y: 0, w: 100, h: 100, shape: 'group' }], ['p', { x: 10, y: 10, w: 50, h: 50, shape: 'group' }], ['c', { x: 20, y: 20, w: 10, h: 10, shape: 'chip' }], ['s', { x: 0, y: -50, w: 40, h: 20, shape: 'group' }]]),
  routes: new Map([['e', [{ x: 0, y: 0 }, { x: 1, y: 1 }]], ['f', [{ x: 0, y: 0 }]]]),
  width: 100, height: 100, bus: [], labels: [],
};

describe('dragged positions', () => {
  it('moves a box with everything inside it, and drops the routes of links it ends', () => {
    const out = withPositions(layout, topo, { p: { x: 30, y: 40 } });
    expect(out.boxes.get('p')).toMatchObject({ x: 30, y: 40 });
    expect(out.boxes.get('c')).toMatchObject({ x: 40, y: 50 });
    expect(out.boxes.get('n')).toMatchObject({ x: 0, y: 0 });
    expect([...out.routes.keys()]).toEqual(['f']);
  });

  it('places a pod inside its node\'s new place when both were moved', () => {
    const out = withPositions(layout, topo, { n: { x: 200, y: 0 }, p: { x: 215, y: 10 } });
    expect(out.boxes.get('p')).toMatchObject({ x: 215, y: 10 });
    expect(out.boxes.get('c')).toMatchObject({ x: 225, y: 20 });
    expect(out.width).toBe(300);
  });

  it('stretches the bar a moved node is wired to, so the wire still drops straight onto it, and moves a closed node\'s drop to the bus', () => {
    const wired = {
      elements: [{ id: 'a', kind: 'node' }, { id: 'eth', kind: 'device', parent: 'a' }, { id: 'net', kind: 'segment' }, { id: 't', kind: 'node' }],
      links: [{ id: 'w', kind: 'wire', source: 'eth', target: 'net' }],
    } as unknown as Topology;
    const base: Layout = {
      boxes: new Map([
        ['a', { x: 0, y: 0, w: 100, h: 100, shape: 'group' }], ['eth', { x: 40, y: 80, w: 20, h: 10, shape: 'chip' }],
        ['net', { x: 0, y: 150, w: 120, h: 20, shape: 'bar' }], ['t', { x: 200, y: 0, w: 60, h: 40, shape: 'group' }],
      ]),
      routes: new Map([['w', [{ x: 50, y: 90 }, { x: 50, y: 150 }]]]),
      width: 260, height: 170, labels: [], bus: [[{ x: 230, y: 40 }, { x: 230, y: 150 }]],
    };
    const node = withPositions(base, wired, { a: { x: 300, y: 20 } });
    // The bar now reaches under the moved eth0 (x 340..360), and its wire has no stale route.
    expect(node.boxes.get('net')).toMatchObject({ x: 0, y: 150, w: 360, h: 20 });
    expect(node.routes.has('w')).toBe(false);
    const out = withPositions(base, wired, { a: { x: 300, y: 20 }, t: { x: 500, y: 10 } });
    // The tile's drop starts under its new place and still ends on the bar, which reaches under it.
    expect(out.bus).toEqual([[{ x: 530, y: 50 }, { x: 530, y: 150 }]]);
    expect(withPositions(base, wired, { t: { x: 500, y: 10 } }).boxes.get('net')).toMatchObject({ x: 0, w: 540 });
  });

  it('ignores positions of elements the topology no longer has, and turns relative positions absolute', () => {
    expect(withPositions(layout, topo, { gone: { x: 1, y: 1 } })).toBe(layout);
    expect(absolutePosition(layout, 'n', { x: 5, y: 6 })).toEqual({ x: 5, y: 6 });
    expect(absolutePosition(layout, 'p', { x: 5, y: 6 })).toEqual({ x: 15, y: 16 });
    expect(absolutePosition(layout, undefined, { x: 5, y: 6 })).toEqual({ x: 5, y: 6 });
  });
});
