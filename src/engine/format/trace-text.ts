// A trace as readable text for a terminal or a handout: the conversation, then each
// exchange (what it was for, who sent it, its verdict) with its legs, each leg a hop table
// (where, what, the packet) with the explanation under each hop and the deciding rule.
import type { Exchange, Hop, PacketView, Trace, TraceLeg } from '../trace/types';

/** The packet in one line: ICMP with its type, identifier and sequence, TCP and UDP with ports. */
export function packetLine(p: PacketView): string {
  const outer = p.outer.length ? ` [outer ${p.outer.map((o) => `${o.kind} ${o.src}→${o.dst}`).join(', ')}]` : '';
  if (p.proto === 'icmp') {
    const i = p.icmp;
    const id = i?.id !== undefined ? ` id ${i.id}${i.seq !== undefined ? ` seq ${i.seq}` : ''}` : '';
    return `icmp ${p.src} → ${p.dst} ttl ${p.ttl} ${i?.type ?? p.flags}${id}${outer}`;
  }
  const flags = p.flags ? ` ${p.flags}` : '';
  return `${p.proto} ${p.src}:${p.sport} → ${p.dst}:${p.dport} ttl ${p.ttl}${flags}${payloadWords(p)}${outer}`;
}

function payloadWords(p: PacketView): string {
  const pl = p.payload;
  if (!pl) return '';
  switch (pl.kind) {
    case 'dns': return pl.response ? ` [DNS answer ${pl.response.rcode} ${pl.question.name} ${pl.question.type}]` : ` [DNS query ${pl.question.name} ${pl.question.type}]`;
    case 'http': return pl.response ? ` [HTTP ${pl.response.status} ${pl.response.reason}]` : pl.request ? ` [HTTP ${pl.request.method} ${pl.request.path} Host: ${pl.request.host}]` : '';
    case 'data': return ` [${pl.summary}]`;
  }
}

function wrap(text: string, width: number, indent: string): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + word.length + 1 > width) { out.push(indent + line); line = word; } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(indent + line);
  return out;
}

function legText(leg: TraceLeg, start: number): string[] {
  const rows = leg.hops.map((h, i) => [String(start + i), h.node, h.netns, h.device || '-', h.kind, packetLine(h.packet)]);
  const head = ['#', 'node', 'netns', 'device', 'kind', 'packet'];
  const widths = head.map((_, c) => Math.max(head[c]!.length, ...rows.map((r) => r[c]!.length)));
  const fmt = (r: string[]) => r.map((v, c) => (c === r.length - 1 ? v : v.padEnd(widths[c]!))).join('  ');
  const out = [`${leg.name} (${leg.dir === 'out' ? 'out' : 'back'}, ${leg.start.toFixed(3)}-${leg.end.toFixed(3)} ms)`, fmt(head)];
  leg.hops.forEach((h: Hop, i) => {
    out.push(fmt(rows[i]!));
    out.push(...wrap(h.text, 100, '      '));
    if (h.rule) out.push(...h.rule.split('\n').map((l, j) => `      ${j === 0 ? 'rule: ' : '      '}${l}`));
  });
  const verdict = leg.verdict === 'delivered' ? 'delivered' : `${leg.verdict}: ${leg.reason ?? ''}`;
  out.push(`=> ${verdict}`);
  return out;
}

function exchangeHead(e: Exchange): string[] {
  const verdict = e.verdict === 'delivered' ? 'delivered' : `${e.verdict}: ${e.reason ?? ''}`;
  const t = e.tuple;
  const ends = t.proto === 'icmp' ? `${t.src} → ${t.dst} (icmp id ${t.icmpId ?? 0})` : `${t.src}:${t.sport} → ${t.dst}:${t.dport} (${t.proto})`;
  return [
    `== Exchange ${e.id + 1}: ${e.title} — ${verdict}${e.parent !== undefined ? ` (made by exchange ${e.parent + 1})` : ''}`,
    `   ${e.from}${e.container ? ` (container ${e.container})` : ''} → ${e.to}; ${ends}${e.result ? `; ${e.result}` : ''}`,
  ];
}

function runText(t: Trace): string {
  const r = t.run;
  if (r.kind === 'command') return `${r.from}${r.container ? ` (container ${r.container})` : ''}$ ${r.command}`;
  return `${r.from}${r.container ? ` (container ${r.container})` : ''} → ${r.to} ${r.proto}${r.port !== undefined ? ` port ${r.port}` : ''}`;
}

export function formatTraceText(t: Trace): string {
  const out = [`${runText(t)}, seed ${t.seed}: ${t.exchanges.length} exchange${t.exchanges.length === 1 ? '' : 's'}, ${t.verdict}`];
  let n = 1;
  for (const e of t.exchanges) {
    out.push('', ...exchangeHead(e));
    for (const leg of e.legs) {
      out.push('', ...legText(leg, n));
      n += leg.hops.length;
    }
  }
  return `${out.join('\n')}\n`;
}
