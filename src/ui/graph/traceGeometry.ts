// The packet's whole journey for one trace, computed once: where it rests at each hop and
// how it gets there from the hop before, plus the sets the graph highlights.
import type { Step } from '../../store';
import { anchorOf, type Point } from './geometry';
import { moveBetween, type Geometry, type Move } from './packetPath';

export interface Journey {
  /** Where the packet rests at each step; null while it has no place yet. */
  readonly rests: readonly (Point | null)[];
  /** How it arrives at each step from the step before (empty for the first). */
  readonly moves: readonly Move[];
  /** Every element the trace touches. */
  readonly visited: ReadonlySet<string>;
  /** Every link the packet travels along. */
  readonly pathLinks: ReadonlySet<string>;
}

const STILL: Move = { points: [], links: [], end: { x: 0, y: 0 } };

export function journeyOf(geo: Geometry, steps: readonly Step[]): Journey {
  const rests: (Point | null)[] = [];
  const moves: Move[] = [];
  const pathLinks = new Set<string>();
  let at: string | null = null;
  let point: Point | null = null;
  for (const { hop } of steps) {
    const box = geo.boxes.get(hop.at);
    let move = STILL;
    if (box && point && at !== null) {
      move = moveBetween(geo, at, point, hop.at);
      point = move.end;
      at = hop.at;
    } else if (box) {
      // The first hop with a place: the packet appears there.
      point = anchorOf(box);
      at = hop.at;
    }
    move.links.forEach((l) => pathLinks.add(l));
    moves.push(move);
    rests.push(point);
  }
  return { rests, moves, visited: new Set(steps.map((s) => s.hop.at)), pathLinks };
}

/** The points to animate through when the selection goes from one step to another. */
export function pathBetween(j: Journey, from: number, to: number): readonly Point[] {
  const target = j.rests[to];
  if (!target) return [];
  if (to === from + 1 && j.moves[to]!.points.length > 1) return j.moves[to]!.points;
  if (to === from - 1 && j.moves[from]!.points.length > 1) return [...j.moves[from]!.points].reverse();
  return [target];
}
