// The packet at the selected hop, one row per layer (a tunnel's outer headers first, then
// Ethernet, IP, TCP/UDP/ICMP, mark): sources and destinations in two columns, other fields (TTL, flags) beneath. Fields
// this hop changed are highlighted and marked "changed", visibly and for screen readers; a
// rewrite shows before -> after, and a NAT (or conntrack undoing one) is summed up on top.
import type { Step } from '../../store';
import { headerRows, type Column, type HeaderRow } from './headerRows';
import { rewritesOf, rewriteTitle } from './hopFacts';

function RewriteLine({ step }: { step: Step }) {
  const rewrites = rewritesOf(step);
  if (rewrites.length === 0) return null;
  return (
    <p className="pp-rewrite">
      <span className="pp-rewrite-title">{rewriteTitle(step, rewrites)}:</span>{' '}
      {rewrites.map((r, i) => (
        <span key={r.field}>{i > 0 && '; '}{r.field} <code>{r.before}</code> → <code>{r.after}</code></span>
      ))}
    </p>
  );
}

/** Fields whose value needs its name beside it; the others speak for themselves (TCP, SYN, an address). */
const INLINE_LABEL: Readonly<Record<string, string>> = {
  TTL: 'TTL', Flags: 'flags', fwmark: 'fwmark', DF: 'DF', VNI: 'VNI', MSS: 'MSS', 'Next-hop MTU': 'next-hop MTU', Fragments: 'fragments',
};

function Field({ row, inline = false }: { row: HeaderRow; inline?: boolean }) {
  const label = INLINE_LABEL[row.field];
  return (
    <span className={`pp-hv${inline ? ' pp-hv-inline' : ''}${row.changed ? ' pp-changed' : ''}`} title={row.field}>
      {label ? <span className="pp-hv-label">{label} </span> : <span className="pp-sr-only">{row.field}: </span>}
      {row.before !== undefined && <><span className="pp-before">{row.before}</span><span aria-hidden="true"> → </span><span className="pp-sr-only"> became </span></>}
      <span className="pp-value">{row.value}</span>
      {row.changed && <span className="pp-changed-tag">changed</span>}
    </span>
  );
}

/** One layer: sources and destinations side by side, the other fields on a line below. */
function LayerRows({ layer, rows }: { layer: string; rows: readonly HeaderRow[] }) {
  const of = (c: Column) => rows.filter((r) => r.column === c);
  const pairs = of('src').length + of('dst').length > 0;
  const rest = of('other');
  const fields = (list: readonly HeaderRow[], inline = false) => list.map((r) => <Field key={r.field} row={r} inline={inline} />);
  if (!pairs) {
    return <tr><th scope="row" className="pp-layer">{layer}</th><td colSpan={2} className="pp-hc-other">{fields(rest, true)}</td></tr>;
  }
  return (
    <>
      <tr>
        <th scope="row" className="pp-layer" rowSpan={rest.length ? 2 : 1}>{layer}</th>
        <td>{fields(of('src'))}</td>
        <td>{fields(of('dst'))}</td>
      </tr>
      {rest.length > 0 && <tr className="pp-hc-more"><td colSpan={2} className="pp-hc-other">{fields(rest, true)}</td></tr>}
    </>
  );
}

export function HeaderPanel({ step, number, where }: { step: Step; number: number; where: string }) {
  const rows = headerRows(step);
  const layers = [...new Set(rows.map((r) => r.layer))];
  const changed = rows.filter((r) => r.changed).length;
  return (
    <section className="pp-headers" aria-labelledby="pp-headers-title">
      <h2 id="pp-headers-title" className="pp-panel-title">
        Packet at hop {number} <span className="pp-muted">· {where}</span>
      </h2>
      {rewritesOf(step).length > 0 ? <RewriteLine step={step} /> : (
        <p className="pp-headers-sub pp-muted">{changed === 0 ? 'No header changed at this hop.' : `${changed} field${changed > 1 ? 's' : ''} changed at this hop.`}</p>
      )}
      <table className="pp-header-table">
        <thead>
          <tr><th scope="col"><span className="pp-sr-only">Layer</span></th><th scope="col">Source</th><th scope="col">Destination</th></tr>
        </thead>
        <tbody>
          {layers.map((layer) => <LayerRows key={layer} layer={layer} rows={rows.filter((r) => r.layer === layer)} />)}
        </tbody>
      </table>
    </section>
  );
}
