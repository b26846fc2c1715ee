import { describe, expect, test } from 'vitest';
import { localProgress } from './lessonStorage';

function storage(initial: Record<string, string> = {}) {
  const kept = new Map(Object.entries(initial));
  return { getItem: (k: string) => kept.get(k) ?? null, setItem: (k: string, v: string) => { kept.set(k, v); }, kept };
}

describe('lesson progress in localStorage', () => {
  test('survives a reload: what one page saves, the next loads', () => {
    const s = storage();
    localProgress(s).save({ 'dns-names': { step: 2, passed: [0, 1] } });
    expect(localProgress(s).load()).toEqual({ 'dns-names': { step: 2, passed: [0, 1] } });
  });

  test('damaged or unavailable storage costs the progress, never the page', () => {
    expect(localProgress(storage({ 'podpath.lessons.progress.v1': '{not json' })).load()).toEqual({});
    const full = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('quota'); } };
    expect(localProgress(full).load()).toEqual({});
    expect(() => localProgress(full).save({})).not.toThrow();
    expect(localProgress(null).load()).toEqual({});
  });
});
