import { describe, expect, test } from 'vitest';
import { isLessonFragment, lessonFragment, readLessonFragment } from './link';

describe('lesson links', () => {
  test('a built-in lesson\'s step reads as #lesson/NAME/STEP, steps counted from 1', () => {
    expect(lessonFragment({ kind: 'builtin', name: 'dns-names', step: 2 })).toBe('lesson/dns-names/3');
    expect(readLessonFragment('#lesson/dns-names/3')).toEqual({ ok: true, link: { kind: 'builtin', name: 'dns-names', step: 2 } });
    expect(readLessonFragment('#lesson/dns-names')).toEqual({ ok: true, link: { kind: 'builtin', name: 'dns-names', step: 0 } });
  });

  test('a lesson written elsewhere travels whole and comes back word for word', () => {
    const yaml = 'apiVersion: podpath.dev/v1alpha1\nkind: Lesson\n# a comment, and ünïcödé\n';
    const fragment = lessonFragment({ kind: 'doc', yaml, step: 4 });
    expect(fragment).toMatch(/^lesson\/~[A-Za-z0-9_-]+\/5$/);
    expect(readLessonFragment(`#${fragment}`)).toEqual({ ok: true, link: { kind: 'doc', yaml, step: 4 } });
  });

  test('other fragments are not lesson links; damaged ones say why', () => {
    expect(readLessonFragment('#v1.abc')).toBeNull();
    expect(readLessonFragment('')).toBeNull();
    expect(isLessonFragment('#lesson/x/1')).toBe(true);
    expect(readLessonFragment('#lesson/x/0')).toMatchObject({ ok: false, error: expect.stringContaining('count from 1') as unknown as string });
    expect(readLessonFragment('#lesson/Not_A_Name/1')).toMatchObject({ ok: false });
    expect(readLessonFragment('#lesson/~!!!/1')).toMatchObject({ ok: false, error: expect.stringContaining('base64url') as unknown as string });
    expect(readLessonFragment('#lesson/~AAAA/1')).toMatchObject({ ok: false, error: expect.stringContaining('decompress') as unknown as string });
    expect(readLessonFragment('#lesson/a/b/c')).toMatchObject({ ok: false });
  });
});
