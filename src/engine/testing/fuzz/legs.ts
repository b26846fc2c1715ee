// The one place the fuzz harness reads a trace. A trace is a request leg and an optional
// reply today; when it becomes a list of exchanges, each with legs, only this file changes.
import type { Hop, Trace, Verdict } from '../../trace/types';

export interface FuzzLeg {
  /** Which exchange of the conversation the leg belongs to, and its place in it. */
  readonly exchange: number;
  readonly role: 'request' | 'reply';
  readonly verdict: Verdict;
  readonly code?: string;
  readonly hops: readonly Hop[];
}

export function legsOf(trace: Trace): readonly FuzzLeg[] {
  const request: FuzzLeg = { exchange: 0, role: 'request', verdict: trace.verdict, code: trace.code, hops: trace.hops };
  if (!trace.reply) return [request];
  return [request, { exchange: 0, role: 'reply', verdict: trace.reply.verdict, code: trace.reply.code, hops: trace.reply.hops }];
}

/** What the client asked for: the addresses and ports its socket used. */
export function sentTuple(trace: Trace): { readonly src: string; readonly sport: number; readonly dst: string; readonly dport: number } {
  return { src: trace.send.src, sport: trace.send.sport, dst: trace.send.dst, dport: trace.send.dport };
}
