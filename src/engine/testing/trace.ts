// Test support: run a send and fail loudly on an error; read a one-exchange trace as its
// request leg and the leg that came back; the last hop of a leg.
import { simulate, type SendSpec } from '../stack/simulate';
import type { DynState } from '../stack/state';
import type { Cluster } from '../cluster/types';
import type { Hop, Trace, TraceLeg, Verdict } from '../trace/types';

/** A send's one exchange as two legs: what went out, and what came back (if anything). */
export interface SentExchange {
  readonly trace: Trace;
  readonly verdict: Verdict;
  readonly reason?: string;
  readonly code?: string;
  readonly hops: readonly Hop[];
  readonly rulesEvaluated: number;
  readonly reply?: TraceLeg;
  readonly send: { readonly from: string; readonly to: string; readonly src: string; readonly dst: string; readonly proto: string; readonly sport: number; readonly dport: number; readonly seed: number };
}

export function sent(trace: Trace): SentExchange {
  const ex = trace.exchanges[0];
  if (!ex) throw new Error('the trace has no exchange');
  const first = ex.legs[0]!;
  const t = ex.tuple;
  return {
    trace, verdict: first.verdict, ...(first.reason ? { reason: first.reason } : {}), ...(first.code ? { code: first.code } : {}),
    hops: first.hops, rulesEvaluated: first.rulesEvaluated, ...(ex.legs[1] ? { reply: ex.legs[1] } : {}),
    send: { from: ex.from, to: ex.to, src: t.src, dst: t.dst, proto: t.proto, sport: t.proto === 'icmp' ? 0 : t.sport, dport: t.dport, seed: trace.seed },
  };
}

export function run(c: Cluster, send: SendSpec, state?: DynState): SentExchange {
  const r = simulate(c, send, state);
  if (!r.ok) throw new Error(r.error);
  return sent(r.trace);
}

export const last = (hops: readonly Hop[]): Hop => hops[hops.length - 1]!;
