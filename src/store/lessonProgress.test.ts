import { describe, expect, test } from 'vitest';
import { markStep, restoreProgress } from './lessonProgress';

describe('lesson progress', () => {
  test('a passed step is kept once, sorted, with the step the learner is on', () => {
    let p = markStep({}, 'a', 2, true);
    p = markStep(p, 'a', 0, true);
    p = markStep(p, 'a', 2, true);
    p = markStep(p, 'a', 3, false);
    expect(p).toEqual({ a: { step: 3, passed: [0, 2] } });
    expect(markStep(p, 'a', 3, false)).toBe(p);
  });

  test('what storage gives back is checked entry by entry', () => {
    expect(restoreProgress({ a: { step: 1, passed: [3, 1, 1, -1, 'x'] }, b: { step: 'x', passed: [] }, c: null })).toEqual({ a: { step: 1, passed: [1, 3] } });
    expect(restoreProgress('garbage')).toEqual({});
    expect(restoreProgress([1, 2])).toEqual({});
  });
});
