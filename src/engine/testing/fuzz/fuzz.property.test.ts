// The fuzz property on pinned seeds (fresh seeds run with `npm run fuzz -- --runs N --seed S`):
// random scenarios of every kind the engine models and random sends never throw, never hang,
// end every leg on a catalogued verdict, repeat themselves, and bring NATed answers home.
import { describe, expect, it } from 'vitest';
import { REGRESSIONS } from './regressions';
import { runFuzz } from './run';

const report = (s: ReturnType<typeof runFuzz>) => (s.failure ? `${s.failure.message}\n${s.failure.yaml}\n${s.failure.sends}` : '');

describe('the engine under random scenarios and sends (fuzz)', () => {
  it('holds every property on the pinned seed, over cases that reach every verdict and NAT', () => {
    const s = runFuzz({ runs: 250, seed: 20261122 });
    expect(report(s)).toBe('');
    // The property proves something only if the cases compiled and the sends went places.
    expect(s.stages.run).toBeGreaterThan(230);
    expect(s.verdicts.delivered).toBeGreaterThan(50);
    expect(s.verdicts.refused).toBeGreaterThan(50);
    expect(s.verdicts.dropped).toBeGreaterThan(50);
    expect(s.natted).toBeGreaterThan(20);
  }, 60_000);

  for (const r of REGRESSIONS) {
    it(`stays fixed: ${r.name} (${r.found})`, () => {
      expect(report(runFuzz({ runs: 1, seed: r.seed, path: r.path }))).toBe('');
    }, 30_000);
  }
});
