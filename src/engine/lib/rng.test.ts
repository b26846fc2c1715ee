import { describe, expect, it } from 'vitest';
import { mersenne } from 'pure-rand/generator/mersenne';
import { createRng } from './rng';

describe('createRng', () => {
  it('gives the same draws for the same seed', () => {
    const a = createRng(42);
    const b = createRng(42);
    expect([a.u31(), a.int(1, 6), a.u31()]).toEqual([b.u31(), b.int(1, 6), b.u31()]);
  });

  it('starts a generator afresh even after another of the same seed has drawn, as pure-rand seeds it', () => {
    const used = createRng(7);
    const drawn = Array.from({ length: 5 }, () => used.u31());
    const again = createRng(7);
    expect(Array.from({ length: 5 }, () => again.u31())).toEqual(drawn);
    const fresh = mersenne(7);
    expect(drawn[0]).toBe(fresh.next() & 0x7fffffff);
  });

  it('spreads the first draws of neighbouring small seeds over the whole range', () => {
    const firsts = Array.from({ length: 20 }, (_, s) => createRng(s + 1).u31() / 2 ** 31);
    expect(firsts.filter((x) => x < 0.5).length).toBeGreaterThanOrEqual(5);
    expect(firsts.filter((x) => x >= 0.5).length).toBeGreaterThanOrEqual(5);
  });
});
