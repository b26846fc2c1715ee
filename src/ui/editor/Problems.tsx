// The located problems of the scenario: errors of the last apply (nothing was applied) and
// warnings of the working scenario (it was applied; something in it is not modelled or was
// filled in). Each names document, line, object and field; choosing one puts the editor's
// cursor on that line.
import type { ScenarioError } from '../../engine';

export function locationOf(e: ScenarioError): string {
  return [
    e.doc > 0 ? `document ${e.doc}` : null,
    e.line > 0 ? `line ${e.line}` : null,
    e.object ?? null,
    e.field ?? null,
  ].filter(Boolean).join(', ');
}

export function ProblemItems({ items, onJump, label }: { items: readonly ScenarioError[]; onJump: (line: number) => void; label: string }) {
  return (
    <ul aria-label={label}>
      {items.map((e, i) => (
        <li key={i}>
          <button type="button" className="pp-error-loc" onClick={() => onJump(e.line)} disabled={e.line <= 0}>
            {locationOf(e) || 'somewhere in the scenario'}
          </button>
          <span className="pp-error-msg">{e.message}</span>
        </li>
      ))}
    </ul>
  );
}

export function WarningList({ warnings, onJump }: { warnings: readonly ScenarioError[]; onJump: (line: number) => void }) {
  if (warnings.length === 0) return null;
  return (
    <div className="pp-warnings" role="status">
      <p className="pp-warnings-title">
        The working scenario has {warnings.length} warning{warnings.length > 1 ? 's' : ''}; it was applied.
      </p>
      <ProblemItems items={warnings} onJump={onJump} label="Scenario warnings" />
    </div>
  );
}
