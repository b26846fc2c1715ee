// Undo and redo of the scenario: a small store of the working scenario's text and the name
// of the step that made it, with zundo's `temporal` middleware keeping the past and future
// texts. One committed change (an edit on the graph, an applied YAML edit, a switch, a reset,
// an opened link) is one step, so a drag is one step: its positions are committed once, when
// it ends. Undo hands back the text to load; the scenario slice compiles it.
import { temporal } from 'zundo';
import { createStore } from 'zustand/vanilla';

export interface HistoryEntry {
  readonly text: string;
  /** What made this text: "add Pod default/pod", "apply the YAML", "reset to the default scenario". */
  readonly label: string;
}

export interface HistoryView {
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  /** The step undo would take back, and the one redo would make again. */
  readonly undoLabel: string | null;
  readonly redoLabel: string | null;
}

export const NO_HISTORY: HistoryView = { canUndo: false, canRedo: false, undoLabel: null, redoLabel: null };

/** How many steps are kept. */
export const HISTORY_LIMIT = 100;

export interface History {
  /** Starts over from `text` (the first scenario of the page): nothing to undo. */
  reset(text: string): void;
  /** A new step; clears what could be redone. */
  record(entry: HistoryEntry): void;
  /** The text to go back to, or null; the history moves only when the caller confirms it loaded. */
  peekUndo(): HistoryEntry | null;
  peekRedo(): HistoryEntry | null;
  undo(): void;
  redo(): void;
  view(): HistoryView;
  subscribe(listener: (view: HistoryView) => void): () => void;
}

export function createHistory(): History {
  const store = createStore<HistoryEntry>()(temporal(() => ({ text: '', label: '' }), {
    limit: HISTORY_LIMIT,
    equality: (a, b) => a.text === b.text,
  }));
  const t = () => store.temporal.getState();
  const view = (): HistoryView => {
    const { pastStates, futureStates } = t();
    return {
      canUndo: pastStates.length > 0, canRedo: futureStates.length > 0,
      undoLabel: pastStates.length > 0 ? store.getState().label : null,
      redoLabel: futureStates.at(-1)?.label ?? null,
    };
  };
  return {
    reset(text) {
      store.setState({ text, label: 'open the scenario' });
      t().clear();
    },
    record: (entry) => store.setState(entry),
    peekUndo: () => (t().pastStates.at(-1) as HistoryEntry | undefined) ?? null,
    peekRedo: () => (t().futureStates.at(-1) as HistoryEntry | undefined) ?? null,
    undo: () => t().undo(),
    redo: () => t().redo(),
    view,
    subscribe: (listener) => {
      const a = store.temporal.subscribe(() => listener(view()));
      const b = store.subscribe(() => listener(view()));
      return () => { a(); b(); };
    },
  };
}
