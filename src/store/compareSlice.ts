// The pinned run: a trace kept aside so the next run (after a mode switch, a CNI change, a
// traffic policy, any edit) can be compared with it side by side (compare.ts).
import { runText } from '../engine/lite';
import type { CompareSlice, GetState, SetState } from './types';

export function createCompareSlice(set: SetState, get: GetState): CompareSlice {
  return {
    pinned: null,
    pinTrace: () => {
      const { trace, steps, proxyMode, history } = get();
      if (!trace) return;
      const after = history.undoLabel ? `, after "${history.undoLabel}"` : '';
      set({ pinned: { trace, steps, label: `${runText(trace.run)} (kube-proxy ${proxyMode ?? '?'}${after})` } });
    },
    unpinTrace: () => set({ pinned: null }),
  };
}
