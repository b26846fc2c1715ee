// The trace as one list of steps the player walks: every leg of every exchange, in the
// order the packets went (a nested exchange's legs fall between its parent's), hop by hop.
// Each step keeps the hop before it in the same leg, which the header panel compares against.
import type { Exchange, Hop, PacketView, Trace, TraceLeg } from '../engine';

export interface Step {
  /** The exchange's id (its index in trace.exchanges). */
  readonly exchange: number;
  /** Index of the leg inside its exchange. */
  readonly legIndex: number;
  /** The leg's name ("SYN", "DNS answer" ...) and direction. */
  readonly leg: string;
  readonly dir: TraceLeg['dir'];
  /** Whether this is the exchange's first leg (what its sender sent first). */
  readonly opening: boolean;
  /** Position of the hop inside its leg (0-based). */
  readonly index: number;
  readonly hop: Hop;
  /** The previous hop of the same leg; absent for a leg's first hop. */
  readonly prev?: Hop;
}

export function stepsOf(trace: Trace | null): readonly Step[] {
  if (!trace) return [];
  const legs = trace.exchanges.flatMap((e: Exchange) => e.legs.map((leg, legIndex) => ({ e, leg, legIndex })));
  legs.sort((a, b) => a.leg.seq - b.leg.seq);
  return legs.flatMap(({ e, leg, legIndex }) => leg.hops.map((hop, index) => ({
    exchange: e.id, legIndex, leg: leg.name, dir: leg.dir, opening: legIndex === 0, index, hop,
    ...(index > 0 ? { prev: leg.hops[index - 1] } : {}),
  })));
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

/** The first step of an exchange's opening leg that rewrote the destination (where a Service was resolved), else 0. */
export function firstRewrite(steps: readonly Step[]): number {
  const i = steps.findIndex((s) => s.opening && rewroteDestination(s));
  return i < 0 ? 0 : i;
}
