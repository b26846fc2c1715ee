// Asks for layouts off the main thread: one request at a time is wanted, and an answer to a
// request a newer one replaced is dropped. Without workers (unit tests, old browsers) the
// layout is computed in the page, the same pure function.
import { layoutView, type Layout, type LayoutInput } from './layout';

export interface LayoutClient {
  /** The layout of `input`, or null when a newer request replaced this one first. */
  layout(input: LayoutInput): Promise<Layout | null>;
}

export function createLayoutClient(): LayoutClient {
  let latest = 0;
  let worker: Worker | null = null;
  const waiting = new Map<number, { readonly input: LayoutInput; readonly done: (l: Layout | null) => void }>();
  if (typeof Worker !== 'undefined') {
    try {
      worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
      worker.addEventListener('message', (e: MessageEvent<{ id: number; layout: Layout }>) => {
        const w = waiting.get(e.data.id);
        waiting.delete(e.data.id);
        w?.done(e.data.id === latest ? e.data.layout : null);
      });
      worker.addEventListener('error', (e) => {
        // A worker that cannot start: lay out in the page from now on, answering what waits.
        e.preventDefault();
        worker = null;
        for (const [id, w] of waiting) w.done(id === latest ? layoutView(w.input) : null);
        waiting.clear();
      });
    } catch {
      worker = null;
    }
  }
  return {
    layout(input) {
      const id = ++latest;
      for (const [old, w] of waiting) { waiting.delete(old); w.done(null); }
      if (!worker) return Promise.resolve(layoutView(input));
      const w = worker;
      return new Promise((resolve) => {
        waiting.set(id, { input, done: resolve });
        w.postMessage({ id, input });
      });
    },
  };
}
