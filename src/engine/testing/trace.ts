// Test support: run a send and fail loudly on an error; the last hop of a leg.
import { simulate, type SendSpec } from '../stack/simulate';
import type { DynState } from '../stack/state';
import type { Cluster } from '../cluster/types';
import type { Hop, Trace } from '../trace/types';

export function run(c: Cluster, send: SendSpec, state?: DynState): Trace {
  const r = simulate(c, send, state);
  if (!r.ok) throw new Error(r.error);
  return r.trace;
}

export const last = (hops: readonly Hop[]): Hop => hops[hops.length - 1]!;
