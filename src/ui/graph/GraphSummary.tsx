// The cluster in one line under the graph ("1,000 nodes · 30,000 pods · 4 namespaces · 12
// Services"), with the namespaces' colours when the overview counts pods by namespace.
import { useAppStore } from '../../store';
import { namespaceColor } from './namespaces';

const fmt = (n: number) => n.toLocaleString('en-US');
const plural = (n: number, word: string) => `${fmt(n)} ${word}${n === 1 ? '' : 's'}`;

export function GraphSummary({ tiles }: { tiles: number }) {
  const summary = useAppStore((s) => s.summary);
  if (!summary) return null;
  const namespaces = summary.namespaces.filter((n) => n.pods > 0);
  return (
    <div className="pp-graph-summary">
      <p>
        {plural(summary.nodes.length, 'node')} · {plural(summary.pods, 'pod')} · {plural(namespaces.length, 'namespace')} · {plural(summary.services, 'Service')}
        {tiles > 0 && <span className="pp-muted"> · {plural(tiles, 'node')} closed: open one with its + button, by zooming in, or by finding what it runs</span>}
      </p>
      {tiles > 0 && namespaces.length > 1 && (
        <ul className="pp-ns-legend" aria-label="Namespace colours">
          {namespaces.map((n) => <li key={n.name}><span className="pp-ns-swatch" style={{ background: namespaceColor(n.name) }} aria-hidden="true" />{n.name}</li>)}
        </ul>
      )}
    </div>
  );
}
