// The problems of a scenario edit that was not applied, each located by document, object,
// field and line (Problems.tsx draws them).
import type { ScenarioError } from '../../engine';
import { ProblemItems } from './Problems';

export { locationOf } from './Problems';

export function ErrorList({ errors, onJump }: { errors: readonly ScenarioError[]; onJump: (line: number) => void }) {
  if (errors.length === 0) return null;
  return (
    <div className="pp-errors" role="alert">
      <p className="pp-errors-title">
        The scenario was not applied ({errors.length} problem{errors.length > 1 ? 's' : ''}); the working scenario is unchanged.
      </p>
      <ProblemItems items={errors} onJump={onJump} label="Scenario errors" />
    </div>
  );
}
