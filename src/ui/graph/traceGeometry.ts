// The packet's whole journey for one trace, computed once: where it rests at each hop and
// how it gets there from the hop before, plus the sets the graph highlights.
import { tunnelPeerId } from '../../engine/lite';
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

/**
 * The journey over `steps`. `anchor` says which drawn element a hop shows on (a hop inside a
 * closed node shows on its tile); without it, every hop's own element.
 */
export function journeyOf(geo: Geometry, steps: readonly Step[], anchor: (id: string) => string | undefined = (id) => id): Journey {
  const rests: (Point | null)[] = [];
  const moves: Move[] = [];
  const pathLinks = new Set<string>();
  let at: string | null = null;
  let point: Point | null = null;
  const visited = new Set<string>();
  // The overlay's tunnel between the device that wrapped the packet and the one that unwrapped it.
  let wrappedAt: string | null = null;
  for (const { hop } of steps) {
    if (hop.kind === 'encap') wrappedAt = hop.at;
    if (hop.kind === 'decap' && wrappedAt !== null) {
      pathLinks.add(tunnelPeerId(wrappedAt, hop.at));
      wrappedAt = null;
    }
    const place = anchor(hop.at);
    const box = place !== undefined ? geo.boxes.get(place) : undefined;
    if (place !== undefined) visited.add(place);
    let move = STILL;
    if (box && point && at !== null) {
      move = moveBetween(geo, at, point, place!);
      point = move.end;
      at = place!;
    } else if (box) {
      // The first hop with a place: the packet appears there.
      point = anchorOf(box);
      at = place!;
    }
    move.links.forEach((l) => pathLinks.add(l));
    moves.push(move);
    rests.push(point);
  }
  return { rests, moves, visited, pathLinks };
}

/** The points to animate through when the selection goes from one step to another. */
export function pathBetween(j: Journey, from: number, to: number): readonly Point[] {
  const target = j.rests[to];
  if (!target) return [];
  if (to === from + 1 && j.moves[to]!.points.length > 1) return j.moves[to]!.points;
  if (to === from - 1 && j.moves[from]!.points.length > 1) return [...j.moves[from]!.points].reverse();
  return [target];
}
