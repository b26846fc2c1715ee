// The problems of a scenario edit, each located by document, object, field and line.
// Choosing one puts the editor's cursor on that line.
import type { ScenarioError } from '../../engine';

export function locationOf(e: ScenarioError): string {
  return [
    e.doc > 0 ? `document ${e.doc}` : null,
    e.line > 0 ? `line ${e.line}` : null,
    e.object ?? null,
    e.field ?? null,
  ].filter(Boolean).join(', ');
}

export function ErrorList({ errors, onJump }: { errors: readonly ScenarioError[]; onJump: (line: number) => void }) {
  if (errors.length === 0) return null;
  return (
    <div className="pp-errors" role="alert">
      <p className="pp-errors-title">
        The scenario was not applied ({errors.length} problem{errors.length > 1 ? 's' : ''}); the working scenario is unchanged.
      </p>
      <ul aria-label="Scenario errors">
        {errors.map((e, i) => (
          <li key={i}>
            <button type="button" className="pp-error-loc" onClick={() => onJump(e.line)} disabled={e.line <= 0}>
              {locationOf(e) || 'somewhere in the scenario'}
            </button>
            <span className="pp-error-msg">{e.message}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
