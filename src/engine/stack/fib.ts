// Route lookup as the kernel's FIB does it: the policy rules (`ip rule`) in priority order,
// each naming a table to search; a table answers with its longest matching prefix (the lowest
// metric on a tie), and the first table that answers decides. Without added rules a
// namespace has the kernel's three: 0 local, 32766 main, 32767 default. Also source address
// selection for new packets.
import { cidrContains, ipToInt, parseCidr } from '../lib/ip';
import type { Device, IpRule, Netns, Route, RouteTable } from '../cluster/types';

/** The kernel's default rules (fib_default_rules_init). */
export const DEFAULT_RULES: readonly IpRule[] = [
  { priority: 0, table: 'local' },
  { priority: 32766, table: 'main' },
  { priority: 32767, table: 'default' },
];

/** What a lookup knows about the packet besides its destination. */
export interface FibKey {
  readonly src?: string;
  readonly mark?: number;
  /** The device it arrived on (absent for locally generated packets). */
  readonly iif?: string;
}

const tablesCache = new WeakMap<Netns, Map<RouteTable, Route[]>>();

function tablesOf(ns: Netns): Map<RouteTable, Route[]> {
  let t = tablesCache.get(ns);
  if (!t) {
    t = new Map();
    for (const r of ns.routes) {
      const list = t.get(r.table);
      if (list) list.push(r); else t.set(r.table, [r]);
    }
    tablesCache.set(ns, t);
  }
  return t;
}

/** The routes of one table, in the order they were added. */
export function tableRoutes(ns: Netns, table: RouteTable): readonly Route[] {
  return tablesOf(ns).get(table) ?? [];
}

function lookupTable(routes: readonly Route[] | undefined, n: number): Route | undefined {
  let best: Route | undefined;
  for (const r of routes ?? []) {
    if (!cidrContains(r.dst, n)) continue;
    if (!best || r.dst.prefix > best.dst.prefix || (r.dst.prefix === best.dst.prefix && (r.metric ?? 0) < (best.metric ?? 0))) best = r;
  }
  return best;
}

function ruleMatches(rule: IpRule, n: number, key: FibKey): boolean {
  let m = true;
  if (rule.from) m = key.src !== undefined && cidrContains(rule.from, ipToInt(key.src));
  if (m && rule.to) m = cidrContains(rule.to, n);
  if (m && rule.fwmark) m = ((key.mark ?? 0) & rule.fwmark.mask) === rule.fwmark.mark;
  if (m && rule.iif) m = key.iif === rule.iif;
  return rule.not ? !m : m;
}

export interface FibResult { readonly route: Route; readonly rule: IpRule }

/**
 * Lookups already made in a namespace with only the kernel's default rules, by destination:
 * those rules match every packet, so the answer depends on the destination alone (a compiled
 * namespace never changes; a walk looks the same few destinations up at every packet).
 */
const byDst = new WeakMap<Netns, Map<string, FibResult | null> | false>();

function memoOf(ns: Netns): Map<string, FibResult | null> | false {
  let m = byDst.get(ns);
  if (m === undefined) {
    // A namespace with rules of its own (from, to, fwmark, iif) looks up every time.
    m = ownRules(ns) ? false : new Map();
    byDst.set(ns, m);
  }
  return m;
}

/** The route the kernel picks for `dst`, and the rule that led to its table. */
export function fibResolve(ns: Netns, dst: string, key: FibKey = {}): FibResult | undefined {
  const memo = memoOf(ns);
  if (!memo) return resolve(ns, dst, key);
  const hit = memo.get(dst);
  if (hit !== undefined) return hit ?? undefined;
  const r = resolve(ns, dst, key);
  if (memo.size >= 10_000) memo.clear();
  memo.set(dst, r ?? null);
  return r;
}

function resolve(ns: Netns, dst: string, key: FibKey): FibResult | undefined {
  const n = ipToInt(dst);
  const tables = tablesOf(ns);
  for (const rule of ns.rules) {
    if (!ruleMatches(rule, n, key)) continue;
    const r = lookupTable(tables.get(rule.table), n);
    if (r) return { route: r, rule };
  }
  return undefined;
}

export function fibLookup(ns: Netns, dst: string, key: FibKey = {}): Route | undefined {
  return fibResolve(ns, dst, key)?.route;
}

/** Whether the namespace has rules beyond the kernel's defaults (so a hop should name the rule). */
export function hasPolicyRules(ns: Netns): boolean {
  return memoOf(ns) === false;
}

function ownRules(ns: Netns): boolean {
  return ns.rules.length !== DEFAULT_RULES.length || ns.rules.some((r, i) => r.priority !== DEFAULT_RULES[i]!.priority || r.table !== DEFAULT_RULES[i]!.table || r.from || r.to || r.fwmark || r.iif);
}

export function device(ns: Netns, name: string | undefined): Device | undefined {
  return name === undefined ? undefined : ns.devices.find((d) => d.name === name);
}

/** The address a new packet leaves with: the route's `src`, else the out device's address on the next hop's subnet, else its first one. */
export function selectSource(ns: Netns, r: Route, dst: string): string | undefined {
  if (r.src) return r.src;
  const dev = device(ns, r.dev);
  if (!dev) return undefined;
  const target = ipToInt(r.via ?? dst);
  const same = dev.addrs.find((a) => cidrContains(parseCidr(`${a.ip}/${a.prefix}`), target));
  if (same) return same.ip;
  const first = dev.addrs.find((a) => a.scope === 'global') ?? ns.devices.flatMap((d) => d.addrs).find((a) => a.scope === 'global');
  return first?.ip;
}

/** Whether an address is one of this namespace's own (what `addrtype LOCAL` tests). */
export function isLocalAddress(ns: Netns, ip: string): boolean {
  const r = lookupTable(tablesOf(ns).get('local'), ipToInt(ip));
  return r !== undefined && r.type === 'local';
}
