// The one place the fuzz harness reads a trace: a conversation of exchanges, each with its
// tuple and its legs (out from the sender, back towards it). When the trace format changes,
// only this file does.
import type { Hop, Trace, Verdict } from '../../trace/types';

export interface FuzzLeg {
  /** The exchange the leg belongs to. */
  readonly exchange: number;
  readonly role: 'request' | 'reply';
  readonly verdict: Verdict;
  readonly code?: string;
  readonly hops: readonly Hop[];
}

export interface FuzzExchange {
  readonly id: number;
  /** What the sender's socket used: the answer must come back to src:sport from dst:dport. */
  readonly tuple: { readonly src: string; readonly sport: number; readonly dst: string; readonly dport: number; readonly proto: string };
  readonly verdict: Verdict;
  readonly code?: string;
  readonly legs: readonly FuzzLeg[];
}

export function exchangesOf(trace: Trace): readonly FuzzExchange[] {
  return trace.exchanges.map((ex) => ({
    id: ex.id,
    tuple: { src: ex.tuple.src, sport: ex.tuple.sport, dst: ex.tuple.dst, dport: ex.tuple.dport, proto: ex.tuple.proto },
    verdict: ex.verdict, ...(ex.code ? { code: ex.code } : {}),
    legs: ex.legs.map((l) => ({ exchange: ex.id, role: l.dir === 'out' ? 'request' as const : 'reply' as const, verdict: l.verdict, ...(l.code ? { code: l.code } : {}), hops: l.hops })),
  }));
}

export function legsOf(trace: Trace): readonly FuzzLeg[] {
  return exchangesOf(trace).flatMap((e) => e.legs);
}

/** The conversation's own outcome. */
export function outcomeOf(trace: Trace): { readonly verdict: Verdict; readonly code?: string } {
  return { verdict: trace.verdict, ...(trace.code ? { code: trace.code } : {}) };
}
