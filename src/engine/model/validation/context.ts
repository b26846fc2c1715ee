// What the scenario-level checks share: the parsed documents, the normalised scenario, and
// where each kind's fields are, so every check reports at the field it complains about.
import type { ParsedDocs } from '../normalise';
import type { Scenario } from '../types';
import { Findings, type Where } from './field-errors';

export interface CheckContext {
  readonly scenario: Scenario;
  readonly parsed: ParsedDocs;
  readonly out: Findings;
  /** The kind Cluster document's location (document 0 when the scenario has none). */
  readonly cluster: Where;
  /** The Podpath settings document's location. */
  readonly settings: Where;
}

export function checkContext(scenario: Scenario, parsed: ParsedDocs): CheckContext {
  const kc = parsed.clusters[0];
  const sd = parsed.settings[0];
  return {
    scenario, parsed, out: new Findings(),
    cluster: kc ? { doc: kc.doc, line: kc.line([]), fields: kc.fields, object: 'Cluster' } : { doc: 0, line: 0 },
    settings: sd ? { doc: sd.doc, line: sd.line([]), fields: sd.fields, object: 'Podpath' } : { doc: 0, line: 0 },
  };
}

/** A check of the whole scenario; each concept has its file and its entry in validation/index.ts. */
export type ScenarioCheck = (ctx: CheckContext) => void;
