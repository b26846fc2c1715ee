// The reachability matrix: every pod to every pod on one protocol and port, each cell a real
// send through the engine (rows send, columns serve), grouped by namespace like the upstream
// e2e suite's truth tables. Colour and symbol say allowed, denied by a policy, refused (nothing
// listens) or dropped; a click on a cell sends that packet again and opens its trace.
import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ReachCell, ReachMatrix, ReachProto, ReachVerdict } from '../../engine';
import { useAppStore } from '../../store';
import './policy.css';

/** More pods than this make a matrix too large to send and to read in the panel. */
export const REACH_MAX_PODS = 120;

const SYMBOL: Record<ReachVerdict, string> = { allowed: '✓', denied: '✕', refused: '⊘', dropped: '!' };
const WORD: Record<ReachVerdict, string> = { allowed: 'allowed', denied: 'denied by policy', refused: 'refused', dropped: 'dropped' };
const VERDICTS: readonly ReachVerdict[] = ['allowed', 'denied', 'refused', 'dropped'];

interface Group { readonly ns: string; readonly pods: readonly string[] }

function groups(pods: readonly string[]): Group[] {
  const out: { ns: string; pods: string[] }[] = [];
  for (const p of pods) {
    const ns = p.slice(0, p.indexOf('/'));
    if (out.at(-1)?.ns !== ns) out.push({ ns, pods: [] });
    out.at(-1)!.pods.push(p);
  }
  return out;
}

const podName = (key: string) => key.slice(key.indexOf('/') + 1);

function counts(m: ReachMatrix): string {
  const n = new Map<ReachVerdict, number>();
  for (const row of m.cells) for (const c of row) n.set(c.verdict, (n.get(c.verdict) ?? 0) + 1);
  return VERDICTS.filter((v) => n.has(v)).map((v) => `${n.get(v)} ${WORD[v]}`).join(', ');
}

function Cell({ from, to, cell }: { from: string; to: string; cell: ReachCell }) {
  const open = useAppStore((s) => s.openReachCell);
  const why = cell.reason ? `: ${cell.reason}` : '';
  return (
    <td className={`pp-reach-cell is-${cell.verdict}${from === to ? ' is-self' : ''}`}>
      <button type="button" aria-label={`${from} to ${to}: ${WORD[cell.verdict]}`} title={`${from} → ${to}: ${WORD[cell.verdict]}${why}`}
        onClick={() => void open(from, to)}>
        {SYMBOL[cell.verdict]}
      </button>
    </td>
  );
}

function Matrix({ m }: { m: ReachMatrix }) {
  const gs = groups(m.pods);
  const index = new Map(m.pods.map((p, i) => [p, i]));
  return (
    <div className="pp-reach-scroll">
      <table className="pp-reach" aria-label={`Reachability on ${m.proto.toUpperCase()} ${m.port}: rows send, columns serve`}>
        <thead>
          <tr>
            <td colSpan={2} rowSpan={2} className="pp-reach-corner">from ↓ to →</td>
            {gs.map((g) => <th key={g.ns} scope="colgroup" colSpan={g.pods.length} className="pp-reach-ns">{g.ns}</th>)}
          </tr>
          <tr>
            {m.pods.map((p) => <th key={p} scope="col" aria-label={p}>{podName(p)}</th>)}
          </tr>
        </thead>
        {gs.map((g) => (
          <tbody key={g.ns}>
            {g.pods.map((from, i) => (
              <tr key={from}>
                {i === 0 && <th scope="rowgroup" rowSpan={g.pods.length} className="pp-reach-ns">{g.ns}</th>}
                <th scope="row" aria-label={from}>{podName(from)}</th>
                {m.pods.map((to) => <Cell key={to} from={from} to={to} cell={m.cells[index.get(from)!]![index.get(to)!]!} />)}
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}

export function ReachPanel() {
  const s = useAppStore(useShallow((st) => ({ summary: st.summary, reach: st.reach, setProbe: st.setReachProbe, compute: st.computeReach })));
  const { summary, reach, compute } = s;
  const tooMany = (summary?.pods ?? 0) > REACH_MAX_PODS;
  // A new scenario makes the matrix stale: compute it again for the same probe.
  useEffect(() => {
    if (summary && reach.matrix && reach.for !== summary && reach.status !== 'loading' && !tooMany) void compute();
  }, [summary, reach.matrix, reach.for, reach.status, compute, tooMany]);
  const m = reach.for === summary ? reach.matrix : null;
  return (
    <section className="pp-reach-panel" aria-labelledby="pp-reach-title">
      <h2 id="pp-reach-title" className="pp-panel-title">Reachability matrix</h2>
      <form className="pp-reach-controls" onSubmit={(e) => { e.preventDefault(); void compute(); }}>
        <label className="pp-control">
          <span>Protocol</span>
          <select value={reach.proto} onChange={(e) => s.setProbe(e.target.value as ReachProto, reach.port)}>
            <option value="tcp">TCP</option><option value="udp">UDP</option><option value="sctp">SCTP</option>
          </select>
        </label>
        <label className="pp-control">
          <span>Port</span>
          <input type="number" min={1} max={65535} value={reach.port} onChange={(e) => s.setProbe(reach.proto, Number(e.target.value))} />
        </label>
        <button type="submit" className="pp-btn pp-btn-primary" disabled={!summary || tooMany || reach.status === 'loading'}>Send every pod to every pod</button>
      </form>
      {tooMany && <p className="pp-muted">This scenario has {summary?.pods} pods; the matrix covers at most {REACH_MAX_PODS}.</p>}
      {reach.status === 'failed' && <p role="alert" className="pp-policy-note is-off">{reach.error}</p>}
      {reach.status === 'loading' && <p role="status" className="pp-muted">Sending every pod to every pod…</p>}
      {m && (
        <>
          <p className={`pp-policy-note${m.enforcement.enforced ? ' is-on' : ' is-off'}`}>{m.enforcement.text}</p>
          <p className="pp-muted" aria-live="polite">{m.pods.length * m.pods.length} sends on {m.proto.toUpperCase()} {m.port}: {counts(m)}. Click a cell to see its trace.</p>
          <ul className="pp-reach-legend" aria-label="Legend">
            {VERDICTS.map((v) => <li key={v}><span className={`pp-reach-swatch is-${v}`} aria-hidden="true">{SYMBOL[v]}</span> {WORD[v]}</li>)}
          </ul>
          <Matrix m={m} />
        </>
      )}
    </section>
  );
}
