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

/** What a walk asks of a namespace's devices at every packet, read once per compiled namespace. */
interface DeviceFacts {
  readonly byName: ReadonlyMap<string, Device>;
  /** The first global-scope address on any device (inet_select_addr's last resort). */
  readonly firstGlobal: string | undefined;
  /** Addresses already asked about: whether each is one of the namespace's own. */
  readonly local: Map<string, boolean>;
}

const deviceFacts = new WeakMap<Netns, DeviceFacts>();

function factsOf(ns: Netns): DeviceFacts {
  let f = deviceFacts.get(ns);
  if (!f) {
    const byName = new Map<string, Device>();
    // The first device of a name, as find() gave it.
    for (const d of ns.devices) if (!byName.has(d.name)) byName.set(d.name, d);
    f = { byName, firstGlobal: ns.devices.flatMap((d) => d.addrs).find((a) => a.scope === 'global')?.ip, local: new Map() };
    deviceFacts.set(ns, f);
  }
  return f;
}

export function device(ns: Netns, name: string | undefined): Device | undefined {
  return name === undefined ? undefined : factsOf(ns).byName.get(name);
}

/** The namespace's first global-scope address, on whichever device. */
export function firstGlobalAddress(ns: Netns): string | undefined {
  return factsOf(ns).firstGlobal;
}

/** The address a new packet leaves with: the route's `src`, else the out device's address on the next hop's subnet, else its first one. */
export function selectSource(ns: Netns, r: Route, dst: string): string | undefined {
  if (r.src) return r.src;
  const dev = device(ns, r.dev);
  if (!dev) return undefined;
  const target = ipToInt(r.via ?? dst);
  const same = dev.addrs.find((a) => cidrContains(parseCidr(`${a.ip}/${a.prefix}`), target));
  if (same) return same.ip;
  return dev.addrs.find((a) => a.scope === 'global')?.ip ?? firstGlobalAddress(ns);
}

/** Whether an address is one of this namespace's own (what `addrtype LOCAL` tests). */
export function isLocalAddress(ns: Netns, ip: string): boolean {
  const local = factsOf(ns).local;
  let yes = local.get(ip);
  if (yes === undefined) {
    const r = lookupTable(tablesOf(ns).get('local'), ipToInt(ip));
    yes = r !== undefined && r.type === 'local';
    if (local.size >= 10_000) local.clear();
    local.set(ip, yes);
  }
  return yes;
}
