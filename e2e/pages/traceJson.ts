// Reading the trace JSON a journey gets from window.podpath.trace(): a send is one exchange;
// its first leg is what went out, the next is what came back.
import type { Hop, Trace, TraceLeg } from '../../src/engine';

export interface SentView {
  readonly trace: Trace;
  readonly send: { readonly from: string; readonly to: string; readonly src: string; readonly dst: string; readonly proto: string; readonly sport: number; readonly dport: number };
  readonly hops: readonly Hop[];
  readonly reply?: TraceLeg;
}

export function sentView(trace: Trace): SentView {
  const ex = trace.exchanges[0]!;
  return { trace, send: { from: ex.from, to: ex.to, ...ex.tuple }, hops: ex.legs[0]!.hops, ...(ex.legs[1] ? { reply: ex.legs[1] } : {}) };
}
