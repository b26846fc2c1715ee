// Viewport arithmetic for the cameras: the zoom and centre that frame a box, and which closed
// node lies under a point of the flow (the middle of the view, when zooming in). Pure.
import { contains, type Box, type Point } from './geometry';
import type { Layout } from './layout';

/** The share of the view left empty around what is framed, on each side. */
export const PAD = 0.04;

/** The zoom and centre that show `box` (grown by `pad`) in a view of `size`, zoomed in no further than `maxZoom`. */
export function frameOf(box: Box, size: { w: number; h: number }, pad: number, maxZoom: number): { x: number; y: number; zoom: number } {
  const w = Math.max(box.w + 2 * pad, 1);
  const h = Math.max(box.h + 2 * pad, 1);
  const zoom = Math.min(maxZoom, (size.w * (1 - 2 * PAD)) / w, (size.h * (1 - 2 * PAD)) / h);
  return { x: box.x + box.w / 2, y: box.y + box.h / 2, zoom: Math.max(zoom, 0.02) };
}

export function tileAt(layout: Layout, tiles: ReadonlySet<string>, p: Point): string | undefined {
  for (const id of tiles) {
    const b = layout.boxes.get(id);
    if (b && contains(b, p)) return id;
  }
  return undefined;
}
