// What the engine is doing for the page: each engine call the store makes is tracked, so the
// page can show a progress indicator while one runs and tests (and the page API) can wait
// until everything asked so far is answered.
import type { SetState, WorkSlice } from './types';

export interface Work {
  readonly slice: WorkSlice;
  /** Tracks `promise` under `label` until it settles; returns it. */
  track<T>(label: string, promise: Promise<T>): Promise<T>;
  /** Renames the task `promise` is tracked under (a load moving from parsing to compiling). */
  relabel(promise: Promise<unknown>, label: string): void;
}

export function createWork(set: SetState): Work {
  const running = new Map<Promise<unknown>, string>();
  const show = () => set({ busy: [...running.values()].at(-1) ?? null });
  return {
    slice: {
      busy: null,
      idle: async () => {
        while (running.size > 0) await Promise.allSettled([...running.keys()]);
      },
    },
    track(label, promise) {
      running.set(promise, label);
      show();
      const done = () => { running.delete(promise); show(); };
      promise.then(done, done);
      return promise;
    },
    relabel(promise, label) {
      if (!running.has(promise)) return;
      running.set(promise, label);
      show();
    },
  };
}
