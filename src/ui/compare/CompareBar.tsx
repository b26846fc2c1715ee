// Comparing two runs: pin the current trace, change something (the kube-proxy mode, the CNI,
// a traffic policy, any edit), and the next run is shown beside the pinned one, the hops that
// differ marked. A dialog, wide enough for two columns.
import { useMemo, useRef } from 'react';
import { compareRuns, differences, useAppStore, type CompareRow, type RowMark, type Step } from '../../store';
import './compare.css';

const MARK: Record<RowMark, string> = { same: 'same', differs: 'differs', 'only-pinned': 'only in the pinned run', 'only-current': 'only in this run' };

function Cell({ step }: { step: Step | undefined }) {
  if (!step) return <td className="pp-cmp-empty">—</td>;
  const h = step.hop;
  return (
    <td>
      <span className="pp-cmp-kind">{h.kind}</span> <span className="pp-cmp-where">{[h.node, h.netns === 'root' ? '' : h.netns, h.device].filter(Boolean).join(' · ')}</span>
      <div className="pp-cmp-text">{h.text}</div>
      {h.rule && <code className="pp-cmp-rule">{h.rule}</code>}
    </td>
  );
}

function Row({ row }: { row: CompareRow }) {
  return (
    <tr className={`pp-cmp-row is-${row.mark}`}>
      <Cell step={row.pinned} />
      <td className="pp-cmp-mark">{row.mark === 'same' ? '' : MARK[row.mark]}</td>
      <Cell step={row.current} />
    </tr>
  );
}

export function CompareBar() {
  const pinned = useAppStore((s) => s.pinned);
  const steps = useAppStore((s) => s.steps);
  const trace = useAppStore((s) => s.trace);
  const pin = useAppStore((s) => s.pinTrace);
  const unpin = useAppStore((s) => s.unpinTrace);
  const dialog = useRef<HTMLDialogElement>(null);
  const legs = useMemo(() => (pinned && trace ? compareRuns(pinned.steps, steps) : []), [pinned, steps, trace]);
  const diff = differences(legs);
  const comparable = pinned !== null && trace !== null && pinned.trace !== trace;
  return (
    <div className="pp-cmp-bar">
      {!pinned && <button type="button" className="pp-btn" onClick={pin} disabled={!trace}>Pin this run</button>}
      {pinned && (
        <>
          <button type="button" className="pp-btn" onClick={() => dialog.current?.showModal()} disabled={!comparable}>
            {comparable ? `Compare with the pinned run (${diff} hop${diff === 1 ? '' : 's'} differ)` : 'Pinned: change something and run again to compare'}
          </button>
          <button type="button" className="pp-btn pp-btn-quiet" onClick={unpin}>Unpin</button>
        </>
      )}
      <dialog ref={dialog} className="pp-dialog pp-cmp-dialog" aria-labelledby="pp-cmp-title">
        <div className="pp-dialog-head">
          <h2 id="pp-cmp-title" className="pp-panel-title">Two runs side by side</h2>
          <button type="button" className="pp-btn pp-btn-quiet" onClick={() => dialog.current?.close()}>Close</button>
        </div>
        {pinned && trace && (
          <div className="pp-cmp-body">
            <p className="pp-muted">{diff === 0 ? 'The two runs took the same hops with the same rules.' : `${diff} hop${diff === 1 ? '' : 's'} differ, marked.`}</p>
            {legs.map((leg) => (
              <table key={leg.title} className="pp-cmp-table" aria-label={leg.title}>
                <caption>{leg.title}</caption>
                <thead><tr><th scope="col">Pinned: {pinned.label}</th><th scope="col"><span className="pp-sr-only">Difference</span></th><th scope="col">This run: verdict {trace.verdict}</th></tr></thead>
                <tbody>{leg.rows.map((r, i) => <Row key={i} row={r} />)}</tbody>
              </table>
            ))}
          </div>
        )}
      </dialog>
    </div>
  );
}
