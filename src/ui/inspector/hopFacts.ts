// What the hop list and the header panel say about netfilter, NAT and conntrack hops: the
// chains a packet walked, how many rules it was compared with, and what a rewrite changed
// (before -> after), in words a learner reads. Pure.
import type { NfStepView, PacketView } from '../../engine';
import { packetBefore, type Step } from '../../store';

/** 1017 -> "1,017". */
export const formatCount = (n: number): string => n.toLocaleString('en-US');

/** "compared with 1 rule", "compared with 1,017 rules". */
export const comparedText = (n: number): string => `compared with ${formatCount(n)} rule${n === 1 ? '' : 's'}`;

export interface ChainWalk {
  readonly table: string;
  readonly chains: readonly string[];
}

/** The chains each table's rules led through, in order, a chain repeated only when the walk came back to it. */
export function chainWalks(steps: readonly NfStepView[]): ChainWalk[] {
  const out: { table: string; chains: string[] }[] = [];
  for (const s of steps) {
    let walk = out[out.length - 1];
    if (!walk || walk.table !== s.table) {
      walk = { table: s.table, chains: [] };
      out.push(walk);
    }
    if (walk.chains[walk.chains.length - 1] !== s.chain) walk.chains.push(s.chain);
  }
  return out;
}

export interface Rewrite {
  readonly field: 'source' | 'destination';
  readonly before: string;
  readonly after: string;
}

const where = (p: PacketView, side: 'src' | 'dst') => {
  const ip = side === 'src' ? p.src : p.dst;
  return p.proto === 'icmp' ? ip : `${ip}:${side === 'src' ? p.sport : p.dport}`;
};

/** The addresses and ports this step rewrote, source first. */
export function rewritesOf(step: Step): Rewrite[] {
  const b = packetBefore(step);
  if (!b) return [];
  const p = step.hop.packet;
  const out: Rewrite[] = [];
  for (const [field, side] of [['source', 'src'], ['destination', 'dst']] as const) {
    const before = where(b, side);
    const after = where(p, side);
    if (before !== after) out.push({ field, before, after });
  }
  return out;
}

/** What kind of rewrite it was, for a heading: "DNAT", "SNAT", "DNAT and SNAT", or conntrack undoing NAT on an answer. */
export function rewriteTitle(step: Step, rewrites: readonly Rewrite[]): string {
  if (rewrites.length === 0) return '';
  if (step.hop.kind === 'conntrack') return 'conntrack undoes the NAT for this answer';
  const d = rewrites.some((r) => r.field === 'destination');
  const s = rewrites.some((r) => r.field === 'source');
  return d && s ? 'DNAT and SNAT' : d ? 'DNAT' : 'SNAT';
}
