// `nft list ruleset` for the `ip kube-proxy` table, as nft (src/rule.c table_print,
// set_print, chain_print; src/expression.c set_expr_print) prints it: tabs, sets and maps
// first in creation order, then chains; base chains with named priorities
// ("priority dstnat - 10"); set elements sorted by value and wrapped two IPs per line,
// map elements one per line under "elements = { ".
import { ipToInt } from '../../lib/ip';
import type { RecentLists } from '../eval-types';
import { ruleListText } from './rule-text';
import type { NftChain, NftHook, NftMap, NftMapElement, NftSet, NftSetElement, NftTable } from './types';
import { verdictText } from './types';

export interface NftListOptions {
  /**
   * nft before 1.0.9 named "dstnat" only at prerouting and "srcnat" only at postrouting
   * (so `nat-output` printed as "priority -100"); newer nft also names them at output/input.
   */
  readonly legacyPriorityNames?: boolean;
  /** Dynamic set members (affinity sets) to show, with the time to compute "expires". */
  readonly dynamic?: { readonly recent: RecentLists; readonly nowSeconds: number };
}

const STD_PRIOS: readonly (readonly [number, string])[] = [
  [-300, 'raw'],
  [-150, 'mangle'],
  [-100, 'dstnat'],
  [0, 'filter'],
  [50, 'security'],
  [100, 'srcnat'],
];

function prioCompat(prio: number, hook: NftHook, legacy: boolean): boolean {
  if (prio === -100) return hook === 'prerouting' || (!legacy && hook === 'output');
  if (prio === 100) return hook === 'postrouting' || (!legacy && hook === 'input');
  return true;
}

/** prio2str(): a standard priority within ±10 is printed by name plus offset. */
export function priorityText(prio: number, hook: NftHook, legacy = false): string {
  for (const [std, name] of STD_PRIOS) {
    const offset = prio - std;
    if (Math.abs(offset) <= 10) {
      if (!prioCompat(std, hook, legacy)) break;
      return offset > 0 ? `${name} + ${offset}` : offset < 0 ? `${name} - ${-offset}` : name;
    }
  }
  return String(prio);
}

/** time_print(): "3h", "2h59m50s", "500ms". */
export function nftTimeText(ms: number): string {
  const parts: [number, string][] = [
    [Math.floor(ms / 86_400_000), 'd'],
    [Math.floor((ms % 86_400_000) / 3_600_000), 'h'],
    [Math.floor((ms % 3_600_000) / 60_000), 'm'],
    [Math.floor((ms % 60_000) / 1000), 's'],
    [Math.floor(ms % 1000), 'ms'],
  ];
  return parts.map(([n, u]) => (n > 0 ? `${n}${u}` : '')).join('');
}

const PROTO_NUMBER: Readonly<Record<string, number>> = { tcp: 6, udp: 17, sctp: 132 };

/**
 * The bytes nft compares when it sorts the elements of a concatenated key: each field in
 * its own 32-bit register (address in network order, protocol in one byte, port in two
 * network-order bytes), read as one little-endian number — so the port decides first.
 */
function concatBytes(key: readonly string[], fields: readonly string[]): number[] {
  const bytes: number[] = [];
  fields.forEach((f, i) => {
    const v = key[i] ?? '';
    if (f === 'ipv4_addr') {
      const n = ipToInt(v);
      bytes.push((n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255);
    } else if (f === 'inet_proto') bytes.push(PROTO_NUMBER[v] ?? 0, 0, 0, 0);
    else bytes.push((Number(v) >> 8) & 255, Number(v) & 255, 0, 0);
  });
  return bytes;
}

function sortedKeys(s: NftSet | NftMap, keys: (readonly string[])[]): (readonly string[])[] {
  const fields = s.type.split(' : ')[0]!.split(' . ');
  if (fields.length === 1 && fields[0] === 'ipv4_addr') return keys.sort((a, b) => ipToInt(a[0]!) - ipToInt(b[0]!));
  const withBytes = keys.map((k) => ({ k, b: concatBytes(k, fields) }));
  withBytes.sort((x, y) => {
    for (let i = x.b.length - 1; i >= 0; i--) if (x.b[i] !== y.b[i]) return x.b[i]! - y.b[i]!;
    return 0;
  });
  return withBytes.map((x) => x.k);
}

const NEWLINE = ',\n\t\t\t     ';

function elementsText(s: NftSet | NftMap, opts: NftListOptions): string | null {
  const items: { key: readonly string[]; text: string }[] = [];
  if (s.kind === 'set' && s.flags.includes('dynamic') && opts.dynamic !== undefined) {
    const members = opts.dynamic.recent.get(s.name) ?? new Map<string, number>();
    for (const [ip, seen] of members) {
      const left = ((s.timeoutSeconds ?? 0) - (opts.dynamic.nowSeconds - seen)) * 1000;
      if (left > 0) items.push({ key: [ip], text: `${ip} expires ${nftTimeText(left)}` });
    }
  }
  const elements: readonly (NftSetElement | NftMapElement)[] = [...s.elements.values()];
  for (const e of elements) {
    const comment = e.comment === undefined ? '' : ` comment ${JSON.stringify(e.comment)}`;
    const value = 'value' in e ? ` : ${verdictText(e.value)}` : '';
    items.push({ key: e.key, text: `${e.key.join(' . ')}${comment}${value}` });
  }
  if (items.length === 0) return null;
  const byKey = new Map(items.map((i) => [i.key, i.text] as const));
  const order = sortedKeys(s, items.map((i) => i.key));
  const concat = s.type.split(' : ')[0]!.includes(' . ');
  const forceNewline = s.kind === 'map' || concat || s.timeoutSeconds !== undefined || items.some((i) => i.text.includes(' comment '));
  let out = '{ ';
  order.forEach((k, i) => {
    if (i > 0) out += forceNewline || i % 2 === 0 ? NEWLINE : ', ';
    out += byKey.get(k)!;
  });
  return `${out} }`;
}

function setText(s: NftSet | NftMap, opts: NftListOptions): string {
  const lines = [`\t${s.kind} ${s.name} {`, `\t\ttype ${s.type}`];
  if (s.kind === 'set') {
    const flags = s.flags.filter((f) => !(f === 'timeout' && s.timeoutSeconds !== undefined));
    if (flags.length > 0) lines.push(`\t\tflags ${flags.join(',')}`);
    if (s.timeoutSeconds !== undefined) lines.push(`\t\ttimeout ${nftTimeText(s.timeoutSeconds * 1000)}`);
  }
  if (s.comment !== undefined) lines.push(`\t\tcomment ${JSON.stringify(s.comment)}`);
  const elements = elementsText(s, opts);
  if (elements !== null) lines.push(`\t\telements = ${elements}`);
  lines.push('\t}');
  return lines.join('\n');
}

function chainText(c: NftChain, opts: NftListOptions): string {
  const lines = [`\tchain ${c.name} {`];
  if (c.comment !== undefined) lines.push(`\t\tcomment ${JSON.stringify(c.comment)}`);
  if (c.base !== undefined) {
    const prio = priorityText(c.base.priority, c.base.hook, opts.legacyPriorityNames);
    lines.push(`\t\ttype ${c.base.type} hook ${c.base.hook} priority ${prio}; policy accept;`);
  }
  for (const r of c.rules) lines.push(`\t\t${ruleListText(r)}`);
  lines.push('\t}');
  return lines.join('\n');
}

/** The table block of `nft list ruleset` (or `nft list table ip kube-proxy`), newline-terminated. */
export function printNftListRuleset(table: NftTable, opts: NftListOptions = {}): string {
  const head = [`table ${table.family} ${table.name} {`];
  if (table.comment !== undefined) head.push(`\tcomment ${JSON.stringify(table.comment)}`);
  const blocks = [
    ...[...table.sets.values()].map((s) => setText(s, opts)),
    ...[...table.chains.values()].map((c) => chainText(c, opts)),
  ];
  return `${head.join('\n')}\n${blocks.join('\n\n')}${blocks.length > 0 ? '\n' : ''}}\n`;
}
