// Where the packet goes between two hops: along the links that join the two hops' elements
// (found by a short breadth-first search, e.g. eth0 -> node network -> eth0), or in a straight
// line when no link joins them (a route decision inside one machine). Pure geometry.
import type { TopoLink } from '../../engine';
import { anchorOf, type Placed, type Point } from './geometry';
import { linkRoute } from './routes';

export interface Geometry {
  readonly boxes: ReadonlyMap<string, Placed>;
  readonly links: readonly TopoLink[];
  /** Drawn routes of links that do not run straight (the packet follows the line that is drawn). */
  readonly routes?: ReadonlyMap<string, readonly Point[]>;
}

export interface Move {
  /** From where the packet was to where it rests, through every bend. */
  readonly points: readonly Point[];
  /** The ids of the links it travels along. */
  readonly links: readonly string[];
  readonly end: Point;
}

const MAX_LINKS = 3;

/** The shortest chain of links from one element to another, at most MAX_LINKS long. */
export function linkPath(links: readonly TopoLink[], from: string, to: string): { link: TopoLink; next: string }[] | null {
  if (from === to) return [];
  const prev = new Map<string, { link: TopoLink; from: string }>();
  let frontier = [from];
  const seen = new Set([from]);
  for (let depth = 0; depth < MAX_LINKS && frontier.length; depth++) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const link of links) {
        const other = link.source === id ? link.target : link.target === id ? link.source : null;
        if (other === null || seen.has(other)) continue;
        seen.add(other);
        prev.set(other, { link, from: id });
        next.push(other);
      }
    }
    if (seen.has(to)) break;
    frontier = next;
  }
  if (!prev.has(to)) return null;
  const chain: { link: TopoLink; next: string }[] = [];
  for (let at = to; at !== from;) {
    const step = prev.get(at)!;
    chain.unshift({ link: step.link, next: at });
    at = step.from;
  }
  return chain;
}

export function moveBetween(geo: Geometry, fromId: string, fromPoint: Point, toId: string): Move {
  const target = geo.boxes.get(toId);
  if (!target || fromId === toId) return { points: [fromPoint], links: [], end: fromPoint };
  const chain = linkPath(geo.links, fromId, toId);
  const boxed = chain?.every((c) => geo.boxes.has(c.next)) && geo.boxes.has(fromId);
  if (!chain || !boxed) {
    const end = anchorOf(target, fromPoint);
    return { points: [fromPoint, end], links: [], end };
  }
  const points: Point[] = [fromPoint];
  let at = fromId;
  for (const { link, next } of chain) {
    const route = geo.routes?.get(link.id);
    if (route) points.push(...(link.source === at ? route : [...route].reverse()));
    else points.push(...linkRoute(geo.boxes.get(at)!, geo.boxes.get(next)!));
    at = next;
  }
  const end = anchorOf(target, points[points.length - 1]);
  points.push(end);
  return { points, links: chain.map((c) => c.link.id), end };
}
