// Routes in iproute2's own syntax: `ip route` prints them this way and a learner types
// them this way in a scenario's route edits ("10.244.2.0/24 via 172.18.0.3 dev eth0").
import { cidrText, isIPv4, isValidCidr, parseCidr } from '../lib/ip';
import type { Route, RouteType } from './types';

const TYPES: readonly RouteType[] = ['unicast', 'local', 'broadcast', 'blackhole', 'unreachable', 'prohibit'];

function dstText(r: Route): string {
  if (r.dst.prefix === 0 && r.dst.net === 0) return 'default';
  return r.dst.prefix === 32 ? cidrText(r.dst).slice(0, -3) : cidrText(r.dst);
}

/** One line as `ip route show` prints it; with `withTable`, as `ip route show table all` does (the table of every route but main). */
export function formatRoute(r: Route, withTable = false): string {
  const parts: string[] = [];
  if (r.type !== 'unicast') parts.push(r.type);
  parts.push(dstText(r));
  if (r.via) parts.push('via', r.via);
  if (r.dev) parts.push('dev', r.dev);
  if (withTable ? r.table !== 'main' : r.table === 'local' && r.type !== 'local' && r.type !== 'broadcast') parts.push('table', String(r.table));
  if (r.proto !== undefined) parts.push('proto', String(r.proto));
  if (r.scope && r.scope !== 'global') parts.push('scope', r.scope);
  if (r.src) parts.push('src', r.src);
  if (r.metric !== undefined) parts.push('metric', String(r.metric));
  if (r.onlink) parts.push('onlink');
  if (r.mtu !== undefined) parts.push('mtu', String(r.mtu));
  return parts.join(' ');
}

/** The order the kernel's FIB trie dumps routes in: by address, shorter prefixes first. */
export function compareRoutes(a: Route, b: Route): number {
  return a.dst.net - b.dst.net || a.dst.prefix - b.dst.prefix || (a.metric ?? 0) - (b.metric ?? 0);
}

export type ParsedRoute = { readonly ok: true; readonly route: Route } | { readonly ok: false; readonly message: string };

/** Parses `ip route add` arguments. */
export function parseRouteSpec(text: string, forDelete = false): ParsedRoute {
  const words = text.trim().split(/\s+/).filter(Boolean);
  let type: RouteType = 'unicast';
  if (words[0] && (TYPES as readonly string[]).includes(words[0])) type = words.shift() as RouteType;
  const dstWord = words.shift();
  if (dstWord === undefined) return { ok: false, message: 'a route needs a destination, e.g. "10.244.2.0/24 via 172.18.0.3"' };
  const dstOk = dstWord === 'default' || isIPv4(dstWord) || isValidCidr(dstWord);
  if (!dstOk) return { ok: false, message: `"${dstWord}" is not a destination (an address, a CIDR or "default")` };
  const dst = parseCidr(dstWord === 'default' ? '0.0.0.0/0' : dstWord);
  const out: { -readonly [K in keyof Route]: Route[K] } = { table: 'main', type, dst, proto: 'static' };
  while (words.length > 0) {
    const key = words.shift()!;
    if (key === 'onlink') { out.onlink = true; continue; }
    const value = words.shift();
    if (value === undefined) return { ok: false, message: `"${key}" needs a value` };
    switch (key) {
      case 'via': if (!isIPv4(value)) return { ok: false, message: `via "${value}" is not an IPv4 address` }; out.via = value; break;
      case 'dev': out.dev = value; break;
      case 'src': if (!isIPv4(value)) return { ok: false, message: `src "${value}" is not an IPv4 address` }; out.src = value; break;
      case 'metric': if (!/^\d+$/.test(value)) return { ok: false, message: `metric "${value}" is not a number` }; out.metric = Number(value); break;
      case 'proto': if (!['kernel', 'static', 'boot'].includes(value)) return { ok: false, message: `proto "${value}" is not kernel, static or boot` }; out.proto = value as Route['proto']; break;
      case 'scope': if (!['host', 'link', 'global'].includes(value)) return { ok: false, message: `scope "${value}" is not host, link or global` }; out.scope = value as Route['scope']; break;
      default: return { ok: false, message: `"${key}" is not a route option podpath understands (via, dev, src, metric, proto, scope, onlink)` };
    }
  }
  if (!forDelete && type === 'unicast' && !out.via && !out.dev) return { ok: false, message: 'a unicast route needs "via" or "dev"' };
  if (out.proto === 'static') delete out.proto;
  if (out.via === undefined && out.dev !== undefined && out.scope === undefined && type === 'unicast') out.scope = 'link';
  return { ok: true, route: out };
}
