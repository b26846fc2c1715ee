// The routing panel: each layer-7 proxy's table as the engine computed it (ingress-nginx's
// servers and locations from the Ingresses it serves; Envoy's virtual hosts and routes for a
// Gateway), beside the Service it is reached through. During a walk the row the proxy
// followed is lit once the request has reached it. Without a proxy, one click installs one.
import { useAppStore } from '../../store';
import type { Addon, RoutingTable } from '../../engine';
import { PlaybackBar } from '../playback/PlaybackBar';
import { isReachedRow, reachedRoute, type Reached } from './matched';
import './routing.css';

const ADDONS: readonly { readonly addon: Addon; readonly label: string }[] = [
  { addon: 'ingress-nginx', label: 'Install ingress-nginx' },
  { addon: 'envoy-gateway', label: 'Install Envoy Gateway' },
];

function Table({ table, reached, onSelect }: { table: RoutingTable; reached: Reached | undefined; onSelect: (i: number) => void }) {
  const id = `pp-rt-${table.proxy}-${table.instance.replace(/[^a-z0-9]/gi, '-')}`;
  return (
    <section className="pp-rt" aria-labelledby={id}>
      <h3 id={id} className="pp-rt-title">{table.title}</h3>
      {table.entry && <p className="pp-rt-entry pp-muted">Reached through {table.entry}</p>}
      <table className="pp-rt-table" aria-labelledby={id}>
        <thead>
          <tr><th scope="col">Host</th><th scope="col">Match</th><th scope="col">Backend</th></tr>
        </thead>
        <tbody>
          {table.rows.map((r, i) => {
            const lit = isReachedRow(table, r, reached);
            return (
              <tr key={i} className={lit ? 'is-reached' : undefined} aria-current={lit ? 'true' : undefined}>
                <td className="pp-rt-host">{r.host}</td>
                <td>
                  {lit && reached ? (
                    <button type="button" className="pp-rt-jump" onClick={() => onSelect(reached.position)} aria-label={`${r.match}: the rule this walk followed; show its hop`}>{r.match}</button>
                  ) : r.match}
                  <span className="pp-rt-detail">{r.detail}</span>
                  {r.route && <span className="pp-rt-ref">{r.route.kind} {r.route.namespace}/{r.route.name} · {r.route.field}</span>}
                </td>
                <td>
                  {r.backend}
                  {r.endpoints.length > 0 && <span className="pp-rt-eps">{r.endpoints.join(' ')}</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {table.notes.length > 0 && <ul className="pp-rt-notes">{table.notes.map((n) => <li key={n}>{n}</li>)}</ul>}
    </section>
  );
}

export function RoutingPanel() {
  const tables = useAppStore((s) => s.routing);
  const steps = useAppStore((s) => s.steps);
  const position = useAppStore((s) => s.position);
  const hasTrace = useAppStore((s) => s.trace !== null);
  const selectStep = useAppStore((s) => s.selectStep);
  const installAddon = useAppStore((s) => s.installAddon);
  const busy = useAppStore((s) => s.busy !== null);
  const reached = reachedRoute(steps, position);
  const installed = new Set(tables.map((t) => (t.proxy === 'envoy' ? 'envoy-gateway' : 'ingress-nginx')));
  return (
    <section className="pp-routing" aria-labelledby="pp-routing-title">
      <h2 id="pp-routing-title" className="pp-sr-only">Routing</h2>
      {hasTrace && <PlaybackBar />}
      <p className="pp-routing-now" role="status">
        {reached ? reached.text : hasTrace ? 'The request has not reached a layer-7 proxy at this hop.' : 'Curl a host through a proxy\'s load balancer (the shell of an outside host) to see which rule it follows.'}
      </p>
      {tables.length === 0 && <p className="pp-muted pp-routing-empty">No Ingress controller or Gateway runs in this cluster: Ingress and HTTPRoute objects route nothing yet.</p>}
      <div className="pp-routing-install">
        {ADDONS.filter((a) => !installed.has(a.addon)).map((a) => (
          <button key={a.addon} type="button" className="pp-btn" disabled={busy} onClick={() => void installAddon(a.addon)}>{a.label}</button>
        ))}
      </div>
      <div className="pp-routing-tables">
        {tables.map((t) => <Table key={`${t.proxy}/${t.instance}`} table={t} reached={reached} onSelect={selectStep} />)}
      </div>
    </section>
  );
}
