// Turns typed matches into the tests the kernel runs per packet: ip_packet_match() for the
// basic fields, then each xt match's .match() function (xt_tcpudp, xt_addrtype, xt_mark,
// xt_conntrack, xt_statistic, xt_recent, xt_set, xt_ipvs, ...). Compiled once per rule, so packets never
// re-read rule text.
import { ipNetContains, type IpWords } from './addr';
import type { NfEnv, NfPacket } from './eval-types';
import { statisticMatches } from './probability';
import { ipvsMatches } from './ipvs-match';
import { isBasicMatch, type Match, type ModuleMatch, type RecentMatch } from './rule-types';

/** What a match sees of the packet, prepared once per hook traversal. */
export interface PacketCtx {
  readonly pkt: NfPacket;
  readonly env: NfEnv;
  readonly src: IpWords | null;
  readonly dst: IpWords | null;
  readonly protoNum: number;
  readonly ctBits: number;
  /** skb->mark, changed by MARK targets as the packet goes. */
  mark: number;
  /** The connection's mark, changed by CONNMARK. */
  ctmark: number;
}

export type Test = (c: PacketCtx) => boolean;

export const CT_BITS: Readonly<Record<string, number>> = { INVALID: 1, NEW: 2, RELATED: 4, ESTABLISHED: 8, UNTRACKED: 16, SNAT: 32, DNAT: 64 };
export const PROTO_NUM: Readonly<Record<NfPacket['proto'], number>> = { icmp: 1, ipip: 4, tcp: 6, udp: 17, sctp: 132 };
const MODULE_PROTO = { tcp: 6, udp: 17, sctp: 132 } as const;

/** `-i` / `-o`: a name, or a prefix ending in "+"; read once per rule. */
function ifaceTest(rule: string): (iface: string | undefined) => boolean {
  if (rule.endsWith('+')) {
    const prefix = rule.slice(0, -1);
    return (iface) => (iface ?? '').startsWith(prefix);
  }
  return (iface) => (iface ?? '') === rule;
}

/** xt_recent's recent_mt(): lookup, then set / remove / check-within-seconds / update, then reap. */
function recentTest(m: RecentMatch): Test {
  return (c) => {
    const addr = m.side === 'rdest' ? c.pkt.dst : c.pkt.src;
    const now = c.env.nowSeconds;
    let list = c.env.recent.get(m.name);
    const seen = list?.get(addr);
    let ret = m.neg;
    if (seen === undefined) {
      if (m.action !== 'set') return ret;
      if (!list) c.env.recent.set(m.name, (list = new Map()));
      list.set(addr, now);
      return !ret;
    }
    if (m.action === 'set') ret = !ret;
    else if (m.action === 'remove') {
      list?.delete(addr);
      return !ret;
    } else if (m.seconds || m.hitcount) {
      // One timestamp per address is modelled, so a hitcount above 1 never matches.
      const fresh = !m.seconds || now - seen <= m.seconds;
      if (fresh && m.hitcount <= 1) ret = !ret;
      if (m.reap && list) {
        // recent_entry_reap(): drop the table's oldest entry if it is stale and not this one.
        let oldest: string | undefined;
        let oldestAt = Infinity;
        for (const [a, t] of list) if (t < oldestAt) [oldest, oldestAt] = [a, t];
        if (oldest !== undefined && oldest !== addr && now - oldestAt > m.seconds) list.delete(oldest);
      }
    } else ret = !ret;
    if (list && (m.action === 'set' || (m.action === 'update' && ret))) list.set(addr, now);
    return ret;
  };
}

function moduleTest(m: ModuleMatch): Test | null {
  switch (m.kind) {
    case 'comment':
    case 'nfacct':
      return null;
    case 'ports': {
      const proto = MODULE_PROTO[m.module];
      const { sport, dport } = m;
      return (c) =>
        c.protoNum === proto &&
        (!sport || (c.pkt.sport >= sport.lo && c.pkt.sport <= sport.hi) !== sport.neg) &&
        (!dport || (c.pkt.dport >= dport.lo && c.pkt.dport <= dport.hi) !== dport.neg);
    }
    case 'multiport': {
      const inRanges = (p: number): boolean => m.ranges.some(([lo, hi]) => p >= lo && p <= hi);
      return (c) => {
        if (c.protoNum !== 6 && c.protoNum !== 17 && c.protoNum !== 132) return false;
        const hit = m.dir === 'sports' ? inRanges(c.pkt.sport) : m.dir === 'dports' ? inRanges(c.pkt.dport) : inRanges(c.pkt.sport) || inRanges(c.pkt.dport);
        return hit !== m.neg;
      };
    }
    case 'addrtype': {
      const { src, dst } = m;
      return (c) =>
        (!src || src.types.includes(c.env.addrType(c.pkt.src)) !== src.neg) && (!dst || dst.types.includes(c.env.addrType(c.pkt.dst)) !== dst.neg);
    }
    case 'mark':
      return (c) => (((c.mark & m.mask) >>> 0) === m.value) !== m.neg;
    case 'conntrack': {
      const mask = m.states.reduce((acc, s) => acc | (CT_BITS[s] ?? 0), 0);
      return (c) => ((c.ctBits & mask) !== 0) !== m.neg;
    }
    case 'statistic':
      return (c) => statisticMatches(m.probability, c.env.random31()) !== m.neg;
    case 'recent':
      return recentTest(m);
    case 'set':
      return (c) => (c.env.ipsetTest?.(m.set, m.flags, c.pkt) ?? false) !== m.neg;
    case 'physdev':
      // Bridge port information is not part of NfPacket: the packet is treated as not bridged.
      return () => m.options.every((o) => o.neg);
    case 'ipvs':
      return (c) => ipvsMatches(m, c.pkt);
  }
}

export function matchTest(m: Match): Test | null {
  switch (m.kind) {
    case 'src':
      return (c) => (c.src !== null && ipNetContains(m.net, c.src)) !== m.neg;
    case 'dst':
      return (c) => (c.dst !== null && ipNetContains(m.net, c.dst)) !== m.neg;
    case 'in': {
      const matches = ifaceTest(m.iface);
      return (c) => matches(c.pkt.inIface) !== m.neg;
    }
    case 'out': {
      const matches = ifaceTest(m.iface);
      return (c) => matches(c.pkt.outIface) !== m.neg;
    }
    case 'proto':
      return m.num === 0 ? (m.neg ? () => false : null) : (c) => (c.protoNum === m.num) !== m.neg;
    default:
      return moduleTest(m);
  }
}

/** All of a rule's tests in the kernel's order: the IP header fields first, then each -m. */
export function ruleTest(matches: readonly Match[]): Test {
  const basic = matches.filter(isBasicMatch);
  const modules = matches.filter((m) => !isBasicMatch(m));
  const tests = [...basic, ...modules].map(matchTest).filter((t): t is Test => t !== null);
  if (tests.length === 0) return () => true;
  if (tests.length === 1) return tests[0] as Test;
  return (c) => {
    for (const t of tests) if (!t(c)) return false;
    return true;
  };
}
