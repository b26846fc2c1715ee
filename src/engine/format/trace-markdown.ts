// A trace as a Markdown handout: what was run and how it ended, then each exchange (what it
// was for, its verdict) with one table per leg: every hop with where it happened, what
// happened, the packet, what the hop rewrote (before → after) and the deciding rule in the
// real tool's syntax, and the netfilter rules walked. The selected hop is marked.
import { packetLine } from './trace-text';
import type { Exchange, Hop, PacketView, Trace, TraceRun } from '../trace/types';

/** Text in a table cell: one line, pipes escaped, code spans for rules. */
const cell = (s: string) => s.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|').trim();
const code = (s: string) => (s ? `\`${cell(s).replace(/`/g, 'ˋ')}\`` : '');

export function runText(run: TraceRun): string {
  return run.kind === 'send'
    ? `send ${run.proto.toUpperCase()}${run.port ? ` port ${run.port}` : ''} from ${run.from}${run.container ? ` (container ${run.container})` : ''} to ${run.to}`
    : `\`${run.command}\` in the shell of ${run.from}${run.container ? ` (container ${run.container})` : ''}`;
}

function rewrite(before: PacketView | undefined, after: PacketView): string {
  if (!before) return '';
  const parts: string[] = [];
  if (before.src !== after.src || before.sport !== after.sport) parts.push(`source ${before.src}:${before.sport} → ${after.src}:${after.sport}`);
  if (before.dst !== after.dst || before.dport !== after.dport) parts.push(`destination ${before.dst}:${before.dport} → ${after.dst}:${after.dport}`);
  if (before.ttl !== after.ttl) parts.push(`ttl ${before.ttl} → ${after.ttl}`);
  if (before.dstMac !== after.dstMac) parts.push(`MAC ${before.dstMac} → ${after.dstMac}`);
  if (before.outer.length !== after.outer.length) parts.push(after.outer.length > before.outer.length ? `encapsulated (${after.outer[0]?.kind})` : 'decapsulated');
  return parts.join('; ');
}

function hopRow(h: Hop, n: number, prev: Hop | undefined, selected: boolean): string {
  const where = [h.node, h.netns === 'root' ? '' : h.netns, h.device].filter(Boolean).join(' · ');
  const rules = h.steps?.length ? ` ${h.steps.map((s) => code(`${s.table} ${s.chain}: ${s.rule}`)).join('<br>')}` : '';
  return `| ${selected ? `**${n}** ◀` : n} | ${cell(where)} | ${h.kind} | ${cell(h.text)} | ${code(packetLine(h.packet))} | ${cell(rewrite(h.before ?? prev?.packet, h.packet))} | ${code(h.rule ?? '')}${rules} |`;
}

/** The selected hop, by exchange, leg and hop index. */
export interface MarkedHop { readonly exchange: number; readonly leg: number; readonly hop: number }

export function formatTraceMarkdown(trace: Trace, marked?: MarkedHop): string {
  const lines = [
    `# podpath trace: ${runText(trace.run)}`, '',
    `- **Verdict:** ${trace.verdict}${trace.reason ? ` (${trace.reason})` : ''}`,
    `- **Seed:** ${trace.seed}`,
    `- **Exchanges:** ${trace.exchanges.length}`, '',
  ];
  let n = 0;
  for (const e of trace.exchanges as readonly Exchange[]) {
    lines.push(`## Exchange ${e.id + 1}: ${e.title}`, '', `${e.from} → ${e.to}: **${e.verdict}**${e.reason ? `, ${e.reason}` : ''}${e.result ? ` · ${e.result}` : ''}`, '');
    e.legs.forEach((leg, li) => {
      lines.push(`### ${leg.name} (${leg.dir === 'out' ? 'out' : 'back'}): ${leg.verdict}${leg.reason ? `, ${leg.reason}` : ''}`, '');
      lines.push('| # | where | what | what happened | packet | rewrite | rule |', '| --- | --- | --- | --- | --- | --- | --- |');
      leg.hops.forEach((h, hi) => {
        n += 1;
        lines.push(hopRow(h, n, hi > 0 ? leg.hops[hi - 1] : undefined, marked?.exchange === e.id && marked.leg === li && marked.hop === hi));
      });
      lines.push('', `Netfilter rules compared: ${leg.rulesEvaluated}.`, '');
    });
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
