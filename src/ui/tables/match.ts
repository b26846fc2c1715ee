// Which lines of a printed table the current packet matched, and at which hops: a line is
// matched when it is the rule a hop in that namespace decided by (a route, a neighbour or FDB
// entry, a conntrack entry, an IPVS service and real server) or one of the netfilter rules a
// hop matched. Lines are read with the context their tool prints (the iptables table, the nft
// chain, the IPVS virtual service), so a rule that appears in two places matches only where
// it was used. A conntrack line matches by its original tuple: the entry's state and timer
// move on after the hop that printed it. Pure.
import type { Hop, TableId, TableText } from '../../engine';

export interface HopAt {
  /** Index of the hop's step in the trace. */
  readonly index: number;
  readonly hop: Hop;
}

export interface TableLine {
  readonly text: string;
  /** The steps whose hop matched this line, in order. */
  readonly hops: readonly number[];
  /** A line that opens a section the lines below belong to: an iptables table, an nft chain, an IPVS virtual service. */
  readonly header?: true;
}

const SEP = '\u0000';

/** A conntrack entry's protocol and original tuple: "tcp src=… dst=… sport=… dport=…". */
export function conntrackKey(line: string): string {
  const tokens = line.trim().split(/\s+/);
  const tuple: string[] = [];
  for (const t of tokens.slice(1)) {
    if (!t.includes('=')) continue;
    if (t.startsWith('src=') && tuple.length > 0) break;
    tuple.push(t);
  }
  return tuple.length ? `${tokens[0]} ${tuple.join(' ')}` : '';
}

/** An IPVS real-server line's kind and address: "-> 10.244.2.2:8080". */
const realServer = (line: string) => line.trim().split(/\s+/).slice(0, 2).join(' ');
const isIptablesRule = (rule: string) => rule.startsWith('-A ');

/** The keys a hop matches in one table. */
function hopKeys(table: TableId, hop: Hop): string[] {
  const steps = hop.steps ?? [];
  switch (table) {
    case 'routes': case 'routes-local': case 'neigh': case 'fdb':
      return hop.table === (table === 'routes-local' ? 'routes' : table) && hop.rule ? [hop.rule.trim()] : [];
    case 'conntrack':
      return hop.table === 'conntrack' && hop.rule ? [conntrackKey(hop.rule)] : [];
    case 'iptables-save':
      return steps.filter((s) => s.tool === 'iptables').map((s) => `${s.table}${SEP}${s.rule}`);
    case 'nft':
      return steps.filter((s) => s.tool === 'nft').map((s) => `${s.chain}${SEP}${s.rule.trim()}`);
    // kube-network-policies' one chain: the hop names the rule that queued the packet.
    case 'nft-netpol':
      return hop.table === 'nft-netpol' && hop.rule ? [`postrouting${SEP}${hop.rule.trim()}`] : [];
    case 'ipvsadm': {
      if (hop.table !== 'ipvsadm' || !hop.rule) return [];
      const [head = '', ...rest] = hop.rule.split('\n');
      return [`${head.trimEnd()}`, ...rest.map((l) => `${head.trimEnd()}${SEP}${realServer(l)}`)];
    }
    case 'addr': case 'ipset': case 'link': case 'rule': case 'routes-cache': case 'routes-all': case 'subnet-env': case 'cilium-services': case 'cilium-bpf-lb': case 'cilium-policy': case 'cilium-bpf-policy':
      return [];
  }
}

/** Reads a table line by line, giving each line the key a hop would use for it ('' when none). */
function lineKeys(table: TableId, text: string): { text: string; key: string; header?: true }[] {
  const lines = text.replace(/\n$/, '').split('\n');
  let context = '';
  return lines.map((line) => {
    const trimmed = line.trim();
    let key = '';
    let header = false;
    switch (table) {
      case 'routes': case 'routes-local': case 'neigh': case 'fdb': key = trimmed; break;
      case 'conntrack': key = conntrackKey(line); break;
      case 'iptables-save':
        if (line.startsWith('*')) { context = line.slice(1); header = true; }
        else if (isIptablesRule(line)) key = `${context}${SEP}${line}`;
        break;
      case 'nft': case 'nft-netpol': {
        const chain = /^\s*chain (\S+) \{/.exec(line);
        if (chain) { context = chain[1]!; header = true; }
        else if (trimmed === '}') context = '';
        else if (context && trimmed) key = `${context}${SEP}${trimmed}`;
        break;
      }
      case 'ipvsadm':
        if (/^(TCP|UDP|SCTP|FWM)\s/.test(line)) { context = line.trimEnd(); key = context; header = true; }
        else if (context && trimmed.startsWith('->')) key = `${context}${SEP}${realServer(line)}`;
        break;
      case 'addr': case 'ipset': case 'link': case 'rule': case 'routes-cache': case 'routes-all': case 'subnet-env': case 'cilium-services': case 'cilium-bpf-lb': case 'cilium-policy': case 'cilium-bpf-policy': break;
    }
    return { text: line, key, ...(header ? { header: true as const } : {}) };
  });
}

/** The table's lines, each with the steps that matched it. */
export function matchTable(table: TableText, hops: readonly HopAt[]): TableLine[] {
  const byKey = new Map<string, number[]>();
  for (const { index, hop } of hops) {
    for (const key of new Set(hopKeys(table.id, hop))) {
      if (!key) continue;
      const list = byKey.get(key) ?? [];
      list.push(index);
      byKey.set(key, list);
    }
  }
  return lineKeys(table.id, table.text).map(({ text, key, header }) => ({ text, hops: (key && byKey.get(key)) || [], ...(header ? { header } : {}) }));
}

/** The step to select when a learner follows a matched line: the next of its hops after the selected one, wrapping round. */
export function nextHopOf(line: TableLine, position: number): number | undefined {
  return line.hops.find((i) => i > position) ?? line.hops[0];
}

export interface MatchedTable {
  readonly table: TableText;
  readonly lines: readonly TableLine[];
}

/**
 * The table to open for a step: the first, in the tools' order, with a line that step
 * matched; for a step without lines here, that of the latest step before it that had some,
 * so stepping through a veth or a wire keeps the table in view.
 */
export function tableOfStep(tables: readonly MatchedTable[], position: number): TableId | undefined {
  let best: { at: number; id: TableId } | undefined;
  for (const t of tables) {
    const at = Math.max(-1, ...t.lines.flatMap((l) => l.hops.filter((h) => h <= position)));
    if (at >= 0 && (!best || at > best.at)) best = { at, id: t.table.id };
  }
  return best?.id;
}

/** How many lines of a table the trace matched. */
export const matchedCount = (t: MatchedTable): number => t.lines.filter((l) => l.hops.length > 0).length;

/**
 * The lines to draw: all of them, or the matched ones (with the heading of their section: the
 * table, chain or virtual service they are in) and a note where others were left out.
 */
export function foldUnmatched(lines: readonly TableLine[], onlyMatched: boolean): (TableLine | { skipped: number })[] {
  if (!onlyMatched) return [...lines];
  const keep = new Set<number>();
  let heading = -1;
  lines.forEach((l, i) => {
    if (l.header) heading = i;
    if (l.hops.length > 0) {
      keep.add(i);
      if (heading >= 0) keep.add(heading);
    }
  });
  const out: (TableLine | { skipped: number })[] = [];
  let skipped = 0;
  lines.forEach((l, i) => {
    if (!keep.has(i)) { skipped++; return; }
    if (skipped) out.push({ skipped });
    skipped = 0;
    out.push(l);
  });
  if (skipped) out.push({ skipped });
  return out;
}
