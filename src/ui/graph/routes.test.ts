// Link routes and packet moves: straight where boxes face each other, along links where the
// hops are joined, and straight across when they are not.
import { describe, expect, it } from 'vitest';
import type { TopoLink } from '../../engine';
import { anchorOf, type Placed } from './geometry';
import { linkPath, moveBetween } from './packetPath';
import { linkRoute, pathOf } from './routes';

const chip = (x: number, y: number, w = 20, h = 10): Placed => ({ x, y, w, h, shape: 'chip' });

describe('linkRoute', () => {
  it('runs straight down between a box and one below it', () => {
    expect(linkRoute(chip(0, 0), chip(0, 50))).toEqual([{ x: 10, y: 10 }, { x: 10, y: 50 }]);
  });

  it('runs straight across between boxes side by side, at the smaller one\'s height', () => {
    const bar: Placed = { x: 100, y: 0, w: 10, h: 200, shape: 'bar' };
    expect(linkRoute(chip(0, 80), bar)).toEqual([{ x: 20, y: 85 }, { x: 100, y: 85 }]);
  });

  it('bends once when the boxes share neither a column nor a row', () => {
    expect(linkRoute(chip(0, 0), chip(100, 100))).toEqual([{ x: 10, y: 10 }, { x: 10, y: 105 }, { x: 100, y: 105 }]);
  });

  it('writes an SVG path through the points', () => {
    expect(pathOf([{ x: 1, y: 2 }, { x: 3, y: 4 }])).toBe('M1,2 L3,4');
  });
});

describe('anchorOf', () => {
  it('rests on a bar at the point nearest to where the packet comes from', () => {
    const bar: Placed = { x: 0, y: 100, w: 500, h: 30, shape: 'bar' };
    expect(anchorOf(bar, { x: 320, y: 40 })).toEqual({ x: 320, y: 104 });
  });

  it('rests on a box or a chip at the middle of its top edge, where the pin hides no label', () => {
    expect(anchorOf({ x: 0, y: 0, w: 300, h: 500, shape: 'group' })).toEqual({ x: 150, y: 3 });
    expect(anchorOf(chip(100, 100))).toEqual({ x: 110, y: 103 });
  });
});

describe('packet moves', () => {
  const boxes = new Map<string, Placed>([
    ['a', chip(0, 0)], ['b', chip(0, 100)], ['net', { x: 0, y: 200, w: 400, h: 20, shape: 'bar' }], ['c', chip(300, 100)], ['far', chip(600, 600)],
  ]);
  const links: TopoLink[] = [
    { id: 'ab', kind: 'veth', source: 'a', target: 'b' },
    { id: 'bn', kind: 'wire', source: 'b', target: 'net' },
    { id: 'cn', kind: 'wire', source: 'c', target: 'net' },
  ];
  const geo = { boxes, links };

  it('finds the shortest chain of links in either direction', () => {
    expect(linkPath(links, 'b', 'c')?.map((s) => s.link.id)).toEqual(['bn', 'cn']);
    expect(linkPath(links, 'c', 'a')?.map((s) => s.next)).toEqual(['net', 'b', 'a']);
    expect(linkPath(links, 'a', 'far')).toBeNull();
  });

  it('travels along the links from one hop to the next, over the network bar', () => {
    const move = moveBetween(geo, 'b', { x: 10, y: 105 }, 'c');
    expect(move.links).toEqual(['bn', 'cn']);
    expect(move.points[0]).toEqual({ x: 10, y: 105 });
    expect(move.points).toContainEqual({ x: 10, y: 200 });
    expect(move.end).toEqual({ x: 310, y: 103 });
  });

  it('goes straight when no link joins the two hops, and stays put at the same element', () => {
    expect(moveBetween(geo, 'a', { x: 10, y: 5 }, 'far')).toEqual({ points: [{ x: 10, y: 5 }, { x: 610, y: 603 }], links: [], end: { x: 610, y: 603 } });
    expect(moveBetween(geo, 'a', { x: 10, y: 5 }, 'a').links).toEqual([]);
  });
});
