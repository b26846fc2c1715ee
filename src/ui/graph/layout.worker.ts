// The layout in a Web Worker: the page sends what is drawn and at which level of detail, the
// worker answers with every box and route (see layout.ts), so opening a node full of pods
// never holds up the page or the packet's animation.
import { layoutView, type LayoutInput } from './layout';

self.addEventListener('message', (e: MessageEvent<{ id: number; input: LayoutInput }>) => {
  self.postMessage({ id: e.data.id, layout: layoutView(e.data.input) });
});
