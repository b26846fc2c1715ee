// The drawn path of a link between two boxes: a straight segment when the boxes face each
// other (one above the other, or side by side), else an L. Used for the edges and for the
// packet moving along them, so both follow the very same line.
import { center, type Box, type Point } from './geometry';

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));

/** The smaller box's centre, pulled into the shared range [lo, hi]. */
function shared(a: Box, b: Box, axis: 'x' | 'y'): number | null {
  const [pos, size] = axis === 'x' ? (['x', 'w'] as const) : (['y', 'h'] as const);
  const lo = Math.max(a[pos], b[pos]);
  const hi = Math.min(a[pos] + a[size], b[pos] + b[size]);
  if (hi - lo < 4) return null;
  const small = a[size] <= b[size] ? a : b;
  return clamp(small[pos] + small[size] / 2, lo + 2, hi - 2);
}

export function linkRoute(a: Box, b: Box): Point[] {
  const x = shared(a, b, 'x');
  if (x !== null) {
    if (a.y + a.h <= b.y) return [{ x, y: a.y + a.h }, { x, y: b.y }];
    if (b.y + b.h <= a.y) return [{ x, y: a.y }, { x, y: b.y + b.h }];
  }
  const y = shared(a, b, 'y');
  if (y !== null) {
    if (a.x + a.w <= b.x) return [{ x: a.x + a.w, y }, { x: b.x, y }];
    if (b.x + b.w <= a.x) return [{ x: a.x, y }, { x: b.x + b.w, y }];
  }
  const ca = center(a);
  const cb = center(b);
  if (x === null && y === null) {
    // Down (or up) from a, then across into b.
    const startY = cb.y > ca.y ? a.y + a.h : a.y;
    const endX = cb.x > ca.x ? b.x : b.x + b.w;
    return [{ x: ca.x, y: startY }, { x: ca.x, y: cb.y }, { x: endX, y: cb.y }];
  }
  return [ca, cb];
}

/** An SVG path through the points. */
export function pathOf(points: readonly Point[]): string {
  return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x},${p.y}`).join(' ');
}
