import { describe, expect, it } from 'vitest';
import { createRng } from './rng';

describe('createRng', () => {
  it('gives the same draws for the same seed', () => {
    const a = createRng(42);
    const b = createRng(42);
    expect([a.u31(), a.int(1, 6), a.u31()]).toEqual([b.u31(), b.int(1, 6), b.u31()]);
  });

  it('spreads the first draws of neighbouring small seeds over the whole range', () => {
    const firsts = Array.from({ length: 20 }, (_, s) => createRng(s + 1).u31() / 2 ** 31);
    expect(firsts.filter((x) => x < 0.5).length).toBeGreaterThanOrEqual(5);
    expect(firsts.filter((x) => x >= 0.5).length).toBeGreaterThanOrEqual(5);
  });
});
