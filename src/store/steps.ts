// The trace as one list of steps the player walks: the request's hops, then the reply's.
// Each step keeps the hop before it in the same leg, which the header panel compares against.
import type { Hop, PacketView, Trace } from '../engine';

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

/** The packet as it was before this step: the hop's own `before`, else the previous hop's packet. */
export function packetBefore(step: Step): PacketView | undefined {
  return step.hop.before ?? step.prev?.packet;
}

/** Whether this step sent the packet somewhere else: its destination address or port changed (DNAT). */
export function rewroteDestination(step: Step): boolean {
  const b = packetBefore(step);
  return b !== undefined && (b.dst !== step.hop.packet.dst || b.dport !== step.hop.packet.dport);
}

/** The first request step that rewrote the destination (where a Service was resolved), else 0. */
export function firstRewrite(steps: readonly Step[]): number {
  const i = steps.findIndex((s) => s.leg === 'request' && rewroteDestination(s));
  return i < 0 ? 0 : i;
}
