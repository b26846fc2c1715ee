import { it } from 'vitest';
import { readFileSync } from 'node:fs';
import { clusterFrom } from '../testing/build';
import { run } from '../testing/trace';
import { tablesOf } from '../format/tables';
import { EMPTY_STATE } from './state';
const base = readFileSync('src/scenarios/default.yaml', 'utf8');
const cni = process.env.CNI ?? 'flannel';
const extra = process.env.EXTRA ?? '';
it('dbg', () => {
  const c = clusterFrom(base.replace('spec:\n  seed: 7', `spec:\n  seed: 7\n  cni: ${cni}\n${extra}`));
  const api2 = c.node('kind-worker2')!.pods.find((k) => k.startsWith('default/api'))!;
  const t = run(c, { from: 'web', to: process.env.TO ?? api2, port: Number(process.env.PORT ?? 8080), ...(process.env.PROTO ? { proto: process.env.PROTO as 'icmp' } : {}) });
  console.log(t.verdict, t.reason ?? '', '\n' + t.hops.map((h) => `${h.kind} ${h.node}/${h.netns} ${h.device} ttl=${h.packet.ttl} ${h.packet.src}>${h.packet.dst} outer=${h.packet.outer.map((o) => `${o.src}>${o.dst}:${o.dport}`).join(',')}: ${h.text.slice(0, Number(process.env.W ?? 160))}`).join('\n'));
  if (t.reply) console.log('REPLY', t.reply.verdict, '\n' + t.reply.hops.map((h) => `${h.kind} ${h.node}/${h.netns} ${h.device} ttl=${h.packet.ttl}: ${h.text.slice(0, 120)}`).join('\n'));
  if (process.env.TABLES) for (const tb of tablesOf(c, EMPTY_STATE, process.env.TABLES)) console.log(`== ${tb.command}\n${tb.text}`);
});
