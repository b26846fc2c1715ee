// The fuzz property (src/engine/testing/fuzz) over every CNI plugin: the same random scenarios
// and sends, each compiled with a plugin drawn alongside, must hold every property the bridge
// plugin holds (a result or a located error, catalogued verdicts on hops that say so, the same
// trace twice, answers home from the address the client sent to). The case generator itself
// is left as it is, so its pinned seeds keep their cases.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CNI_NAMES } from '../model/cni-config';
import { caseArb } from '../testing/fuzz/generators/case';
import type { FuzzCase } from '../testing/fuzz/model';
import { caseYaml, checkCase } from '../testing/fuzz/properties';

const withCni = fc.tuple(caseArb, fc.constantFrom(...CNI_NAMES))
  .map(([k, cni]): FuzzCase => ({ ...k, scenario: { ...k.scenario, settings: { ...k.scenario.settings, cni } } }));

describe('the fuzz property under every CNI plugin', () => {
  it('holds on the pinned seed', () => {
    const stages: Record<string, number> = {};
    const out = fc.check(fc.property(withCni, (k) => {
      const s = checkCase(k);
      stages[s.stage] = (stages[s.stage] ?? 0) + 1;
    }), { seed: 20261201, numRuns: 120 });
    const failure = out.failed && out.counterexample
      ? `${out.errorInstance instanceof Error ? out.errorInstance.message : String(out.errorInstance)}\n${caseYaml(out.counterexample[0])}\n${JSON.stringify(out.counterexample[0].sends)}`
      : '';
    expect(failure).toBe('');
    expect(stages.run ?? 0).toBeGreaterThan(80);
  }, 120_000);
});
