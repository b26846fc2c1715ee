import { describe, expect, test } from 'vitest';
import defaultYaml from '../scenarios/default.yaml?raw';
import { createLoadedStore } from './store';
import { memoryProgress } from './lessonProgress';
import { memoryLibrary } from './librarySlice';

const open = async () => {
  const progress = memoryProgress();
  const store = await createLoadedStore(defaultYaml, { progress });
  return { store, progress };
};

describe('the lesson slice', () => {
  test('opening a lesson at a step loads its scenario and asks the step\'s check once its run is made', async () => {
    const { store } = await open();
    expect(await store.getState().openLesson('service-iptables', 1)).toBe(true);
    const s = store.getState();
    expect(s.lessonView).toBe('lesson');
    expect(s.lessonStep).toBe(1);
    // Nothing run yet: the check says what to run.
    expect(s.lessonCheck.prepared).toMatchObject({ ok: false, reason: 'no-trace' });
    await s.runLessonStep();
    await store.getState().idle();
    await store.getState().askLessonCheck();
    const ready = store.getState().lessonCheck;
    expect(ready.status).toBe('ready');
    expect(ready.prepared?.ok && ready.prepared.options!.length).toBeGreaterThan(1);
  });

  test('a right answer is accepted and kept as progress; a wrong one is explained and not kept', async () => {
    const { store, progress } = await open();
    await store.getState().openLesson('service-iptables', 0);
    await store.getState().runLessonStep();
    await store.getState().askLessonCheck();
    const prepared = store.getState().lessonCheck.prepared;
    if (!prepared?.ok || prepared.truth.kind !== 'hop') throw new Error('expected a hop check');
    const wrong = await store.getState().answerLessonCheck({ ...prepared.truth, hop: 0 });
    expect(wrong).toMatchObject({ ok: true, correct: false });
    expect(wrong?.ok && wrong.feedback).toMatch(/did not change the destination/);
    expect(progress.load()['service-iptables']?.passed).toEqual([]);
    const right = await store.getState().answerLessonCheck(prepared.truth);
    expect(right).toMatchObject({ ok: true, correct: true });
    expect(progress.load()['service-iptables']).toEqual({ step: 0, passed: [0] });
  });

  test('a task is judged on the learner\'s scenario: refused as it is, accepted after the solution', async () => {
    const { store } = await open();
    await store.getState().openLesson('service-iptables', 4);
    expect((await store.getState().answerLessonCheck({ kind: 'task' }))).toMatchObject({ ok: true, correct: false });
    await store.getState().solveLessonStep();
    expect(store.getState().text).toContain('replicas: 3');
    expect(await store.getState().answerLessonCheck({ kind: 'task' })).toMatchObject({ ok: true, correct: true });
    // The next step keeps the learner's scenario: it runs in the same one.
    await store.getState().goToLessonStep(5);
    expect(store.getState().text).toContain('replicas: 3');
  });

  test('an unknown lesson leaves the index open with a message', async () => {
    const { store } = await open();
    expect(await store.getState().openLesson('no-such-lesson')).toBe(false);
    expect(store.getState().lessonView).toBe('index');
    expect(store.getState().lessonError).toContain('no-such-lesson');
  });

  test('a lesson written as YAML is added under its own key and opens', async () => {
    const { store } = await open();
    const yaml = `apiVersion: podpath.dev/v1alpha1
kind: Lesson
metadata: { name: mine }
spec:
  title: Mine
  topic: dns
  scenario: { builtin: default }
  steps:
    - title: One
      text: Look.
      run: { send: { from: default/web, to: default/cache, port: 6379 } }
      check: { kind: number, question: How many exchanges?, answer: { of: trace, field: exchanges }, wrong: "Not {answer}." }
`;
    const added = await store.getState().addLesson(yaml, 'file');
    expect(added).toEqual({ ok: true, key: '~mine' });
    expect(await store.getState().openLesson('~mine')).toBe(true);
    expect(await store.getState().addLesson('kind: Lesson', 'file')).toMatchObject({ ok: false });
  });
});

describe('a link to a later step', () => {
  test('opens in the scenario the earlier tasks leave: their solutions are applied', async () => {
    const { store } = await open();
    expect(await store.getState().openLesson('service-ipvs', 2)).toBe(true);
    expect(store.getState().text).toContain('kubeProxyMode: ipvs');
    expect(store.getState().proxyMode).toBe('ipvs');
  });

  test('at the first step the lesson\'s own scenario is loaded as it is', async () => {
    const { store } = await open();
    await store.getState().openLesson('service-ipvs', 0);
    expect(store.getState().proxyMode).toBe('iptables');
  });
});

describe('the learner\'s own work', () => {
  const mine = defaultYaml.replace('replicas: 2', 'replicas: 4');

  test('is kept in My scenarios before a lesson replaces it, once, and Undo takes the lesson back', async () => {
    const store = await createLoadedStore(defaultYaml, { progress: memoryProgress(), library: memoryLibrary() });
    await store.getState().loadScenario(mine, 'apply the YAML');
    await store.getState().openLesson('service-ipvs', 0);
    const kept = store.getState().library;
    expect(kept.map((x) => [x.name, x.scenario])).toEqual([['Before the lesson "A Service in IPVS mode"', mine]]);
    expect(store.getState().history.undoLabel).toMatch(/^open step 1 of the lesson /);
    // Moving through the lesson, or opening it again over the same work, keeps nothing more.
    await store.getState().goToLessonStep(2);
    store.getState().closeLessons();
    await store.getState().loadScenario(mine, 'apply the YAML');
    await store.getState().openLesson('service-ipvs', 0);
    expect(store.getState().library).toHaveLength(1);
    await store.getState().undo();
    expect(store.getState().text).toBe(mine);
  });

  test('is not copied when it is podpath\'s own: the default scenario or another lesson\'s', async () => {
    const store = await createLoadedStore(defaultYaml, { progress: memoryProgress(), library: memoryLibrary() });
    await store.getState().openLesson('service-iptables', 0);
    await store.getState().openLesson('nodeport', 0);
    expect(store.getState().text).not.toBe(defaultYaml);
    await store.getState().openLesson('service-ipvs', 0);
    expect(store.getState().library).toEqual([]);
  });
});
