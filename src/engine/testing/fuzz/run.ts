// Runs the fuzz property over generated cases with fast-check: the pinned seeds of the unit
// suite, the named regression seeds, and `npm run fuzz -- --runs N --seed S` all come here.
import fc from 'fast-check';
import { caseArb } from './generators/case';
import type { FuzzCase } from './model';
import { caseYaml, checkCase, type CaseStats } from './properties';

export interface FuzzSummary {
  readonly runs: number;
  readonly sends: number;
  /** Cases refused by the parser, by compile, and run with their sends. */
  readonly stages: Readonly<Record<CaseStats['stage'], number>>;
  readonly verdicts: Readonly<Record<string, number>>;
  readonly natted: number;
  /** The first failure, shrunk, with what reproduces it. */
  readonly failure?: { readonly seed: number; readonly path: string; readonly message: string; readonly yaml: string; readonly sends: string };
}

export interface FuzzOptions {
  readonly runs: number;
  readonly seed: number;
  /** A fast-check path, to replay one shrunk case of a seed. */
  readonly path?: string;
}

export function runFuzz(opts: FuzzOptions): FuzzSummary {
  const stages = { parse: 0, compile: 0, run: 0 };
  const verdicts: Record<string, number> = {};
  let sends = 0;
  let natted = 0;
  let runs = 0;
  const details = fc.check(fc.property(caseArb, (k: FuzzCase) => {
    const s = checkCase(k);
    runs += 1;
    stages[s.stage] += 1;
    sends += s.sends;
    natted += s.natted;
    for (const [v, n] of Object.entries(s.verdicts)) verdicts[v] = (verdicts[v] ?? 0) + n;
  }), { seed: opts.seed, numRuns: opts.runs, ...(opts.path !== undefined ? { path: opts.path } : {}) });
  const summary = { runs, sends, stages, verdicts, natted };
  if (!details.failed || !details.counterexample) return summary;
  const [k] = details.counterexample;
  const error = details.errorInstance;
  return {
    ...summary,
    failure: {
      seed: details.seed, path: details.counterexamplePath ?? '',
      message: error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error),
      yaml: caseYaml(k), sends: JSON.stringify(k.sends),
    },
  };
}
