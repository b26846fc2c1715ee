// A netfilter hop's rules in the hop list: the chains the packet walked and how many rules
// it was compared with; for the selected hop, every rule that matched, as the table prints it.
import type { Hop } from '../../engine';
import { chainWalks, comparedText } from './hopFacts';

export function NetfilterFacts({ hop, selected }: { hop: Hop; selected: boolean }) {
  const steps = hop.steps ?? [];
  if (steps.length === 0 && hop.rulesEvaluated === undefined) return null;
  return (
    <>
      <p className="pp-chains">
        {chainWalks(steps).map((w, i) => (
          <span key={i} className="pp-chain-walk">
            <span className="pp-rule-table">{w.table}</span>{' '}
            {w.chains.map((c, j) => <span key={j}>{j > 0 && <span aria-hidden="true"> → </span>}<code className="pp-chain">{c}</code></span>)}
          </span>
        ))}
        {hop.rulesEvaluated !== undefined && <span className="pp-compared">{comparedText(hop.rulesEvaluated)}</span>}
      </p>
      {selected && steps.length > 0 && (
        <ol className="pp-nf-steps" aria-label={`Rules this hop matched: ${steps.length}`}>
          {steps.map((s, i) => (
            <li key={i}>
              <span className="pp-rule-table">{s.table} {s.chain}</span>
              <code>{s.rule}</code>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
