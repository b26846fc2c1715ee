// The rules-vs-Services study in the store: points arrive in the plan's order, a run can be
// stopped, and a page without a runner says why it cannot measure.
import { describe, expect, it } from 'vitest';
import { ruleWalk } from '../engine';
import defaultYaml from '../scenarios/default.yaml?raw';
import { createAppStore } from './store';
import type { StudyHandlers, StudyPlan, StudyRunner } from './study';

const plan: StudyPlan = { sizes: [10, 30], modes: ['iptables', 'ipvs'] };

/** Runs the engine in-process, at once. */
const inProcess: StudyRunner = (p, on) => {
  for (const n of p.sizes) for (const m of p.modes) on.point(ruleWalk(m, n));
  on.done();
  return () => {};
};

describe('the study slice', () => {
  it('collects the engine\'s measurements in the plan\'s order and finishes', () => {
    const store = createAppStore(defaultYaml, { studyRunner: inProcess, studyPlan: plan });
    expect(store.getState().study).toMatchObject({ status: 'idle', total: 4, points: [] });
    store.getState().startStudy();
    const { study } = store.getState();
    expect(study.status).toBe('done');
    expect(study.points.map((p) => `${p.services} ${p.mode}`)).toEqual(['10 iptables', '10 ipvs', '30 iptables', '30 ipvs']);
    // iptables compares one more rule per Service; IPVS looks the Service up in a hash.
    const at = (n: number, m: string) => study.points.find((p) => p.services === n && p.mode === m)!.rulesEvaluated;
    expect(at(30, 'iptables') - at(10, 'iptables')).toBe(20);
    expect(at(30, 'ipvs')).toBe(at(10, 'ipvs'));
  });

  it('shows points as they come while running, and ignores a stopped run\'s late reports', () => {
    let on: StudyHandlers | null = null;
    let stopped = false;
    const manual: StudyRunner = (_p, handlers) => { on = handlers; return () => { stopped = true; }; };
    const store = createAppStore(defaultYaml, { studyRunner: manual, studyPlan: plan });
    store.getState().startStudy();
    on!.point({ mode: 'iptables', services: 10, rulesEvaluated: 27, verdict: 'delivered' });
    expect(store.getState().study).toMatchObject({ status: 'running', points: [{ services: 10 }] });
    store.getState().startStudy();
    expect(store.getState().study.points).toHaveLength(1);
    store.getState().stopStudy();
    expect(stopped).toBe(true);
    on!.point({ mode: 'ipvs', services: 10, rulesEvaluated: 17, verdict: 'delivered' });
    on!.done();
    expect(store.getState().study).toMatchObject({ status: 'idle', points: [{ mode: 'iptables' }] });
  });

  it('reports a failure with its message', () => {
    const failing: StudyRunner = (_p, on) => { on.fail('out of memory'); return () => {}; };
    const store = createAppStore(defaultYaml, { studyRunner: failing });
    store.getState().startStudy();
    expect(store.getState().study).toMatchObject({ status: 'failed', error: 'out of memory' });
  });

  it('says why it cannot measure when the page gave it no runner', () => {
    const store = createAppStore(defaultYaml);
    store.getState().startStudy();
    expect(store.getState().study.status).toBe('failed');
    expect(store.getState().study.error).toMatch(/Web Worker/);
  });
});
