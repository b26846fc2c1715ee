// The state that changes as packets move: neighbour (ARP) caches, bridge forwarding
// databases, and (with Services) conntrack and `recent` lists. A walk works on a copy:
// inner tables are cloned the first time the walk writes them, so the caller's state is
// never changed and a 1,000-node cluster costs only what the walk touches.
import type { NetnsId } from '../cluster/types';

export type NeighState = 'REACHABLE' | 'STALE' | 'DELAY' | 'PERMANENT' | 'FAILED';

export interface NeighEntry {
  readonly ip: string;
  readonly dev: string;
  readonly mac: string;
  readonly state: NeighState;
}

export interface FdbEntry {
  readonly mac: string;
  /** The bridge port the address was learned on. */
  readonly port: string;
}

/** Everything that packets change, by network namespace. Treat as immutable. */
export interface DynState {
  readonly neigh: ReadonlyMap<NetnsId, ReadonlyMap<string, NeighEntry>>;
  /** Keyed by `${netns}|${bridge}`. */
  readonly fdb: ReadonlyMap<string, ReadonlyMap<string, FdbEntry>>;
}

export const EMPTY_STATE: DynState = { neigh: new Map(), fdb: new Map() };

const neighKey = (dev: string, ip: string) => `${dev}|${ip}`;

export class WorkingState {
  private readonly neigh: Map<NetnsId, ReadonlyMap<string, NeighEntry>>;
  private readonly fdb: Map<string, ReadonlyMap<string, FdbEntry>>;
  private readonly owned = new Set<ReadonlyMap<string, unknown>>();

  constructor(base: DynState) {
    this.neigh = new Map(base.neigh);
    this.fdb = new Map(base.fdb);
  }

  private writable<V>(outer: Map<string, ReadonlyMap<string, V>>, key: string): Map<string, V> {
    const cur = outer.get(key);
    if (cur && this.owned.has(cur)) return cur as Map<string, V>;
    const copy = new Map<string, V>(cur ?? []);
    this.owned.add(copy);
    outer.set(key, copy);
    return copy;
  }

  getNeigh(ns: NetnsId, dev: string, ip: string): NeighEntry | undefined {
    return this.neigh.get(ns)?.get(neighKey(dev, ip));
  }

  setNeigh(ns: NetnsId, e: NeighEntry) {
    this.writable(this.neigh, ns).set(neighKey(e.dev, e.ip), e);
  }

  getFdb(ns: NetnsId, bridge: string, mac: string): FdbEntry | undefined {
    return this.fdb.get(`${ns}|${bridge}`)?.get(mac);
  }

  /** Learns a source MAC on a port; answers whether the table changed. */
  learnFdb(ns: NetnsId, bridge: string, mac: string, port: string): boolean {
    const cur = this.getFdb(ns, bridge, mac);
    if (cur?.port === port) return false;
    this.writable(this.fdb, `${ns}|${bridge}`).set(mac, { mac, port });
    return true;
  }

  snapshot(): DynState {
    return { neigh: new Map(this.neigh), fdb: new Map(this.fdb) };
  }
}

/** The neighbour entries of one namespace, in insertion order. */
export function neighEntries(s: DynState, ns: NetnsId): NeighEntry[] {
  return [...(s.neigh.get(ns)?.values() ?? [])];
}

export function fdbEntries(s: DynState, ns: NetnsId, bridge: string): FdbEntry[] {
  return [...(s.fdb.get(`${ns}|${bridge}`)?.values() ?? [])];
}
