// The trace as one list of steps the player walks: the request's hops, then the reply's.
// Each step keeps the hop before it in the same leg, which the header panel compares against.
import type { Hop, Trace } from '../engine';

export type Leg = 'request' | 'reply';

export interface Step {
  readonly leg: Leg;
  /** Position of the hop inside its leg (0-based). */
  readonly index: number;
  readonly hop: Hop;
  /** The previous hop of the same leg; absent for a leg's first hop. */
  readonly prev?: Hop;
}

export function stepsOf(trace: Trace | null): readonly Step[] {
  if (!trace) return [];
  const legOf = (leg: Leg, hops: readonly Hop[]): Step[] =>
    hops.map((hop, index) => ({ leg, index, hop, ...(index > 0 ? { prev: hops[index - 1] } : {}) }));
  return [...legOf('request', trace.hops), ...legOf('reply', trace.reply?.hops ?? [])];
}
