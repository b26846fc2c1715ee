// The UI settings slice: playback (playing, speed), which side panel shows, and what the
// learner chose in the tables panel for the selected hop, and the page's notice (a link that
// could not be opened, what was repaired).
import type { GetState, SetState, UiSlice } from './types';

export function createUiSlice(set: SetState, get: GetState): UiSlice {
  return {
    playing: false,
    speed: 1,
    panel: 'trace',
    tablesPin: null,
    notice: null,
    showNotice: (notice) => set({ notice }),
    play: () => {
      const { steps, position } = get();
      if (steps.length < 2) return;
      // Play from the start again once the walk has ended.
      set({ playing: true, position: position >= steps.length - 1 ? 0 : position });
    },
    pause: () => set({ playing: false }),
    setSpeed: (speed) => set({ speed }),
    setPanel: (panel) => set({ panel }),
    pinTables: (pin) => set({ tablesPin: pin }),
  };
}
