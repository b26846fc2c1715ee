// The packet: one element in the flow's coordinate space that glides along the drawn links
// from the previous hop to the selected one (and back, when stepping back). Jumps straight
// there when hops are skipped or the user prefers reduced motion.
import { ViewportPortal } from '@xyflow/react';
import { useAnimate, useReducedMotion } from 'motion/react';
import { useEffect, useRef } from 'react';
import { distance, type Point } from './geometry';
import { pathBetween, type Journey } from './traceGeometry';

/** How long one hop's move takes at 1x, in seconds. */
export const MOVE_SECONDS = 0.8;

function timesOf(points: readonly Point[]): number[] {
  const lengths = points.slice(1).map((p, i) => distance(points[i]!, p));
  const total = lengths.reduce((a, b) => a + b, 0) || 1;
  let run = 0;
  return [0, ...lengths.map((l) => (run += l) / total)];
}

interface Props {
  readonly journey: Journey;
  readonly position: number;
  readonly speed: number;
  readonly label: string;
  readonly flags: string;
}

export function Packet({ journey, position, speed, label, flags }: Props) {
  const [scope, animate] = useAnimate<HTMLDivElement>();
  const reduced = useReducedMotion();
  const last = useRef<{ journey: Journey; position: number } | null>(null);

  useEffect(() => {
    const el = scope.current;
    const rest = journey.rests[position];
    if (!el || !rest) return;
    const prev = last.current;
    last.current = { journey, position };
    const points = prev && prev.journey === journey ? pathBetween(journey, prev.position, position) : [rest];
    if (reduced || points.length < 2) {
      el.dataset.moving = 'false';
      void animate(el, { x: rest.x, y: rest.y }, { duration: 0 });
      return;
    }
    el.dataset.moving = 'true';
    const controls = animate(el, { x: points.map((p) => p.x), y: points.map((p) => p.y) }, {
      duration: MOVE_SECONDS / speed, times: timesOf(points), ease: 'linear',
    });
    void controls.then(() => { el.dataset.moving = 'false'; });
    return () => controls.stop();
  }, [journey, position, speed, reduced, animate, scope]);

  if (!journey.rests[position]) return null;
  return (
    <ViewportPortal>
      <div ref={scope} className="pp-packet-pos" data-moving="false">
        <div className="pp-packet" role="img" aria-label={label}>{flags || 'packet'}</div>
      </div>
    </ViewportPortal>
  );
}
