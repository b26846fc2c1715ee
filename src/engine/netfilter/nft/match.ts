// Match expressions of kube-proxy's nftables rules against a packet: address and CIDR
// comparisons, anonymous and named sets, `fib … type local`, `ct state new`,
// `meta l4proto`, the masquerade-mark test, and lookups in dynamic affinity sets (whose
// members live in env.recent with the time they were last updated).
import { assertNever } from '../../lib/assert';
import { cidrContains, ipToInt, parseCidr, type Cidr } from '../../lib/ip';
import type { NfEnv, NfPacket } from '../eval-types';
import type { NftExpr, NftTable } from './types';

export interface MatchContext {
  readonly pkt: NfPacket;
  readonly env: NfEnv;
  readonly table: NftTable;
  /** The mark as earlier rules of this walk left it. */
  readonly mark: () => number;
}

const cidrCache = new Map<string, Cidr>();

/** A literal of a rule ("10.0.0.0/8" or "10.180.0.1") as a CIDR, parsed once. */
export function cidrOf(text: string): Cidr {
  let c = cidrCache.get(text);
  if (c === undefined) {
    c = parseCidr(text);
    cidrCache.set(text, c);
  }
  return c;
}

export function ipNumber(ip: string): number {
  return ipToInt(ip);
}

function addrOf(ctx: MatchContext, field: 'saddr' | 'daddr'): string {
  return field === 'saddr' ? ctx.pkt.src : ctx.pkt.dst;
}

function inNamedSet(ctx: MatchContext, name: string, ip: string): boolean {
  const set = ctx.table.sets.get(name);
  if (set === undefined || set.kind !== 'set') return false;
  if (set.flags.includes('dynamic')) {
    const seen = ctx.env.recent.get(name)?.get(ip);
    if (seen !== undefined) {
      return set.timeoutSeconds === undefined || ctx.env.nowSeconds - seen < set.timeoutSeconds;
    }
  }
  return set.elements.has(ip);
}

export function matchExpr(e: NftExpr, ctx: MatchContext): boolean {
  switch (e.kind) {
    case 'addr':
      return cidrContains(cidrOf(e.value), ipToInt(addrOf(ctx, e.field))) !== e.negate;
    case 'addrAnonSet': {
      const ip = ipToInt(addrOf(ctx, e.field));
      return e.values.some((v) => cidrContains(cidrOf(v), ip)) !== e.negate;
    }
    case 'addrInSet':
      return inNamedSet(ctx, e.set, addrOf(ctx, e.field));
    case 'dport':
      return ctx.pkt.proto === e.proto && ctx.pkt.dport === e.port;
    case 'fibLocal':
      return ctx.env.addrType(addrOf(ctx, e.field)) === 'LOCAL';
    case 'ctStateNew':
      return ctx.pkt.ctstate.includes('NEW');
    case 'l4proto':
      return ctx.pkt.proto === e.proto;
    case 'markMaskZero':
      return (ctx.mark() & e.mask) === 0;
    default:
      return assertNever(e, 'nft expression');
  }
}
