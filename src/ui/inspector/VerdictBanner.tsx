// The verdict of the last conversation, prominent: delivered, dropped (with the reason and
// what it means) or refused; what was run; each leg of the exchange that decided it; how
// many netfilter rules the packets were compared with (what the kube-proxy modes differ in);
// and, for a conversation of several exchanges, how they ended.
import { DROPS } from '../../engine/lite';
import type { Exchange, Trace } from '../../engine';
import { useAppStore } from '../../store';
import { formatCount } from './hopFacts';

const WORD = { delivered: 'Delivered', dropped: 'Dropped', refused: 'Refused' } as const;

function explain(code: string | undefined): string | undefined {
  return code && code in DROPS ? DROPS[code as keyof typeof DROPS].explanation : undefined;
}

/** "pod default/web (10.244.1.2)"; the engine's label may carry the address already. */
const withAddress = (label: string, ip: string) => (label.includes(ip) ? label : `${label} (${ip})`);

function runText(t: Trace, e: Exchange | undefined): string {
  if (t.run.kind === 'command') return `${t.run.from}$ ${t.run.command}`;
  if (!e) return '';
  const port = e.tuple.proto === 'icmp' ? 'ICMP echo' : `${e.tuple.proto.toUpperCase()} port ${e.tuple.dport}`;
  return `${withAddress(e.from, e.tuple.src)} → ${withAddress(e.to, e.tuple.dst)} · ${port}`;
}

function rulesText(e: Exchange): string | undefined {
  const out = e.legs.filter((l) => l.dir === 'out').reduce((n, l) => n + l.rulesEvaluated, 0);
  const back = e.legs.filter((l) => l.dir === 'back').reduce((n, l) => n + l.rulesEvaluated, 0);
  if (out + back === 0) return undefined;
  return `netfilter rules compared: ${formatCount(out)} on the way${e.legs.some((l) => l.dir === 'back') ? `, ${formatCount(back)} back` : ''}`;
}

function tally(t: Trace): string | undefined {
  if (t.exchanges.length < 2) return undefined;
  const counts = new Map<string, number>();
  for (const e of t.exchanges) counts.set(e.verdict, (counts.get(e.verdict) ?? 0) + 1);
  return `${t.exchanges.length} exchanges: ${[...counts].map(([v, n]) => `${n} ${v}`).join(', ')}`;
}

export function VerdictBanner() {
  const trace = useAppStore((s) => s.trace);
  if (!trace) return null;
  const own = trace.exchanges.filter((e) => e.parent === undefined);
  const decisive = own[own.length - 1];
  const rules = decisive && rulesText(decisive);
  return (
    <section className={`pp-verdict pp-verdict-${trace.verdict}`} aria-label="Verdict" aria-live="polite">
      <p className="pp-verdict-main">
        <strong className="pp-verdict-word">{WORD[trace.verdict]}</strong>
        {trace.reason && <span className="pp-verdict-reason">{trace.reason}</span>}
      </p>
      <p className="pp-verdict-send">{runText(trace, decisive)}</p>
      {explain(trace.code) && <p className="pp-verdict-explain">{explain(trace.code)}</p>}
      {decisive && (
        <p className="pp-verdict-legs">
          {decisive.legs.map((l, i) => (
            <span key={i} className={`pp-verdict-leg pp-reply-${l.verdict}`}>
              {i > 0 && ' · '}{l.name}: <strong>{l.verdict}</strong>{l.reason && ` — ${l.reason}`}
            </span>
          ))}
          {rules && <span className="pp-verdict-rules"> · {rules}</span>}
        </p>
      )}
      {tally(trace) && <p className="pp-verdict-tally">{tally(trace)}</p>}
    </section>
  );
}
