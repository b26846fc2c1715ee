// Route lookup as the kernel's FIB does it with the default policy rules: the local table
// first (addresses of this namespace, broadcasts, 127/8), then the main table by longest
// prefix, the lowest metric on a tie. Also source address selection for new packets.
import { cidrContains, ipToInt, parseCidr } from '../lib/ip';
import type { Device, Netns, Route } from '../cluster/types';

export function fibLookup(ns: Netns, dst: string): Route | undefined {
  const n = ipToInt(dst);
  let best: Route | undefined;
  for (const r of ns.routes) {
    if (r.table !== 'local') continue;
    if (cidrContains(r.dst, n) && (!best || r.dst.prefix > best.dst.prefix)) best = r;
  }
  if (best) return best;
  for (const r of ns.routes) {
    if (r.table !== 'main' || !cidrContains(r.dst, n)) continue;
    if (!best || r.dst.prefix > best.dst.prefix || (r.dst.prefix === best.dst.prefix && (r.metric ?? 0) < (best.metric ?? 0))) best = r;
  }
  return best;
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
  const r = fibLookup(ns, ip);
  return r !== undefined && r.table === 'local' && r.type === 'local';
}
