// The session controls' icons (decorative: each button keeps its name in a text that phones
// hide visually, .pp-btn-text).
const base = { width: 16, height: 16, viewBox: '0 0 16 16', 'aria-hidden': true, focusable: false } as const;
const line = { fill: 'none', stroke: 'currentColor', strokeWidth: 1.6, strokeLinecap: 'round', strokeLinejoin: 'round' } as const;

export const IconUndo = () => <svg {...base}><path d="M5 3 2 6l3 3M2 6h7a4 4 0 0 1 0 8H7" {...line} /></svg>;
export const IconRedo = () => <svg {...base}><path d="m11 3 3 3-3 3M14 6H7a4 4 0 0 0 0 8h2" {...line} /></svg>;
export const IconLink = () => <svg {...base}><path d="M7 9a3 3 0 0 0 4.2 0l2-2a3 3 0 0 0-4.2-4.2l-.8.8M9 7a3 3 0 0 0-4.2 0l-2 2a3 3 0 0 0 4.2 4.2l.8-.8" {...line} /></svg>;
export const IconSaved = () => <svg {...base}><path d="M2 4h4l1.5 1.5H14V13H2z" {...line} /></svg>;
export const IconImport = () => <svg {...base}><path d="M8 2v8M5 7l3 3 3-3M2 12v2h12v-2" {...line} /></svg>;
export const IconHandout = () => <svg {...base}><path d="M4 2h5l3 3v9H4zM9 2v3h3M6 9h4M6 11.5h4" {...line} /></svg>;
