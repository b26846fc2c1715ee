// The "Rules vs Services" panel: why the kube-proxy modes differ at scale, measured by the
// engine on demand (in a Web Worker, points drawn as they arrive): the chart, its legend,
// the progress, and the same numbers as a table.
import { useShallow } from 'zustand/react/shallow';
import { STUDY_PLAN, useAppStore } from '../../store';
import { fmt, MODE_LABEL, tableRows } from './plotData';
import { MODE_STYLE, RulesChart } from './RulesChart';
import './plot.css';

function Legend() {
  return (
    <ul className="pp-plot-legend" aria-label="Legend">
      {STUDY_PLAN.modes.map((m) => (
        <li key={m}>
          <svg width="30" height="12" aria-hidden="true">
            <line x1="1" x2="29" y1="6" y2="6" stroke={MODE_STYLE[m].color} strokeWidth="2.2" strokeDasharray={MODE_STYLE[m].dash} />
            <path d={MODE_STYLE[m].marker} transform="translate(15,6)" fill={MODE_STYLE[m].color} />
          </svg>
          {MODE_LABEL[m]}
        </li>
      ))}
    </ul>
  );
}

export function RulesPanel() {
  const { study, startStudy, stopStudy } = useAppStore(useShallow((s) => ({ study: s.study, startStudy: s.startStudy, stopStudy: s.stopStudy })));
  const running = study.status === 'running';
  const last = study.points[study.points.length - 1];
  return (
    <section className="pp-rules" aria-labelledby="pp-rules-title">
      <h2 id="pp-rules-title" className="pp-panel-title">Rules a packet crosses, as Services grow</h2>
      <p className="pp-rules-intro">
        podpath builds clusters of 10 to 10,000 Services and sends one packet to the Service whose rule comes last. In iptables
        mode kube-proxy&apos;s <code>KUBE-SERVICES</code> chain is a list, compared rule by rule; IPVS and nftables find the Service
        in a hash table or a verdict map.
      </p>
      <div className="pp-rules-run">
        {running ? (
          <button type="button" className="pp-btn" onClick={stopStudy}>Stop</button>
        ) : (
          <button type="button" className="pp-btn pp-btn-primary" onClick={startStudy}>
            {study.points.length > 0 ? 'Run the measurement again' : 'Run the measurement'}
          </button>
        )}
        <progress max={study.total} value={study.points.length} aria-label="Measurement progress" />
        <span className="pp-rules-status" role="status">
          {running && `${study.points.length} of ${study.total} measured${last ? `: ${fmt(last.services)} Services, ${MODE_LABEL[last.mode]}` : ''}`}
          {study.status === 'done' && `Done: ${study.total} measurements.`}
          {study.status === 'failed' && `The measurement failed: ${study.error}`}
          {study.status === 'idle' && (study.points.length ? 'Stopped.' : 'Takes a few seconds; the page stays usable.')}
        </span>
      </div>
      <RulesChart plan={STUDY_PLAN} points={study.points} />
      <Legend />
      <details className="pp-rules-table">
        <summary>Show the numbers as a table</summary>
        <table>
          <caption>Rules compared by a packet to one Service</caption>
          <thead>
            <tr><th scope="col">Services</th>{STUDY_PLAN.modes.map((m) => <th key={m} scope="col">{MODE_LABEL[m]}</th>)}</tr>
          </thead>
          <tbody>
            {tableRows(study.points, STUDY_PLAN).map((r) => (
              <tr key={r.services}><th scope="row">{fmt(r.services)}</th>{r.rules.map((v, i) => <td key={i}>{v === null ? '—' : fmt(v)}</td>)}</tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
