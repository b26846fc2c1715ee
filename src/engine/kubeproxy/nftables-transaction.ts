// The knftables transaction form of the `ip kube-proxy` table, as knftables' Fake.Dump()
// writes it (`add table …`, `add chain …` + its rules, `add set …` + elements, `add map …`
// + elements; chains, sets and maps each sorted by name), and a port of kube-proxy's
// sortNFTablesTransaction (pkg/proxy/nftables/helpers_test.go), the normal form the
// upstream tests compare in.
import type { NftChain, NftMap, NftMapElement, NftSet, NftSetElement, NftTable } from '../netfilter/nft/types';
import { verdictText } from '../netfilter/nft/types';
import { ruleTransactionText } from '../netfilter/nft/rule-text';

const quote = (s: string): string => JSON.stringify(s);

function byName(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function chainLine(t: string, c: NftChain): string {
  const parts: string[] = [];
  if (c.base !== undefined) parts.push(`type ${c.base.type} hook ${c.base.hook} priority ${c.base.priority} ;`);
  if (c.comment !== undefined) parts.push(`comment ${quote(c.comment)} ;`);
  return parts.length === 0 ? `add chain ${t} ${c.name}` : `add chain ${t} ${c.name} { ${parts.join(' ')} }`;
}

function setLine(t: string, s: NftSet | NftMap): string {
  const parts = [`type ${s.type} ;`];
  if (s.kind === 'set') {
    if (s.flags.length > 0) parts.push(`flags ${s.flags.join(',')} ;`);
    if (s.timeoutSeconds !== undefined) parts.push(`timeout ${s.timeoutSeconds}s ;`);
  }
  if (s.comment !== undefined) parts.push(`comment ${quote(s.comment)} ;`);
  return `add ${s.kind} ${t} ${s.name} { ${parts.join(' ')} }`;
}

function elementLine(t: string, setName: string, e: NftSetElement | NftMapElement): string {
  const comment = e.comment === undefined ? '' : ` comment ${quote(e.comment)}`;
  const value = 'value' in e ? ` : ${verdictText(e.value)}` : '';
  return `add element ${t} ${setName} { ${e.key.join(' . ')}${comment}${value} }`;
}

/** Fake.Dump(): one line per object, ending in a newline. */
export function printNftablesTransaction(table: NftTable): string {
  const t = `${table.family} ${table.name}`;
  const out: string[] = [];
  out.push(table.comment === undefined ? `add table ${t}` : `add table ${t} { comment ${quote(table.comment)} ; }`);
  for (const name of [...table.chains.keys()].sort(byName)) {
    const c = table.chains.get(name)!;
    out.push(chainLine(t, c));
    for (const r of c.rules) out.push(`add rule ${t} ${name} ${ruleTransactionText(r)}`);
  }
  const all = [...table.sets.values()];
  for (const kind of ['set', 'map'] as const) {
    for (const s of all.filter((x) => x.kind === kind).sort((a, b) => byName(a.name, b.name))) {
      out.push(setLine(t, s));
      for (const e of s.elements.values()) out.push(elementLine(t, s.name, e));
    }
  }
  return `${out.join('\n')}\n`;
}

/** objectOrder of helpers_test.go: higher sorts earlier. */
const OBJECT_ORDER: Readonly<Record<string, number>> = { table: 10, chain: 9, rule: 8, set: 7, map: 6, element: 5 };

/**
 * sortNFTablesTransaction: drop blank and "#" lines, then a stable sort by object type,
 * then object name (5th word); rules keep their order, other lines sort as whole strings.
 */
export function sortNFTablesTransaction(tx: string): string {
  const lines = tx.split('\n').filter((l) => l !== '' && !l.startsWith('#'));
  const words = new Map(lines.map((l) => [l, l.split(' ')] as const));
  const less = (li: string, lj: string): boolean => {
    const wi = words.get(li)!;
    const wj = words.get(lj)!;
    if (wi.length < 5 || wj.length < 5) return false;
    if (wi[1] !== wj[1]) return (OBJECT_ORDER[wi[1]!] ?? 0) >= (OBJECT_ORDER[wj[1]!] ?? 0);
    if (wi[4] !== wj[4]) return wi[4]! < wj[4]!;
    if (wi[1] === 'rule') return false;
    return li < lj;
  };
  // Array.prototype.sort is stable, like sort.SliceStable.
  return lines.sort((a, b) => (less(a, b) ? -1 : less(b, a) ? 1 : 0)).join('\n');
}
