import { describe, expect, it } from 'vitest';
import { isBlankScenario } from './blank';

describe('a blank scenario', () => {
  it('is one of only blank lines, comments and document markers', () => {
    expect(isBlankScenario('')).toBe(true);
    expect(isBlankScenario('  \n# nothing here\n---\n  # still nothing\n...\n')).toBe(true);
  });

  it('is not one with any content, however small', () => {
    expect(isBlankScenario('kind: Cluster\n')).toBe(false);
    expect(isBlankScenario('# a comment\n{}\n')).toBe(false);
  });
});
