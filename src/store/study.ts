// The rules-vs-Services study: how many netfilter rules one packet to one Service crosses in
// each kube-proxy mode as the number of Services grows. The engine measures each point
// (ruleWalk); a runner given to the store does the work off the page's thread (the app
// passes a Web Worker) and reports points as they come. The store only keeps the results.
import { RULE_WALK_SIZES } from '../engine/lite';
import type { ProxyMode, RuleWalkPoint } from '../engine';
import type { GetState, SetState } from './types';

export const STUDY_MODES: readonly ProxyMode[] = ['iptables', 'ipvs', 'nftables'];

/** What to measure: every size (smallest first), each in every mode. */
export interface StudyPlan {
  readonly sizes: readonly number[];
  readonly modes: readonly ProxyMode[];
}

export const STUDY_PLAN: StudyPlan = { sizes: RULE_WALK_SIZES, modes: STUDY_MODES };

export interface StudyHandlers {
  point(p: RuleWalkPoint): void;
  done(): void;
  fail(message: string): void;
}

/** Runs a plan somewhere (a worker, or in-process in tests); returns what stops it. */
export type StudyRunner = (plan: StudyPlan, on: StudyHandlers) => () => void;

export type StudyStatus = 'idle' | 'running' | 'done' | 'failed';

export interface StudyState {
  readonly status: StudyStatus;
  readonly points: readonly RuleWalkPoint[];
  /** How many points the plan has. */
  readonly total: number;
  readonly error: string | null;
}

export interface StudySlice {
  readonly study: StudyState;
  /** Starts (or restarts, once finished) the measurement; does nothing while one runs. */
  startStudy(): void;
  stopStudy(): void;
}

const total = (plan: StudyPlan) => plan.sizes.length * plan.modes.length;

export function createStudySlice(set: SetState, get: GetState, runner: StudyRunner | undefined, plan: StudyPlan = STUDY_PLAN): StudySlice {
  let stop: (() => void) | null = null;
  let run = 0;
  const update = (patch: Partial<StudyState>) => set((s) => ({ study: { ...s.study, ...patch } }));
  return {
    study: { status: 'idle', points: [], total: total(plan), error: null },
    startStudy: () => {
      if (get().study.status === 'running') return;
      if (!runner) {
        update({ status: 'failed', error: 'this page cannot run the measurement in the background (no Web Worker)' });
        return;
      }
      const mine = ++run;
      // Reports from a run that was stopped or replaced are ignored.
      const live = () => mine === run;
      update({ status: 'running', points: [], error: null });
      stop = runner(plan, {
        point: (p) => { if (live()) set((s) => ({ study: { ...s.study, points: [...s.study.points, p] } })); },
        done: () => { if (live()) { stop = null; update({ status: 'done' }); } },
        fail: (message) => { if (live()) { stop = null; update({ status: 'failed', error: message }); } },
      });
    },
    stopStudy: () => {
      if (get().study.status !== 'running') return;
      run++;
      stop?.();
      stop = null;
      update({ status: get().study.points.length === total(plan) ? 'done' : 'idle' });
    },
  };
}
