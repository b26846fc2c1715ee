// The state that changes as packets move: neighbour (ARP) caches, bridge forwarding
// databases, and (with Services) conntrack and `recent` lists. A walk works on a copy:
// inner tables are cloned the first time the walk writes them, so the caller's state is
// never changed and a 1,000-node cluster costs only what the walk touches.
import type { NetnsId } from '../cluster/types';
import type { RecentLists } from '../netfilter/eval-types';
import { tupleKey, type CtEntry, type CtTuple } from './conntrack';
import type { IpvsSchedState } from '../netfilter/ipvs/schedule';

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
  /** Connections by network namespace, oldest first. */
  readonly conntrack: ReadonlyMap<NetnsId, readonly CtEntry[]>;
  /** `-m recent` lists (and nft affinity sets) by network namespace. */
  readonly recent: ReadonlyMap<NetnsId, ReadonlyMap<string, ReadonlyMap<string, number>>>;
  /** IPVS scheduler state (round-robin positions, persistence templates) by node. */
  readonly ipvs: ReadonlyMap<NetnsId, IpvsSchedState>;
  /** Path MTUs learned from ICMP "fragmentation needed" (route exceptions, `ip route show cache`), by namespace and destination. */
  readonly pmtu: ReadonlyMap<NetnsId, ReadonlyMap<string, PmtuEntry>>;
  /** Where each layer-7 proxy's balancer stands, by proxy and upstream (ingress-nginx's round robin). */
  readonly balancers?: ReadonlyMap<string, number>;
  /** Simulated seconds; each send happens one second after the previous one. */
  readonly clock: number;
  readonly nextCtId: number;
}

/** A learned path MTU: what the kernel keeps for 10 minutes (net.ipv4.route.mtu_expires = 600 s). */
export interface PmtuEntry {
  readonly mtu: number;
  /** The clock second it was learned. */
  readonly learned: number;
}

/** net.ipv4.route.mtu_expires */
export const PMTU_EXPIRES = 600;

export const EMPTY_STATE: DynState = {
  neigh: new Map(), fdb: new Map(), conntrack: new Map(), recent: new Map(), ipvs: new Map(), pmtu: new Map(), clock: 0, nextCtId: 1,
};

const neighKey = (dev: string, ip: string) => `${dev}|${ip}`;

export type CtDir = 'orig' | 'reply';

export class WorkingState {
  private readonly neigh: Map<NetnsId, ReadonlyMap<string, NeighEntry>>;
  private readonly fdb: Map<string, ReadonlyMap<string, FdbEntry>>;
  private readonly pmtuMap: Map<NetnsId, ReadonlyMap<string, PmtuEntry>>;
  private readonly owned = new Set<ReadonlyMap<string, unknown>>();
  private readonly ct: Map<NetnsId, CtEntry[]>;
  private readonly ctOwned = new Set<NetnsId>();
  private readonly ctIndex = new Map<NetnsId, Map<string, { id: number; dir: CtDir }>>();
  private readonly recentBase: DynState['recent'];
  private readonly recentWork = new Map<NetnsId, RecentLists>();
  private readonly ipvsBase: DynState['ipvs'];
  private readonly ipvsWork = new Map<NetnsId, IpvsSchedState>();
  private readonly balancers: Map<string, number>;
  readonly clock: number;
  private nextCtId: number;

  constructor(base: DynState) {
    this.neigh = new Map(base.neigh);
    this.fdb = new Map(base.fdb);
    this.pmtuMap = new Map(base.pmtu);
    this.ct = new Map(base.conntrack as Map<NetnsId, CtEntry[]>);
    this.recentBase = base.recent;
    this.ipvsBase = base.ipvs;
    this.balancers = new Map(base.balancers);
    this.clock = base.clock + 1;
    this.nextCtId = base.nextCtId;
  }

  private ctTable(ns: NetnsId): CtEntry[] {
    if (!this.ctOwned.has(ns)) {
      this.ct.set(ns, [...(this.ct.get(ns) ?? [])]);
      this.ctOwned.add(ns);
    }
    return this.ct.get(ns)!;
  }

  private index(ns: NetnsId): Map<string, { id: number; dir: CtDir }> {
    let idx = this.ctIndex.get(ns);
    if (!idx) {
      idx = new Map();
      for (const e of this.ct.get(ns) ?? []) {
        idx.set(tupleKey(e.orig), { id: e.id, dir: 'orig' });
        idx.set(tupleKey(e.reply), { id: e.id, dir: 'reply' });
      }
      this.ctIndex.set(ns, idx);
    }
    return idx;
  }

  /** The connection a packet belongs to, and in which direction it travels. */
  ctLookup(ns: NetnsId, t: CtTuple): { entry: CtEntry; dir: CtDir } | undefined {
    const hit = this.index(ns).get(tupleKey(t));
    if (!hit) return undefined;
    const entry = (this.ct.get(ns) ?? []).find((e) => e.id === hit.id);
    return entry ? { entry, dir: hit.dir } : undefined;
  }

  newCtId(): number {
    return this.nextCtId++;
  }

  /** Inserts or replaces (by id) a confirmed connection. */
  ctPut(ns: NetnsId, e: CtEntry) {
    const table = this.ctTable(ns);
    const i = table.findIndex((x) => x.id === e.id);
    const idx = this.index(ns);
    if (i >= 0) {
      const old = table[i]!;
      table[i] = e;
      // A new state or mark on the same tuples (every later packet of a connection): the index stands.
      if (old.orig === e.orig && old.reply === e.reply) return;
      idx.delete(tupleKey(old.orig));
      idx.delete(tupleKey(old.reply));
    } else table.push(e);
    idx.set(tupleKey(e.orig), { id: e.id, dir: 'orig' });
    idx.set(tupleKey(e.reply), { id: e.id, dir: 'reply' });
  }

  /** Whether a tuple is already taken (for picking a free port when masquerading). */
  ctTupleTaken(ns: NetnsId, t: CtTuple): boolean {
    return this.index(ns).has(tupleKey(t));
  }

  /** The netns's `recent` lists, writable for this walk. */
  recent(ns: NetnsId): RecentLists {
    let r = this.recentWork.get(ns);
    if (!r) {
      r = new Map();
      for (const [name, list] of this.recentBase.get(ns) ?? []) r.set(name, new Map(list));
      this.recentWork.set(ns, r);
    }
    return r;
  }

  /** The node's IPVS scheduler state, writable for this walk. */
  ipvs(ns: NetnsId): IpvsSchedState {
    let s = this.ipvsWork.get(ns);
    if (!s) {
      const b = this.ipvsBase.get(ns);
      s = { position: new Map(b?.position), templates: new Map(b?.templates), connections: new Map(b?.connections) };
      this.ipvsWork.set(ns, s);
    }
    return s;
  }


  /** A proxy balancer's position (absent before its first pick). */
  balancer(key: string): number | undefined {
    return this.balancers.get(key);
  }

  setBalancer(key: string, position: number): void {
    this.balancers.set(key, position);
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

  /** The path MTU learned for a destination, while it has not expired. */
  getPmtu(ns: NetnsId, dst: string): number | undefined {
    const e = this.pmtuMap.get(ns)?.get(dst);
    return e && this.clock - e.learned < PMTU_EXPIRES ? e.mtu : undefined;
  }

  setPmtu(ns: NetnsId, dst: string, mtu: number) {
    this.writable(this.pmtuMap, ns).set(dst, { mtu, learned: this.clock });
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
    const recent = new Map(this.recentBase);
    for (const [ns, r] of this.recentWork) recent.set(ns, r);
    const ipvs = new Map(this.ipvsBase);
    for (const [ns, v] of this.ipvsWork) ipvs.set(ns, v);
    return {
      neigh: new Map(this.neigh), fdb: new Map(this.fdb), pmtu: new Map(this.pmtuMap), conntrack: new Map(this.ct), recent,
      ipvs, clock: this.clock, nextCtId: this.nextCtId, ...(this.balancers.size > 0 ? { balancers: new Map(this.balancers) } : {}),
    };
  }
}

/** The neighbour entries of one namespace, in insertion order. */
export function neighEntries(s: DynState, ns: NetnsId): NeighEntry[] {
  return [...(s.neigh.get(ns)?.values() ?? [])];
}

export function ctEntries(s: DynState, ns: NetnsId): readonly CtEntry[] {
  return s.conntrack.get(ns) ?? [];
}

/** The path MTU exceptions of one namespace, with the seconds they have left at `clock`. */
export function pmtuEntries(s: DynState, ns: NetnsId): { dst: string; mtu: number; expires: number }[] {
  return [...(s.pmtu.get(ns) ?? [])].map(([dst, e]) => ({ dst, mtu: e.mtu, expires: PMTU_EXPIRES - (s.clock - e.learned) })).filter((e) => e.expires > 0);
}

export function fdbEntries(s: DynState, ns: NetnsId, bridge: string): FdbEntry[] {
  return [...(s.fdb.get(`${ns}|${bridge}`)?.values() ?? [])];
}
