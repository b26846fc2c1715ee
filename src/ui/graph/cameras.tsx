// Where the view looks: the whole cluster when a scenario opens; the path's nodes when a new
// trace arrives and the current hop while it plays (following the packet); the element a
// search found. Zooming in far on a closed node opens it, and zooming out far closes what
// zooming opened. Moves are animated, unless the learner prefers reduced motion.
import { useOnViewportChange, useReactFlow, useStore, type Viewport } from '@xyflow/react';
import { useReducedMotion } from 'motion/react';
import { useEffect, useRef } from 'react';
import { useAppStore, type ScenarioSummary, type Step } from '../../store';
import type { Point } from './geometry';
import type { Layout } from './layout';
import type { Journey } from './traceGeometry';
import { frameOf, tileAt } from './viewport';

/** The strip the graph's toolbar takes at the top. */
const TOOLBAR_H = 44;
/** Zoomed in this far onto a closed node, it opens; zoomed out below CLOSE, what zoom opened closes. */
export const OPEN_ZOOM = 1.1;
export const CLOSE_ZOOM = 0.35;

const useSize = () => useStore((s) => ({ w: s.width, h: s.height }), (a, b) => a.w === b.w && a.h === b.h);

/** Fits the whole cluster once per scenario, when its first layout has arrived. */
export function FitOnScenario({ summary, layout }: { summary: ScenarioSummary | null; layout: Layout | null }) {
  const { setViewport } = useReactFlow();
  const size = useSize();
  const fitted = useRef<ScenarioSummary | null>(null);
  useEffect(() => {
    // (The flow has no size until it is on the page.)
    if (!layout || !summary || fitted.current === summary || size.w === 0 || size.h === 0) return;
    fitted.current = summary;
    // The search and view options sit over the top of the graph: leave them a strip.
    const below = { w: size.w, h: size.h - TOOLBAR_H };
    const f = frameOf({ x: 0, y: 0, w: layout.width, h: layout.height }, below, 0, 1.2);
    void setViewport({ x: size.w / 2 - f.x * f.zoom, y: TOOLBAR_H + below.h / 2 - f.y * f.zoom, zoom: f.zoom });
  }, [summary, layout, setViewport, size]);
  return null;
}

/** Below this zoom a hop's text cannot be read: following the packet zooms in to READABLE. */
export const FOLLOW_MIN_ZOOM = 0.5;
export const READABLE_ZOOM = 0.8;

/** Keeps the packet in sight: pans (zooming in to a readable size first if need be) when the current hop leaves the middle of the view. */
export function FollowCamera({ journey, steps, position, layout }: { journey: Journey; steps: readonly Step[]; position: number; layout: Layout | null }) {
  const follow = useAppStore((s) => s.follow);
  const { setCenter, getViewport } = useReactFlow();
  const size = useSize();
  const reduced = useReducedMotion();
  useEffect(() => {
    if (!follow || !layout || steps.length === 0) return;
    const rest = journey.rests[position] ?? journey.rests.find((p): p is Point => p !== null);
    if (!rest) return;
    const duration = reduced ? 0 : 350;
    const { x, y, zoom } = getViewport();
    const sx = rest.x * zoom + x;
    const sy = rest.y * zoom + y;
    const inside = sx > size.w * 0.15 && sx < size.w * 0.85 && sy > size.h * 0.2 && sy < size.h * 0.85;
    if (!inside || zoom < FOLLOW_MIN_ZOOM) {
      void setCenter(rest.x, rest.y, { zoom: zoom < FOLLOW_MIN_ZOOM ? READABLE_ZOOM : zoom, duration });
    }
  }, [follow, layout, steps, position, journey, setCenter, getViewport, size, reduced]);
  return null;
}

/** Flies to what a search found, once it is drawn. */
export function FocusCamera({ layout }: { layout: Layout | null }) {
  const focus = useAppStore((s) => s.focus);
  const { setCenter } = useReactFlow();
  const size = useSize();
  const reduced = useReducedMotion();
  const done = useRef(0);
  useEffect(() => {
    if (!focus || !layout || done.current === focus.seq) return;
    const box = layout.boxes.get(focus.id);
    if (!box) return;
    done.current = focus.seq;
    const f = frameOf(box, size, 60, 1.1);
    void setCenter(f.x, f.y, { zoom: f.zoom, duration: reduced ? 0 : 450 });
  }, [focus, layout, setCenter, size, reduced]);
  return null;
}

/** Switching the level of detail by zoom: in far onto a closed node opens it; out far closes what zoom opened. */
export function ZoomDetail({ layout, tiles }: { layout: Layout | null; tiles: ReadonlySet<string> }) {
  const setOpen = useAppStore((s) => s.setOpen);
  const size = useSize();
  const byZoom = useRef(new Set<string>());
  useOnViewportChange({
    onEnd: (v: Viewport) => {
      if (!layout) return;
      if (v.zoom >= OPEN_ZOOM) {
        const id = tileAt(layout, tiles, { x: (size.w / 2 - v.x) / v.zoom, y: (size.h / 2 - v.y) / v.zoom });
        if (id) { byZoom.current.add(id); void setOpen(id, true); }
      } else if (v.zoom <= CLOSE_ZOOM && byZoom.current.size > 0) {
        for (const id of byZoom.current) void setOpen(id, false);
        byZoom.current.clear();
      }
    },
  });
  return null;
}
