// Plain geometry shared by the layout, the edges and the packet: boxes, points, and the
// point where a packet rests on an element (the middle of a chip's or a box's top edge, where
// the packet's pin points without hiding the label; on a bar, the spot nearest to where it
// came from).
export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** group: a box holding others (node, pod, gateway, host); chip: a small element; bar: a bridge or network. */
export type Shape = 'group' | 'chip' | 'bar';

export interface Placed extends Box {
  readonly shape: Shape;
}

export const center = (b: Box): Point => ({ x: b.x + b.w / 2, y: b.y + b.h / 2 });

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));

/** Where the packet sits on an element, given where it comes from. */
export function anchorOf(b: Placed, from?: Point): Point {
  switch (b.shape) {
    case 'chip':
    case 'group': return { x: b.x + b.w / 2, y: b.y + Math.min(3, b.h / 2) };
    case 'bar': return from ? { x: clamp(from.x, b.x + 4, b.x + b.w - 4), y: clamp(from.y, b.y + 4, b.y + b.h - 4) } : center(b);
  }
}

export function distance(a: Point, b: Point): number {
  return Math.hypot(b.x - a.x, b.y - a.y);
}

export function contains(b: Box, p: Point): boolean {
  return p.x >= b.x && p.x <= b.x + b.w && p.y >= b.y && p.y <= b.y + b.h;
}
