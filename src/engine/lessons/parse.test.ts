import { describe, expect, test } from 'vitest';
import { parseLesson } from './parse';

const lesson = (steps: string) => `apiVersion: podpath.dev/v1alpha1
kind: Lesson
metadata:
  name: demo
spec:
  title: Demo
  topic: dns
  scenario: { builtin: default }
  steps:
${steps}`;

const step = `    - title: One
      text: Look.
      run: { send: { from: default/web, to: default/cache, port: 6379 } }
      check:
        kind: number
        question: How many?
        answer: { of: trace, field: exchanges }
`;

describe('reading a lesson', () => {
  test('a well-formed lesson reads with its defaults filled in', () => {
    const r = parseLesson(lesson(step));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.lesson.spec.order).toBe(100);
  });

  test('an unknown field is refused with its path and line', () => {
    const r = parseLesson(lesson(step.replace('      text: Look.', '      text: Look.\n      txet: oops')));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ line: 12, field: 'spec.steps[0].txet' });
  });

  test('a regular expression that does not compile is refused where it is written', () => {
    const r = parseLesson(lesson(`${step}      highlight: { tables: [{ netns: node/x, table: routes, match: "(" }] }\n`));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.message).toMatch(/not a regular expression/);
  });

  test('feedback may use only the placeholders its check kind fills', () => {
    const r = parseLesson(lesson(`${step}        wrong: "Not {answer}, see {failed}."\n`));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ field: 'spec.steps[0].check.wrong', line: 17 });
  });

  test('a question that reads the trace needs a run or a step the learner must find', () => {
    const r = parseLesson(lesson(step.replace('      run: { send: { from: default/web, to: default/cache, port: 6379 } }\n', '')));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.message).toMatch(/needs a trace/);
  });

  test('two documents, or YAML that does not parse, are located problems and not a throw', () => {
    expect(parseLesson(`${lesson(step)}---\nkind: Lesson\n`)).toMatchObject({ ok: false });
    expect(parseLesson('a: [')).toMatchObject({ ok: false });
    expect(parseLesson(42 as unknown as string)).toMatchObject({ ok: false });
  });

  test('a rules value names a mode or a pick, not both', () => {
    const r = parseLesson(lesson(step.replace('{ of: trace, field: exchanges }', '{ of: rules, mode: ipvs, pick: most }')));
    expect(r.ok).toBe(false);
  });
});
