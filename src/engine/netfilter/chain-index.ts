// A lookup aid for long chains (kube-proxy's KUBE-SERVICES and KUBE-NODEPORTS hold one rule
// per Service address). The kernel walks every rule; here rules that require one exact
// destination address, or one protocol + destination port, are filed under that key, so a
// packet only tests the rules that could match it. Skipping is safe because a skipped rule
// fails on a field tested before any match with side effects (statistic, recent); the
// evaluator still reports the kernel's linear rule count.
import type { IpWords } from './addr';
import type { Match, Rule } from './rule-types';

export const INDEX_MIN_RULES = 32;

export interface ChainIndex {
  readonly byKey: ReadonlyMap<string, readonly number[]>;
  /** Rules that may match any packet (ascending). */
  readonly wildcard: readonly number[];
}

export const dstKey = (dst: IpWords): string => `d${dst.join(',')}`;
export const portKey = (proto: number, dport: number): string => `p${proto}:${dport}`;

function ruleKey(matches: readonly Match[]): string | null {
  let proto = -1;
  for (const m of matches) {
    if (m.kind === 'dst' && !m.neg && m.net.prefix === m.net.net.length * 32) return dstKey(m.net.net);
    if (m.kind === 'proto' && !m.neg) proto = m.num;
  }
  if (proto <= 0) return null;
  for (const m of matches) {
    // Modules run in rule order: stop at the first one whose test has side effects.
    if (m.kind === 'statistic' || m.kind === 'recent') return null;
    if (m.kind === 'ports' && m.dport && !m.dport.neg && m.dport.lo === m.dport.hi) return portKey(proto, m.dport.lo);
  }
  return null;
}

export function buildChainIndex(rules: readonly Rule[]): ChainIndex {
  const byKey = new Map<string, number[]>();
  const wildcard: number[] = [];
  rules.forEach((r, i) => {
    const key = ruleKey(r.matches);
    if (key === null) wildcard.push(i);
    else {
      const list = byKey.get(key);
      if (list) list.push(i);
      else byKey.set(key, [i]);
    }
  });
  return { byKey, wildcard };
}

function firstAtLeast(list: readonly number[] | undefined, pos: number): number {
  if (!list) return Infinity;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((list[mid] as number) < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo < list.length ? (list[lo] as number) : Infinity;
}

/** The first rule at or after `pos` that the packet could match; Infinity when none. */
export function nextCandidate(index: ChainIndex, pos: number, keys: readonly string[]): number {
  let best = firstAtLeast(index.wildcard, pos);
  for (const k of keys) best = Math.min(best, firstAtLeast(index.byKey.get(k), pos));
  return best;
}
