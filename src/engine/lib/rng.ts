// The one seeded random source of the engine. Every choice that a real system makes at
// random (ephemeral ports, iptables `statistic`, nft `numgen`, IPVS tie-breaks) draws from
// here, so the same scenario with the same seed always gives the same trace.
import { mersenne } from 'pure-rand/generator/mersenne';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

export interface Rng {
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** A 31-bit draw, as the kernel's prandom_u32() & 0x7FFFFFFF. */
  u31(): number;
}

/**
 * A freshly seeded generator per seed, kept to be cloned: seeding fills 624 words, and every
 * send seeds two generators (a reachability matrix sends thousands). A clone draws exactly as
 * a fresh generator with that seed does.
 */
const SEEDED = new Map<number, RandomGenerator>();

function seeded(seed: number): RandomGenerator {
  let g = SEEDED.get(seed);
  if (!g) {
    g = mersenne(seed);
    if (SEEDED.size >= 64) SEEDED.clear();
    SEEDED.set(seed, g);
  }
  return g;
}

/**
 * Mersenne Twister (pure-rand): its seeding spreads even neighbouring small seeds apart,
 * which matters here because learners pick seeds 1, 2, 3 and expect different draws.
 */
export function createRng(seed: number): Rng {
  return new SeededRng(seeded(seed | 0).clone());
}

class SeededRng implements Rng {
  constructor(private readonly gen: RandomGenerator) {}

  int(min: number, max: number): number {
    return uniformInt(this.gen, min, max);
  }

  u31(): number {
    return this.gen.next() & 0x7fffffff;
  }
}
