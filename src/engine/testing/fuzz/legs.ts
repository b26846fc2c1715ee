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

/**
 * Where the sender's socket is connected: where it was asked to, unless a cgroup program
 * translated the connect() (Cilium's socket LB: the request leg's bpf hop in the sender's
 * namespace, before any packet left, with the asked address as its `before`).
 */
function connectedTo(ex: Trace['exchanges'][number]): { readonly dst: string; readonly dport: number } {
  const first = ex.legs[0]?.hops;
  const lb = first?.find((h, i) => i < 3 && h.kind === 'bpf' && h.nsId === first[0]!.nsId && h.before?.dst === ex.tuple.dst);
  return lb ? { dst: lb.packet.dst, dport: lb.packet.dport } : { dst: ex.tuple.dst, dport: ex.tuple.dport };
}

export function exchangesOf(trace: Trace): readonly FuzzExchange[] {
  return trace.exchanges.map((ex) => ({
    id: ex.id,
    tuple: { src: ex.tuple.src, sport: ex.tuple.sport, ...connectedTo(ex), proto: ex.tuple.proto },
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
