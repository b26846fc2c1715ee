// A trace as a readable hop table for a terminal or a handout: one row per hop (where,
// what, the packet), the explanation under it, and the deciding rule.
import type { Hop, Trace, TraceLeg } from '../trace/types';

function packetText(h: Hop): string {
  const p = h.packet;
  const ports = p.proto === 'icmp' ? '' : `:${p.sport}`;
  const dports = p.proto === 'icmp' ? '' : `:${p.dport}`;
  const flags = p.flags ? ` ${p.flags}` : '';
  const outer = p.outer.length ? ` [outer ${p.outer.map((o) => `${o.kind} ${o.src}→${o.dst}`).join(', ')}]` : '';
  return `${p.proto} ${p.src}${ports} → ${p.dst}${dports} ttl ${p.ttl}${flags}${outer}`;
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

function legText(title: string, leg: TraceLeg, start: number): string[] {
  const rows = leg.hops.map((h, i) => [String(start + i), h.node, h.netns, h.device || '-', h.kind, packetText(h)]);
  const head = ['#', 'node', 'netns', 'device', 'kind', 'packet'];
  const widths = head.map((_, c) => Math.max(head[c]!.length, ...rows.map((r) => r[c]!.length)));
  const fmt = (r: string[]) => r.map((v, c) => (c === r.length - 1 ? v : v.padEnd(widths[c]!))).join('  ');
  const out = [title, fmt(head)];
  leg.hops.forEach((h, i) => {
    out.push(fmt(rows[i]!));
    out.push(...wrap(h.text, 100, '      '));
    if (h.rule) out.push(`      rule: ${h.rule}`);
  });
  const verdict = leg.verdict === 'delivered' ? 'delivered' : `${leg.verdict}: ${leg.reason ?? ''}`;
  out.push(`=> ${verdict}`);
  return out;
}

export function formatTraceText(t: Trace): string {
  const s = t.send;
  const port = s.proto === 'icmp' ? '' : ` port ${s.dport}`;
  const to = s.to.includes(s.dst) ? s.to : `${s.to} (${s.dst})`;
  const out = [`${s.from} → ${to} ${s.proto}${port}, seed ${s.seed}`, ''];
  out.push(...legText('Request', t, 1));
  if (t.reply) out.push('', ...legText('Reply', t.reply, t.hops.length + 1));
  return `${out.join('\n')}\n`;
}
