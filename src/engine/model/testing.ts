// Test support for reading scenarios: the scenario of a parse that must succeed (its errors,
// formatted, when it does not), and the errors of one that must fail.
import { formatScenarioError } from '../format/errors';
import type { ParseResult, Scenario, ScenarioError } from './types';

export function ok(r: ParseResult): Scenario {
  if (!r.ok) throw new Error(r.errors.map(formatScenarioError).join('\n'));
  return r.scenario;
}

export function errorsOf(r: ParseResult): readonly ScenarioError[] {
  if (r.ok) throw new Error('expected errors');
  return r.errors;
}
