// The verdict of the last send, prominent: delivered, dropped (with the reason and what it
// means) or refused, for the request and for the reply, and how many netfilter rules each
// leg was compared with (what the kube-proxy modes differ in).
import { DROPS, type TraceLeg } from '../../engine';
import { useAppStore } from '../../store';
import { formatCount } from './hopFacts';

const WORD = { delivered: 'Delivered', dropped: 'Dropped', refused: 'Refused' } as const;

function explain(leg: TraceLeg): string | undefined {
  return leg.code && leg.code in DROPS ? DROPS[leg.code as keyof typeof DROPS].explanation : undefined;
}

/** "pod default/web (10.244.1.2)"; the engine's label may carry the address already. */
const withAddress = (label: string, ip: string) => (label.includes(ip) ? label : `${label} (${ip})`);

function rulesText(request: number, reply?: number): string {
  return `netfilter rules compared: ${formatCount(request)}${reply !== undefined ? ` on the way, ${formatCount(reply)} back` : ''}`;
}

export function VerdictBanner() {
  const trace = useAppStore((s) => s.trace);
  if (!trace) return null;
  const { send, reply } = trace;
  const port = send.proto === 'icmp' ? 'ICMP echo' : `${send.proto.toUpperCase()} port ${send.dport}`;
  return (
    <section className={`pp-verdict pp-verdict-${trace.verdict}`} aria-label="Verdict" aria-live="polite">
      <p className="pp-verdict-main">
        <strong className="pp-verdict-word">{WORD[trace.verdict]}</strong>
        {trace.reason && <span className="pp-verdict-reason">{trace.reason}</span>}
      </p>
      <p className="pp-verdict-send">{withAddress(send.from, send.src)} → {withAddress(send.to, send.dst)} · {port}</p>
      {explain(trace) && <p className="pp-verdict-explain">{explain(trace)}</p>}
      {reply && (
        <p className={`pp-verdict-reply pp-reply-${reply.verdict}`}>
          Reply: <strong>{WORD[reply.verdict].toLowerCase()}</strong>{reply.reason && ` — ${reply.reason}`}
          {trace.rulesEvaluated > 0 && <span className="pp-verdict-rules"> · {rulesText(trace.rulesEvaluated, reply.rulesEvaluated)}</span>}
        </p>
      )}
      {!reply && trace.rulesEvaluated > 0 && <p className="pp-verdict-rules">{rulesText(trace.rulesEvaluated)}</p>}
    </section>
  );
}
