// Small inline icons (decorative: the buttons carry the names), drawn as SVG so they look
// the same on every system, with no icon font or emoji.
const base = { width: 16, height: 16, viewBox: '0 0 16 16', 'aria-hidden': true, focusable: false } as const;

export const IconPlay = () => <svg {...base}><path d="M4 2.5v11l9-5.5z" fill="currentColor" /></svg>;
export const IconPause = () => <svg {...base}><path d="M4 2.5h3v11H4zM9 2.5h3v11H9z" fill="currentColor" /></svg>;
export const IconBack = () => <svg {...base}><path d="M3 2.5h2v11H3zM13 2.5v11L6 8z" fill="currentColor" /></svg>;
export const IconForward = () => <svg {...base}><path d="M11 2.5h2v11h-2zM3 2.5v11L10 8z" fill="currentColor" /></svg>;
export const IconSwap = () => (
  <svg {...base}><path d="M2 5h10M9 2l3 3-3 3M14 11H4M7 8l-3 3 3 3" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" /></svg>
);
export const IconSend = () => <svg {...base}><path d="M2 8l12-5.5L10.5 14 8 9z" fill="currentColor" /></svg>;
