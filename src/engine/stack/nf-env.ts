// What netfilter's evaluators see of the namespace a packet is in and of its walk (NfEnv):
// address types as this namespace's routes give them (`-m addrtype`), the seeded generator
// (`-m statistic`, `numgen`), the clock and `recent` lists, the namespace's ipsets. A walk
// keeps one per namespace: a send meets netfilter tens of times.
import type { Netns } from '../cluster/types';
import type { NetfilterState } from '../cluster/netfilter-state';
import type { AddrType, NfEnv, NfPacket, RecentLists } from '../netfilter/eval-types';
import { ipsetTest } from '../netfilter/ipset/match';
import { fibLookup } from './fib';
import type { Walk } from './walk';

function addrTypeOf(ns: Netns, ip: string): AddrType {
  const first = Number(ip.split('.')[0]);
  if (first >= 224 && first <= 239) return 'MULTICAST';
  const r = fibLookup(ns, ip);
  if (r?.table === 'local') return r.type === 'broadcast' ? 'BROADCAST' : 'LOCAL';
  return 'UNICAST';
}

/** Addresses' types as each compiled namespace answered them (kube-proxy's chains ask at every traversal); bounded. */
const addrTypes = new WeakMap<Netns, Map<string, AddrType>>();

function addrType(ns: Netns, ip: string): AddrType {
  let known = addrTypes.get(ns);
  if (!known) addrTypes.set(ns, (known = new Map()));
  let t = known.get(ip);
  if (t === undefined) {
    t = addrTypeOf(ns, ip);
    if (known.size >= 10_000) known.clear();
    known.set(ip, t);
  }
  return t;
}

/**
 * What the evaluators see of the namespace and the walk. Its methods live on the class, not in
 * closures made afresh for each of the tens of traversals a send makes.
 */
class WalkEnv implements NfEnv {
  readonly nowSeconds: number;
  readonly recent: RecentLists;

  constructor(private readonly w: Walk, private readonly ns: Netns, private readonly sets: NetfilterState['ipsets']) {
    this.nowSeconds = w.st.clock;
    this.recent = w.st.recent(ns.id);
  }

  addrType(ip: string): AddrType {
    return addrType(this.ns, ip);
  }

  random31(): number {
    return this.w.rng.u31();
  }

  /** A namespace without ipsets matches no set. */
  ipsetTest(name: string, flags: readonly string[], p: NfPacket): boolean {
    return this.sets !== undefined && ipsetTest(this.sets, name, flags, p);
  }
}

/** The environment of `ns` for this walk: the one it already made there, or a new one. */
export function envFor(w: Walk, ns: Netns, nf: NetfilterState): NfEnv {
  const known = w.nfEnv;
  if (known?.ns === ns.id) return known.env;
  const env = new WalkEnv(w, ns, nf.ipsets);
  w.nfEnv = { ns: ns.id, env };
  return env;
}
